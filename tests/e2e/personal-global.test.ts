// The seven global personal guides as a reader from a chat link gets them: each at its
// exact URL in the right language, the finder sending their addresses to them on this
// site, a live anchor landing on its section, and Outlook's first screen telling the truth.
import { describe, expect, it } from 'vitest';
import { phoneViewport } from '../support/browser';
import { siteInBrowser } from '../support/site-in-browser';

const harness = siteInBrowser();

const guides = {
  gmail: '101-guge-gmailyouxiang-google-personal-email',
  yahoo: '102-yahu-yahooyouxiang-yahoo-personal-mailbox',
  outlook: '108-weiruan-outlookyouxiang-microsoft-personal-email',
  icloud: '113-pingguo-icloudyouxiang-apple-personal-email',
  aol: '114-aol-aolyouxiang-aol-personal-email',
  yandex: '115-yandex-yandexyouxiang-yandex-personal-email',
  mailru: '116-mailru-mailyouxiang-mail-personal-email',
} as const;

const addresses: [string, keyof typeof guides][] = [
  ['gmail.com', 'gmail'],
  ['outlook.com', 'outlook'],
  ['hotmail.com', 'outlook'],
  ['icloud.com', 'icloud'],
  ['me.com', 'icloud'],
  ['yahoo.com', 'yahoo'],
  ['aol.com', 'aol'],
  ['yandex.ru', 'yandex'],
  ['mail.ru', 'mailru'],
];

describe.each([
  ['zh-Hans', ''],
  ['en', '/en'],
] as const)('%s', (lang, prefix) => {
  it.each(Object.values(guides))('serves /youxiang/%s at its exact URL, in the right language', async (slug) => {
    const page = await harness.open(`${prefix}/youxiang/${slug}`);
    expect(new URL(page.url()).pathname).toBe(`${prefix}/youxiang/${slug}`);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
  });

  it('the guide finder sends each global personal address to its guide on this site', async () => {
    const page = await harness.open(`${prefix}/youxiang/200-qiyeyouxiang-enterprise-mailbox`);
    const input = page.locator('form input[type="email"]').first();
    for (const [domain, id] of addresses) {
      await input.fill(`li.lei@${domain}`);
      await input.press('Enter');
      const link = page.locator(`[data-provider="${id}"] a`);
      await link.waitFor();
      expect(await link.getAttribute('href'), domain).toBe(`${prefix}/youxiang/${guides[id]}`);
    }
  });

  it('a link already in a chat, #get-app-password on the Outlook page, lands on why app passwords fail', async () => {
    const page = await harness.open(`${prefix}/youxiang/${guides.outlook}#get-app-password`);
    const heading = page.locator('h2#why-app-passwords-fail');
    await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect((await heading.boundingBox())!.y).toBeLessThan(phoneViewport.height / 2);
  });

  it('Outlook\'s first screen says no password binds now, with the date', async () => {
    const page = await harness.open(`${prefix}/youxiang/${guides.outlook}`);
    const card = page.locator('section[aria-labelledby="quick-setup-title"]');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(lang === 'en' ? '16 September 2024' : '2024 年 9 月 16 日');
    expect(text).not.toContain(lang === 'en' ? 'not your login password' : '不是登录密码');
    expect(await card.locator('a[href="#what-works-now"]').textContent()).toBe(lang === 'en' ? 'what to do now' : '现在怎么办');
  });
});
