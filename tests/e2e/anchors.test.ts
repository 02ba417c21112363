// Section links as they arrive from a chat: percent-encoded Chinese ids of the live pages,
// opened on a phone, must show their section just below the navbar, in both locales.
import { describe, expect, it } from 'vitest';
import { phoneViewport, waitForHydration } from '../support/browser';
import { siteInBrowser } from '../support/site-in-browser';

const harness = siteInBrowser();


const cases: [string, string, string][] = [
  ['204-wangyi-qiyeyouxiang-netease-enterprise-mailbox', '常见问题', 'faq'],
  ['204-wangyi-qiyeyouxiang-netease-enterprise-mailbox', '二管理员解除-ip-登录限制-可选', 'lift-ip-restriction'],
  ['201-guge-qiyeyouxiang-google-business-mail', 'imap-smtp-parameters', 'servers'],
];

describe.each([
  ['zh-Hans', ''],
  ['en', '/en'],
])('%s', (_lang, prefix) => {
  it.each(cases)('%s#%s shows the #%s section below the navbar', async (slug, live, target) => {
    const page = await harness.context.newPage();
    await page.goto(`${harness.site.origin}${prefix}/youxiang/${slug}#${encodeURIComponent(live)}`, { waitUntil: 'load' });
    await waitForHydration(page);
    const heading = page.locator(`h2#${target}, h3#${target}`);
    const navbar = (await page.locator('nav.navbar').boundingBox())!;
    await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(navbar.height - 1);
    expect((await heading.boundingBox())!.y).toBeLessThan(phoneViewport.height / 3);
    await page.close();
  });
});
