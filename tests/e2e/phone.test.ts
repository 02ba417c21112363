// The guides on a phone, as a reader from a chat link gets them: the answer on the first
// screen, and tables that fit (or say that they scroll), in both locales.
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load';
import { troubleshootingSlug } from '../../registry/links';
import { localize } from '../../registry/localize';
import { listPages } from '../support/pages';
import { siteInBrowser } from '../support/site-in-browser';

const harness = siteInBrowser();

const providers = loadRegistry();
const guides = providers.filter((p) => p.guide.hosted && !p.guide.section);
const pages = listPages('zh-Hans').map((p) => p.replace(/^youxiang\//, '').replace(/\.mdx$/, ''));

describe.each([
  ['zh-Hans', ''],
  ['en', '/en'],
] as const)('%s', (locale, prefix) => {
  it('has every guide, overview and the troubleshooting page to check', () => {
    expect(pages).toContain(troubleshootingSlug);
    for (const p of guides) expect(pages).toContain(p.guide.slug);
  });

  // Each page is looked at once per locale, first at 360 px, then (a guide) at 390×844:
  // harness.visit keeps the loaded page and only resizes it.
  describe.each(pages)('/youxiang/%s', (slug) => {
    const guide = guides.find((p) => p.guide.slug === slug);

    it('at 360 px: no cell under 4 characters wide, and a table wider than the screen shows that it scrolls', async () => {
      const page = await harness.visit(`${prefix}/youxiang/${slug}`, { width: 360, height: 740 });
      const tables = await page.evaluate(() =>
        Array.from(document.querySelectorAll('article table')).map((table) => {
          const cells = Array.from(table.querySelectorAll('th, td')).map((cell) => {
            const style = getComputedStyle(cell);
            const content = cell.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            return { text: (cell.textContent ?? '').trim().slice(0, 20), chars: content / parseFloat(style.fontSize) };
          });
          const style = getComputedStyle(table);
          return {
            head: (table.querySelector('th')?.textContent ?? '').slice(0, 20),
            narrowest: cells.reduce((min, c) => (c.chars < min.chars ? c : min), { text: '', chars: Infinity }),
            overflows: table.scrollWidth > table.clientWidth + 1,
            cue: style.backgroundImage.includes('radial-gradient') && style.backgroundAttachment.includes('scroll'),
          };
        }),
      );
      for (const t of tables) {
        expect(t.narrowest.chars, `table "${t.head}": cell "${t.narrowest.text}"`).toBeGreaterThanOrEqual(4);
        if (t.overflows) expect(t.cue, `table "${t.head}" scrolls without a cue`).toBe(true);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    });

    if (guide) it('at 390×844: the first screen shows the credential and both servers, copyable', async () => {
      const provider = guide;
      const page = await harness.visit(`${prefix}/youxiang/${slug}`, { width: 390, height: 844 });
      const card = page.locator('section[aria-labelledby="quick-setup-title"]');
      const box = await card.boundingBox();
      expect(box, 'first-screen card').not.toBeNull();
      expect(box!.y + box!.height).toBeLessThanOrEqual(844);
      const text = (await card.textContent()) ?? '';
      // A provider that refuses every password (Outlook.com) leads with that, not with a password to type.
      expect(text).toContain(
        provider.credential.blocked ? (locale === 'en' ? 'No password can bind it now' : '现在不能用密码绑定') : localize(provider.credential.name, locale),
      );
      for (const server of provider.serverSets[0].servers) {
        if (server.host.includes('{domain}')) continue;
        expect(text).toContain(server.host);
        const copy = card.locator(`button[aria-label$=" ${server.host}"]`);
        expect(await copy.isVisible(), `copy ${server.host}`).toBe(true);
      }
    });
  });
});
