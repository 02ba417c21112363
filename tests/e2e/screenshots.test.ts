// The guides' screenshots in Debian's chromium, with the image host answered by stand-in images
// (tests/support/image-host.ts): nothing is fetched at the top of a page, nothing moves while a
// reader scrolls through and they load, a tap opens the full-size image, they are all there with
// JavaScript off, and the Content-Security-Policy lets them in and nothing else from elsewhere.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadRegistry } from '../../registry/load';
import { phoneViewport, waitForHydration } from '../support/browser';
import { serveStandInImages } from '../support/image-host';
import { siteInBrowser } from '../support/site-in-browser';

const harness = siteInBrowser();

const qq = '/youxiang/106-tengxun-qqyouxiang-tencent-personal-email';
const netease = '/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox';
const viewport = { width: 390, height: 844 };
const providers = loadRegistry();
const qqShots = providers.find((p) => p.id === 'qq')!.screenshots!;

declare global {
  interface Window {
    shifts: { value: number; sources: string[] }[];
    lcp: string | null;
    violations: string[];
  }
}

/** A phone page that records layout shifts, the largest contentful paint and CSP violations from the start. */
async function phonePage(size = viewport): Promise<{ page: Page; requested: string[] }> {
  const page = await harness.browser.newPage({ viewport: size, isMobile: true, hasTouch: true });
  const requested = await serveStandInImages(page);
  await page.addInitScript(() => {
    window.shifts = [];
    window.lcp = null;
    window.violations = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] })[]) {
        if (!entry.hadRecentInput) window.shifts.push({ value: entry.value, sources: entry.sources.map((s) => (s.node instanceof Element ? s.node.outerHTML.slice(0, 80) : String(s.node?.nodeName))) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1) as (PerformanceEntry & { element?: Element }) | undefined;
      window.lcp = last?.element?.tagName ?? null;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  return { page, requested };
}

async function open(path: string, size = viewport) {
  const opened = await phonePage(size);
  const response = await opened.page.goto(`${harness.site.origin}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  await waitForHydration(opened.page);
  return opened;
}

const screenshotsLoaded = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll<HTMLImageElement>('article figure img')).filter((img) => img.complete && img.naturalWidth > 0).length);

describe('first load', () => {
  it.each([qq, `/en${qq}`, netease, `/en${netease}`])('%s at the top fetches no screenshot, and its largest paint is text', async (path) => {
    const { page, requested } = await open(path);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('article figure img').count()).toBeGreaterThan(0);
    expect(requested).toEqual([]);
    await expect.poll(() => page.evaluate(() => window.lcp)).not.toBeNull();
    expect(await page.evaluate(() => window.lcp)).not.toBe('IMG');
    await page.close();
  });
});

describe('scrolling through', () => {
  it.each([qq, `/en${qq}`, netease, `/en${netease}`])('%s at 390 px, top to bottom: every screenshot loads and nothing moves', async (path) => {
    const { page } = await open(path);
    const total = await page.locator('article figure img').count();
    // The size each image's place takes before any has arrived: an image that resized it would
    // move everything below it, whether or not that happened on screen this time.
    const frames = () => page.$$eval('article figure', (figures) => figures.map((f) => f.getBoundingClientRect().height));
    const before = await frames();
    for (let atBottom = false; !atBottom; ) {
      // Most of a screen at a time, as a finger moves it: a frame at a time, a fifth of a screen
      // each. One jump of that size would land beyond the margin within which chromium lays out
      // a skipped section (content-visibility, plugins/rehype-sections.ts) before it shows, and
      // the footer would move by the gap between a section's estimated and real height.
      atBottom = await page.evaluate(async () => {
        for (let step = 0; step < 4; step += 1) {
          window.scrollBy(0, Math.round(window.innerHeight * 0.2));
          await new Promise(requestAnimationFrame);
        }
        return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
      });
      // Let the images that came near the screen arrive before moving on, as a reader would.
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll<HTMLImageElement>('article figure img'))
          .filter((img) => img.getBoundingClientRect().top < window.innerHeight)
          .every((img) => img.complete),
      );
    }
    expect(await screenshotsLoaded(page)).toBe(total);
    expect(await frames()).toEqual(before);
    expect(await page.evaluate(() => window.shifts)).toEqual([]);
    await page.close();
  });
});

describe('reading one', () => {
  it('a tap opens the image itself, full size', async () => {
    const { page } = await open(qq);
    const link = page.locator('article figure a').first();
    const href = await link.getAttribute('href');
    expect(href).toBe(qqShots[0].url);
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    await page.waitForURL(href!);
    expect(await page.evaluate(() => document.contentType)).toBe('image/png');
    await page.close();
  });

  it('with JavaScript off, every screenshot is in the page as an image inside a link to it, and loads', async () => {
    const context = await harness.browser.newContext({ javaScriptEnabled: false, viewport: phoneViewport, isMobile: true, hasTouch: true });
    const requested = await serveStandInImages(context);
    const page = await context.newPage();
    await page.goto(`${harness.site.origin}${qq}`, { waitUntil: 'load' });
    const shots = await page.$$eval('article figure', (figures) =>
      figures.map((f) => ({ src: f.querySelector('img')?.getAttribute('src'), href: f.querySelector('a')?.getAttribute('href'), alt: f.querySelector('img')?.getAttribute('alt') })),
    );
    expect(shots).toEqual(qqShots.map((s) => ({ src: s.url, href: s.url, alt: s.alt['zh-Hans'] })));
    await page.locator('article figure').last().scrollIntoViewIfNeeded();
    // With scripting off the browser does not defer images (the spec's rule, against tracking).
    await expect.poll(() => qqShots.filter((s) => requested.includes(s.url)).length).toBe(qqShots.length);
    await context.close();
  });

  it('the Content-Security-Policy lets the screenshots in, and refuses images from anywhere else', async () => {
    const { page } = await open(qq);
    const response = await page.reload({ waitUntil: 'load' });
    expect(response?.headers()['content-security-policy']).toContain("img-src 'self' data: https://cos.files.maozhishi.com");
    await waitForHydration(page);
    await page.locator('article figure').last().scrollIntoViewIfNeeded();
    await expect.poll(() => screenshotsLoaded(page)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.violations)).toEqual([]);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'https://images.example.com/tracker.png';
      document.body.append(img);
    });
    await expect.poll(() => page.evaluate(() => window.violations)).toEqual(['img-src https://images.example.com/tracker.png']);
    await page.close();
  });
});

describe('at a computer', () => {
  it('a phone reader is told before the steps, and one tap copies the link to the first of them', async () => {
    const { page } = await open(qq, phoneViewport);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.site.origin });
    const note = page.locator('article aside', { hasText: '电脑浏览器' });
    await note.scrollIntoViewIfNeeded();
    expect(await note.isVisible()).toBe(true);
    const firstStep = await page.locator('#access-account-settings').boundingBox();
    expect((await note.boundingBox())!.y).toBeLessThan(firstStep!.y);
    await note.getByRole('button', { name: '复制本页链接' }).tap();
    await expect.poll(() => note.getByRole('status').textContent()).toBe('已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`https://laifa.xin${qq}#get-code`);
    await page.close();
  });

  it('a reader at a computer is not told', async () => {
    const { page } = await open(qq, { width: 1280, height: 800 });
    expect(await page.locator('article aside', { hasText: '电脑浏览器' }).isVisible()).toBe(false);
    await page.close();
  });
});
