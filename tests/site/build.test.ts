// The production build of both locales, read as files: every guide at its exact URL,
// with the right language, and the registry's rows rendered into the HTML.
import { describe, expect, it } from 'vitest';
import { load, type CheerioAPI } from 'cheerio';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProbeCodes, loadRegistry, neutralCredential, withCredential } from '../../registry/load';
import { codeAnchor, troubleshootingSlug } from '../../registry/links';
import { errorText } from '../../registry/page-data';
import { locales, type Locale } from '../../registry/localize';
import type { Localized } from '../../registry/types';
import { buildDir } from '../support/site';

const providers = loadRegistry();
const hosted = providers.filter((p) => p.guide.hosted);
const overviewSlug = '200-qiyeyouxiang-enterprise-mailbox';
const slugs = [...new Set([overviewSlug, ...hosted.map((p) => p.guide.slug), troubleshootingSlug])];

const prefix = (locale: Locale) => (locale === 'en' ? '/en' : '');
const htmlFile = (locale: Locale, slug: string) => join(buildDir, prefix(locale).slice(1), 'youxiang', `${slug}.html`);
const parsed = new Map<string, CheerioAPI>();
// The HTML is minified, so it is read with a parser, not matched as text.
const html = (locale: Locale, slug: string): CheerioAPI => {
  const file = htmlFile(locale, slug);
  if (!parsed.has(file)) parsed.set(file, load(readFileSync(file, 'utf8')));
  return parsed.get(file)!;
};
const hasId = ($: CheerioAPI, id: string) => $(`[id="${id}"]`).length === 1;
const codes = ($: CheerioAPI) => new Set($('code').map((_, el) => $(el).text()).get());
const norm = (s: string) => s.replace(/\s+/g, ' ');

describe.each(locales)('%s build', (locale) => {
  it.each(slugs)('serves /youxiang/%s as one HTML file, no trailing slash, in its language', (slug) => {
    expect(existsSync(htmlFile(locale, slug)), htmlFile(locale, slug)).toBe(true);
    expect(existsSync(join(buildDir, prefix(locale).slice(1), 'youxiang', slug, 'index.html'))).toBe(false);
    const $ = html(locale, slug);
    expect($('html').attr('lang')).toBe(locale);
    expect($('link[rel="canonical"]').attr('href')).toBe(`https://laifa.xin${prefix(locale)}/youxiang/${slug}`);
  });

  it('shows all four NetEase servers and the IPDENY and DOMAINNOTEXIST codes', () => {
    const $ = html(locale, '204-wangyi-qiyeyouxiang-netease-enterprise-mailbox');
    const servers = $('[id^="set-"] code').map((_, el) => $(el).text()).get();
    for (const host of ['hwhzimap.qiye.163.com', 'hwhzsmtp.qiye.163.com', 'imap.qiye.163.com', 'smtp.qiye.163.com']) {
      expect(servers).toContain(host);
    }
    expect($('#err-login-ipdeny').text()).toContain('ERR.LOGIN.IPDENY');
    expect($('#err-login-domainnotexist').text()).toContain('ERR.LOGIN.DOMAINNOTEXIST');
  });

  describe.each(hosted.map((p) => [p.id, p] as const))('%s guide', (_id, provider) => {
    const page = () => html(locale, provider.guide.slug);

    it('renders every server of every set from the registry', () => {
      const $ = page();
      for (const set of provider.serverSets) {
        const rows = $(`#set-${set.id} tbody tr`);
        expect(rows.length, set.id).toBe(set.servers.length);
        set.servers.forEach((server, i) => {
          const cells = rows.eq(i).find('code').map((_, el) => $(el).text()).get();
          if (!server.host.includes('{domain}')) expect(cells).toContain(server.host);
          expect(cells).toContain(String(server.port));
        });
      }
    });

    it('renders every error as a row with its own anchor, text and meaning in the page language', () => {
      const $ = page();
      for (const error of provider.errors) {
        expect(hasId($, error.id), error.id).toBe(true);
        expect($(`[id="${error.id}"] code`).first().text()).toBe(errorText(error));
        expect(norm($(`[id="${error.id}"]`).text())).toContain(norm(error.meaning[locale]));
      }
    });

    it('never sends the reader from an error entry back to the list the entry is in', () => {
      const $ = page();
      const inOrder = $('h2[id], h3[id], li[id]').toArray();
      for (const error of provider.errors) {
        const entry = $(`li[id="${error.id}"]`);
        if (!entry.length) continue;
        const before = inOrder.slice(0, inOrder.indexOf(entry[0])).filter((el) => /^h[23]$/.test(el.tagName));
        const listHeading = before.at(-1)?.attribs.id;
        const links = entry.find('p a[href^="#"]').map((_, a) => $(a).attr('href')!.slice(1)).get();
        expect(links, error.id).not.toContain(listHeading);
      }
    });

    it('renders every pitfall in the page language', () => {
      const $ = page();
      for (const pitfall of provider.pitfalls) expect(norm($(`#pitfall-${pitfall.id}`).text())).toContain(norm(pitfall.title[locale]));
    });
  });

  it('lists every enterprise guide in the overview table with its first servers', () => {
    const $ = html(locale, overviewSlug);
    for (const provider of hosted.filter((p) => p.kind === 'enterprise' && !p.guide.section)) {
      const row = $(`#provider-${provider.id}`);
      expect(row.find('a').attr('href')).toBe(`${prefix(locale)}/youxiang/${provider.guide.slug}`);
      const imap = provider.serverSets[0].servers.find((s) => s.protocol === 'imap')!;
      if (!imap.host.includes('{domain}')) expect(codes(load(row.html() ?? ''))).toContain(imap.host);
    }
  });

  it('gives every known error string its own anchor on the troubleshooting page', () => {
    const $ = html(locale, troubleshootingSlug);
    for (const error of providers.flatMap((p) => p.errors)) {
      expect(hasId($, error.id), error.id).toBe(true);
      expect($(`[id="${error.id}"] code`).first().text()).toBe(errorText(error));
    }
  });

  it('explains every checker code on the troubleshooting page, where the checker links to it', () => {
    const $ = html(locale, troubleshootingSlug);
    const neutral = (text: Localized) => norm(withCredential(text[locale], neutralCredential[locale]));
    for (const [code, entry] of Object.entries(loadProbeCodes())) {
      expect(hasId($, codeAnchor(code)), code).toBe(true);
      const shown = norm($(`#${codeAnchor(code)}`).text());
      expect(shown).toContain(neutral(entry.message));
      expect(shown).not.toContain('{credential}');
      // Both cases of a connection failure: a server the reader typed, and the guide's own.
      if (entry.registryHost) expect(shown).toContain(neutral(entry.registryHost.message));
    }
  });

  it('builds a search index', () => {
    const dir = join(buildDir, prefix(locale).slice(1));
    expect(readdirSync(dir).some((f) => /^search-index.*\.json$/.test(f))).toBe(true);
  });
});
