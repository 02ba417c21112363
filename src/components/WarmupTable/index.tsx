import { translate } from '@docusaurus/Translate';
import type { warmupTableData } from '@site/registry/page-data';

type Data = ReturnType<typeof warmupTableData>;

export default function WarmupTable({ data }: { data: Data }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{translate({ id: 'youxiang.warmup.stage', message: '阶段' })}</th>
          <th scope="col">{translate({ id: 'youxiang.warmup.daily', message: '每日发送量' })}</th>
          <th scope="col">{translate({ id: 'youxiang.warmup.note', message: '注意' })}</th>
        </tr>
      </thead>
      <tbody>
        {data.rows.map((row) => (
          <tr key={row.stage}>
            <td>{row.stage}</td>
            <td>{row.daily}</td>
            <td>{row.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
