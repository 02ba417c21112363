// The overview pages' quick reference (200 for company mailboxes, 100 for personal ones):
// one card per guide rather than a four-column table, which on a phone squeezed a column to
// one character per line and pushed SMTP off-screen.
import Link from '@docusaurus/Link';
import { translate } from '@docusaurus/Translate';
import type { providerOverviewData } from '@site/registry/page-data';
import useAnchors from '@site/src/hooks/useAnchors';
import { credentialHeadline, credentialNote } from '../QuickSetup';
import { displayHost, securityLabel } from '../ServerTable';
import styles from './styles.module.css';

type Data = ReturnType<typeof providerOverviewData>;
type Server = Data['providers'][number]['imap'];

function ServerText({ server }: { server: Server }) {
  return (
    <>
      <code>{displayHost(server.host)}</code>{' '}
      <span className={styles.port}>
        {server.port} · {securityLabel(server.security)}
      </span>
    </>
  );
}

export default function ProviderOverview({ data }: { data: Data }) {
  useAnchors(data.providers.map((p) => `provider-${p.id}`));
  const personal = data.kind === 'personal';
  return (
    <ul className={styles.cards}>
      {data.providers.map((p) => (
        <li key={p.id} id={`provider-${p.id}`} className={styles.card}>
          <p className={styles.name}>
            <Link to={p.path}>{p.name}</Link>
            {personal && p.domains.length ? <span className={styles.domains}>{p.domains.map((d) => `@${d}`).join(' ')}</span> : null}
          </p>
          <dl className={styles.facts}>
            <dt>{translate({ id: 'youxiang.overview.credential', message: '密码栏填' })}</dt>
            <dd>
              <strong>{credentialHeadline(p.credential)}</strong>
              <span className={styles.note}>{credentialNote(p.credential)}</span>
            </dd>
            <dt>IMAP</dt>
            <dd>
              <ServerText server={p.imap} />
            </dd>
            <dt>SMTP</dt>
            <dd>
              <ServerText server={p.smtp} />
            </dd>
          </dl>
          {p.serverDomains ? (
            <p className={styles.setNote}>
              {translate(
                { id: 'youxiang.overview.setDomains', message: '以上是 {domains} 的服务器；其他后缀有各自的服务器，见指南。' },
                { domains: p.serverDomains.map((d) => `@${d}`).join(' ') },
              )}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
