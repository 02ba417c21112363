// Pasting a server's reply into the site search: the first hit is that error's own entry, on
// the troubleshooting page or on the provider's guide, and the hits can be told apart on a
// phone. Debian's chromium, 360 px, the production build with its search index.
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load';
import { troubleshootingSlug } from '../../registry/links';
import { waitForHydration } from '../support/browser';
import { siteInBrowser } from '../support/site-in-browser';

const harness = siteInBrowser();

const errors = loadRegistry().flatMap((p) => p.errors.map((e) => ({ provider: p, error: e })));
/**
 * Where an error is explained: always the troubleshooting page; when its guide is hosted here,
 * also its entry in the guide's error list and the guide section that fixes it.
 */
const entries = (literal: string) =>
  errors
    .filter(({ error }) => error.match.literal === literal)
    .flatMap(({ provider, error }) => [
      `/youxiang/${troubleshootingSlug}#${error.id}`,
      ...(provider.guide.hosted ? [`/youxiang/${provider.guide.slug}#${error.id}`, `/youxiang/${provider.guide.slug}#${error.anchor}`] : []),
    ]);


describe.each([
  ['zh-Hans', ''],
  ['en', '/en'],
] as const)('%s', (_lang, prefix) => {
  it.each(['请使用授权码登录', 'ERR.LOGIN.IPDENY', 'Unsafe Login'])('"%s" leads to its entry first', async (reply) => {
    expect(entries(reply).length, 'the registry has this reply').toBeGreaterThan(0);
    const page = await harness.context.newPage();
    await page.goto(`${harness.site.origin}${prefix}/youxiang/200-qiyeyouxiang-enterprise-mailbox`);
    await waitForHydration(page);
    const input = page.locator('input.navbar__search-input');
    await input.click();
    await input.fill(reply);
    const hits = page.locator('[role="option"]');
    await expect.poll(() => hits.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // One navbar item used to be "active" on every guide, so each hit's path began 企业邮箱 › 企业邮箱.
    for (const path of await hits.locator('[class*="hitPath"]').allTextContents()) {
      const steps = path.split(' › ');
      expect(steps.filter((step, i) => step === steps[i - 1]), path).toEqual([]);
    }
    await hits.first().click();
    await expect.poll(() => page.evaluate(() => location.hash)).not.toBe('');
    const landed = await page.evaluate(() => location.pathname + location.hash);
    expect(entries(reply).map((e) => `${prefix}${e}`)).toContain(landed);
    const id = decodeURIComponent(landed.split('#')[1]);
    expect(await page.locator(`[id="${id}"]`).textContent()).toContain(reply);
    await page.close();
  });
});
