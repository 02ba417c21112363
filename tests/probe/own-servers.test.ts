// Whose fault a failure is: a host the guide gave cannot be the reader's typo, and the
// generic texts speak of the provider's own kind of password. Against a DNS server and
// mail servers on loopback; 993 stays closed there, as in CI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../probe/catalogue';
import { probeServer } from '../../probe/probe';
import type { Lang, ServerTarget } from '../../probe/types';
import { createCertificates, type TestCertificates } from '../support/certs';
import { startDnsServer, type TestDnsServer } from '../support/dns-server';
import { testProbeOptions } from '../support/probe-env';
import { startScriptedImap, type ScriptedServer } from '../support/scripted-servers';

const catalogue = loadCatalogue();
let certs: TestCertificates;
let dns: TestDnsServer;
let imap: ScriptedServer;

beforeAll(async () => {
  certs = createCertificates(['imap.test']);
  imap = await startScriptedImap({ security: 'ssl', tls: certs.valid, login: () => 'NO [AUTHENTICATIONFAILED] Authentication failed.' });
  dns = await startDnsServer({
    // hwhzimap.qiye.163.com is not in the zone: NXDOMAIN, as if NetEase's DNS lost it.
    'imap.qiye.163.com': { A: ['127.0.0.1'] },
    'hwhzsmtp.qiye.163.com': { rcode: 2 },
    'imap.test': { A: ['127.0.0.1'] },
  });
});
afterAll(async () => {
  await Promise.all([imap?.close(), dns?.close()]);
  certs?.cleanup();
});

const probe = (target: ServerTarget, extra: { provider?: string; lang?: Lang; password?: string } = {}) =>
  probeServer(target, testProbeOptions({ ports: [993, 994, 465, imap.port], dnsServers: [dns.address], ca: certs.ca, ...extra }));

describe.each(['zh-Hans', 'en'] as const)('%s', (lang) => {
  const own = (code: keyof typeof catalogue) => catalogue[code].registryHost!;

  it("a guide's host that does not resolve is not called a typo", async () => {
    const result = await probe({ protocol: 'imap', host: 'hwhzimap.qiye.163.com', port: 993, security: 'ssl' }, { provider: 'netease', lang });
    expect(result.error).toMatchObject({ code: 'DNS_NOT_FOUND', message: own('DNS_NOT_FOUND').message[lang], fix: own('DNS_NOT_FOUND').fix[lang] });
    expect(result.error!.message).not.toBe(catalogue.DNS_NOT_FOUND.message[lang]);
  });

  it('the same failure on a host the reader typed still asks them to check the spelling', async () => {
    const result = await probe({ protocol: 'imap', host: 'hwhzimap.qiye.136.com', port: 993, security: 'ssl' }, { provider: 'netease', lang });
    expect(result.error).toMatchObject({ code: 'DNS_NOT_FOUND', message: catalogue.DNS_NOT_FOUND.message[lang], fix: catalogue.DNS_NOT_FOUND.fix[lang] });
  });

  it("a guide's host whose DNS fails, in the backup set too", async () => {
    const result = await probe({ protocol: 'smtp', host: 'hwhzsmtp.qiye.163.com', port: 465, security: 'ssl' }, { provider: 'netease', lang });
    expect(result.error).toMatchObject({ code: 'DNS_FAILED', message: own('DNS_FAILED').message[lang] });
  });

  it("a guide's server that refuses the connection is the provider's or the route's problem", async () => {
    const result = await probe({ protocol: 'imap', host: 'imap.qiye.163.com', port: 993, security: 'ssl' }, { provider: 'netease', lang });
    expect(result.error).toMatchObject({ code: 'TCP_REFUSED', message: own('TCP_REFUSED').message[lang], fix: own('TCP_REFUSED').fix[lang] });
  });

  it("the guide's host with a port the reader changed gets the port advice", async () => {
    const result = await probe({ protocol: 'imap', host: 'imap.qiye.163.com', port: 994, security: 'ssl' }, { provider: 'netease', lang });
    expect(result.error).toMatchObject({ code: 'TCP_REFUSED', message: catalogue.TCP_REFUSED.message[lang], fix: catalogue.TCP_REFUSED.fix[lang] });
  });

  it("another provider's host is not this guide's own", async () => {
    const result = await probe({ protocol: 'imap', host: 'imap.qiye.163.com', port: 993, security: 'ssl' }, { provider: 'tencent', lang });
    expect(result.error).toMatchObject({ code: 'TCP_REFUSED', message: catalogue.TCP_REFUSED.message[lang] });
  });
});

describe('the generic texts name the provider\'s own credential', () => {
  const target = (): ServerTarget => ({ protocol: 'imap', host: 'imap.test', port: imap.port, security: 'ssl' });

  it.each([
    ['netease', 'zh-Hans', '客户端授权密码'],
    ['netease', 'en', 'client authorization password'],
    ['tencent', 'zh-Hans', '客户端专用密码'],
    ['tencent', 'en', 'client-specific password'],
  ] as const)('%s (%s): "%s"', async (provider, lang, name) => {
    const result = await probe(target(), { provider, lang, password: 'Kq7mXw2PzR9tLb4N' });
    expect(result.error?.code).toBe('AUTH_FAILED');
    expect(result.error!.fix).toContain(name);
    expect(result.error!.fix).not.toContain('{credential}');
  });

  it('without a provider, a neutral phrase', async () => {
    const result = await probe(target(), { lang: 'zh-Hans', password: 'Kq7mXw2PzR9tLb4N' });
    expect(result.error!.fix).toContain('授权码或专用密码');
    expect(result.error!.fix).not.toContain('{credential}');
  });
});
