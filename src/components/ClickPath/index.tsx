import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { translate } from '@docusaurus/Translate';
import type { clickPathData } from '@site/registry/page-data';
import styles from './styles.module.css';

type Data = ReturnType<typeof clickPathData>;
type Step = Data['steps'][number];

function actionText(action: Step['action']): string | null {
  switch (action) {
    case 'tick':
      return translate({ id: 'youxiang.path.tick', message: '勾选' });
    case 'select':
      return translate({ id: 'youxiang.path.select', message: '选择' });
    case 'copy':
      return translate({ id: 'youxiang.path.copy', message: '复制' });
    case 'type':
      return translate({ id: 'youxiang.path.type', message: '填写' });
    case 'scan':
      return translate({ id: 'youxiang.path.scan', message: '扫码' });
    case 'verify':
      return translate({ id: 'youxiang.path.verify', message: '验证' });
    default:
      return null;
  }
}

/**
 * A UI label as it appears on screen; English readers also get the Chinese label. A provider
 * with no Chinese interface (Mail.ru) has its English label first in the Chinese one, with a
 * gloss: English readers get the English label alone.
 */
function Label({ label, locale }: { label: Step['label']; locale: string }) {
  if (locale !== 'zh-Hans' && label['zh-Hans'].startsWith(label.en)) return <span className={styles.label}>{label.en}</span>;
  if (locale === 'zh-Hans' || label.en === label['zh-Hans']) return <span className={styles.label}>{label['zh-Hans']}</span>;
  return (
    <span className={styles.label}>
      {label.en} <span lang="zh-Hans" className={styles.original}>{label['zh-Hans']}</span>
    </span>
  );
}

export default function ClickPath({ data }: { data: Data }) {
  const { i18n } = useDocusaurusContext();
  const locale = i18n.currentLocale;
  return (
    <nav
      data-nosearch
      className={styles.path}
      aria-label={
        data.audience === 'admin'
          ? translate({ id: 'youxiang.path.adminLabel', message: '管理员操作路径' })
          : translate({ id: 'youxiang.path.userLabel', message: '操作路径' })
      }>
      {data.audience === 'admin' ? (
        <span className={styles.audience}>{translate({ id: 'youxiang.path.admin', message: '管理员' })}</span>
      ) : null}
      <ol className={styles.steps}>
        {data.start ? (
          <li className={styles.step}>
            <code>{data.start}</code>
          </li>
        ) : null}
        {data.steps.map((step, i) => {
          // A setting and its value read as a sentence (把【X】设为【开启】), not as an assignment.
          if (step.value) {
            return (
              <li key={i} className={styles.step}>
                <span className={styles.action}>{translate({ id: 'youxiang.path.setBefore', message: '把' })}</span>
                <Label label={step.label} locale={locale} />
                <span className={styles.action}>{translate({ id: 'youxiang.path.setTo', message: '设为' })}</span>
                <Label label={step.value} locale={locale} />
              </li>
            );
          }
          const action = actionText(step.action);
          return (
            <li key={i} className={styles.step}>
              {action ? <span className={styles.action}>{action}</span> : null}
              <Label label={step.label} locale={locale} />
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
