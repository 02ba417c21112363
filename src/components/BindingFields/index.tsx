import Translate, { translate } from '@docusaurus/Translate';
import Link from '@docusaurus/Link';
import type { bindingFieldsData } from '@site/registry/page-data';
import CopyButton from '../CopyButton';
import { displayHost, securityLabel } from '../ServerTable';

type Data = ReturnType<typeof bindingFieldsData>;

function ServerCell({ server, backup }: { server: Data['imap']; backup: string | null }) {
  return (
    <>
      <code>{displayHost(server.host)}</code>
      {server.host.includes('{domain}') ? null : <CopyButton text={server.host} />}
      {' · '}
      <Translate id="youxiang.binding.portSecurity" values={{ port: <code>{server.port}</code>, security: securityLabel(server.security) }}>
        {'端口 {port} · {security}'}
      </Translate>
      {backup ? (
        <>
          {' '}
          (<Link to={`#set-${backup}`}>{translate({ id: 'youxiang.binding.backup', message: '连不上时换备用服务器' })}</Link>)
        </>
      ) : null}
    </>
  );
}

export default function BindingFields({ data }: { data: Data }) {
  const length = data.credential.length;
  return (
    <table data-nosearch>
      <thead>
        <tr>
          <th scope="col">{translate({ id: 'youxiang.binding.field', message: '表单字段' })}</th>
          <th scope="col">{translate({ id: 'youxiang.binding.value', message: '填什么' })}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>{translate({ id: 'youxiang.binding.email', message: '邮箱' })}</td>
          <td>{translate({ id: 'youxiang.binding.emailValue', message: '完整的邮箱地址，例如 {example}' }, { example: data.example })}</td>
        </tr>
        <tr>
          <td>{translate({ id: 'youxiang.binding.password', message: '密码' })}</td>
          <td>
            <strong>{data.credential.name}</strong>
            {length ? (
              <Translate id="youxiang.binding.length" values={{ length }}>{'（{length} 位）'}</Translate>
            ) : null}
            {data.credential.stripSpaces ? (
              <Translate id="youxiang.binding.stripSpaces">{'，去掉中间的空格'}</Translate>
            ) : null}
          </td>
        </tr>
        <tr>
          <td>{translate({ id: 'youxiang.binding.imap', message: '收信（IMAP）服务器' })}</td>
          <td><ServerCell server={data.imap} backup={data.backup} /></td>
        </tr>
        <tr>
          <td>{translate({ id: 'youxiang.binding.smtp', message: '发信（SMTP）服务器' })}</td>
          <td><ServerCell server={data.smtp} backup={data.backup} /></td>
        </tr>
      </tbody>
    </table>
  );
}
