import Link from '@docusaurus/Link';
import { translate } from '@docusaurus/Translate';
import type { errorTableData } from '@site/registry/page-data';
import ErrorHeading from '@site/src/components/ErrorHeading';
import useAnchors from '@site/src/hooks/useAnchors';
import cards from '../cards.module.css';
import styles from './styles.module.css';

type Data = ReturnType<typeof errorTableData>;

/**
 * One card per error rather than a table: the literal strings are long and read on
 * phones, where a three-column table squeezes them into a few characters per line.
 * The error text is the card's heading, so the site search indexes the card as its own
 * section and a pasted server reply finds it (see ErrorHeading).
 */
export default function ErrorTable({ data }: { data: Data }) {
  useAnchors(data.errors.map((e) => e.id));
  const meaning = translate({ id: 'youxiang.errors.meaning', message: '含义' });
  const fix = translate({ id: 'youxiang.errors.fix', message: '怎么解决' });
  return (
    <ul className={cards.list} aria-label={translate({ id: 'youxiang.errors.text', message: '报错内容' })}>
      {data.errors.map((e) => (
        <li key={e.id} id={e.id} className={cards.entry}>
          <ErrorHeading anchor={e.id} text={e.text}>
            <a href={`#${e.id}`} className={styles.code}>
              <code>{e.text}</code>
            </a>
          </ErrorHeading>
          <p>
            <span className={cards.label}>{meaning}</span>
            {e.meaning}
          </p>
          <p>
            <span className={cards.label}>{fix}</span>
            {e.fix}
            {e.anchor ? (
              <>
                {' '}
                <Link to={`#${e.anchor}`}>{translate({ id: 'youxiang.errors.see', message: '查看步骤' })}</Link>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
