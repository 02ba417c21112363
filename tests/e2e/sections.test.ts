// Guides skip the layout of sections off screen (plugins/rehype-sections.ts): the estimated
// heights must be close to the real ones, so the page's length barely changes as sections
// render, and a link to any section, error entry or live anchor must land exactly on it.
// Debian's chromium at 390×844, the production server, both locales.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadLiveAnchors } from '../../registry/live-anchors';
import { loadRegistry } from '../../registry/load';
import { waitForHydration } from '../support/browser';
import { listPages } from '../support/pages';
import { siteInBrowser } from '../support/site-in-browser';

const harness = siteInBrowser();

const viewport = { width: 390, height: 844 };
const pages = listPages('zh-Hans').map((p) => p.replace(/^youxiang\//, '').replace(/\.mdx$/, ''));
const netease = '204-wangyi-qiyeyouxiang-netease-enterprise-mailbox';
const liveAnchors = loadLiveAnchors();
const providers = loadRegistry();

let page: Page;
beforeAll(async () => {
  page = await harness.context.newPage();
  await page.setViewportSize(viewport);
});

async function open(path: string): Promise<void> {
  // A fresh document each time: a hash change alone would not be a first load.
  await page.goto('about:blank');
  const response = await page.goto(`${harness.site.origin}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  await waitForHydration(page);
}

/** Where the target's top sits below the sticky navbar, in px, once scrolling has settled. */
async function offsetBelowNavbar(selector: string): Promise<number> {
  let last = NaN;
  // Scroll anchoring may adjust the position once after sections above render; wait for it to settle.
  for (let i = 0; i < 10; i++) {
    const now = await page.evaluate((sel) => {
      const target = document.querySelector(sel)!;
      const navbar = document.querySelector('nav.navbar')!.getBoundingClientRect().bottom;
      return target.getBoundingClientRect().top - navbar;
    }, selector);
    if (now === last) return now;
    last = now;
    await page.waitForTimeout(100);
  }
  return last;
}

describe.each([
  ['zh-Hans', ''],
  ['en', '/en'],
] as const)('%s', (_locale, prefix) => {
  it.each(pages)('/youxiang/%s: estimated section heights are within 20%% of the rendered ones, so the page length holds', async (slug) => {
    await open(`${prefix}/youxiang/${slug}`);
    const figures = await page.evaluate(() => {
      const sections = Array.from(document.querySelectorAll<HTMLElement>('.guide-section'));
      const estimated = sections.reduce((sum, s) => sum + Number(/auto (\d+)px/.exec(s.getAttribute('style') ?? '')?.[1] ?? NaN), 0);
      const lengthBefore = document.documentElement.scrollHeight;
      for (const s of sections) s.style.contentVisibility = 'visible';
      const rendered = sections.reduce((sum, s) => sum + s.getBoundingClientRect().height, 0);
      return { count: sections.length, estimated, rendered, lengthBefore, lengthAfter: document.documentElement.scrollHeight };
    });
    expect(figures.count, 'sections').toBeGreaterThan(2);
    expect(figures.estimated / figures.rendered).toBeGreaterThan(0.8);
    expect(figures.estimated / figures.rendered).toBeLessThan(1.2);
    expect(Math.abs(figures.lengthAfter - figures.lengthBefore) / figures.lengthAfter).toBeLessThan(0.2);
  });

  // A section that grew as it first rendered, at the foot of a guide, moved the footer on screen.
  it('the checker\'s section is estimated within 20% of its rendered height, with the form drawn in it', async () => {
    await open(`${prefix}/youxiang/${netease}`);
    const { estimated, rendered } = await page.evaluate(() => {
      const section = document.querySelector<HTMLElement>('.guide-section:has([data-checker])')!;
      const estimated = Number(/auto (\d+)px/.exec(section.getAttribute('style') ?? '')?.[1] ?? NaN);
      section.style.contentVisibility = 'visible';
      return { estimated, rendered: section.getBoundingClientRect().height };
    });
    expect(estimated / rendered).toBeGreaterThan(0.8);
    expect(estimated / rendered).toBeLessThan(1.2);
  });

  // A live anchor sits just above its heading's top margin, so its heading shows a little lower.
  const deepLinks: [string, string, string, number][] = [
    [netease, 'err-login-ipdeny', '#err-login-ipdeny', 40],
    [netease, 'checker', 'h2#checker', 40],
    [netease, 'related', 'h2#related', 40],
    [netease, encodeURIComponent('常见问题'), 'h2#faq', 60],
    ['106-tengxun-qqyouxiang-tencent-personal-email', 'related-reading', 'h2#related', 60],
    ['300-bangding-cuowu-mailbox-binding-errors', 'auth-code-required', '#auth-code-required', 40],
  ];

  it.each(deepLinks)('%s#%s lands exactly below the navbar', async (slug, hash, selector, within) => {
    await open(`${prefix}/youxiang/${slug}#${hash}`);
    const offset = await offsetBelowNavbar(selector);
    expect(offset).toBeGreaterThanOrEqual(-1);
    expect(offset).toBeLessThan(within);
  });

  it('every live anchor of the NetEase guide lands on its section', async () => {
    for (const [live, target] of Object.entries(liveAnchors.get(netease)!)) {
      await open(`${prefix}/youxiang/${netease}#${encodeURIComponent(live)}`);
      const offset = await offsetBelowNavbar(`h2#${target}, h3#${target}`);
      expect(offset, `#${live} → #${target}`).toBeGreaterThanOrEqual(-1);
      expect(offset, `#${live} → #${target}`).toBeLessThan(60);
    }
  });

  it('a tap on the first-screen card\'s link lands on the section that explains the password', async () => {
    const qq = providers.find((p) => p.id === 'qq')!;
    await open(`${prefix}/youxiang/${qq.guide.slug}`);
    await page.locator('section[aria-labelledby="quick-setup-title"] a[href$="#' + qq.credential.anchor + '"]').click();
    const offset = await offsetBelowNavbar(`h2#${qq.credential.anchor}`);
    expect(offset).toBeGreaterThanOrEqual(-1);
    expect(offset).toBeLessThan(40);
  });

  it('a reader who scrolls away while the page loads is not pulled back to the linked section', async () => {
    await page.goto('about:blank');
    await page.goto(`${harness.site.origin}${prefix}/youxiang/${netease}#related`, { waitUntil: 'domcontentloaded' });
    await page.mouse.move(200, 400);
    await page.mouse.wheel(0, -3000);
    await page.waitForLoadState('load');
    await waitForHydration(page);
    // src/client/fragment-in-view.js holds the target until a second after load.
    await page.waitForTimeout(1500);
    expect(await offsetBelowNavbar('h2#related')).toBeGreaterThan(1500);
  });
});
