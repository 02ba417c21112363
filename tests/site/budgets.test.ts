// Size budgets (issue 4): what a reader's phone downloads before it can use a page. Sizes are
// gzip -9 of the built files a page fetches on first load (no scrolling, no typing), so the
// figures are exact and repeatable; timings live in `npm run bench`, never here. The budgets
// were set from the first measurement with little headroom (see BENCHMARKS.md): raising one
// is a decision to make in review, with the bytes it buys.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phoneViewport } from '../support/browser';
import { buildDir } from '../support/site';

const KB = 1024;
const NETEASE = 'youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox';
const OVERVIEW = 'youxiang/200-qiyeyouxiang-enterprise-mailbox';

// First measurement (HEAD af73f20): NetEase 203.9 / 205.1 KB, overview 198.6 / 200.2 KB,
// search index 88.1 / 85.4 KB (zh-Hans / en). The stock Docusaurus page loads 164.5 KB.
// After the search bar loads on first use, components are imported per page and the finder
// index left global data: NetEase 184.9 / 186.2 KB, overview 180.0 / 181.6 KB.
// Issue 11 makes every provider error a search hit of its own (a pasted server reply finds
// its entry) and explains both cases of a connection failure: search index 88.2 / 85.7 KB
// became 93.1 / 89.8 KB.
const budgets = {
  guideJs: 189 * KB,
  // The overview gained Microsoft 365's server, error and pitfall cards (+4.1 KB).
  overviewJs: 186 * KB,
  // The index grows about 9 KB per guide (107: 92.0 → 101.0 / 88.1 → 97.3 KB); it loads
  // only when the reader opens search.
  searchIndex: { 'zh-Hans': 103 * KB, en: 99 * KB },
};

const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

function fileFor(pathname: string): string | undefined {
  const clean = decodeURIComponent(pathname).replace(/^\/+/, '');
  return [clean, `${clean}.html`, join(clean, 'index.html')]
    .map((p) => join(buildDir, p))
    .find((p) => p.startsWith(buildDir) && existsSync(p) && statSync(p).isFile());
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Every script the page fetched until the network went quiet, served straight from build/. */
async function firstLoadScripts(path: string): Promise<string[]> {
  const page = await browser.newPage({ viewport: phoneViewport, isMobile: true, hasTouch: true });
  const scripts = new Set<string>();
  await page.route('http://budget.test/**', async (route) => {
    const { pathname } = new URL(route.request().url());
    const file = fileFor(pathname);
    if (!file) return route.fulfill({ status: 404, body: '' });
    if (route.request().resourceType() === 'script') scripts.add(file);
    await route.fulfill({ path: file });
  });
  await page.goto(`http://budget.test/${path}`);
  // Hydration needs every chunk of the route, so its end (not a quiet-network timer, which
  // a busy machine can trip early) marks the first load; then whatever it triggers settles.
  await page.waitForSelector('html[data-has-hydrated="true"]', { state: 'attached' });
  await page.waitForLoadState('networkidle');
  await page.close();
  return [...scripts];
}

function htmlScripts(path: string): string[] {
  const html = readFileSync(fileFor(`/${path}`)!, 'utf8');
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => fileFor(m[1])!);
}

describe.each([
  ['NetEase guide (zh-Hans)', NETEASE, 'guideJs'],
  ['NetEase guide (en)', `en/${NETEASE}`, 'guideJs'],
  ['overview (zh-Hans)', OVERVIEW, 'overviewJs'],
  ['overview (en)', `en/${OVERVIEW}`, 'overviewJs'],
] as const)('%s', (_label, path, budget) => {
  it(`loads at most the budgeted gzipped JavaScript on first load`, async () => {
    const scripts = await firstLoadScripts(path);
    // The page's own <script> tags are the floor of what loads; missing ones mean the
    // measurement broke, not that the page got lighter.
    expect(scripts).toEqual(expect.arrayContaining(htmlScripts(path)));
    const total = scripts.reduce((sum, file) => sum + gzipped(file), 0);
    expect(total, `${scripts.length} scripts, ${(total / KB).toFixed(1)} KB gzipped`).toBeLessThanOrEqual(budgets[budget]);
  });
});

describe.each(['zh-Hans', 'en'] as const)('search index (%s)', (locale) => {
  it('stays within its gzipped budget', () => {
    const file = join(buildDir, locale === 'en' ? 'en' : '', 'search-index.json');
    const size = gzipped(file);
    expect(size, `${(size / KB).toFixed(1)} KB gzipped`).toBeLessThanOrEqual(budgets.searchIndex[locale]);
  });
});
