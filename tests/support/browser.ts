// Debian's chromium driven by playwright-core: no browser download, ever.
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Laifaxin's file host (the guides' screenshots, the footer's QR code) is out of reach of test
  // machines, and a test must not depend on it: unanswered, it fails at once instead of waiting on
  // the network. Tests that need its images serve stand-ins (image-host.ts).
  '--host-resolver-rules=MAP cos.files.maozhishi.com ~NOTFOUND',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** A phone held upright, as most readers open the guides from a WeChat chat. */
export const phoneViewport = { width: 360, height: 740 };

/**
 * Waits until React has hydrated the server-rendered page. Before that a controlled input
 * typed into is reset and a click does nothing, which made tests flaky on a loaded machine.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator('html[data-has-hydrated="true"]').waitFor({ state: 'attached' });
}

/**
 * The checker's form once its code has loaded. Until then the server's drawing of the form
 * stands in its place, inert ([data-checker-preview]), so a test that waits for any form there
 * would go on before the checker works.
 */
export const liveForm = (provider: string) => `[data-checker="${provider}"] > form`;
