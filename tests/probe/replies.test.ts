// Every provider reply in the registry, and the exact strings collected in
// providers-facts.md, sent by a real TLS server on loopback: the probe must name the
// same catalogue code, provider code and guide section a user would be sent to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpLink } from '../../probe/catalogue';
import { probeServer } from '../../probe/probe';
import type { ProbeResult, Protocol } from '../../probe/types';
import { loadRegistry } from '../../registry/load';
import type { ProviderError } from '../../registry/types';
import { createCertificates, type TestCertificates } from '../support/certs';
import { testProbeOptions } from '../support/probe-env';
import { startScriptedImap, startScriptedSmtp, type Reply, type ScriptedServer } from '../support/scripted-servers';

const PASSWORD = 'Sx9-"secret\\pass';
let certs: TestCertificates;
const servers: ScriptedServer[] = [];

beforeAll(() => {
  certs = createCertificates(['localhost', '127.0.0.1']);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  certs.cleanup();
});

type Where = 'greeting' | 'auth' | 'after-auth';

/** Starts a TLS server of `protocol` that answers `reply` at `where`, and probes it once. */
async function probeReply(protocol: Protocol, where: Where, reply: Reply | Reply[], provider?: string): Promise<{ result: ProbeResult; server: ScriptedServer }> {
  const lines = Array.isArray(reply) ? reply : [reply];
  const joined = lines.length === 1 ? lines[0] : Buffer.concat(lines.flatMap((l, i) => [Buffer.from(l), Buffer.from(i < lines.length - 1 ? '\r\n' : '')]));
  const server =
    protocol === 'imap'
      ? await startScriptedImap({
          security: 'ssl',
          tls: certs.valid,
          capabilities: ['IMAP4rev1', 'AUTH=PLAIN'],
          greeting: where === 'greeting' ? joined : undefined,
          login: where === 'auth' ? () => joined : undefined,
          examine: where === 'after-auth' ? () => joined : undefined,
        })
      : await startScriptedSmtp({
          security: 'ssl',
          tls: certs.valid,
          greeting: where === 'greeting' ? joined : undefined,
          auth: where === 'auth' ? () => joined : undefined,
        });
  servers.push(server);
  const result = await probeServer(
    { protocol, host: '127.0.0.1', port: server.port, security: 'ssl' },
    testProbeOptions({ ports: [server.port], ca: certs.ca, password: PASSWORD, provider }),
  );
  return { result, server };
}

/** The reply a server would send for a registry entry, built from its display or literal text. */
function replyFor(error: ProviderError, protocol: Protocol, where: Where): string[] {
  const sample = error.display ?? error.match.literal!;
  if (protocol === 'imap') {
    if (where === 'greeting') return [`* BYE ${sample}`];
    return [/^(NO|BAD) /.test(sample) ? sample : `NO ${sample}`];
  }
  const status = where === 'greeting' ? '554' : '535';
  const multi = /^(\d{3})-(\d\.\d+\.\d+)?/.exec(sample);
  // A continuation line needs a final line with the same status to end the reply.
  if (multi) return [sample, `${multi[1]} ${multi[2] ?? ''}`.trim()];
  return [/^\d{3} /.test(sample) ? sample : `${status} ${sample}`];
}

const registryCases = loadRegistry().flatMap((provider) =>
  provider.errors.flatMap((error) =>
    (error.protocols ?? (['imap', 'smtp'] as Protocol[]))
      .filter((protocol) => error.stage !== 'after-auth' || protocol === 'imap')
      .map((protocol) => ({ name: `${provider.id} ${error.id} over ${protocol}`, provider, error, protocol })),
  ),
);

describe('every registry error, as a server sends it', () => {
  it.each(registryCases)('$name', async ({ provider, error, protocol }) => {
    const where = (error.stage === 'capabilities' ? 'auth' : (error.stage ?? 'auth')) as Where;
    const reply = replyFor(error, protocol, where);
    const { result } = await probeReply(protocol, where, reply, provider.id);
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({
      code: error.code,
      providerCode: error.providerCode ?? null,
      provider: provider.id,
      message: error.meaning.en,
      fix: error.fix.en,
      help: helpLink('en', error.code, { provider, error }),
    });
    expect(result.error?.serverText).toContain((error.display ?? error.match.literal!).replace(/^(NO|BAD) /, ''));
  });
});

// GBK bytes of 请使用授权码登录, as QQ and Tencent send them.
const GBK_USE_AUTH_CODE = Buffer.from('c7ebcab9d3c3cadac8a8c2ebb5c7c2bc', 'hex');

describe('the strings from providers-facts.md, without naming the provider', () => {
  it.each([
    { name: 'NetEase SMTP REQCODE', protocol: 'smtp', reply: '535 5.7.0 ERR.LOGIN.REQCODE', code: 'AUTH_CODE_REQUIRED', providerCode: 'ERR.LOGIN.REQCODE' },
    { name: 'NetEase IMAP IPDENY with a response code', protocol: 'imap', reply: 'NO [UNAVAILABLE] ERR.LOGIN.IPDENY', code: 'AUTH_IP_DENIED', providerCode: 'ERR.LOGIN.IPDENY' },
    { name: 'NetEase login rule IPDENY', protocol: 'imap', reply: 'NO ERR.LOGINRULE.IPDENY', code: 'AUTH_IP_DENIED', providerCode: 'ERR.LOGINRULE.IPDENY' },
    { name: 'NetEase DOMAINNOTEXIST', protocol: 'smtp', reply: '535 ERR.LOGIN.DOMAINNOTEXIST', code: 'AUTH_DOMAIN_NOT_HOSTED', providerCode: 'ERR.LOGIN.DOMAINNOTEXIST' },
    { name: 'QQ authorization code (English)', protocol: 'smtp', reply: '535 Login Fail. Please enter your authorization code', code: 'AUTH_CODE_REQUIRED' },
    { name: 'Google app password', protocol: 'smtp', reply: ['534-5.7.9 Application-specific password required', '534 5.7.9'], code: 'AUTH_CODE_REQUIRED' },
    { name: 'Microsoft SMTP basic auth', protocol: 'smtp', reply: '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.', code: 'AUTH_BASIC_DISABLED' },
    { name: 'Microsoft tenant SMTP AUTH off', protocol: 'smtp', reply: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.', code: 'AUTH_BASIC_DISABLED' },
    { name: 'Outlook IMAP basic auth', protocol: 'imap', reply: 'NO Basic authentication is disabled.', code: 'AUTH_BASIC_DISABLED' },
    { name: 'Tencent system busy', protocol: 'smtp', reply: '535 Error: authentication failed, system busy', code: 'AUTH_FAILED' },
    { name: '163 login error', protocol: 'imap', reply: 'NO LOGIN Login error or password error', code: 'AUTH_CODE_REQUIRED' },
  ] as const)('$name → $code', async ({ protocol, reply, code, ...rest }) => {
    const { result, server } = await probeReply(protocol, 'auth', reply as Reply | Reply[]);
    expect(result.error?.code).toBe(code);
    if ('providerCode' in rest) expect(result.error?.providerCode).toBe(rest.providerCode);
    expect(server.logins).toHaveLength(1);
  });

  it('QQ GBK reply is decoded and classified', async () => {
    const { result } = await probeReply('smtp', 'auth', Buffer.concat([Buffer.from('535 '), GBK_USE_AUTH_CODE]), 'qq');
    expect(result.error).toMatchObject({ code: 'AUTH_CODE_REQUIRED', provider: 'qq', serverText: '535 请使用授权码登录' });
  });

  it('163 "Unsafe Login" after a successful LOGIN → IMAP_ID_REQUIRED', async () => {
    const { result } = await probeReply('imap', 'after-auth', 'NO SELECT Unsafe Login. Please contact kefu@188.com for help');
    expect(result.error).toMatchObject({ code: 'IMAP_ID_REQUIRED', stage: 'auth', provider: 'netease-163' });
  });

  it('an after-login refusal the registry does not know leaves the login verified', async () => {
    const { result } = await probeReply('imap', 'after-auth', 'NO [SERVERBUG] Internal error occurred.');
    expect(result.ok).toBe(true);
  });

  it('sends IMAP ID when advertised, without a space after "(", so 163 opens the mailbox', async () => {
    const server = await startScriptedImap({
      security: 'ssl',
      tls: certs.valid,
      capabilities: ['IMAP4rev1', 'ID'],
      examine: ({ id }) => (id?.startsWith('("name"') ? 'OK [READ-ONLY] EXAMINE completed' : 'NO SELECT Unsafe Login. Please contact kefu@188.com for help'),
    });
    servers.push(server);
    const result = await probeServer(
      { protocol: 'imap', host: '127.0.0.1', port: server.port, security: 'ssl' },
      testProbeOptions({ ports: [server.port], ca: certs.ca, password: PASSWORD }),
    );
    expect(result.ok).toBe(true);
    expect(server.received.some((l) => /^A\d+ ID \("name"/.test(l))).toBe(true);
  });

  it('standard codes without a provider string: RFC 4954 454 → SERVER_BUSY, IMAP [UNAVAILABLE] → SERVER_BUSY', async () => {
    expect((await probeReply('smtp', 'auth', '454 4.7.0 Temporary authentication failure')).result.error?.code).toBe('SERVER_BUSY');
    expect((await probeReply('imap', 'auth', 'NO [UNAVAILABLE] Temporary authentication failure.')).result.error?.code).toBe('SERVER_BUSY');
    expect((await probeReply('imap', 'auth', 'NO [AUTHENTICATIONFAILED] Authentication failed.')).result.error?.code).toBe('AUTH_FAILED');
  });

  it('answers in Chinese by default and links without the /en prefix', async () => {
    const server = await startScriptedSmtp({ security: 'ssl', tls: certs.valid, auth: () => '535 5.7.0 ERR.LOGIN.REQCODE' });
    servers.push(server);
    const result = await probeServer(
      { protocol: 'smtp', host: '127.0.0.1', port: server.port, security: 'ssl' },
      testProbeOptions({ ports: [server.port], ca: certs.ca, password: PASSWORD, lang: 'zh-Hans' }),
    );
    expect(result.error?.message).toMatch(/授权密码/);
    expect(result.error?.help).toBe('/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox#generate-password');
  });

  it('a reply that echoes the password never carries it out', async () => {
    const { result } = await probeReply('smtp', 'auth', `535 5.7.8 bad password ${PASSWORD} for ${Buffer.from(PASSWORD).toString('base64')}`);
    expect(result.error?.code).toBe('AUTH_FAILED');
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
    expect(JSON.stringify(result)).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    expect(result.error?.serverText).toBe('535 5.7.8 bad password *** for ***');
  });
});
