// What each registry component receives: only the slice it renders, in one locale,
// so a guide page ships its own provider's facts and nothing else.
import { codeAnchor, errorHelpPath, guidePath, siteUrl } from './links';
import { screenshotMonth, takenText } from './screenshots';
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
      // A personal guide's example address is on the provider's own domain.
      example: `name@${p.emailDomains?.[0] ?? 'yourcompany.com'}`,
      imap: findServer(p, undefined, 'imap'),
      smtp: findServer(p, undefined, 'smtp'),
      backup: p.serverSets.find((s) => s.role === 'backup')?.id ?? null,
    },
    locale,
  );

/** `section` is the heading the list sits under: an error whose fix is that list itself gets no link back to it. */
export const errorTableData = (p: Provider, locale: Locale, section?: string) =>
  localize(
    { errors: p.errors.map((e) => ({ id: e.id, text: errorText(e), meaning: e.meaning, fix: e.fix, anchor: e.anchor === section ? null : e.anchor })) },
    locale,
  );

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

/** What goes into the password field, as the first-screen card and the overviews describe it. */
const credentialSummary = (p: Provider) => ({
  name: p.credential.name,
  kind: p.credential.kind,
  length: p.credential.length ?? null,
  hyphenated: p.credential.hyphenated ?? false,
  stripSpaces: p.credential.stripSpaces ?? false,
  // The provider refuses every password (Outlook.com): the card says so instead of a shape.
  blocked: p.credential.blocked ?? null,
});

/**
 * The overview cards: enterprise guides (page 200), or personal guides of one region
 * (page 100, `region="cn"` or `"global"`), in page-number order. A guide not hosted here
 * yet links to its laifa.xin page; one that is a section of another page is not listed.
 */
export function providerOverviewData(providers: Provider[], locale: Locale, kind: string = 'enterprise', region?: string) {
  if (kind !== 'enterprise' && kind !== 'personal') throw new Error(`kind must be "enterprise" or "personal", not "${kind}"`);
  if (region !== undefined && region !== 'cn' && region !== 'global') throw new Error(`region must be "cn" or "global", not "${region}"`);
  const listed = providers
    .filter((p) => p.kind === kind && !p.guide.section && (region === undefined || p.region === region))
    .sort((a, b) => a.guide.slug.localeCompare(b.guide.slug));
  if (!listed.length) throw new Error(`no ${kind} guides${region ? ` in region ${region}` : ''} to list`);
  return localize(
    {
      kind,
      providers: listed.map((p) => ({
        id: p.id,
        name: p.names,
        path: guidePath(p),
        domains: p.emailDomains ?? [],
        website: p.website ?? null,
        credential: credentialSummary(p),
        imap: findServer(p, undefined, 'imap'),
        smtp: findServer(p, undefined, 'smtp'),
        // When the servers shown serve only some of the provider's domains (完美邮箱), the card says which.
        serverDomains: p.serverSets[0].domains ?? null,
      })),
    },
    locale,
  );
}

/** The provider's password rules in prose: whether any password binds now, and each condition. */
export const credentialFactsData = (p: Provider, locale: Locale) =>
  localize(
    {
      name: p.credential.name,
      blocked: p.credential.blocked ?? null,
      prerequisites: p.credential.prerequisites.map((x) => ({ id: x.id, text: x.text })),
    },
    locale,
  );

/** The first-screen card: the password to use and the first servers, before the long text. */
export function quickSetupData(p: Provider, locale: Locale) {
  const first = p.serverSets[0];
  return localize(
    {
      credential: { ...credentialSummary(p), anchor: p.credential.anchor ?? null },
      imap: findServer(p, first.id, 'imap'),
      smtp: findServer(p, first.id, 'smtp'),
      // When the first set serves only some domains (完美邮箱), the card says which.
      domains: first.domains ?? null,
      backup: p.serverSets.find((s) => s.role === 'backup')?.id ?? null,
      moreSets: p.serverSets.length > 1,
    },
    locale,
  );
}

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

/** The screenshots of one section, in registry order, with their dates as the page says them. */
export function screenshotsData(p: Provider, locale: Locale, section: string) {
  const shots = (p.screenshots ?? []).filter((s) => s.section === section);
  if (!shots.length) throw new Error(`provider "${p.id}" has no screenshot in section "${section}"`);
  return {
    enlarge: locale === 'en' ? 'Tap to enlarge' : '点图看大图',
    shots: shots.map((s) => ({ url: s.url, alt: s.alt[locale], taken: takenText(screenshotMonth(s), locale) })),
  };
}

const computerOnlyText = {
  'zh-Hans': {
    text: '下面这几步要在电脑浏览器里做。用手机看这页的话，可以复制本页链接，发到电脑上（比如发给微信的“文件传输助手”），在电脑上接着做。',
    copy: '复制本页链接',
  },
  en: {
    text: "The next steps are done in a desktop browser. Reading this on a phone? Copy this page's link, send it to your computer (in WeChat, to File Transfer), and carry on there.",
    copy: "Copy this page's link",
  },
};

/**
 * The note and the page's own link, landing on the first step that needs a computer, to send
 * there from a phone. Its words travel with it rather than through code.json, whose strings every
 * English page's main.js carries.
 */
export function computerOnlyData(p: Provider, locale: Locale) {
  if (!p.computerOnly) throw new Error(`provider "${p.id}" has no computerOnly section`);
  return { ...computerOnlyText[locale], link: `${siteUrl}${locale === 'en' ? '/en' : ''}${guidePath(p)}#${p.computerOnly}` };
}
