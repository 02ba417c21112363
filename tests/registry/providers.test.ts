import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load';
import { locales } from '../../registry/localize';
import { headingIds, pageSource } from '../support/pages';

const providers = loadRegistry();
const hosted = providers.filter((p) => p.guide.hosted);

describe('registry', () => {
  it('holds every enterprise provider the overview promises', () => {
    const slugs = hosted.filter((p) => p.kind === 'enterprise' && !p.guide.section).map((p) => p.guide.slug.slice(0, 3)).sort();
    expect(slugs).toEqual(['201', '202', '203', '204', '205', '206', '207']);
  });

  it('uses each error id once across all providers (it is an anchor on the troubleshooting page)', () => {
    const ids = providers.flatMap((p) => p.errors.map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('uses each guide slug once (a provider that is a section of another page shares its slug)', () => {
    const slugs = providers.filter((p) => !p.guide.section).map((p) => p.guide.slug);
    expect(slugs.filter((s, i) => slugs.indexOf(s) !== i)).toEqual([]);
  });

  it('gives a section guide a heading on its page in both locales', () => {
    for (const p of providers.filter((x) => x.guide.section)) {
      for (const locale of locales) expect(headingIds(pageSource(locale, p.guide.slug) ?? ''), `${p.id} ${locale}`).toContain(p.guide.section);
    }
  });

  it('claims each personal email domain for one provider only', () => {
    const domains = providers.flatMap((p) => p.emailDomains ?? []);
    expect(domains.filter((d, i) => domains.indexOf(d) !== i)).toEqual([]);
  });
});

describe.each(providers.map((p) => [p.id, p] as const))('%s', (_id, provider) => {
  const servers = provider.serverSets.flatMap((s) => s.servers.map((server) => ({ set: s.id, ...server })));

  it('pairs every port with its TLS mode: 465/993 implicit TLS, 587/143 STARTTLS', () => {
    for (const s of servers) {
      if (s.port === 465 || s.port === 993) expect(s.security, `${s.set} ${s.host}:${s.port}`).toBe('ssl');
      if (s.port === 587 || s.port === 143) expect(s.security, `${s.set} ${s.host}:${s.port}`).toBe('starttls');
    }
  });

  it('uses IMAP ports for IMAP and SMTP ports for SMTP', () => {
    for (const s of servers) {
      const allowed = s.protocol === 'imap' ? [993, 143] : [465, 587];
      expect(allowed, `${s.set} ${s.host}:${s.port}`).toContain(s.port);
    }
  });

  it('has one IMAP and one SMTP server in its first set, so the checker can prefill the form', () => {
    const first = provider.serverSets[0].servers;
    expect(first.filter((s) => s.protocol === 'imap').length).toBeGreaterThanOrEqual(1);
    expect(first.filter((s) => s.protocol === 'smtp').length).toBeGreaterThanOrEqual(1);
  });

  it('uses unique set ids and at most one recommended set', () => {
    const ids = provider.serverSets.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(provider.serverSets.filter((s) => s.role === 'recommended').length).toBeLessThanOrEqual(1);
  });

  it('gives every pattern-matched error the text users see', () => {
    for (const e of provider.errors) {
      if (e.match.pattern) expect(e.display ?? e.providerCode, e.id).toBeTruthy();
    }
  });

  it('matches each error string it documents', () => {
    for (const e of provider.errors) {
      const shown = e.display ?? e.providerCode ?? e.match.literal!;
      const hit = e.match.literal
        ? shown.toLowerCase().includes(e.match.literal.toLowerCase())
        : new RegExp(e.match.pattern!, 'i').test(shown);
      expect(hit, `${e.id}: "${shown}" is not matched by its own rule`).toBe(true);
    }
  });

  it('uses unique path, pitfall and prerequisite ids', () => {
    for (const list of [provider.paths, provider.pitfalls, provider.credential.prerequisites]) {
      const ids = list.map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  if (provider.guide.hosted) {
    it.each(locales)('has its page in %s, and every anchor the registry points at is a heading there', (locale) => {
      const source = pageSource(locale, provider.guide.slug);
      expect(source, `missing page ${provider.guide.slug} in ${locale}`).toBeDefined();
      const ids = new Set(headingIds(source!));
      const anchors = [
        ...provider.errors.map((e) => e.anchor),
        ...provider.pitfalls.flatMap((p) => (p.anchor ? [p.anchor] : [])),
        ...provider.credential.prerequisites.flatMap((p) => (p.anchor ? [p.anchor] : [])),
      ];
      expect(anchors.filter((a) => !ids.has(a))).toEqual([]);
    });
  } else {
    it('is explained on the troubleshooting page: each error anchor is the error row itself', () => {
      for (const e of provider.errors) expect(e.anchor, e.id).toBe(e.id);
    });
  }
});
