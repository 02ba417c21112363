// Every page offers a way to a person: support's WeChat QR code, loaded lazily so it costs
// the first screen nothing, and the contact page, in the page's language.
import { load } from 'cheerio';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPages } from '../support/pages';
import { buildDir } from '../support/site';

const slugs = listPages('zh-Hans').map((p) => p.replace(/\.mdx$/, ''));

describe.each([
  ['zh-Hans', '', '微信二维码'],
  ['en', 'en', 'WeChat QR code'],
])('%s', (_locale, dir, alt) => {
  it.each([...slugs, 'index', '404'])('%s has the support QR code and the contact link', (page) => {
    const $ = load(readFileSync(join(buildDir, dir, `${page}.html`), 'utf8'));
    const support = $('section[aria-labelledby="support-title"]');
    expect(support.length).toBe(1);
    const img = support.find('img');
    expect(img.attr('src')).toBe('https://cos.files.maozhishi.com/data/web/web-files/wx/tony-apan.png');
    expect(img.attr('alt')).toBe(alt);
    expect(img.attr('loading')).toBe('lazy');
    expect(img.attr('width')).toBe('120');
    expect(support.find('a[href="https://laifa.xin/zhinan/contact-us"]').length).toBe(1);
  });
});
