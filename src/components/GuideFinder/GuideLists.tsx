import Link from '@docusaurus/Link';
import { translate } from '@docusaurus/Translate';
import type { finderData } from '@site/registry/page-data';
import styles from './styles.module.css';

type Entry = ReturnType<typeof finderData>['entries'][number];

/** Every guide the registry knows, company mailboxes first: the way on when the finder cannot run or a link led nowhere. */
export default function GuideLists({ entries, titleAs: Title = 'p' }: { entries: Entry[]; titleAs?: 'h2' | 'p' }) {
  const groups = [
    { kind: 'enterprise', title: translate({ id: 'youxiang.guides.enterprise', message: '企业邮箱' }) },
    { kind: 'personal', title: translate({ id: 'youxiang.guides.personal', message: '个人邮箱' }) },
  ] as const;
  return (
    <div className={styles.lists}>
      {groups.map((group) => (
        <section key={group.kind} data-guides={group.kind}>
          <Title className={styles.listTitle}>{group.title}</Title>
          <ul>
            {entries
              .filter((e) => e.kind === group.kind)
              .map((e) => (
                <li key={e.id}>
                  <Link to={e.guide}>{e.name}</Link>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
