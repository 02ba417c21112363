// What a reader sees on every built page, in both locales, carries instructions, not notes
// about where a fact came from.
import { load } from 'cheerio';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { provenanceIn } from '../support/provenance';
import { buildDir } from '../support/site';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'assets' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const pages = htmlFiles(buildDir).map((file) => relative(buildDir, file));

describe('built pages', () => {
  it('include every guide of both locales', () => {
    expect(pages.filter((p) => p.includes('youxiang/')).length).toBeGreaterThanOrEqual(20);
  });

  it.each(pages)('%s prints no provenance notes', (page) => {
    const $ = load(readFileSync(join(buildDir, page), 'utf8'));
    $('script, style, noscript').remove();
    const text = [$('body').text(), $('title').text(), $('meta[name="description"]').attr('content') ?? ''].join(' ');
    expect(provenanceIn(text)).toEqual([]);
  });
});
