// QQ Mail's current refusal, sent byte for byte by scripted TLS servers on loopback and read
// by the real probe: the reader on the QQ guide must get QQ's own explanation of the causes
// the reply lists, a link to the QQ guide's section first and to the troubleshooting page
// second, in both languages and over both protocols.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeServer } from '../../probe/probe';
import type { Lang, Protocol } from '../../probe/types';
import { loadRegistry } from '../../registry/load';
import { createCertificates, type TestCertificates } from '../support/certs';
import { headingIds, pageSource } from '../support/pages';
import { testProbeOptions } from '../support/probe-env';
import { startScriptedImap, startScriptedSmtp, type ScriptedServer } from '../support/scripted-servers';

const qq = loadRegistry().find((p) => p.id === 'qq')!;
const guide = '/youxiang/106-tengxun-qqyouxiang-tencent-personal-email';
const ACCOUNT_ABNORMAL =
  'Login fail. Account is abnormal, service is not open, password is incorrect, login frequency limited, or system is busy. More information at https://help.mail.qq.com/detail/108/1023';

let certs: TestCertificates;
const servers: ScriptedServer[] = [];
beforeAll(() => {
  certs = createCertificates(['localhost', '127.0.0.1']);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  certs.cleanup();
});

async function probe(protocol: Protocol, lang: Lang, options: { provider?: string; email?: string } = {}) {
  const server =
    protocol === 'imap'
      ? await startScriptedImap({ security: 'ssl', tls: certs.valid, capabilities: ['IMAP4rev1', 'AUTH=PLAIN'], login: () => `NO ${ACCOUNT_ABNORMAL}` })
      : await startScriptedSmtp({ security: 'ssl', tls: certs.valid, auth: () => `535 ${ACCOUNT_ABNORMAL}` });
  servers.push(server);
  return probeServer(
    { protocol, host: '127.0.0.1', port: server.port, security: 'ssl' },
    testProbeOptions({ ports: [server.port], ca: certs.ca, password: 'abcdefghijklmnop', lang, ...options }),
  );
}

describe.each(['zh-Hans', 'en'] as const)('%s', (lang) => {
  const prefix = lang === 'en' ? '/en' : '';

  it.each(['smtp', 'imap'] as const)('QQ\'s "Account is abnormal" over %s: the causes it lists, the QQ guide first, 300 second', async (protocol) => {
    const entry = qq.errors.find((e) => e.id === 'qq-login-fail-account-abnormal')!;
    const result = await probe(protocol, lang, { provider: 'qq', email: 'li.lei@qq.com' });
    expect(result.error).toMatchObject({
      code: 'AUTH_FAILED',
      provider: 'qq',
      message: entry.meaning[lang],
      help: `${prefix}${guide}#use-auth-code`,
      also: `${prefix}/youxiang/300-bangding-cuowu-mailbox-binding-errors#qq-login-fail-account-abnormal`,
    });
    // The causes the reply itself lists, the service and the authorization code before waiting.
    const words = `${result.error!.message} ${result.error!.fix}`;
    const order = lang === 'en' ? ['IMAP/SMTP service', 'authorization code', 'too many'] : ['IMAP/SMTP 服务', '授权码', '太多'];
    const at = order.map((w) => words.indexOf(w));
    expect(at.every((i) => i >= 0), words).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const locale of ['zh-Hans', 'en'] as const) expect(headingIds(pageSource(locale, guide.split('/').pop()!) ?? '')).toContain('use-auth-code');
  });

  it('a QQ address without a provider in the request is read as QQ, from its domain', async () => {
    const result = await probe('smtp', lang, { email: 'li.lei@foxmail.com' });
    expect(result.error?.help).toBe(`${prefix}${guide}#use-auth-code`);
  });
});

it('says "authorization code", never "the code", in QQ\'s English', () => {
  const english = JSON.stringify(qq, (key, value) => (key === 'zh-Hans' ? undefined : value));
  expect(english).not.toMatch(/\b(the|a|new|old|every|several) code(s)?\b/i);
});
