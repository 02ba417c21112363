// The production server (as `npm start` runs it) and Debian's chromium for one browser test
// file: started before its tests, stopped after them. `env` is the server's extra environment.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startSite, type RunningServer } from './serve';

export interface SiteInBrowser {
  site: RunningServer;
  browser: Browser;
}

export function siteInBrowser(env: Record<string, string> = {}): SiteInBrowser {
  const harness = {} as SiteInBrowser;
  beforeAll(async () => {
    harness.site = await startSite(env);
    harness.browser = await launchBrowser();
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.site?.stop();
  });
  return harness;
}
