// The checker's light shell: it ships with the guide page and loads the form (and the
// provider's compiled rules) only when the reader scrolls near it, touches it, or
// arrives through a link to #checker, so a guide's first load stays small. Until then the
// server's drawing of the form holds its place (./FormPreview).
import { useEffect, useRef, useState, type ComponentType } from 'react';
import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import useIsBrowser from '@docusaurus/useIsBrowser';
import { supportUrl } from '@site/src/checker/support';
import type { CheckerData, Locale, ValidatorModule } from '@site/src/checker/types';
import { displayHost, securityLabel } from '../ServerTable';
import FormPreview from './FormPreview';
import styles from './styles.module.css';

type Form = ComponentType<{ data: CheckerData; rules: ValidatorModule }>;

// Some in-app browsers run no JavaScript: the page then still says what to enter, from the same data.
function WithoutScript({ data }: { data: CheckerData }) {
  return (
    <div data-noscript>
      <p>
        <strong>{translate({ id: 'youxiang.checker.noscript', message: '这个检查工具需要 JavaScript，当前浏览器没有运行它。' })}</strong>{' '}
        {translate({ id: 'youxiang.checker.noscriptManual', message: '请照下面的设置在来发信里手动填写，密码栏填{credential}：' }, { credential: data.credential.name })}
      </p>
      <ul>
        {data.sets.map((set) => (
          <li key={set.id}>
            <strong>{set.label}</strong>
            {set.servers.map((s) => (
              <span key={s.protocol} className={styles.server}>
                {s.protocol.toUpperCase()} <code>{displayHost(s.host)}</code> · <code>{s.port}</code> · {securityLabel(s.security)}
              </span>
            ))}
          </li>
        ))}
      </ul>
      <p>
        <Translate
          id="youxiang.checker.noscriptSupport"
          values={{
            link: (
              <Link to={supportUrl}>
                <Translate id="youxiang.checker.support.link">来发信客服</Translate>
              </Link>
            ),
          }}>
          {'绑定还是失败的话，请联系{link}。'}
        </Translate>
      </p>
    </div>
  );
}

export default function Checker({ data }: { data: CheckerData }) {
  const ref = useRef<HTMLDivElement>(null);
  const isBrowser = useIsBrowser();
  const locale = useDocusaurusContext().i18n.currentLocale as Locale;
  const [loaded, setLoaded] = useState<{ Form: Form; rules: ValidatorModule } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let active = true;
    let started = false;
    const load = () => {
      if (started) return;
      started = true;
      // The form appears with its rules (so no check can be sent before they are there) and its words.
      import('./CheckerForm')
        .then((m) => Promise.all([m.loadRules(data.id), m.loadFormMessages(locale)]).then(([rules]) => active && setLoaded({ Form: m.default, rules })))
        .catch(() => active && setFailed(true));
    };
    const params = new URLSearchParams(window.location.search);
    if (window.location.hash === '#checker' || params.has('email') || params.has('set')) load();
    const element = ref.current!;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), { rootMargin: '600px 0px' });
    observer.observe(element);
    element.addEventListener('pointerdown', load);
    element.addEventListener('focusin', load);
    return () => {
      active = false;
      observer.disconnect();
      element.removeEventListener('pointerdown', load);
      element.removeEventListener('focusin', load);
    };
  }, [data.id, locale]);

  return (
    <div ref={ref} className={styles.checker} data-checker={data.id}>
      {loaded ? (
        <loaded.Form data={data} rules={loaded.rules} />
      ) : (
        <>
          <FormPreview data={data} />
          {isBrowser ? (
            <p className={styles.status} aria-live="polite">
              {failed
                ? translate({ id: 'youxiang.checker.loadFailed', message: '检查工具没有加载成功，请刷新页面再试。' })
                : translate({ id: 'youxiang.checker.loading', message: '检查工具加载中…' })}
            </p>
          ) : (
            <noscript>
              {/* Without JavaScript the form never comes alive: the list of settings takes its place. */}
              <style>{`[data-checker-preview="${data.id}"]{display:none}`}</style>
              <WithoutScript data={data} />
            </noscript>
          )}
        </>
      )}
    </div>
  );
}
