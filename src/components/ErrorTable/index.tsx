import Link from '@docusaurus/Link';
import { translate } from '@docusaurus/Translate';
import type { errorTableData } from '@site/registry/page-data';
import useAnchors from '@site/src/hooks/useAnchors';
import styles from './styles.module.css';

type Data = ReturnType<typeof errorTableData>;

export default function ErrorTable({ data }: { data: Data }) {
  useAnchors(data.errors.map((e) => e.id));
  return (
    <div className={styles.wrap}>
      <table>
        <thead>
          <tr>
            <th scope="col">{translate({ id: 'youxiang.errors.text', message: '报错内容' })}</th>
            <th scope="col">{translate({ id: 'youxiang.errors.meaning', message: '含义' })}</th>
            <th scope="col">{translate({ id: 'youxiang.errors.fix', message: '怎么解决' })}</th>
          </tr>
        </thead>
        <tbody>
          {data.errors.map((e) => (
            <tr key={e.id} id={e.id} className={styles.row}>
              <td>
                <a href={`#${e.id}`} className={styles.code}>
                  <code>{e.text}</code>
                </a>
              </td>
              <td>{e.meaning}</td>
              <td>
                {e.fix}{' '}
                <Link to={`#${e.anchor}`}>{translate({ id: 'youxiang.errors.see', message: '查看步骤' })}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
