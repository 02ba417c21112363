// A guide hydrates its widgets, not its text (plugins/rehype-islands.ts, issue 17): on a
// mid-range phone, hydrating the whole body kept the main thread busy for most of a second
// after the text was on screen. React marks every element it hydrated with a fiber, so the
// count of such elements in a guide's body says whether the islands still hold. The pages
// around it must still work: a link to another guide loads that guide with its text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForHydration } from '../support/browser';
import { listPages } from '../support/pages';
import { siteInBrowser } from '../support/site-in-browser';

const harness = siteInBrowser();

const netease = '/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox';
const qq = '/youxiang/106-tengxun-qqyouxiang-tencent-personal-email';

/** Elements of the guide's body, and those of them React hydrated. */
function bodyElements(page: Page) {
  return page.evaluate(() => {
    const all = Array.from(document.querySelectorAll('.theme-doc-markdown *'));
    const hydrated = all.filter((e) => Object.keys(e).some((k) => k.startsWith('__reactFiber$')));
    return { all: all.length, hydrated: hydrated.length, checkerHydrated: hydrated.some((e) => e.matches('[data-checker]')) };
  });
}

describe.each([
  ['zh-Hans', ''],
  ['en', '/en'],
])('%s', (_lang, prefix) => {
  it.each([netease, qq])('%s hydrates its checker and leaves its text as the server sent it', async (path) => {
    const page = await harness.open(`${prefix}${path}`);
    const { all, hydrated, checkerHydrated } = await bodyElements(page);
    expect(all).toBeGreaterThan(300);
    expect(checkerHydrated).toBe(true);
    // 34 of 727 on the NetEase guide: the checker and its section's frame. Before, every element.
    expect(hydrated).toBeLessThan(all / 10);
    // The text is there: the server's HTML was kept, not emptied by the client's render.
    expect(await page.locator('#servers').isVisible()).toBe(true);
    expect(await page.locator('.theme-doc-markdown table').count()).toBeGreaterThan(1);
  });

  it('keeps the guide\'s text when hydration fails and React renders the page anew', async () => {
    // A widget whose server HTML differs from its first client render (here: an element the
    // client never renders, put inside the checker) makes React drop the server's DOM and
    // render the page in the browser; the static runs must come back with their text.
    const page = await harness.context.newPage();
    await page.route(`${harness.site.origin}${prefix}${netease}`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/(data-checker=[a-z0-9-]+>)/, '$1<b data-injected>x</b>');
      const headers = { ...response.headers() };
      delete headers['content-encoding'];
      delete headers['content-length'];
      await route.fulfill({ response, headers, body: html });
    });
    await page.goto(`${harness.site.origin}${prefix}${netease}`, { waitUntil: 'load' });
    await waitForHydration(page);
    // The injected element is gone: React rendered the page itself instead of hydrating it.
    await expect.poll(() => page.locator('[data-injected]').count()).toBe(0);
    expect(await page.locator('#servers').isVisible()).toBe(true);
    expect(await page.locator('.theme-doc-markdown table').count()).toBeGreaterThan(1);
    expect((await page.locator('.theme-doc-markdown').textContent())!.length).toBeGreaterThan(5000);
    await page.close();
  });

  it('opens the next guide from the pager with its text, by a page load', async () => {
    const page = await harness.open(`${prefix}${netease}`);
    await page.evaluate(() => ((window as unknown as { before: boolean }).before = true));
    const next = page.locator('a.pagination-nav__link--next');
    const href = await next.getAttribute('href');
    await next.click();
    await page.waitForURL((url) => url.pathname === href);
    await waitForHydration(page);
    expect(await page.evaluate(() => (window as unknown as { before?: boolean }).before)).toBeUndefined();
    expect(await page.locator('.theme-doc-markdown .guide-section').count()).toBeGreaterThan(2);
    expect((await page.locator('.theme-doc-markdown').textContent())!.length).toBeGreaterThan(1000);
  });

  it('keeps a link within the page in place', async () => {
    const page = await harness.open(`${prefix}${netease}`);
    await page.evaluate(() => ((window as unknown as { before: boolean }).before = true));
    const link = page.locator('.theme-doc-markdown p a[href^="#"]').first();
    const hash = (await link.getAttribute('href'))!;
    expect(hash.length).toBeGreaterThan(1);
    await link.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(hash);
    expect(await page.evaluate(() => (window as unknown as { before?: boolean }).before)).toBe(true);
  });
});

// A parser only adds nodes; an element removed from the app's root after it is hydration
// throwing away what the server drew: React, meeting HTML it would not have rendered, renders
// that part (or the page) anew in the browser, and on a phone that is the long task the
// islands exist to avoid. Two removals are meant: the checker drops its no-script fallback,
// and the navbar logo keeps only the image for the reader's colour mode.
const REMOVALS = `window.__removed = [];
  new MutationObserver((records) => {
    for (const r of records) {
      const t = r.target;
      if (t.nodeType !== 1 || !t.closest('#__docusaurus')) continue;
      for (const n of r.removedNodes) {
        if (n.nodeType !== 1) continue;
        if (n.nodeName === 'NOSCRIPT' && t.closest('[data-checker]')) continue;
        if (n.nodeName === 'IMG' && t.closest('.navbar__logo')) continue;
        window.__removed.push(n.nodeName + (n.className ? '.' + n.className : '') + ' from ' + t.nodeName + (t.className ? '.' + t.className : ''));
      }
    }
  }).observe(document, { childList: true, subtree: true });`;

// Every script inserted into the page, and whether React had hydrated by then. A route chunk
// the HTML did not name would be inserted by main.js before hydrating, one round trip late.
const SCRIPTS = `window.__scripts = [];
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (n.nodeName === 'SCRIPT' && n.getAttribute('src'))
          window.__scripts.push({ src: n.getAttribute('src'), hydrated: document.documentElement.getAttribute('data-has-hydrated') === 'true' });
  }).observe(document, { childList: true, subtree: true });`;

describe.each([
  ['zh-Hans', ''],
  ['en', 'en/'],
] as const)('every page (%s)', (_locale, prefix) => {
  // The 404 page is the one exception: tests/e2e/not-found.test.ts.
  const pages = [...listPages('zh-Hans').map((p) => p.replace(/\.mdx?$/, '')), '', 'search'];
  let page: Page;
  beforeAll(async () => {
    page = await harness.context.newPage();
    await page.addInitScript({ content: REMOVALS });
    await page.addInitScript({ content: SCRIPTS });
  });
  afterAll(() => page.close());

  it.each(pages)('/%s hydrates where it stands: nothing the server drew is thrown away', async (slug) => {
    await page.goto(`${harness.site.origin}/${prefix}${slug}`, { waitUntil: 'load' });
    await waitForHydration(page);
    // The renders hydration sets off (effects, lazy parts) are over when the page is first idle.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 })));
    const removed = await page.evaluate(() => (window as unknown as { __removed: string[] }).__removed);
    expect(removed).toEqual([]);
    expect(await page.locator('#__docusaurus > *').count()).toBeGreaterThan(2);
  });

  it.each(pages)('/%s names in its HTML every script it needs to hydrate, and fetches none twice', async (slug) => {
    await page.goto(`${harness.site.origin}/${prefix}${slug}`, { waitUntil: 'load' });
    await waitForHydration(page);
    const { scripts, preloads } = await page.evaluate(() => ({
      scripts: (window as unknown as { __scripts: { src: string; hydrated: boolean }[] }).__scripts,
      preloads: Array.from(document.querySelectorAll('link[rel=preload][as=script]'), (l) => l.getAttribute('href')),
    }));
    expect(preloads.length).toBeGreaterThan(3);
    expect(scripts.filter((s) => !s.hydrated).map((s) => s.src)).toEqual(preloads);
    expect(new Set(scripts.map((s) => s.src)).size).toBe(scripts.length);
  });
});
