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
  /**
   * The file's touch page, loaded afresh at `path` and `viewport` (a phone by default), answered
   * 200 and hydrated. One page serves every test of a file: a new page starts a new renderer,
   * which loads the CJK fonts and compiles every script again, about a second a test here.
   * What a test left on it (listeners, routes) is removed first; don't close it.
   */
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /**
   * The same page at `path` and `viewport`, for tests that only look: a page already at `path`
   * (without a #hash) is resized and scrolled to the top, not loaded again.
   */
  visit(path: string, viewport?: { width: number; height: number }): Promise<Page>;
}

type Env = Record<string, string>;

export function siteInBrowser(env: Env | (() => Env) = {}): SiteInBrowser {
  const harness = {
    async open(path, viewport = phoneViewport) {
      const page = await filePage(viewport);
      page.removeAllListeners();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      return load(page, path);
    },
    async visit(path, viewport = phoneViewport) {
      const page = await filePage(viewport);
      if (page.url() === `${harness.site.origin}${path}` && !path.includes('#')) {
        await page.evaluate(() => window.scrollTo(0, 0));
        return page;
      }
      return load(page, path);
    },
  } as SiteInBrowser;
  let shared: Page | undefined;
  async function filePage(viewport: { width: number; height: number }): Promise<Page> {
    if (!shared || shared.isClosed()) shared = await harness.context.newPage();
    await shared.setViewportSize(viewport);
    return shared;
  }
  async function load(page: Page, path: string): Promise<Page> {
    const url = `${harness.site.origin}${path}`;
    // Within one document a new #hash is no page load, and a link to a section is tested as one.
    if (page.url().split('#')[0] === url.split('#')[0] && url.includes('#')) await page.goto('about:blank');
    const response = await page.goto(url, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    await waitForHydration(page);
    return page;
  }
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
