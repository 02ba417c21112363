// The reader's text is painted before the site's scripts run (plugins/ssr-template.ts): the
// scripts are inserted only after the first contentful paint and the whole document is
// parsed, still in order, and the page hydrates, also where the browser has no paint timing.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { liveForm, phoneViewport, waitForHydration } from '../support/browser';
import { serveStandInImages } from '../support/image-host';
import { siteInBrowser } from '../support/site-in-browser';

const harness = siteInBrowser();

const guides = [
  '/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox',
  '/en/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox',
  '/youxiang/106-tengxun-qqyouxiang-tencent-personal-email',
];

interface ScriptTiming {
  inserted: { src: string; at: number }[];
  fcp: number | undefined;
  parsedAt: number;
}

async function open(path: string, withoutPaintTiming = false): Promise<{ page: Page; errors: string[] }> {
  const page = await harness.browser.newPage({ viewport: phoneViewport, isMobile: true, hasTouch: true });
  // The guides' screenshots come from Laifaxin's file host, out of reach here: a reader's
  // browser would load them, so a failed request is not the page's error.
  await serveStandInImages(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.addInitScript((hidePaintTiming: boolean) => {
    const inserted: { src: string; at: number }[] = [];
    (window as unknown as { inserted: typeof inserted }).inserted = inserted;
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of Array.from(record.addedNodes))
          if (node instanceof HTMLScriptElement && node.src) inserted.push({ src: new URL(node.src).pathname, at: performance.now() });
    }).observe(document, { childList: true, subtree: true });
    if (hidePaintTiming) Object.defineProperty(window, 'PerformanceObserver', { value: undefined });
  }, withoutPaintTiming);
  await page.goto(`${harness.site.origin}${path}`, { waitUntil: 'load' });
  await waitForHydration(page);
  return { page, errors };
}

function timing(page: Page): Promise<ScriptTiming> {
  return page.evaluate(() => ({
    inserted: (window as unknown as { inserted: { src: string; at: number }[] }).inserted,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    parsedAt: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive,
  }));
}

describe('scripts run after the first paint', () => {
  it.each(guides)('%s paints, then runs runtime, main and its route chunks in order, then hydrates', async (path) => {
    const { page, errors } = await open(path);
    try {
      const { inserted, fcp, parsedAt } = await timing(page);
      // The downloads start with the document, not after the paint: the page's route chunks too
      // (its layout and its own content), not only what every page shares.
      const preloads = await page.locator('head link[rel="preload"][as="script"]').evaluateAll((links) =>
        links.map((l) => new URL((l as HTMLLinkElement).href).pathname),
      );
      const names = preloads.map((src) => src.replace(/^.*\/assets\/js\/|\.[0-9a-f]+\.js$/g, ''));
      expect(names.slice(0, 2)).toEqual(['runtime~main', 'main']);
      expect(names.length).toBeGreaterThan(4);
      const bundle = inserted.slice(0, preloads.length);
      expect(bundle.map((s) => s.src)).toEqual(preloads);
      expect(fcp).toBeGreaterThan(0);
      for (const script of bundle) {
        expect(script.at).toBeGreaterThanOrEqual(fcp!);
        expect(script.at).toBeGreaterThanOrEqual(parsedAt);
      }
      expect(await page.locator('script[defer]').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('hydrates in a browser without paint timing, and the checker loads', async () => {
    const { page, errors } = await open(guides[0], true);
    try {
      const { inserted } = await timing(page);
      expect(inserted.some((s) => /\/assets\/js\/main\.[0-9a-f]+\.js$/.test(s.src))).toBe(true);
      // The checker's form is rendered by React once the reader reaches it.
      await page.locator('#checker').scrollIntoViewIfNeeded();
      await page.locator(liveForm('netease')).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
