import Link from '@docusaurus/Link';
import { translate } from '@docusaurus/Translate';
import type { pitfallTableData } from '@site/registry/page-data';
import useAnchors from '@site/src/hooks/useAnchors';
import cards from '../cards.module.css';
import styles from './styles.module.css';

type Data = ReturnType<typeof pitfallTableData>;

/**
 * One card per pitfall, like the error list: as a three-column table on a phone the
 * "how to avoid" column, the one the reader needs, was pushed off-screen.
 */
export default function PitfallTable({ data }: { data: Data }) {
  useAnchors(data.pitfalls.map((p) => `pitfall-${p.id}`));
  const consequence = translate({ id: 'youxiang.pitfalls.consequence', message: '后果' });
  const avoid = translate({ id: 'youxiang.pitfalls.avoid', message: '怎么避免' });
  return (
    <ul className={cards.list} aria-label={translate({ id: 'youxiang.pitfalls.mistake', message: '踩坑点' })}>
      {data.pitfalls.map((p) => (
        <li key={p.id} id={`pitfall-${p.id}`} className={cards.entry}>
          <p className={styles.title}>{p.title}</p>
          <p>
            <span className={cards.label}>{consequence}</span>
            {p.consequence}
          </p>
          <p>
            <span className={cards.label}>{avoid}</span>
            {p.avoid}
            {p.anchor ? (
              <>
                {' '}
                <Link to={`#${p.anchor}`}>{translate({ id: 'youxiang.pitfalls.see', message: '详见' })}</Link>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
