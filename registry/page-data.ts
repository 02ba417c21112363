// What each registry component receives: only the slice it renders, in one locale,
// so a guide page ships its own provider's facts and nothing else.
import { codeAnchor, errorHelpPath, guidePath } from './links';
import { neutralCredential, withCredential, type ProbeCodeEntry } from './load';
import { localize, type Locale } from './localize';
import type { Localized, ProbeCode, Provider, ProviderError, Server } from './types';

export function errorText(error: ProviderError): string {
  return error.display ?? error.providerCode ?? error.match.literal ?? error.match.pattern!;
}

function serverOf(provider: Provider, setId: string | undefined, protocol: Server['protocol']): Server | undefined {
  const set = setId ? provider.serverSets.find((s) => s.id === setId) : provider.serverSets[0];
  return set?.servers.find((s) => s.protocol === protocol);
}

export function findServer(provider: Provider, setId: string | undefined, protocol: Server['protocol']): Server {
  const server = serverOf(provider, setId, protocol);
  if (!server) {
    const sets = provider.serverSets.map((s) => s.id).join(', ');
    throw new Error(`provider "${provider.id}" has no ${protocol} server in set "${setId ?? '(first)'}" (sets: ${sets})`);
  }
  return server;
}

export const serverTableData = (p: Provider, locale: Locale, sets?: string[]) =>
  localize({ sets: p.serverSets.filter((s) => !sets || sets.includes(s.id)) }, locale);

export const bindingFieldsData = (p: Provider, locale: Locale) =>
  localize(
    {
      credential: { name: p.credential.name, length: p.credential.length ?? null, stripSpaces: p.credential.stripSpaces ?? false },
      imap: findServer(p, undefined, 'imap'),
      smtp: findServer(p, undefined, 'smtp'),
      backup: p.serverSets.find((s) => s.role === 'backup')?.id ?? null,
    },
    locale,
  );

export const errorTableData = (p: Provider, locale: Locale) =>
  localize({ errors: p.errors.map((e) => ({ id: e.id, text: errorText(e), meaning: e.meaning, fix: e.fix, anchor: e.anchor })) }, locale);

export const pitfallTableData = (p: Provider, locale: Locale) => localize({ pitfalls: p.pitfalls }, locale);

export function clickPathData(p: Provider, pathId: string) {
  const path = p.paths.find((x) => x.id === pathId);
  if (!path) throw new Error(`provider "${p.id}" has no click path "${pathId}" (paths: ${p.paths.map((x) => x.id).join(', ')})`);
  // Both languages travel: the English page shows the Chinese label as it appears on screen.
  return { audience: path.audience, start: path.start ?? null, steps: path.steps };
}

export function warmupTableData(p: Provider, locale: Locale) {
  if (!p.sending?.warmup?.length) throw new Error(`provider "${p.id}" has no sending.warmup rows`);
  return localize({ rows: p.sending.warmup }, locale);
}

export const providerOverviewData = (providers: Provider[], locale: Locale) =>
  localize(
    {
      providers: providers
        .filter((p) => p.kind === 'enterprise' && p.guide.hosted)
        .sort((a, b) => a.guide.slug.localeCompare(b.guide.slug))
        .map((p) => ({
          id: p.id,
          name: p.names,
          path: guidePath(p),
          credential: p.credential.name,
          length: p.credential.length ?? null,
          imap: findServer(p, undefined, 'imap'),
          smtp: findServer(p, undefined, 'smtp'),
          sets: p.serverSets.length,
        })),
    },
    locale,
  );

// The troubleshooting page speaks for every provider, so a code's `{credential}` gets the neutral phrase.
export const errorIndexData = (providers: Provider[], codes: Record<ProbeCode, ProbeCodeEntry>, locale: Locale) =>
  localize(
    {
      codes: Object.entries(codes).map(([code, entry]) => {
        const text = (t: Localized) => withCredential(t[locale], neutralCredential[locale]);
        return {
          code,
          anchor: codeAnchor(code),
          title: text(entry.title),
          message: text(entry.message),
          fix: text(entry.fix),
          registryHost: entry.registryHost ? { message: text(entry.registryHost.message), fix: text(entry.registryHost.fix) } : null,
        };
      }),
      providers: providers
        .filter((p) => p.errors.length > 0)
        .sort((a, b) => a.guide.slug.localeCompare(b.guide.slug))
        .map((p) => ({
          id: p.id,
          name: p.names,
          guide: guidePath(p),
          errors: p.errors.map((e) => ({
            id: e.id,
            text: errorText(e),
            code: e.code,
            codeAnchor: codeAnchor(e.code),
            meaning: e.meaning,
            fix: e.fix,
            help: p.guide.hosted ? errorHelpPath(p, e) : null,
          })),
        })),
    },
    locale,
  );

// The checker widgets (issue 5). The checker gets every server set so the reader can switch;
// its rules are compiled separately (scripts/gen-validators.ts) and load with the form.
export const checkerData = (p: Provider, locale: Locale) =>
  localize(
    {
      id: p.id,
      name: p.names,
      kind: p.kind,
      credential: {
        name: p.credential.name,
        length: p.credential.length ?? null,
        stripSpaces: p.credential.stripSpaces ?? false,
        hyphenated: p.credential.hyphenated ?? false,
        charset: p.credential.charset ?? null,
      },
      domains: p.emailDomains ?? [],
      sets: p.serverSets.map((s) => ({ id: s.id, role: s.role, label: s.label, domains: s.domains ?? null, servers: s.servers })),
    },
    locale,
  );

export const errorLookupData = (providers: Provider[], locale: Locale) =>
  localize(
    {
      errors: providers
        .slice()
        .sort((a, b) => a.guide.slug.localeCompare(b.guide.slug))
        .flatMap((p) =>
          p.errors.map((e) => ({
            id: e.id,
            match: e.match,
            text: errorText(e),
            code: e.code,
            provider: p.names,
            meaning: e.meaning,
            fix: e.fix,
            help: errorHelpPath(p, e),
          })),
        ),
    },
    locale,
  );

export function expiryReminderData(p: Provider, locale: Locale) {
  if (p.credential.expires !== 'dated') throw new Error(`provider "${p.id}" has credential.expires "${p.credential.expires}"; the reminder is for dated codes only`);
  return localize({ id: p.id, name: p.names, credential: p.credential.name, guide: guidePath(p) }, locale);
}

/**
 * Everything the guide finder needs, in the page's locale: who owns which personal domains, and
 * each guide, in guide order and by kind for the plain lists (no JavaScript, the 404 page).
 */
export const finderData = (providers: Provider[], locale: Locale) =>
  localize(
    {
      entries: providers
        .slice()
        .sort((a, b) => a.guide.slug.localeCompare(b.guide.slug))
        .map((p) => ({ id: p.id, name: p.names, kind: p.kind, guide: guidePath(p), domains: p.emailDomains ?? [] })),
    },
    locale,
  );
