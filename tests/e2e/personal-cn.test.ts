// The Chinese personal guides as a reader from a chat uses them, on a phone in Debian's
// chromium: the error lookup leads from NetEase's reply to the 163 guide, the QQ checker
// explains QQ's GBK "use the authorization code" reply, the finder sends common personal
// addresses to their guides, and the 完美邮箱 checker follows the address to its hosts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadRegistry } from '../../registry/load';
import { localize } from '../../registry/localize';
import { liveForm, phoneViewport } from '../support/browser';
import { createCertificates, type TestCertificates } from '../support/certs';
import { startDnsServer, type TestDnsServer } from '../support/dns-server';
import { startScriptedImap, startScriptedSmtp, type ScriptedServer } from '../support/scripted-servers';
import { siteInBrowser } from '../support/site-in-browser';

const qqGuide = '/youxiang/106-tengxun-qqyouxiang-tencent-personal-email';
const neteaseGuide = '/youxiang/107-wangyi-163youxiang-netease-personal-email';
const overview = '/youxiang/100-gerenyouxiang-personal-mailbox';
const errors = '/youxiang/300-bangding-cuowu-mailbox-binding-errors';
const mail88Guide = '/youxiang/112-wanmei-88youxiang-perfect-personal-mailbox';
const qqHosts = ['imap.qq.com', 'smtp.qq.com'];
// GBK bytes of 请使用授权码登录 ("please log in with the authorization code"), as QQ sends them.
const GBK_USE_AUTH_CODE = Buffer.from('c7ebcab9d3c3cadac8a8c2ebb5c7c2bc', 'hex');
const code = 'Kq7mXw2PzR9tLb4N';
// QQ's current refusal, the same text over IMAP and SMTP.
const ACCOUNT_ABNORMAL =
  'Login fail. Account is abnormal, service is not open, password is incorrect, login frequency limited, or system is busy. More information at https://help.mail.qq.com/detail/108/1023';

const providers = loadRegistry();
const qqGbk = providers.find((p) => p.id === 'qq')!.errors.find((e) => e.id === 'qq-use-auth-code-gbk')!;
const qqAbnormal = providers.find((p) => p.id === 'qq')!.errors.find((e) => e.id === 'qq-login-fail-account-abnormal')!;
const qq535 = providers.find((p) => p.id === 'qq')!.errors.find((e) => e.id === 'qq-535-auth-code')!;
const neteaseLogin = providers.find((p) => p.id === 'netease-163')!.errors.find((e) => e.id === 'netease-163-login-error')!;

let certs: TestCertificates;
let dns: TestDnsServer;
let imap: ScriptedServer;
let smtp: ScriptedServer;
/** What QQ answers a login with: its GBK "use the authorization code" sentence unless a test says otherwise. */
let refusal: 'gbk' | 'abnormal' = 'gbk';

beforeAll(async () => {
  certs = createCertificates(qqHosts);
  const tls = { key: certs.valid.key, cert: certs.valid.cert };
  // QQ answers a QQ password with a GBK-encoded sentence, not UTF-8.
  imap = await startScriptedImap({
    security: 'ssl',
    tls,
    login: () => (refusal === 'abnormal' ? `NO ${ACCOUNT_ABNORMAL}` : Buffer.concat([Buffer.from('NO '), GBK_USE_AUTH_CODE])),
  });
  smtp = await startScriptedSmtp({
    security: 'ssl',
    tls,
    extensions: ['AUTH PLAIN LOGIN'],
    auth: () => (refusal === 'abnormal' ? `535 ${ACCOUNT_ABNORMAL}` : Buffer.concat([Buffer.from('535 '), GBK_USE_AUTH_CODE])),
  });
  dns = await startDnsServer(Object.fromEntries(qqHosts.map((h) => [h, { A: ['127.0.0.1'] }])));
});

afterAll(async () => {
  await Promise.all([imap?.close(), smtp?.close(), dns?.close()]);
  certs?.cleanup();
});

const harness = siteInBrowser(() => ({
  PROBE_ALLOW_LOOPBACK: '1',
  PROBE_DNS_SERVERS: dns.address,
  PROBE_PORTS: `${imap.port},${smtp.port}`,
  NODE_EXTRA_CA_CERTS: certs.caFile,
}));
async function openChecker(path: string, provider: string): Promise<Page> {
  const page = await harness.open(path);
  await page.locator('#checker').scrollIntoViewIfNeeded();
  await page.locator(liveForm(provider)).waitFor();
  return page;
}

/** The heading is on screen, in the upper half, where a reader who followed a link looks. */
async function expectHeadingInView(page: Page, id: string) {
  const heading = page.locator(`h2#${id}, h3#${id}`);
  await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
  expect((await heading.boundingBox())!.y).toBeLessThan(phoneViewport.height / 2);
}

describe.each([
  ['zh-Hans', '', { login: '检查登录' }],
  ['en', '/en', { login: 'Check login' }],
] as const)('%s', (locale, prefix, words) => {
  it("300's error lookup takes a pasted NetEase login error to the 163 guide's section on it", async () => {
    const page = await harness.open(`${prefix}${errors}`);
    await page.locator('section:has(#lookup) textarea').fill('A1 NO LOGIN Login error or password error');
    const hit = page.locator(`section:has(#lookup) [data-error="${neteaseLogin.id}"]`);
    await hit.waitFor();
    expect(await hit.textContent()).toContain(localize(neteaseLogin.fix, locale));
    const link = hit.locator('a');
    expect(await link.getAttribute('href')).toBe(`${prefix}${neteaseGuide}#${neteaseLogin.anchor}`);
    await link.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`${prefix}${neteaseGuide}`);
    expect(new URL(page.url()).hash).toBe(`#${neteaseLogin.anchor}`);
    await expectHeadingInView(page, neteaseLogin.anchor);
  });

  it("300's error lookup takes QQ's 535 reply to the QQ guide's section on it", async () => {
    const page = await harness.open(`${prefix}${errors}`);
    await page.locator('section:has(#lookup) textarea').fill(qq535.display!);
    const link = page.locator(`section:has(#lookup) [data-error="${qq535.id}"] a`);
    expect(await link.getAttribute('href')).toBe(`${prefix}${qqGuide}#${qq535.anchor}`);
    await link.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`${prefix}${qqGuide}`);
    await expectHeadingInView(page, qq535.anchor);
  });

  /** The QQ guide's checker, filled with the scripted servers' ports and sent. */
  async function checkQqLogin() {
    const page = await openChecker(`${prefix}${qqGuide}`, 'qq');
    const field = (name: string) => page.locator(`[data-checker="qq"] [name="${name}"]`);
    await field('email').fill('li.lei@qq.com');
    await field('password').fill(code);
    await field('imap-port').fill(String(imap.port));
    await field('smtp-port').fill(String(smtp.port));
    await page.getByRole('button', { name: words.login }).click();
    return page;
  }

  it("the QQ checker decodes QQ's GBK reply and shows the QQ fix", async () => {
    const page = await checkQqLogin();
    for (const protocol of ['imap', 'smtp']) {
      const result = page.locator(`[data-checker="qq"] [data-result="${protocol}"]`);
      await expect.poll(() => result.textContent(), { timeout: 20_000 }).toContain(localize(qqGbk.fix, locale));
      const text = (await result.textContent()) ?? '';
      expect(text).toContain('请使用授权码登录');
      expect(text).toContain('AUTH_CODE_REQUIRED');
      expect(text).not.toContain('\ufffd');
    }
    expect(imap.logins.at(-1)).toMatchObject({ user: 'li.lei@qq.com', password: code, encrypted: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // The reader's own guide first, the troubleshooting page second.
    const links = page.locator('[data-checker="qq"] [data-result="imap"] a');
    expect(await links.nth(1).getAttribute('href')).toBe(`${prefix}${errors}#${qqGbk.id}`);
    const help = links.first();
    expect(await help.getAttribute('href')).toBe(`${prefix}${qqGuide}#${qqGbk.anchor}`);
    await help.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${qqGbk.anchor}`);
    await expectHeadingInView(page, qqGbk.anchor);
  });

  it("the QQ checker explains QQ's \"Account is abnormal\" refusal by its causes and links into the QQ guide, then 300", async () => {
    refusal = 'abnormal';
    try {
      const page = await checkQqLogin();
      for (const protocol of ['imap', 'smtp']) {
        const result = page.locator(`[data-checker="qq"] [data-result="${protocol}"]`);
        await expect.poll(() => result.textContent(), { timeout: 20_000 }).toContain(localize(qqAbnormal.meaning, locale));
        const links = result.locator('a');
        expect(await links.first().getAttribute('href')).toBe(`${prefix}${qqGuide}#use-auth-code`);
        expect(await links.nth(1).getAttribute('href')).toBe(`${prefix}${errors}#qq-login-fail-account-abnormal`);
      }
    } finally {
      refusal = 'gbk';
    }
  });

  it('the finder on the personal overview sends common personal addresses to their guides here', async () => {
    const page = await harness.open(`${prefix}${overview}`);
    const asked = dns.queries.length;
    for (const [email, id, guide] of [
      ['me@163.com', 'netease-163', neteaseGuide],
      ['me@126.com', 'netease-163', neteaseGuide],
      ['me@foxmail.com', 'qq', qqGuide],
      ['me@qq.com', 'qq', qqGuide],
      ['me@139.com', 'mobile-139', '/youxiang/110-yidong-139youxiang-china-mobile-personal-email'],
    ]) {
      await page.locator('section:has(#finder) form input[type="email"]').fill(email);
      await page.locator('section:has(#finder) form button[type="submit"]').click();
      const found = page.locator(`section:has(#finder) form [data-provider="${id}"] a`);
      await found.waitFor();
      expect(await found.getAttribute('href'), email).toBe(`${prefix}${guide}`);
    }
    // Personal domains are known without asking the network.
    expect(dns.queries.length).toBe(asked);
    const found = page.locator('section:has(#finder) form [data-provider="mobile-139"] a');
    await found.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`${prefix}/youxiang/110-yidong-139youxiang-china-mobile-personal-email`);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
  });

  it('the 完美邮箱 checker fills in the servers of the address ending the reader types', async () => {
    const page = await openChecker(`${prefix}${mail88Guide}`, 'mail88');
    const field = (name: string) => page.locator(`[data-checker="mail88"] [name="${name}"]`);
    expect(await field('imap-host').inputValue()).toBe('imap.88.com');
    await field('email').fill('li.lei@111.com');
    await expect.poll(() => field('imap-host').inputValue()).toBe('imap.111.com');
    expect(await field('smtp-host').inputValue()).toBe('smtp.111.com');
    await field('email').fill('li.lei@email.cn');
    await expect.poll(() => field('imap-host').inputValue()).toBe('imap.email.cn');
    expect(await field('smtp-host').inputValue()).toBe('smtp.email.cn');
  });
});
