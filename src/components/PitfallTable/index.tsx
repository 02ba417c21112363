import Link from '@docusaurus/Link';
import { translate } from '@docusaurus/Translate';
import type { pitfallTableData } from '@site/registry/page-data';
import useAnchors from '@site/src/hooks/useAnchors';

type Data = ReturnType<typeof pitfallTableData>;

export default function PitfallTable({ data }: { data: Data }) {
  useAnchors(data.pitfalls.map((p) => `pitfall-${p.id}`));
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{translate({ id: 'youxiang.pitfalls.mistake', message: '踩坑点' })}</th>
          <th scope="col">{translate({ id: 'youxiang.pitfalls.consequence', message: '后果' })}</th>
          <th scope="col">{translate({ id: 'youxiang.pitfalls.avoid', message: '怎么避免' })}</th>
        </tr>
      </thead>
      <tbody>
        {data.pitfalls.map((p) => (
          <tr key={p.id} id={`pitfall-${p.id}`}>
            <td>{p.title}</td>
            <td>{p.consequence}</td>
            <td>
              {p.avoid}
              {p.anchor ? (
                <>
                  {' '}
                  <Link to={`#${p.anchor}`}>{translate({ id: 'youxiang.pitfalls.see', message: '详见' })}</Link>
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
