// The screenshots in the built pages, both locales: each of the 125 on its page once, under the
// section of our page that answers the live page's section (data/live-anchors), as an image a
// tap opens full size, with its alt text and date in the page's language; the 8 dead ends
// nowhere. Plus the computer-only note, and the image host in the deploy headers' policy.
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLiveAnchors } from '../../registry/live-anchors';
import { loadRegistry } from '../../registry/load';
import { locales, type Locale } from '../../registry/localize';
import { IMAGE_HOST, screenshotMonth, takenText } from '../../registry/screenshots';
import { buildDir, ensureBuild } from '../support/site';
import live from '../fixtures/live-screenshots.json';

const providers = loadRegistry();
const anchors = loadLiveAnchors();
const shots = providers.flatMap((p) => (p.screenshots ?? []).map((shot) => ({ provider: p, shot })));
const working = live.filter((entry) => !('deadEnd' in entry));
const deadEnds = live.filter((entry) => 'deadEnd' in entry);
const slugs = [...new Set(live.map((e) => e.page))];

const pages = new Map<string, CheerioAPI>();
const page = (locale: Locale, slug: string) => {
  const key = `${locale}/${slug}`;
  if (!pages.has(key)) pages.set(key, load(readFileSync(join(buildDir, locale === 'en' ? 'en' : '', 'youxiang', `${slug}.html`), 'utf8')));
  return pages.get(key)!;
};

/** The heading a figure stands under, then the headings that heading stands under (h3 → its h2). */
function headingChain($: CheerioAPI, figure: AnyNode): string[] {
  const headings = $('article :is(h2, h3, h4)[id]').toArray();
  const all: AnyNode[] = $('article *').toArray();
  const at = all.indexOf(figure);
  const before = headings.filter((h) => all.indexOf(h) < at);
  const chain: string[] = [];
  let level = 7;
  for (const h of before.reverse()) {
    const l = Number(h.tagName.slice(1));
    if (l < level) {
      chain.push($(h).attr('id') ?? '');
      level = l;
    }
  }
  return chain;
}

beforeAll(() => {
  ensureBuild();
}, 900_000);

describe.each(locales)('%s', (locale) => {
  it('shows 125 screenshots across the guides, each once', () => {
    const urls = slugs.flatMap((slug) => page(locale, slug)('article figure img').toArray().map((el) => el.attribs.src));
    expect(urls).toHaveLength(125);
    expect(new Set(urls).size).toBe(125);
  });

  it.each(deadEnds.map((e) => [e.url, e.page]))('leaves out the dead end %s on %s', (url, slug) => {
    expect(page(locale, slug)(`[src="${url}"], [href="${url}"]`)).toHaveLength(0);
  });

  it.each(working.map((e) => [e.url, e.page, e]))('%s is on %s under its live section', (url, slug, entry) => {
    const $ = page(locale, slug);
    const img = $(`article figure img[src="${url}"]`);
    expect(img).toHaveLength(1);
    const chain = headingChain($, img.closest('figure')[0]);
    const map = anchors.get(slug) ?? {};
    const accepted = [entry.liveStep, entry.liveSection].flatMap((id) => (id && map[id] ? [map[id]] : []));
    expect(accepted.length, 'the live section has a mapping in data/live-anchors').toBeGreaterThan(0);
    expect(chain.some((id) => accepted.includes(id)), `under ${chain.join(' < ')}; expected under one of ${accepted.join(', ')}`).toBe(true);
  });

  it.each(shots.map(({ provider, shot }) => [shot.url, provider.guide.slug, shot]))('%s: alt text, date, the section the registry names, a link to the full size', (url, slug, shot) => {
    const $ = page(locale, slug);
    const img = $(`article figure img[src="${url}"]`);
    expect(img.attr('alt')).toBe(shot.alt[locale]);
    expect(img.attr('loading')).toBe('lazy');
    expect(img.parent('a').attr('href')).toBe(url);
    const caption = img.closest('figure').find('figcaption').text();
    expect(caption).toContain(shot.alt[locale]);
    expect(caption).toContain(takenText(screenshotMonth(shot), locale));
    expect(headingChain($, img.closest('figure')[0])[0]).toBe(shot.section);
  });

  it('dates a QQ screenshot from its file name in the page language', () => {
    const caption = page(locale, '106-tengxun-qqyouxiang-tencent-personal-email')(`figure:has(img[src$="/1721143384602.png"]) figcaption`).text();
    expect(caption).toContain(locale === 'en' ? 'Screenshot from July 2024' : '截图于 2024 年 7 月');
  });

  it.each(providers.filter((p) => p.computerOnly).map((p) => [p.guide.slug, p.computerOnly!]))('%s says once, right under #%s, that the steps need a computer, with a button to copy the link', (slug, section) => {
    const $ = page(locale, slug);
    const notes = $('article aside:has(button)').filter((_i, el) => /电脑|computer/.test($(el).text()));
    expect(notes).toHaveLength(1);
    expect(notes.prevAll('h2, h3').first().attr('id')).toBe(section);
    expect(notes.text()).toMatch(locale === 'en' ? /computer/ : /电脑/);
    expect(notes.find('button').text()).toBe(locale === 'en' ? "Copy this page's link" : '复制本页链接');
  });
});

it('the deploy headers let images come from the file host', () => {
  const headers = readFileSync(join(buildDir, '_headers'), 'utf8');
  expect(headers).toMatch(new RegExp(`Content-Security-Policy: .*img-src 'self' data: ${IMAGE_HOST.replace(/\./g, '\\.')}`));
});
