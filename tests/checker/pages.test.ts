// Every guide carries the checker and a preview card, in both languages.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load';
import { locales } from '../../registry/localize';
import { cardsDir } from '../../scripts/gen-cards';
import { headingIds, listPages, pageSource } from '../support/pages';

const hosted = loadRegistry().filter((p) => p.guide.hosted && !p.guide.section);

describe.each(locales)('%s', (locale) => {
  it.each(hosted.map((p) => [p.id, p.guide.slug]))('%s has the checker under #checker', (id, slug) => {
    const source = pageSource(locale, slug)!;
    expect(headingIds(source)).toContain('checker');
    expect(source).toContain(`<Checker provider="${id}" />`);
  });

  it.each(listPages(locale).filter((p) => p.startsWith('youxiang/')))('%s has a preview card (npx tsx scripts/gen-cards.ts)', (rel) => {
    const slug = rel.slice('youxiang/'.length).replace(/\.mdx?$/, '');
    expect(existsSync(join(cardsDir, locale, `${slug}.png`))).toBe(true);
  });
});
