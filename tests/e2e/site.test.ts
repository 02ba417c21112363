// The guides as a reader gets them: Debian's chromium, a phone-sized window, the
// production server, both locales.
import { describe, expect, it } from 'vitest';
import { phoneViewport } from '../support/browser';
import { siteInBrowser } from '../support/site-in-browser';

const harness = siteInBrowser();

const netease = '/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox';

describe.each([
  ['zh-Hans', ''],
  ['en', '/en'],
])('%s', (lang, prefix) => {
  it('serves the guide at its exact chat-link URL, without redirecting to a trailing slash', async () => {
    const page = await harness.open(`${prefix}${netease}`);
    expect(new URL(page.url()).pathname).toBe(`${prefix}${netease}`);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
  });

  it('scrolls a pasted #err-login-ipdeny link to the IPDENY row, below the navbar', async () => {
    const page = await harness.open(`${prefix}${netease}#err-login-ipdeny`);
    const row = page.locator('#err-login-ipdeny');
    await expect.poll(async () => (await row.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
    const box = (await row.boundingBox())!;
    const navbar = (await page.locator('nav.navbar').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(navbar.height - 1);
    expect(box.y).toBeLessThan(phoneViewport.height / 2);
    expect(await row.textContent()).toContain('ERR.LOGIN.IPDENY');
  });

  it('takes the reader from the IPDENY row to the admin section', async () => {
    const page = await harness.open(`${prefix}${netease}#err-login-ipdeny`);
    await page.locator('#err-login-ipdeny a[href$="#lift-ip-restriction"]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#lift-ip-restriction');
    const heading = page.locator('h2#lift-ip-restriction, h3#lift-ip-restriction');
    await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeLessThan(phoneViewport.height / 2);
  });

  it('copies a host name even where the clipboard API is blocked, as in some in-app browsers', async () => {
    const page = await harness.open(`${prefix}${netease}`);
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
      // Record what the execCommand fallback copies: the selected textarea's value.
      document.execCommand = ((command: string) => {
        (window as unknown as { copied: string }).copied = command === 'copy' ? (document.activeElement as HTMLTextAreaElement).value : '';
        return true;
      }) as typeof document.execCommand;
    });
    const button = page.locator('#set-backup button').first();
    await button.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { copied?: string }).copied)).toBe('imap.qiye.163.com');
    await expect.poll(() => button.textContent()).toMatch(/已复制|Copied/);
  });
});

describe('search', () => {
  it.each([
    ['zh-Hans', '', '授权密码', '网易企业邮箱'],
    ['en', '/en', 'authorization password', 'NetEase'],
  ])('%s: finds the NetEase guide from the search box', async (_locale, prefix, query, expected) => {
    const page = await harness.open(`${prefix}/youxiang/200-qiyeyouxiang-enterprise-mailbox`);
    // On a phone the search box sits in the navbar; the plugin loads its index on focus.
    const input = page.locator('input.navbar__search-input');
    await input.click();
    await input.fill(query);
    const suggestions = page.locator('.aa-suggestion, [role="option"]');
    await expect.poll(() => suggestions.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await suggestions.allTextContents()).join(' ')).toContain(expected);
  });
});
