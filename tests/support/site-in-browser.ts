// The production server (as `npm start` runs it) and Debian's chromium for one browser test
// file: started before its tests, stopped after them. `env` is the server's extra environment,
// or a function giving it once the file's earlier beforeAll hooks have run (scripted mail
// servers whose ports it names); vitest stops this harness before those servers.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, phoneViewport, waitForHydration } from './browser';
import { startSite, type RunningServer } from './serve';

export interface SiteInBrowser {
  site: RunningServer;
  browser: Browser;
  /**
   * The file's phone context, which may use the clipboard. Its pages share one HTTP and code
   * cache, as a reader's tabs do: a new context per test made chromium fetch and compile every
   * script again, and on a 2-core machine that was most of a test's time.
   */
  context: BrowserContext;
  /** A new touch page of the file's context at `path` and `viewport` (a phone by default), answered 200 and hydrated. */
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /**
   * The file's one shared touch page at `path` and `viewport`, answered 200, hydrated and
   * scrolled to the top, for tests that only look: a new page costs about as much as loading
   * a guide on a 2-core machine, so looking at every guide through new pages doubled the time.
   * A page already at `path` (without a #hash) is resized and scrolled to the top, not loaded
   * again. Never close it.
   */
  visit(path: string, viewport?: { width: number; height: number }): Promise<Page>;
}

type Env = Record<string, string>;

export function siteInBrowser(env: Env | (() => Env) = {}): SiteInBrowser {
  const harness = {
    async open(path, viewport = phoneViewport) {
      const page = await harness.context.newPage();
      await page.setViewportSize(viewport);
      const response = await page.goto(`${harness.site.origin}${path}`, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      await waitForHydration(page);
      return page;
    },
    async visit(path, viewport = phoneViewport) {
      shared ??= await harness.context.newPage();
      await shared.setViewportSize(viewport);
      const url = `${harness.site.origin}${path}`;
      if (shared.url() === url && !url.includes('#')) {
        await shared.evaluate(() => window.scrollTo(0, 0));
        return shared;
      }
      // A move to the same page with a #hash is no page load, and a link to a section is tested as one.
      if (shared.url().split('#')[0] === url.split('#')[0]) await shared.goto('about:blank');
      const response = await shared.goto(url, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      await waitForHydration(shared);
      return shared;
    },
  } as SiteInBrowser;
  let shared: Page | undefined;
  beforeAll(async () => {
    harness.site = await startSite(typeof env === 'function' ? env() : env);
    harness.browser = await launchBrowser();
    harness.context = await harness.browser.newContext({ viewport: phoneViewport, isMobile: true, hasTouch: true });
    await harness.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.site.origin });
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.site?.stop();
  });
  return harness;
}
