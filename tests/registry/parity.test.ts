// Translation parity: a page, or a heading id, that exists in one locale only fails here.
// Support agents paste anchors without knowing the reader's language, so the same id
// must land on the same section in both.
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load';
import { headingIds, headings, listPages, pageSource } from '../support/pages';

const errorStrings = loadRegistry().flatMap((p) => p.errors.flatMap((e) => [e.providerCode, e.display].filter((x): x is string => Boolean(x))));

const zh = listPages('zh-Hans');
const en = listPages('en');
const slugs = zh.filter((p) => p.startsWith('youxiang/')).map((p) => p.slice('youxiang/'.length, -'.mdx'.length));

describe('translation parity', () => {
  it('has the same pages in both locales', () => {
    expect(en).toEqual(zh);
  });

  it('has pages to check', () => {
    expect(slugs.length).toBeGreaterThan(0);
  });

  describe.each(slugs)('%s', (slug) => {
    const zhSource = pageSource('zh-Hans', slug) ?? '';
    const enSource = pageSource('en', slug) ?? '';

    it('gives every heading an explicit English id, in both locales', () => {
      for (const source of [zhSource, enSource]) {
        const missing = headings(source).filter((h) => h.level > 1 && !h.id).map((h) => `line ${h.line}: ${h.text}`);
        expect(missing).toEqual([]);
        for (const id of headingIds(source)) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
      }
    });

    it('uses the same heading ids in the same order in both locales', () => {
      expect(headingIds(enSource)).toEqual(headingIds(zhSource));
    });

    it('uses each heading id once', () => {
      const ids = headingIds(zhSource);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    });

    it('uses the same registry components with the same attributes in both locales', () => {
      const components = (s: string) => [...s.matchAll(/<(ServerTable|BindingFields|ErrorTable|PitfallTable|ClickPath|WarmupTable|ProviderOverview|ErrorIndex|Checker|ExpiryReminder|GuideFinder|ErrorLookup|QuickSetup)\b[^>]*>/g)].map((m) => m[0].replace(/\s+/g, ' ')).sort();
      expect(components(enSource)).toEqual(components(zhSource));
    });

    it('types no mail host name by hand (they come from the registry)', () => {
      for (const source of [zhSource, enSource]) {
        expect(source.match(/\b(imap|smtp|hwhzimap|hwhzsmtp|hwimap|hwsmtp|imappro|smtppro)\.[a-z0-9.-]+\.[a-z]{2,}\b/g) ?? []).toEqual([]);
      }
    });

    it('types no provider error code by hand (<ErrCode id="…" /> renders it)', () => {
      for (const source of [zhSource, enSource]) {
        // Frontmatter (title, description) is plain text for chat previews and may name a code.
        const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
        expect(errorStrings.filter((code) => body.includes(code))).toEqual([]);
      }
    });
  });
});
