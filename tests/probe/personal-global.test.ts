// Gmail, Yahoo, Outlook.com, iCloud, Yandex and Mail.ru refusals, sent byte for byte by
// scripted TLS servers on loopback and read by the real probe: each must get its catalogue
// code, its own provider's explanation, and a help link to the section of its guide on
// this site that fixes it, in both languages. Outlook.com's "basic authentication is
// disabled" must read as a personal account's problem, while Microsoft 365 keeps its
// business wording and its section of page 200.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeServer } from '../../probe/probe';
import type { Lang, ProbeResult, Protocol } from '../../probe/types';
import { loadRegistry } from '../../registry/load';
import { errorLookupData } from '../../registry/page-data';
import { createHandler } from '../../server/handler';
import { lookup } from '../../src/checker/lookup';
import { createCertificates, type TestCertificates } from '../support/certs';
import { startDnsServer, type TestDnsServer } from '../support/dns-server';
import { headingIds, pageSource } from '../support/pages';
import { testProbeOptions } from '../support/probe-env';
import { startScriptedImap, startScriptedSmtp, type ScriptedServer } from '../support/scripted-servers';

const providers = loadRegistry();
const provider = (id: string) => providers.find((p) => p.id === id)!;
const PASSWORD = 'abcd efgh ijkl mnop';

let certs: TestCertificates;
const servers: ScriptedServer[] = [];

beforeAll(() => {
  certs = createCertificates(['localhost', '127.0.0.1', 'imap.test', 'smtp.test', 'outlook.office365.com']);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  certs.cleanup();
});

/** A TLS server that refuses the login with `reply` (IMAP: the tagged reply without its tag; SMTP: whole lines). */
async function refusingServer(protocol: Protocol, reply: string | string[]): Promise<ScriptedServer> {
  const text = Array.isArray(reply) ? reply.join('\r\n') : reply;
  const server =
    protocol === 'imap'
      ? await startScriptedImap({ security: 'ssl', tls: certs.valid, capabilities: ['IMAP4rev1', 'AUTH=PLAIN'], login: () => text })
      : await startScriptedSmtp({ security: 'ssl', tls: certs.valid, auth: () => text });
  servers.push(server);
  return server;
}

async function probe(
  protocol: Protocol,
  reply: string | string[],
  options: { provider?: string; lang: Lang; email?: string; host?: string; dnsServers?: string[] },
): Promise<ProbeResult> {
  const server = await refusingServer(protocol, reply);
  const { host = '127.0.0.1', ...rest } = options;
  return probeServer(
    { protocol, host, port: server.port, security: 'ssl' },
    testProbeOptions({ ports: [server.port], ca: certs.ca, password: PASSWORD, ...rest }),
  );
}

// The replies as the providers' servers send them (the sources are in each registry entry).
const cases = [
  { name: 'Outlook.com IMAP, basic auth off', provider: 'outlook', protocol: 'imap', reply: 'NO Basic authentication is disabled.', code: 'AUTH_BASIC_DISABLED', error: 'outlook-imap-basic-auth-disabled', anchor: 'basic-auth-disabled' },
  { name: 'Outlook.com SMTP 5.7.139', provider: 'outlook', protocol: 'smtp', reply: '535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [SN4PR0401CA0012.namprd04.prod.outlook.com]', code: 'AUTH_BASIC_DISABLED', error: 'outlook-smtp-basic-auth-disabled', anchor: 'basic-auth-disabled' },
  { name: 'Gmail SMTP 534-5.7.9', provider: 'gmail', protocol: 'smtp', reply: ['534-5.7.9 Application-specific password required. Learn more at', '534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor h26sm30121397pfq.64 - gsmtp'], code: 'AUTH_CODE_REQUIRED', error: 'gmail-534-app-password-required', anchor: 'app-password-required' },
  { name: 'Gmail IMAP [ALERT] app password required', provider: 'gmail', protocol: 'imap', reply: 'NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)', code: 'AUTH_CODE_REQUIRED', error: 'gmail-534-app-password-required', anchor: 'app-password-required' },
  { name: 'Gmail SMTP 535-5.7.8', provider: 'gmail', protocol: 'smtp', reply: ['535-5.7.8 Username and Password not accepted. For more information, go to', '535 5.7.8  https://support.google.com/mail/?p=BadCredentials d9443c01a7336-1f2 - gsmtp'], code: 'AUTH_FAILED', error: 'gmail-535-not-accepted', anchor: 'password-not-accepted' },
  { name: 'Yahoo IMAP invalid credentials', provider: 'yahoo', protocol: 'imap', reply: 'NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials', code: 'AUTH_FAILED', error: 'yahoo-imap-invalid-credentials', anchor: 'invalid-credentials' },
  { name: 'iCloud IMAP authentication failed', provider: 'icloud', protocol: 'imap', reply: 'NO [AUTHENTICATIONFAILED] Authentication failed', code: 'AUTH_FAILED', error: 'icloud-imap-authentication-failed', anchor: 'authentication-failed' },
  { name: 'Yandex IMAP off or wrong password', provider: 'yandex', protocol: 'imap', reply: 'NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials or IMAP is disabled sc=ebI8JB0ug4Y1_290737_53p', code: 'AUTH_FAILED', error: 'yandex-imap-invalid-credentials', anchor: 'invalid-credentials-or-imap-disabled' },
  { name: 'Mail.ru SMTP app password required', provider: 'mailru', protocol: 'smtp', reply: '535 5.7.0 NEOBHODIM parol prilozheniya https://help.mail.ru/mail/security/protection/external / Application password is REQUIRED', code: 'AUTH_CODE_REQUIRED', error: 'mailru-app-password-required', anchor: 'app-password-required' },
  { name: 'Mail.ru IMAP app password required', provider: 'mailru', protocol: 'imap', reply: 'NO [AUTHENTICATIONFAILED] NEOBHODIM parol prilozheniya https://help.mail.ru/mail/security/protection/external / Application password is REQUIRED', code: 'AUTH_CODE_REQUIRED', error: 'mailru-app-password-required', anchor: 'app-password-required' },
] as const;

describe.each(['zh-Hans', 'en'] as const)('%s', (lang) => {
  const prefix = lang === 'en' ? '/en' : '';

  it.each(cases)('$name → $code, explained on its own guide', async (c) => {
    const p = provider(c.provider);
    const entry = p.errors.find((e) => e.id === c.error)!;
    const result = await probe(c.protocol, c.reply as string | string[], { provider: c.provider, lang });
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({
      code: c.code,
      stage: 'auth',
      provider: c.provider,
      message: entry.meaning[lang],
      fix: entry.fix[lang],
      help: `${prefix}/youxiang/${p.guide.slug}#${c.anchor}`,
    });
    // The guide is hosted here, in both languages, and the anchor is one of its headings.
    expect(p.guide.hosted).toBe(true);
    for (const locale of ['zh-Hans', 'en'] as const) expect(headingIds(pageSource(locale, p.guide.slug) ?? '')).toContain(c.anchor);
  });

  it('explains Outlook.com\'s 5.7.139 for a personal account, while Microsoft 365 keeps its business wording and page 200', async () => {
    const reply = '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.';
    const personal = await probe('smtp', reply, { provider: 'outlook', lang });
    expect(personal.error?.provider).toBe('outlook');
    const words = `${personal.error?.message} ${personal.error?.fix}`;
    expect(words).not.toMatch(/admin|administrator|管理员|组织/i);
    expect(words).toMatch(lang === 'en' ? /personal/ : /个人邮箱/);
    expect(words).toMatch(/2024/);

    const m365 = provider('microsoft365');
    const business = await probe('smtp', reply, { provider: 'microsoft365', lang });
    expect(business.error).toMatchObject({
      code: 'AUTH_BASIC_DISABLED',
      provider: 'microsoft365',
      message: m365.errors.find((e) => e.id === 'microsoft365-smtp-basic-auth-disabled')!.meaning[lang],
      help: `${prefix}/youxiang/200-qiyeyouxiang-enterprise-mailbox#microsoft-365`,
    });
    const tenant = await probe('smtp', '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.', { provider: 'microsoft365', lang });
    expect(tenant.error?.fix).toMatch(lang === 'en' ? /admin/ : /管理员/);
    expect(business.error?.help).not.toBe(personal.error?.help);
  });
});

describe('without a provider in the request', () => {
  let dns: TestDnsServer;
  let imap: ScriptedServer;
  let smtp: ScriptedServer;

  beforeAll(async () => {
    dns = await startDnsServer({ 'imap.test': { A: ['127.0.0.1'] }, 'smtp.test': { A: ['127.0.0.1'] } });
    imap = await refusingServer('imap', 'NO Basic authentication is disabled.');
    smtp = await refusingServer('smtp', '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.');
  });
  afterAll(() => dns.close());

  async function check(email: string, imapReply?: string) {
    const imapServer = imapReply ? await refusingServer('imap', imapReply) : imap;
    const handler = createHandler({
      policy: { allowLoopback: true, ports: [imapServer.port, smtp.port] },
      dnsServers: [dns.address],
      extraCa: [certs.ca],
      deadlineMs: 5_000,
      log: () => undefined,
    });
    const response = await handler(
      new Request('http://checker.test/api/probe', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          email,
          password: PASSWORD,
          lang: 'en',
          servers: [
            { protocol: 'imap', host: 'imap.test', port: imapServer.port, security: 'ssl' },
            { protocol: 'smtp', host: 'smtp.test', port: smtp.port, security: 'ssl' },
          ],
        }),
      }),
      { remoteAddress: '192.0.2.44' },
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { results: ProbeResult[] }).results.map((r) => r.error!);
  }

  it.each(['li.lei@hotmail.com', 'li.lei@outlook.com', 'li.lei@live.com'])('takes the provider from a personal Microsoft address (%s → page 108), and leaves a company address to Microsoft 365', async (email) => {
    const [imapError, smtpError] = await check(email);
    for (const error of [imapError, smtpError]) {
      expect(error).toMatchObject({ code: 'AUTH_BASIC_DISABLED', provider: 'outlook', help: '/en/youxiang/108-weiruan-outlookyouxiang-microsoft-personal-email#basic-auth-disabled' });
    }
    const [, company] = await check('sales@contoso.test');
    expect(company).toMatchObject({ code: 'AUTH_BASIC_DISABLED', provider: 'microsoft365', help: '/en/youxiang/200-qiyeyouxiang-enterprise-mailbox#microsoft-365' });
  });

  // Microsoft's IMAP refuses a personal address's password as often with a bare "NO LOGIN failed." as with its reason.
  it('reads "NO LOGIN failed." for a personal Microsoft address as password login switched off, the same advice as its SMTP line', async () => {
    const [imapError, smtpError] = await check('li.lei@outlook.com', 'NO LOGIN failed.');
    expect(imapError).toMatchObject({
      code: 'AUTH_BASIC_DISABLED',
      provider: 'outlook',
      message: provider('outlook').errors.find((e) => e.id === 'outlook-imap-login-failed')!.meaning.en,
      help: '/en/youxiang/108-weiruan-outlookyouxiang-microsoft-personal-email#basic-auth-disabled',
      also: '/en/youxiang/300-bangding-cuowu-mailbox-binding-errors#outlook-imap-login-failed',
    });
    expect(smtpError.code).toBe('AUTH_BASIC_DISABLED');
    // Neither line sends the reader back to the password field.
    for (const error of [imapError, smtpError]) expect(`${error.message} ${error.fix}`).not.toMatch(/paste|re-enter|wrong password/i);
  });

  it('leaves "NO LOGIN failed." from a server no context names to the generic wrong-password answer', async () => {
    const [imapError] = await check('sales@company.test', 'NO LOGIN failed.');
    expect(imapError).toMatchObject({ code: 'AUTH_FAILED', provider: null, help: '/en/youxiang/300-bangding-cuowu-mailbox-binding-errors#auth-failed', also: null });
  });

  it('knows a company address on Microsoft\'s server is Microsoft 365, from the host alone', async () => {
    const dns365 = await startDnsServer({ 'outlook.office365.com': { A: ['127.0.0.1'] } });
    try {
      const result = await probe('imap', 'NO LOGIN failed.', { lang: 'zh-Hans', email: 'sales@contoso.test', host: 'outlook.office365.com', dnsServers: [dns365.address] });
      expect(result.error).toMatchObject({
        code: 'AUTH_BASIC_DISABLED',
        provider: 'microsoft365',
        message: provider('microsoft365').errors.find((e) => e.id === 'microsoft365-imap-login-failed')!.meaning['zh-Hans'],
        help: '/youxiang/200-qiyeyouxiang-enterprise-mailbox#microsoft-365',
      });
    } finally {
      await dns365.close();
    }
  });

  it.each(['zh-Hans', 'en'] as const)('explains Exchange Online\'s "550 5.7.30" as password sending gone for good, with or without a provider (%s)', async (lang) => {
    const reply = '550 5.7.30 Basic authentication is not supported for Client Submission.';
    const entry = provider('microsoft365').errors.find((e) => e.id === 'microsoft365-smtp-client-submission')!;
    for (const options of [{ provider: 'microsoft365', lang }, { lang }]) {
      const result = await probe('smtp', reply, options);
      expect(result.error).toMatchObject({ code: 'AUTH_BASIC_DISABLED', provider: 'microsoft365', message: entry.meaning[lang], fix: entry.fix[lang] });
    }
    expect(`${entry.meaning[lang]} ${entry.fix[lang]}`).not.toMatch(/请.*管理员.*开启|ask your .*admin/i);
  });

  it('knows iCloud\'s "Authentication failed" without taking Dovecot\'s "Authentication failed." for it', async () => {
    const icloud = await probe('imap', 'NO [AUTHENTICATIONFAILED] Authentication failed', { lang: 'en' });
    expect(icloud.error).toMatchObject({ code: 'AUTH_FAILED', provider: 'icloud', help: '/en/youxiang/113-pingguo-icloudyouxiang-apple-personal-email#authentication-failed' });
    const dovecot = await probe('imap', 'NO [AUTHENTICATIONFAILED] Authentication failed.', { lang: 'en' });
    expect(dovecot.error).toMatchObject({ code: 'AUTH_FAILED', provider: null, help: '/en/youxiang/300-bangding-cuowu-mailbox-binding-errors#auth-failed' });
  });

  it('tells Yandex\'s reply from Yahoo\'s, which it contains', async () => {
    const yandex = await probe('imap', 'NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials or IMAP is disabled sc=cYXlpv732Cg1_010534_2-1e59ad28a72c', { lang: 'en' });
    expect(yandex.error?.provider).toBe('yandex');
    const yahoo = await probe('imap', 'NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials', { lang: 'en' });
    expect(yahoo.error?.provider).toBe('yahoo');
  });

  it('lists both Microsoft explanations, each with its own page, when a reader pastes the reply', () => {
    for (const locale of ['zh-Hans', 'en'] as const) {
      const found = lookup(errorLookupData(providers, locale).errors, '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.');
      // Pasted text carries no protocol, so Outlook's IMAP wording (the same words) is listed too.
      expect(found.map((e) => [e.id, e.help])).toEqual([
        ['outlook-imap-basic-auth-disabled', '/youxiang/108-weiruan-outlookyouxiang-microsoft-personal-email#basic-auth-disabled'],
        ['outlook-smtp-basic-auth-disabled', '/youxiang/108-weiruan-outlookyouxiang-microsoft-personal-email#basic-auth-disabled'],
        ['microsoft365-smtp-basic-auth-disabled', '/youxiang/200-qiyeyouxiang-enterprise-mailbox#microsoft-365'],
      ]);
    }
  });
});
