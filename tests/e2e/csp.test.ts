// The script policy in a real browser: Debian's chromium loads the production build through the
// Node server, hydrates, fetches lazy chunks and the search worker, and reports no violation of
// the Content-Security-Policy; a script injected into a page does not run.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForHydration } from '../support/browser';
import { siteInBrowser } from '../support/site-in-browser';

const harness = siteInBrowser();

const netease = '/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox';

interface Opened {
  page: Page;
  /** Every violation the page reported, from its own securitypolicyviolation events. */
  violations: () => Promise<string[]>;
}

async function open(path: string, status = 200): Promise<Opened> {
  const page = await harness.context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
  });
  const response = await page.goto(`${harness.site.origin}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(status);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await waitForHydration(page);
  return { page, violations: () => page.evaluate(() => (window as unknown as { violations: string[] }).violations) };
}

describe('Content-Security-Policy in chromium', () => {
  it.each([
    ['/', 200],
    ['/en', 200],
    [netease, 200],
    [`/en${netease}`, 200],
    ['/youxiang/300-bangding-cuowu-mailbox-binding-errors', 200],
    ['/youxiang/no-such-guide', 404],
  ])('%s hydrates with no violation', async (path, status) => {
    const { page, violations } = await open(path, status);
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('navigating within the site and searching load their chunks and worker with no violation', async () => {
    const { page, violations } = await open('/youxiang/200-qiyeyouxiang-enterprise-mailbox');
    await page.locator(`article a[href="${netease}"]`).first().click();
    await page.waitForURL(`**${netease}`);
    await page.locator('#checker').waitFor();
    const input = page.locator('input.navbar__search-input');
    await input.click();
    await input.fill('授权密码');
    await expect.poll(() => page.locator('.aa-suggestion, [role="option"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('a script injected into a page does not run, and the browser reports it', async () => {
    const { page, violations } = await open(netease);
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
      return (window as unknown as { injected?: boolean }).injected ?? false;
    });
    expect(ran).toBe(false);
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src-elem inline/)]);
    await page.close();
  });
});
