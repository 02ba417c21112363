// The checker when something is off: a value the endpoint would refuse, the endpoint itself
// missing or failing, the guide's own host unreachable, the keyboard, the copied report and a
// browser without JavaScript. Debian's chromium at 360 and 390 px, both locales, the production
// build served with the endpoint; NetEase's hosts answered by a DNS server on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { liveForm, phoneViewport, waitForHydration } from '../support/browser';
import { startDnsServer, type TestDnsServer } from '../support/dns-server';
import { siteInBrowser } from '../support/site-in-browser';

const netease = '/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox';
const contact = 'https://laifa.xin/zhinan/contact-us';
const code = 'Kq7mXw2PzR9tLb4N';

let dns: TestDnsServer;
beforeAll(async () => {
  // The recommended hwhz* hosts are missing from DNS; the backup hosts resolve to loopback, where 993 and 465 are closed.
  dns = await startDnsServer({ 'imap.qiye.163.com': { A: ['127.0.0.1'] }, 'smtp.qiye.163.com': { A: ['127.0.0.1'] } });
});
afterAll(async () => {
  await dns?.close();
});

const harness = siteInBrowser(() => ({ PROBE_ALLOW_LOOPBACK: '1', PROBE_DNS_SERVERS: dns.address }));

async function openChecker(prefix: string, width = phoneViewport.width): Promise<Page> {
  const page = await harness.open(`${prefix}${netease}`, { ...phoneViewport, width });
  await page.locator('#checker').scrollIntoViewIfNeeded();
  await page.locator(liveForm('netease')).waitFor();
  return page;
}

const field = (page: Page, name: string) => page.locator(`[data-checker="netease"] [name="${name}"]`);
const message = (page: Page, name: string) => page.locator(`[data-checker="netease"] [data-field="${name}"]`);
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('name'));
const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const inView = (page: Page, name: string) =>
  field(page, name).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });

/** Every POST /api/probe the page sends, with its JSON body. */
function probes(page: Page): Record<string, unknown>[] {
  const sent: Record<string, unknown>[] = [];
  page.on('request', (r: Request) => r.url().endsWith('/api/probe') && sent.push(r.postDataJSON()));
  return sent;
}

const words = {
  'zh-Hans': { servers: '检查服务器', login: '检查登录', copy: '复制检查报告', port: '1 到 65535', email: '绑定表单用不了的字符（销 售）', fullWidth: '全角字符或中文标点', use: '改用这个写法' },
  en: { servers: 'Check servers', login: 'Check login', copy: 'Copy report', port: '1 to 65535', email: 'characters the binding form cannot take (销 售)', fullWidth: 'full-width characters or Chinese punctuation', use: 'Use this spelling' },
};

describe.each([
  ['zh-Hans', ''],
  ['en', '/en'],
] as const)('%s', (lang, prefix) => {
  const w = words[lang];

  it.each([360, 390])('at %i px, a port the endpoint would refuse stops the check, in the reader\'s words, at the field', async (width) => {
    const page = await openChecker(prefix, width);
    const sent = probes(page);
    await field(page, 'email').fill('sales@company.cn');
    for (const port of ['99999', 'abc']) {
      await field(page, 'imap-port').fill(port);
      await page.getByRole('button', { name: w.servers }).click();
      await expect.poll(() => focused(page)).toBe('imap-port');
      expect(await inView(page, 'imap-port')).toBe(true);
      expect(await field(page, 'imap-port').getAttribute('aria-invalid')).toBe('true');
      expect(await message(page, 'imap.port').textContent()).toContain(w.port);
    }
    expect(sent).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);
  });

  it('scrolls back up to an address the endpoint would refuse, and sends nothing', async () => {
    const page = await openChecker(prefix);
    const sent = probes(page);
    await field(page, 'email').fill('销售@company.cn');
    await page.getByRole('button', { name: w.servers }).scrollIntoViewIfNeeded();
    expect(await inView(page, 'email')).toBe(false);
    await page.getByRole('button', { name: w.servers }).click();
    await expect.poll(() => focused(page)).toBe('email');
    expect(await inView(page, 'email')).toBe(true);
    expect(await message(page, 'email').textContent()).toContain(w.email);
    expect(sent).toEqual([]);
  });

  // Issue 18: a spelling from a Chinese keyboard is named and its ASCII form offered; the check
  // runs only once the reader has taken it, and then on exactly that.
  it.each([360, 390])('at %i px, full-width characters and 。 are named, the ASCII spelling is one tap away, and only it is checked', async (width) => {
    const page = await openChecker(prefix, width);
    const sent = probes(page);
    await field(page, 'email').fill('sales@company。cn');
    await field(page, 'imap-host').fill('ｈｗｈｚｉｍａｐ.qiye.163.com');
    await page.getByRole('button', { name: w.servers }).click();
    await expect.poll(() => focused(page)).toBe('email');
    for (const [name, shown, ascii] of [
      ['email', '。', 'sales@company.cn'],
      ['imap.host', 'ｈ ｗ ｚ ｉ ｍ ａ', 'hwhzimap.qiye.163.com'],
    ]) {
      const text = await message(page, name).textContent();
      expect(text).toContain(w.fullWidth);
      expect(text).toContain(shown);
      expect(text).not.toMatch(/must match|pattern|\\x/);
      expect(await message(page, name).locator('code').textContent()).toBe(ascii);
    }
    expect(await field(page, 'imap-host').getAttribute('aria-invalid')).toBe('true');
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(sent).toEqual([]);

    await message(page, 'email').getByRole('button', { name: w.use }).click();
    await message(page, 'imap.host').getByRole('button', { name: w.use }).click();
    expect(await field(page, 'email').inputValue()).toBe('sales@company.cn');
    expect(await field(page, 'imap-host').inputValue()).toBe('hwhzimap.qiye.163.com');
    expect(await message(page, 'email').textContent()).toBe('');
    await page.getByRole('button', { name: w.servers }).click();
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]).toMatchObject({ email: 'sales@company.cn', servers: [{ host: 'hwhzimap.qiye.163.com' }, { host: 'hwhzsmtp.qiye.163.com' }] });
  });

  it('Enter checks the servers without a password, and the login once one is filled', async () => {
    const page = await openChecker(prefix);
    const sent = probes(page);
    await field(page, 'email').fill('sales@company.cn');
    await field(page, 'smtp-port').press('Enter');
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]).not.toHaveProperty('password');
    await page.locator('[data-checker="netease"] [data-result="imap"]').waitFor({ timeout: 20_000 });
    await field(page, 'password').fill(code);
    await field(page, 'password').press('Enter');
    await expect.poll(() => sent.length).toBe(2);
    expect(sent[1]).toMatchObject({ password: code });
  });

  it("says the guide's own unreachable host is not the reader's typo, and the report is the checked address's, ending with support", async () => {
    const page = await openChecker(prefix);
    await field(page, 'email').fill('sales@company.cn');
    await page.getByRole('button', { name: w.servers }).click();
    const result = page.locator('[data-checker="netease"] [data-result="imap"]');
    await result.waitFor({ timeout: 20_000 });
    const text = (await result.textContent())!;
    expect(text).toContain('DNS_NOT_FOUND');
    expect(text).toMatch(lang === 'en' ? /comes from the guide, so you did not mistype it/ : /来自指南，不是你填错了/);
    expect(text).not.toMatch(/misspelt|拼错/);
    expect(await page.locator('[data-checker="netease"] [data-support="report"] a').getAttribute('href')).toBe(contact);

    // The address in the field changes after the check; the report stays with what was checked.
    await field(page, 'email').fill('someone.else@company.cn');
    await page.getByRole('button', { name: w.copy }).click();
    const report = await page.evaluate(() => navigator.clipboard.readText());
    expect(report).toContain('sales@company.cn');
    expect(report).not.toContain('someone.else');
    expect(report.trim().split('\n').at(-1)).toContain(contact);
  });

  it('loads the form only with its rules: no check can go out unchecked', async () => {
    const page = await harness.context.newPage();
    let release!: () => void;
    let requested!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const asked = new Promise<void>((resolve) => (requested = resolve));
    // NetEase's compiled rules are the one script with the personal-domain pattern in it.
    await page.route('**/assets/js/*.js', async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes('126\\\\.com|139')) {
        requested();
        await held;
      }
      await route.fulfill({ response, body });
    });
    await page.goto(`${harness.site.origin}${prefix}${netease}`, { waitUntil: 'load' });
    await waitForHydration(page);
    await page.locator('#checker').scrollIntoViewIfNeeded();
    await asked;
    expect(await page.locator(liveForm('netease')).count()).toBe(0);
    // What stands there meanwhile is the form's drawing: a tap on its button sends nothing.
    const sent = probes(page);
    await page.locator('[data-checker="netease"] [data-checker-preview] button').first().click({ force: true });
    expect(await page.locator('[data-checker="netease"]').textContent()).toMatch(/检查工具加载中|Loading the checker/);
    release();
    await page.locator(liveForm('netease')).waitFor();
    expect(sent).toEqual([]);
    await page.close();
  });
});

describe('when the checker endpoint itself fails', () => {
  const cases = [
    ['404 (a static host without the API)', 'missing', (r: Parameters<Parameters<Page['route']>[1]>[0]) => r.fulfill({ status: 404, body: 'Not found' }), /用不了|not available/],
    ['500', 'broken', (r: Parameters<Parameters<Page['route']>[1]>[0]) => r.fulfill({ status: 500, body: '' }), /故障|fault/],
    ['502 from a proxy', 'broken', (r: Parameters<Parameters<Page['route']>[1]>[0]) => r.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad Gateway</h1>' }), /故障|fault/],
    ['429 with Retry-After', 'limited', (r: Parameters<Parameters<Page['route']>[1]>[0]) => r.fulfill({ status: 429, headers: { 'Retry-After': '42' }, body: '{}' }), /42/],
    ['503 with Retry-After', 'busy', (r: Parameters<Parameters<Page['route']>[1]>[0]) => r.fulfill({ status: 503, headers: { 'Retry-After': '5' }, body: '{}' }), /\b5\b/],
    ['a network error', 'offline', (r: Parameters<Parameters<Page['route']>[1]>[0]) => r.abort('internetdisconnected'), /网络|network/],
    [
      'a 400 with the endpoint\'s problem list',
      'refused',
      (r: Parameters<Parameters<Page['route']>[1]>[0]) =>
        r.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: 'The request is not valid.', problems: ['request: /servers/0/port must be <= 65535'] }) }),
      /刷新|Reload/,
    ],
  ] as const;

  describe.each([
    ['zh-Hans', ''],
    ['en', '/en'],
  ] as const)('%s', (_lang, prefix) => {
    it.each(cases)('%s gets its own message, blames nothing the reader typed, and points to support', async (_label, kind, answer, expected) => {
      const page = await openChecker(prefix);
      await page.route('**/api/probe', answer);
      await field(page, 'email').fill('sales@company.cn');
      await page.getByRole('button', { name: words[prefix ? 'en' : 'zh-Hans'].servers }).click();
      const box = page.locator(`[data-checker="netease"] [data-service="${kind}"]`);
      await box.waitFor();
      const text = (await box.textContent())!;
      expect(text).toMatch(expected);
      expect(text).not.toMatch(/：$|request|must be|problems|\/servers/);
      expect(await box.locator(`a[href="${contact}"]`).count()).toBe(1);
      expect(await noHorizontalScroll(page)).toBe(true);
    });
  });
});

describe.each([
  ['zh-Hans', '', /需要 JavaScript/],
  ['en', '/en', /needs JavaScript/],
] as const)('%s without JavaScript', (_lang, prefix, needs) => {
  it('the checker says it needs JavaScript and lists the servers to enter by hand, instead of loading forever', async () => {
    const context = await harness.browser.newContext({ viewport: phoneViewport, isMobile: true, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${harness.site.origin}${prefix}${netease}`);
    const checker = page.locator('[data-checker="netease"]');
    // As a reader would: off screen, its section is not rendered yet (content-visibility).
    await checker.scrollIntoViewIfNeeded();
    await expect.poll(() => checker.innerText()).toMatch(needs);
    const shown = await checker.innerText();
    for (const host of ['hwhzimap.qiye.163.com', 'hwhzsmtp.qiye.163.com', 'imap.qiye.163.com', 'smtp.qiye.163.com']) expect(shown).toContain(host);
    expect(shown).not.toMatch(/加载中|Loading/);
    expect(await checker.locator(`a[href="${contact}"]`).count()).toBe(1);
    await context.close();
  });
});

describe.each([
  ['zh-Hans', ''],
  ['en', '/en'],
] as const)('%s guide finder without JavaScript', (_lang, prefix) => {
  it.each(['/youxiang/200-qiyeyouxiang-enterprise-mailbox', '/'])('%s lists every guide instead of a form that empties itself', async (path) => {
    const context = await harness.browser.newContext({ viewport: phoneViewport, isMobile: true, javaScriptEnabled: false });
    const page = await context.newPage();
    const url = `${harness.site.origin}${prefix}${path === '/' ? '/' : path}`;
    await page.goto(url);
    const form = page.locator('form:has(input[type="email"])').first();
    await form.locator('input[type="email"]').fill('sales@company.cn');
    await form.locator('input[type="email"]').press('Enter');
    await form.locator('button[type="submit"]').click({ force: true });
    // Nothing was submitted: the page and the typed address are still there.
    expect(page.url()).toBe(url);
    expect(await form.locator('input[type="email"]').inputValue()).toBe('sales@company.cn');
    const links = form.locator('[data-guides] a');
    expect(await form.locator('[data-guides="enterprise"] a').count()).toBeGreaterThan(0);
    expect(await form.locator('[data-guides="personal"] a').count()).toBeGreaterThan(0);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`${prefix}${netease}`);
    expect(hrefs).toContain(`${prefix}/youxiang/106-tengxun-qqyouxiang-tencent-personal-email`);
    expect(await links.first().isVisible()).toBe(true);
    await context.close();
  });
});
