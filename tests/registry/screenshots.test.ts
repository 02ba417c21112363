// The guides' screenshots as registry data: the schema's rules for a screenshot, the dates read
// from file names, and the registry against the list of what the live pages show
// (tests/fixtures/live-screenshots.json, all 133 with the 8 dead ends marked).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProvider, loadRegistry, providersDir } from '../../registry/load';
import { locales } from '../../registry/localize';
import { IMAGE_HOST, screenshotMonth, takenText } from '../../registry/screenshots';
import { headingIds, pageSource } from '../support/pages';
import live from '../fixtures/live-screenshots.json';

const providers = loadRegistry();
const shots = providers.flatMap((p) => (p.screenshots ?? []).map((shot) => ({ provider: p, shot })));
const qq = JSON.parse(readFileSync(join(providersDir, 'qq.json'), 'utf8'));
const withShot = (shot: Record<string, unknown>) => ({ ...structuredClone(qq), screenshots: [shot] });
const img = `${IMAGE_HOST}/data/web/web-files/img`;
const alt = { 'zh-Hans': '截图', en: 'Screenshot' };

describe('screenshot schema', () => {
  it.each([
    ['a millisecond timestamp', { url: `${img}/1721143384602.png`, section: 'get-code', alt }],
    ['a 14-digit time', { url: `${img}/20240716201913.png`, section: 'get-code', alt }],
    ['a pasted image named by its time', { url: `${img}/Pasted%20image%2020241017173456.png`, section: 'get-code', alt }],
    ['another name with its month given', { url: `${img}/9282d6092c9d0fc09214b5bd263c36a4.png`, section: 'get-code', alt, taken: '2025-05' }],
  ])('accepts %s', (_name, shot) => {
    expect(checkProvider(withShot(shot), 'qq.json')).toEqual([]);
  });

  it.each([
    ['an image on another host', { url: 'https://example.com/img/1721143384602.png', section: 'get-code', alt }, /\/screenshots\/0\/url must match pattern/],
    ['plain http', { url: `${img.replace('https', 'http')}/1721143384602.png`, section: 'get-code', alt }, /\/screenshots\/0\/url must match pattern/],
    ['a name that is no timestamp, without a month', { url: `${img}/9282d6092c9d0fc09214b5bd263c36a4.png`, section: 'get-code', alt }, /\/screenshots\/0\/url .*timestamp/],
    ['a month beside a name that already dates it', { url: `${img}/1721143384602.png`, section: 'get-code', alt, taken: '2024-07' }, /\/screenshots\/0\/url .*remove taken/],
    ['an English alt text missing', { url: `${img}/1721143384602.png`, section: 'get-code', alt: { 'zh-Hans': '截图' } }, /\/screenshots\/0\/alt is missing the field "en"/],
    ['a section id that is not one', { url: `${img}/1721143384602.png`, section: 'Get Code', alt }, /\/screenshots\/0\/section must match pattern/],
    ['an unknown field', { url: `${img}/1721143384602.png`, section: 'get-code', alt, width: 800 }, /\/screenshots\/0 has an unknown field "width"/],
  ])('rejects %s', (_name, shot, message) => {
    expect(checkProvider(withShot(shot), 'qq.json').join('\n')).toMatch(message);
  });
});

describe('the date a screenshot was taken', () => {
  it.each([
    ['1721143384602.png', undefined, { year: 2024, month: 7 }],
    // 2024-06-30 16:30 UTC is already July in China, where it was taken.
    ['1719765000000.png', undefined, { year: 2024, month: 7 }],
    ['20250425144510.png', undefined, { year: 2025, month: 4 }],
    ['Pasted%20image%2020241017173456.png', undefined, { year: 2024, month: 10 }],
    ['9282d6092c9d0fc09214b5bd263c36a4.png', '2025-05', { year: 2025, month: 5 }],
  ])('%s (taken %s) is %o', (name, taken, month) => {
    expect(screenshotMonth({ url: `${img}/${name}`, taken })).toEqual(month);
  });

  it('is an error for a name that is not a timestamp and no month', () => {
    expect(() => screenshotMonth({ url: `${img}/9282d6092c9d0fc09214b5bd263c36a4.png` })).toThrow(/"taken": "YYYY-MM"/);
  });

  it('reads as the page says it', () => {
    expect(takenText({ year: 2024, month: 7 }, 'zh-Hans')).toBe('截图于 2024 年 7 月');
    expect(takenText({ year: 2024, month: 7 }, 'en')).toBe('Screenshot from July 2024');
  });

  it.each(shots.map(({ shot }) => [shot.url, shot]))('%s was taken between 2020 and now', (_url, shot) => {
    const { year, month } = screenshotMonth(shot);
    const now = new Date();
    expect(year * 12 + month).toBeGreaterThanOrEqual(2020 * 12 + 1);
    expect(year * 12 + month).toBeLessThanOrEqual(now.getUTCFullYear() * 12 + now.getUTCMonth() + 1);
  });
});

describe('the registry against the live pages', () => {
  const working = live.filter((entry) => !('deadEnd' in entry));

  it('has each of the 125 working screenshots once, and none of the 8 dead ends', () => {
    expect(live).toHaveLength(133);
    expect(working).toHaveLength(125);
    const urls = shots.map(({ shot }) => shot.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.slice().sort()).toEqual(working.map((e) => e.url).sort());
  });

  it.each(working.map((e) => [e.url, e.page]))('%s belongs to the provider of %s', (url, page) => {
    const owner = shots.find(({ shot }) => shot.url === url)?.provider;
    expect(owner?.guide.slug).toBe(page);
    expect(owner?.guide.section).toBeUndefined();
  });

  it.each(shots.map(({ provider, shot }) => [shot.url, provider.guide.slug, shot.section]))('%s stands under a heading of %s (#%s) in both locales', (_url, slug, section) => {
    for (const locale of locales) expect(headingIds(pageSource(locale, slug) ?? ''), locale).toContain(section);
  });

  it.each(providers.filter((p) => p.computerOnly).map((p) => [p.id, p.guide.slug, p.computerOnly!]))('%s: the computer-only note stands under a heading of %s (#%s) in both locales', (_id, slug, section) => {
    for (const locale of locales) expect(headingIds(pageSource(locale, slug) ?? ''), locale).toContain(section);
  });
});
