// The checker widgets as a reader uses them: Debian's chromium on a phone-sized screen,
// the production build served with the endpoint, NetEase's host names answered by a DNS
// server on loopback and scripted TLS servers that reply the way NetEase does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { liveForm, phoneViewport } from '../support/browser';
import { createCertificates, type TestCertificates } from '../support/certs';
import { startDnsServer, type TestDnsServer } from '../support/dns-server';
import { startScriptedImap, startScriptedSmtp, type ScriptedServer } from '../support/scripted-servers';
import { siteInBrowser } from '../support/site-in-browser';

const netease = '/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox';
const overview = '/youxiang/200-qiyeyouxiang-enterprise-mailbox';
const errors = '/youxiang/300-bangding-cuowu-mailbox-binding-errors';
const hosts = ['hwhzimap.qiye.163.com', 'hwhzsmtp.qiye.163.com', 'imap.qiye.163.com', 'smtp.qiye.163.com'];
const code = 'Kq7mXw2PzR9tLb4N';

let certs: TestCertificates;
let dns: TestDnsServer;
let imap: ScriptedServer;
let smtp: ScriptedServer;

beforeAll(async () => {
  certs = createCertificates(hosts);
  const tls = { key: certs.valid.key, cert: certs.valid.cert };
  imap = await startScriptedImap({ security: 'ssl', tls, login: () => 'NO [AUTHENTICATIONFAILED] ERR.LOGIN.IPDENY' });
  smtp = await startScriptedSmtp({ security: 'ssl', tls, extensions: ['AUTH PLAIN LOGIN'], auth: () => '535 Error: ERR.LOGIN.IPDENY' });
  dns = await startDnsServer({
    ...Object.fromEntries(hosts.map((h) => [h, { A: ['127.0.0.1'] }])),
    'company.cn': { MX: [{ exchange: 'qiye163mx01.mxmail.netease.com', priority: 10 }] },
  });
});

afterAll(async () => {
  await Promise.all([imap?.close(), smtp?.close(), dns?.close()]);
  certs?.cleanup();
});

const harness = siteInBrowser(() => ({
  PROBE_ALLOW_LOOPBACK: '1',
  PROBE_DNS_SERVERS: dns.address,
  // 993 and 465 stay closed on loopback: the recommended set is refused there.
  PROBE_PORTS: `993,465,${imap.port},${smtp.port}`,
  NODE_EXTRA_CA_CERTS: certs.caFile,
}));

async function openChecker(path: string): Promise<Page> {
  const page = await harness.open(path);
  await page.locator('#checker').scrollIntoViewIfNeeded();
  await page.locator(liveForm('netease')).waitFor();
  return page;
}

const field = (page: Page, name: string) => page.locator(`[data-checker="netease"] [name="${name}"]`);
const message = (page: Page, name: string) => page.locator(`[data-checker="netease"] [data-field="${name}"]`);

async function fillLoopbackPorts(page: Page) {
  await field(page, 'imap-port').fill(String(imap.port));
  await field(page, 'smtp-port').fill(String(smtp.port));
}

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.each([
  ['zh-Hans', '', { length: '客户端授权密码是 16 位，你填了 12 位', personal: '163.com 是个人邮箱', login: '检查登录', servers: '检查服务器', copy: '复制检查报告' }],
  ['en', '/en', { length: 'has 16 characters; you entered 12', personal: '163.com is a personal mailbox', login: 'Check login', servers: 'Check servers', copy: 'Copy report' }],
])('%s', (_lang, prefix, words) => {
  it('loads the checker only when the reader reaches it', async () => {
    const page = await harness.open(`${prefix}${netease}`);
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.waitForLoadState('networkidle');
    expect(await page.locator(liveForm('netease')).count()).toBe(0);
    // Until then the server's drawing of the form holds its place, and nothing can be typed into it.
    const checker = page.locator('[data-checker="netease"]');
    expect(await checker.locator('[data-checker-preview] [name="email"]').count()).toBe(1);
    expect(await checker.locator('[data-checker-preview]').evaluate((el) => (el as HTMLElement).inert)).toBe(true);
    const height = async () => (await checker.boundingBox())!.height;
    const before = await height();
    await page.locator('#checker').scrollIntoViewIfNeeded();
    await page.locator(liveForm('netease')).waitFor();
    expect(scripts.length).toBeGreaterThan(0);
    // The form takes the drawing's place exactly: nothing below it moves when it arrives.
    expect(await height()).toBe(before);
    expect(await checker.locator('[data-checker-preview]').count()).toBe(0);
  });

  it('flags a wrong-length password and a personal domain in the reader\'s words, and fits the phone', async () => {
    const page = await openChecker(`${prefix}${netease}`);
    await field(page, 'email').fill('li.lei@163.com');
    await expect.poll(() => message(page, 'email').textContent()).toContain(words.personal);
    expect(await message(page, 'email').locator('a').getAttribute('href')).toBe(`${prefix}/youxiang/107-wangyi-163youxiang-netease-personal-email`);
    expect(await field(page, 'email').getAttribute('aria-invalid')).toBe('true');
    await field(page, 'password').fill('mypassword12');
    await expect.poll(() => message(page, 'password').textContent()).toContain(words.length);
    expect(await message(page, 'password').textContent()).not.toMatch(/must|pattern|NOT have/);
    expect(await noHorizontalScroll(page)).toBe(true);
  });

  it('explains ERR.LOGIN.IPDENY after "Check login", links to the admin section, and copies a report without the password', async () => {
    const page = await openChecker(`${prefix}${netease}`);
    const loginsBefore = imap.logins.length;
    await field(page, 'email').fill('sales@company.cn');
    await field(page, 'password').fill(code);
    await fillLoopbackPorts(page);
    await page.getByRole('button', { name: words.login }).click();
    const result = page.locator('[data-checker="netease"] [data-result="imap"]');
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toContain('ERR.LOGIN.IPDENY');
    expect(await result.textContent()).toContain('AUTH_IP_DENIED');
    expect(imap.logins.length - loginsBefore).toBe(1);
    expect(await noHorizontalScroll(page)).toBe(true);

    await page.getByRole('button', { name: words.copy }).click();
    const report = await page.evaluate(() => navigator.clipboard.readText());
    expect(report).toContain('AUTH_IP_DENIED');
    expect(report).toContain('ERR.LOGIN.IPDENY');
    expect(report).toContain('sales@company.cn');
    expect(report).not.toContain(code);

    const link = result.locator('a[href$="#lift-ip-restriction"]');
    await link.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#lift-ip-restriction');
    expect(new URL(page.url()).pathname).toBe(`${prefix}${netease}`);
    const heading = page.locator('h2#lift-ip-restriction');
    await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect((await heading.boundingBox())!.y).toBeLessThan(phoneViewport.height / 2);
  });

  it('offers the backup set when the recommended servers refuse, and switches to it', async () => {
    const page = await openChecker(`${prefix}${netease}`);
    await field(page, 'email').fill('sales@company.cn');
    expect(await field(page, 'imap-host').inputValue()).toBe('hwhzimap.qiye.163.com');
    await page.getByRole('button', { name: words.servers }).click();
    const suggestion = page.locator('[data-checker="netease"] [data-suggest="backup"]');
    await suggestion.waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-checker="netease"] [data-result="imap"]').textContent()).toContain('TCP_REFUSED');
    await suggestion.getByRole('button').click();
    await expect.poll(() => field(page, 'imap-host').inputValue()).toBe('imap.qiye.163.com');
    expect(await field(page, 'smtp-host').inputValue()).toBe('smtp.qiye.163.com');
    expect(await page.locator('[data-checker="netease"] [data-set="backup"]').getAttribute('aria-pressed')).toBe('true');
  });

  it('prefills the address and the set from a support link, never a password', async () => {
    const page = await harness.open(`${prefix}${netease}?email=sales%40company.cn&set=backup&password=${code}#checker`);
    await page.locator(liveForm('netease')).waitFor();
    await expect.poll(() => field(page, 'email').inputValue()).toBe('sales@company.cn');
    expect(await field(page, 'imap-host').inputValue()).toBe('imap.qiye.163.com');
    expect(await field(page, 'password').inputValue()).toBe('');
  });

  it('keyboard: the fields are labelled and reachable with Tab', async () => {
    const page = await openChecker(`${prefix}${netease}`);
    await field(page, 'email').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    for (const name of ['email', 'password', 'imap-host', 'imap-port', 'imap-security', 'smtp-host', 'smtp-port', 'smtp-security']) {
      const id = await field(page, name).getAttribute('id');
      expect(await page.locator(`label[for="${id}"]`).count(), name).toBe(1);
    }
  });

  it('the guide finder sends a company domain to its guide through the MX records', async () => {
    const page = await harness.open(`${prefix}${overview}`);
    await page.locator('section:has(#finder) form input[type="email"]').fill('sales@company.cn');
    await page.locator('section:has(#finder) form button[type="submit"]').click();
    const found = page.locator('section:has(#finder) form [data-provider="netease"] a');
    await found.waitFor({ timeout: 15_000 });
    expect(await found.getAttribute('href')).toBe(`${prefix}${netease}`);
    expect(dns.queries).toContain('company.cn');
  });

  it('the guide finder knows personal domains without the network', async () => {
    const page = await harness.open(`${prefix}${overview}`);
    const asked = dns.queries.length;
    await page.locator('section:has(#finder) form input[type="email"]').fill('li.lei@126.com');
    await page.locator('section:has(#finder) form button[type="submit"]').click();
    const found = page.locator('section:has(#finder) form [data-provider="netease-163"] a');
    await found.waitFor();
    expect(await found.getAttribute('href')).toBe(`${prefix}/youxiang/107-wangyi-163youxiang-netease-personal-email`);
    expect(dns.queries.length).toBe(asked);
  });

  it('the error lookup finds a pasted "535 Error: 请使用授权码登录" line', async () => {
    const page = await harness.open(`${prefix}${errors}`);
    await page.locator('section:has(#lookup) textarea').fill('535 Error: 请使用授权码登录。详情请看: http://service.mail.qq.com/detail/0/53');
    const hits = page.locator('section:has(#lookup) [data-error]');
    await expect.poll(() => hits.count()).toBeGreaterThan(0);
    const text = (await hits.allTextContents()).join('\n');
    expect(text).toContain('AUTH_CODE_REQUIRED');
    expect(text).toContain('请使用授权码登录');
  });

  it('gives the guide its own preview card in the page\'s language, in the HTML a chat app fetches', async () => {
    // Link previews are built from the served HTML, without running any script.
    const html = await (await fetch(`${harness.site.origin}${prefix}${netease}`)).text();
    const page = await harness.browser.newPage();
    // DOMParser reads the markup as a crawler would and runs none of its scripts.
    const tags = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'text/html');
      return Array.from(doc.querySelectorAll('meta')).map((m) => [m.getAttribute('property') ?? m.getAttribute('name') ?? '', m.content]);
    }, html);
    await page.close();
    const meta = (name: string) => tags.find(([key]) => key === name)?.[1];
    const locale = prefix ? 'en' : 'zh-Hans';
    expect(meta('og:title')).toMatch(prefix ? /^NetEase Enterprise Mail/ : /^网易企业邮箱/);
    const description = meta('og:description');
    expect(description).toBe(meta('description'));
    expect(description).toMatch(prefix ? /^Bind NetEase Enterprise Mail/ : /^用客户端授权密码/);
    const image = meta('og:image');
    // Static files are copied into every locale's build, so the English page points under /en/.
    expect(image).toBe(`https://laifa.xin${prefix}/img/cards/${locale}/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox.png`);
    expect(meta('twitter:image')).toBe(image);
    const png = await fetch(`${harness.site.origin}${new URL(image!).pathname}`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
  });
});

it('the NetEase guide offers a calendar reminder for the code\'s expiry date', async () => {
  const page = await harness.open(netease);
  const reminder = page.locator('section:has(#expiry-reminder) .widget-fields');
  await reminder.locator('input[type="date"]').fill('2030-06-30');
  const [download] = await Promise.all([page.waitForEvent('download'), reminder.getByRole('button', { name: /\.ics/ }).click()]);
  expect(download.suggestedFilename()).toBe('netease-expiry-2030-06-30.ics');
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
  const ics = Buffer.concat(chunks).toString('utf8');
  expect(ics).toContain('DTSTART;VALUE=DATE:20300630');
  expect(ics).toContain('BEGIN:VALARM');
  // WeChat's in-app browser may block the download: the same reminder is offered as text to copy.
  const copy = reminder.locator('[data-reminder-text] button');
  expect(await copy.getAttribute('aria-label')).toMatch(/2030-06-23.*2030-06-30/s);
});

it('the landing page has the guide finder too', async () => {
  const page = await harness.open('/');
  await page.locator('form input[type="email"]').fill('sales@company.cn');
  await page.locator('form button[type="submit"]').click();
  const found = page.locator('form [data-provider="netease"] a');
  await found.waitFor({ timeout: 15_000 });
  expect(await found.getAttribute('href')).toBe(netease);
});
