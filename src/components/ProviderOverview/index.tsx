import Link from '@docusaurus/Link';
import { translate } from '@docusaurus/Translate';
import type { providerOverviewData } from '@site/registry/page-data';
import useAnchors from '@site/src/hooks/useAnchors';
import { displayHost, securityLabel } from '../ServerTable';
import styles from './styles.module.css';

type Data = ReturnType<typeof providerOverviewData>;
type Server = Data['providers'][number]['imap'];

function ServerText({ server }: { server: Server }) {
  return (
    <>
      <code>{displayHost(server.host)}</code>
      <span className={styles.port}>
        {server.port} · {securityLabel(server.security)}
      </span>
    </>
  );
}

export default function ProviderOverview({ data }: { data: Data }) {
  useAnchors(data.providers.map((p) => `provider-${p.id}`));
  return (
    <div className={styles.wrap}>
      <table>
        <thead>
          <tr>
            <th scope="col">{translate({ id: 'youxiang.overview.provider', message: '邮箱' })}</th>
            <th scope="col">{translate({ id: 'youxiang.overview.credential', message: '密码栏填' })}</th>
            <th scope="col">IMAP</th>
            <th scope="col">SMTP</th>
          </tr>
        </thead>
        <tbody>
          {data.providers.map((p) => (
            <tr key={p.id} id={`provider-${p.id}`}>
              <td>
                <Link to={p.path}>{p.name}</Link>
              </td>
              <td>{p.credential}</td>
              <td><ServerText server={p.imap} /></td>
              <td><ServerText server={p.smtp} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
