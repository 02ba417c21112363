// A guide link cut short in a chat lands on the 404 page: it must lead on, in the reader's
// language, with JavaScript and without. Debian's chromium at phone width, the production server.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { phoneViewport, waitForHydration } from '../support/browser';
import { buildDir } from '../support/site';
import { siteInBrowser } from '../support/site-in-browser';

const harness = siteInBrowser();

const truncated = '/youxiang/204-wangyi-qiyeyouxiang-netease-enterp';
const netease = '/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox';
const qq = '/youxiang/106-tengxun-qqyouxiang-tencent-personal-email';


async function open(path: string, javaScriptEnabled: boolean): Promise<Page> {
  const context = await harness.browser.newContext({ viewport: phoneViewport, isMobile: true, hasTouch: true, javaScriptEnabled });
  const page = await context.newPage();
  const response = await page.goto(`${harness.site.origin}${path}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(404);
  if (javaScriptEnabled) {
    await waitForHydration(page);
    // The content's own chunk, not the inert copy of it that may stand in until the chunk arrives.
    await page.locator('main[data-not-found] > form').waitFor();
  }
  return page;
}

const hrefs = (page: Page, selector: string) => page.locator(selector).evaluateAll((links) => links.map((a) => a.getAttribute('href')));

describe.each([
  ['zh-Hans', '', '找不到页面'],
  ['en', '/en', 'Page Not Found'],
] as const)('%s', (lang, prefix, title) => {
  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])("%s: lists every guide from the registry once, in the page's language, and the way to support", async (_label, javaScriptEnabled) => {
    const page = await open(`${prefix}${truncated}`, javaScriptEnabled);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.locator('main h1').textContent()).toBe(title);
    const enterprise = await hrefs(page, 'main [data-guides="enterprise"] a');
    const personal = await hrefs(page, 'main [data-guides="personal"] a');
    expect(enterprise).toContain(`${prefix}${netease}`);
    expect(personal).toContain(`${prefix}${qq}`);
    expect(new Set(enterprise).size).toBe(enterprise.length);
    expect(await hrefs(page, 'main > p a')).toEqual([`${prefix}/youxiang/300-bangding-cuowu-mailbox-binding-errors`, 'https://laifa.xin/zhinan/contact-us']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.context().close();
  });

  it('the guide finder on it sends a personal address to its guide', async () => {
    const page = await open(`${prefix}${truncated}`, true);
    await page.locator('main input[type="email"]').fill('li.lei@qq.com');
    await page.locator('main button[type="submit"]').click();
    const found = page.locator('main [data-provider="qq"] a');
    await found.waitFor();
    expect(await found.getAttribute('href')).toBe(`${prefix}${qq}`);
    await page.context().close();
  });

  it('keeps the 404 page in place while its content loads (src/theme/NotFound/Content)', async () => {
    // Readers arrive here from links cut short in a chat. Its content is a lazy chunk; when the
    // page updates before the chunk is there, React renders that part afresh, and it used to go
    // blank and fill again (a layout shift of 1.37).
    const lost = await harness.context.newPage();
    await lost.addInitScript({
      content: `window.__shift = 0; window.__blank = false;
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shift += e.value; }).observe({ type: 'layout-shift', buffered: true });
        new MutationObserver(() => { const main = document.querySelector('main[data-not-found]'); if (main && !main.querySelector('h1')) window.__blank = true; }).observe(document, { childList: true, subtree: true });`,
    });
    await lost.goto(`${harness.site.origin}${prefix}${truncated}`, { waitUntil: 'load' });
    await waitForHydration(lost);
    await lost.waitForLoadState('networkidle');
    expect(await lost.locator('main[data-not-found] h1').count()).toBe(1);
    expect(await lost.evaluate(() => (window as unknown as { __blank: boolean }).__blank)).toBe(false);
    // 0 in every load measured; the old blank-and-fill was 1.37.
    expect(await lost.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThan(0.01);
    await lost.close();
  });
});

it("the finder's index stays out of what a guide loads, though DocRoot bundles the 404 content", async () => {
  const page = await harness.browser.newPage({ viewport: phoneViewport });
  const scripts = new Set<string>();
  // Scripts the page runs; prefetches of linked pages (the landing page's finder data among them) are 'other'.
  page.on('request', (r) => r.resourceType() === 'script' && scripts.add(new URL(r.url()).pathname));
  await page.goto(`${harness.site.origin}${netease}`, { waitUntil: 'load' });
  await waitForHydration(page);
  await page.waitForLoadState('networkidle');
  await page.close();
  expect(scripts.size).toBeGreaterThan(5);
  // The finder's data knows every provider's address domains (narod.ru is one of Yandex's, named
  // on no page); the NetEase guide has no use for them before the reader opens its checker.
  const carrying = [...scripts].filter((path) => readFileSync(join(buildDir, path), 'utf8').includes('narod.ru'));
  expect(carrying).toEqual([]);
});
