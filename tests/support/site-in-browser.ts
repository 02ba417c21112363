// The production server (as `npm start` runs it) and Debian's chromium for one browser test
// file: started before its tests, stopped after them. `env` is the server's extra environment,
// or a function giving it once the file's earlier beforeAll hooks have run (scripted mail
// servers whose ports it names); vitest stops this harness before those servers.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, phoneViewport, waitForHydration } from './browser';
import { startSite, type RunningServer } from './serve';

export interface SiteInBrowser {
  site: RunningServer;
  browser: Browser;
  /** A new touch page of `viewport` (a phone by default) at `path`, answered 200 and hydrated. */
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
}

type Env = Record<string, string>;

export function siteInBrowser(env: Env | (() => Env) = {}): SiteInBrowser {
  const harness = {
    async open(path, viewport = phoneViewport) {
      const page = await harness.browser.newPage({ viewport, isMobile: true, hasTouch: true });
      const response = await page.goto(`${harness.site.origin}${path}`, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      await waitForHydration(page);
      return page;
    },
  } as SiteInBrowser;
  beforeAll(async () => {
    harness.site = await startSite(typeof env === 'function' ? env() : env);
    harness.browser = await launchBrowser();
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.site?.stop();
  });
  return harness;
}
