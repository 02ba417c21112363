// The first screen of a guide: what goes into the password field and which servers, with
// copy buttons, rendered from the registry before the long text. A reader from a chat link
// usually needs nothing else; the card links down to the steps for the rest.
import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';
import type { quickSetupData } from '@site/registry/page-data';
import CopyButton from '../CopyButton';
import { displayHost, securityLabel } from '../ServerTable';
import styles from './styles.module.css';

type Data = ReturnType<typeof quickSetupData>;
type Credential = Data['credential'];
type Server = Data['imap'];

/** One line on what the password field takes: the reader's own password, or a code and its shape. */
export function credentialNote(credential: Omit<Credential, 'anchor'>): string {
  if (credential.blocked) return credential.blocked;
  switch (credential.kind) {
    case 'login-password':
      return translate({ id: 'youxiang.credential.login', message: '就是登录网页版邮箱的密码' });
    case 'client-password':
      return translate({ id: 'youxiang.credential.client', message: '你自己另设的一个密码，不是登录密码' });
    default: {
      const shape = credential.hyphenated
        ? translate({ id: 'youxiang.credential.hyphenated', message: '{length} 个字母，连同连字符原样粘贴' }, { length: credential.length ?? 16 })
        : credential.length
          ? credential.stripSpaces
            ? translate({ id: 'youxiang.credential.lengthSpaces', message: '{length} 位，去掉中间的空格' }, { length: credential.length })
            : translate({ id: 'youxiang.credential.length', message: '{length} 位' }, { length: credential.length })
          : null;
      const notLogin = translate({ id: 'youxiang.credential.notLogin', message: '不是登录密码' });
      return shape ? `${shape}${translate({ id: 'youxiang.credential.separator', message: '，' })}${notLogin}` : notLogin;
    }
  }
}

/**
 * The bold words next to the password field. A reader skimming on a phone takes them for what
 * to type, so when no password can bind (Outlook.com) they say that instead of a credential.
 */
export function credentialHeadline(credential: Pick<Credential, 'name' | 'blocked'>): string {
  return credential.blocked ? translate({ id: 'youxiang.quick.blocked', message: '现在不能用密码绑定' }) : credential.name;
}

function ServerLine({ server, label }: { server: Server; label: string }) {
  return (
    <div className={styles.row}>
      <dt>{label}</dt>
      <dd>
        <code className={styles.host}>{displayHost(server.host)}</code>
        {server.host.includes('{domain}') ? null : <CopyButton text={server.host} />}
        <span className={styles.detail}>
          <Translate id="youxiang.quick.portSecurity" values={{ port: server.port, security: securityLabel(server.security) }}>
            {'端口 {port} · {security}'}
          </Translate>
        </span>
      </dd>
    </div>
  );
}

export default function QuickSetup({ data }: { data: Data }) {
  const { credential } = data;
  return (
    <section className={styles.card} aria-labelledby="quick-setup-title" data-nosearch>
      <p id="quick-setup-title" className={styles.title}>
        {translate({ id: 'youxiang.quick.title', message: '绑定时填这些' })}
        {data.domains ? <span className={styles.domains}> · {data.domains.map((d) => `@${d}`).join(' ')}</span> : null}
      </p>
      <dl className={styles.list}>
        <div className={styles.row}>
          <dt>{translate({ id: 'youxiang.quick.password', message: '密码栏' })}</dt>
          <dd>
            <strong>{credentialHeadline(credential)}</strong>
            <span className={styles.detail}>
              {credentialNote(credential)}
              {credential.anchor ? (
                <>
                  {' · '}
                  <Link to={`#${credential.anchor}`}>
                    {credential.blocked
                      ? translate({ id: 'youxiang.quick.whatNow', message: '现在怎么办' })
                      : translate({ id: 'youxiang.quick.howToGet', message: '怎么获取' })}
                  </Link>
                </>
              ) : null}
            </span>
          </dd>
        </div>
        <ServerLine server={data.imap} label={translate({ id: 'youxiang.quick.imap', message: '收信 IMAP' })} />
        <ServerLine server={data.smtp} label={translate({ id: 'youxiang.quick.smtp', message: '发信 SMTP' })} />
      </dl>
      <p className={styles.more}>
        {data.backup ? (
          <>
            <Link to={`#set-${data.backup}`}>{translate({ id: 'youxiang.quick.backup', message: '连不上？换备用服务器' })}</Link>
            {' · '}
          </>
        ) : data.moreSets ? (
          <>
            <Link to="#servers">{translate({ id: 'youxiang.quick.otherSets', message: '其他服务器' })}</Link>
            {' · '}
          </>
        ) : null}
        <Link to="#checker">{translate({ id: 'youxiang.quick.check', message: '填完先在线检查一下' })}</Link>
      </p>
    </section>
  );
}
