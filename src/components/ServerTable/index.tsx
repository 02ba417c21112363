import { translate } from '@docusaurus/Translate';
import type { serverTableData } from '@site/registry/page-data';
import CopyButton from '../CopyButton';
import useAnchors from '@site/src/hooks/useAnchors';
import styles from './styles.module.css';

type Data = ReturnType<typeof serverTableData>;

export function securityLabel(security: 'ssl' | 'starttls') {
  return security === 'ssl' ? 'SSL/TLS' : 'STARTTLS';
}

/** imap.{domain} → imap.你的域名 / imap.your-domain: the user substitutes their own domain. */
export function displayHost(host: string) {
  return host.replace('{domain}', translate({ id: 'youxiang.server.yourDomain', message: '你的域名' }));
}

export function protocolUse(protocol: 'imap' | 'smtp') {
  return protocol === 'imap'
    ? translate({ id: 'youxiang.server.receive', message: '收信' })
    : translate({ id: 'youxiang.server.send', message: '发信' });
}

export default function ServerTable({ data }: { data: Data }) {
  useAnchors(data.sets.map((set) => `set-${set.id}`));
  return (
    <div className={styles.sets}>
      {data.sets.map((set) => (
        <div key={set.id} id={`set-${set.id}`} className={styles.set}>
          <table className={styles.table}>
            <caption>
              <strong>{set.label}</strong>
              {set.note ? <span className={styles.note}> {set.note}</span> : null}
            </caption>
            <thead>
              <tr>
                <th scope="col">{translate({ id: 'youxiang.server.protocol', message: '协议' })}</th>
                <th scope="col">{translate({ id: 'youxiang.server.host', message: '服务器地址' })}</th>
              </tr>
            </thead>
            <tbody>
              {set.servers.map((s) => (
                <tr key={`${s.protocol}-${s.host}-${s.port}`}>
                  <td className={styles.protocol}>
                    <strong>{s.protocol.toUpperCase()}</strong>
                    <span className={styles.port}>
                      {protocolUse(s.protocol)} · <code>{s.port}</code> · {securityLabel(s.security)}
                    </span>
                  </td>
                  <td className={styles.host}>
                    <code>{displayHost(s.host)}</code>
                    {s.host.includes('{domain}') ? null : <CopyButton text={s.host} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
