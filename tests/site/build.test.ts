// The production build of both locales, read as files: every guide at its exact URL,
// with the right language, and the registry's rows rendered into the HTML.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProbeCodes, loadRegistry } from '../../registry/load';
import { codeAnchor, troubleshootingSlug } from '../../registry/links';
import { errorText } from '../../registry/page-data';
import { locales, type Locale } from '../../registry/localize';
import { buildDir } from '../support/site';

const providers = loadRegistry();
const hosted = providers.filter((p) => p.guide.hosted);
const overviewSlug = '200-qiyeyouxiang-enterprise-mailbox';
const slugs = [overviewSlug, ...hosted.map((p) => p.guide.slug), troubleshootingSlug];

const prefix = (locale: Locale) => (locale === 'en' ? '/en' : '');
const htmlFile = (locale: Locale, slug: string) => join(buildDir, prefix(locale).slice(1), 'youxiang', `${slug}.html`);
const html = (locale: Locale, slug: string) => readFileSync(htmlFile(locale, slug), 'utf8');

// React's escaping, so literal server replies can be found in the markup.
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
const hasId = (page: string, id: string) => page.includes(`id="${id}"`);

describe.each(locales)('%s build', (locale) => {
  it.each(slugs)('serves /youxiang/%s as one HTML file, no trailing slash, in its language', (slug) => {
    expect(existsSync(htmlFile(locale, slug)), htmlFile(locale, slug)).toBe(true);
    expect(existsSync(join(buildDir, prefix(locale).slice(1), 'youxiang', slug, 'index.html'))).toBe(false);
    const page = html(locale, slug);
    expect(page).toMatch(new RegExp(`<html[^>]* lang="${locale}"`));
    expect(page).toContain(`<link rel="canonical" href="https://laifa.xin${prefix(locale)}/youxiang/${slug}"`);
  });

  it('shows all four NetEase servers and the IPDENY and DOMAINNOTEXIST codes', () => {
    const page = html(locale, '204-wangyi-qiyeyouxiang-netease-enterprise-mailbox');
    for (const host of ['hwhzimap.qiye.163.com', 'hwhzsmtp.qiye.163.com', 'imap.qiye.163.com', 'smtp.qiye.163.com']) {
      expect(page).toContain(`<code>${host}</code>`);
    }
    expect(hasId(page, 'err-login-ipdeny')).toBe(true);
    expect(page).toContain('ERR.LOGIN.IPDENY');
    expect(hasId(page, 'err-login-domainnotexist')).toBe(true);
    expect(page).toContain('ERR.LOGIN.DOMAINNOTEXIST');
  });

  describe.each(hosted.map((p) => [p.id, p] as const))('%s guide', (_id, provider) => {
    const page = () => html(locale, provider.guide.slug);

    it('renders every server of every set from the registry', () => {
      for (const server of provider.serverSets.flatMap((s) => s.servers)) {
        if (!server.host.includes('{domain}')) expect(page()).toContain(`<code>${server.host}</code>`);
        expect(page()).toContain(`<code>${server.port}</code>`);
      }
    });

    it('renders every error as a row with its own anchor and text', () => {
      for (const error of provider.errors) {
        expect(hasId(page(), error.id), error.id).toBe(true);
        expect(page()).toContain(escapeHtml(errorText(error)));
        expect(page()).toContain(escapeHtml(error.meaning[locale]));
      }
    });

    it('renders every pitfall in the page language', () => {
      for (const pitfall of provider.pitfalls) expect(page()).toContain(escapeHtml(pitfall.title[locale]));
    });
  });

  it('lists every enterprise guide in the overview table with its first servers', () => {
    const page = html(locale, overviewSlug);
    for (const provider of hosted.filter((p) => p.kind === 'enterprise')) {
      expect(page).toContain(`href="${prefix(locale)}/youxiang/${provider.guide.slug}"`);
      const imap = provider.serverSets[0].servers.find((s) => s.protocol === 'imap')!;
      if (!imap.host.includes('{domain}')) expect(page).toContain(`<code>${imap.host}</code>`);
    }
  });

  it('gives every known error string its own anchor on the troubleshooting page', () => {
    const page = html(locale, troubleshootingSlug);
    for (const error of providers.flatMap((p) => p.errors)) {
      expect(hasId(page, error.id), error.id).toBe(true);
      expect(page).toContain(escapeHtml(errorText(error)));
    }
  });

  it('explains every checker code on the troubleshooting page, where the checker links to it', () => {
    const page = html(locale, troubleshootingSlug);
    for (const [code, entry] of Object.entries(loadProbeCodes())) {
      expect(hasId(page, codeAnchor(code)), code).toBe(true);
      expect(page).toContain(escapeHtml(entry.message[locale]));
    }
  });

  it('builds a search index', () => {
    const dir = join(buildDir, prefix(locale).slice(1));
    expect(readdirSync(dir).some((f) => /^search-index.*\.json$/.test(f))).toBe(true);
  });
});
