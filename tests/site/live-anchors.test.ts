// Section links already in chats (data/live-anchors/<slug>.json, copied from the live
// pages' heading ids): each must exist once in the built page of both locales and sit
// directly above the section it stands for.
import { load } from 'cheerio';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLiveAnchors } from '../../registry/live-anchors';
import { locales, type Locale } from '../../registry/localize';
import { buildDir } from '../support/site';

const pages = [...loadLiveAnchors()];
const file = (locale: Locale, slug: string) => join(buildDir, locale === 'en' ? 'en' : '', 'youxiang', `${slug}.html`);

describe('live anchors', () => {
  it('cover the enterprise series and its overview, and the global personal guides', () => {
    const slugs = pages.map(([slug]) => slug);
    for (const n of ['200', '201', '202', '203', '204', '205', '206', '207', '101', '102', '108', '113', '114', '115', '116']) expect(slugs.some((s) => s.startsWith(`${n}-`)), n).toBe(true);
  });

  it('cover the personal overview and the Chinese personal guides', () => {
    const slugs = pages.map(([slug]) => slug);
    for (const n of ['100', '103', '104', '105', '106', '107', '109', '110', '111', '112']) expect(slugs.some((s) => s.startsWith(`${n}-`)), n).toBe(true);
  });
});

describe.each(locales)('%s', (locale) => {
  describe.each(pages)('%s', (slug, anchors) => {
    it('is a built page', () => {
      expect(existsSync(file(locale, slug))).toBe(true);
    });

    it.each(Object.entries(anchors))('#%s lands on #%s', (live, target) => {
      const $ = load(readFileSync(file(locale, slug), 'utf8'));
      const element = $(`[id="${live}"]`);
      expect(element.length, `elements with id ${live}`).toBe(1);
      const heading = element.is('h2, h3, h4') ? element : element.nextAll('h2, h3, h4').first();
      expect(heading.attr('id')).toBe(target);
      // Nothing but other aliases between the alias and its heading: the reader sees the section at once.
      expect(element.is('h2, h3, h4') || element.nextUntil(heading).toArray().every((el) => $(el).hasClass('live-anchor'))).toBe(true);
    });
  });
});
