// The one error catalogue (data/probe-codes.json, loaded and validated by the registry)
// and the links from an error to the page that fixes it. The site renders the same
// file and the same links, so a code's words and anchors live in one place.
import { codeAnchor, errorHelpPath, guidePath, troubleshootingSlug } from '../registry/links';
import { loadProbeCodes, probeCodesPath, type ProbeCodeEntry } from '../registry/load';
import type { Provider, ProviderError } from '../registry/types';
import type { Lang, ProbeCode } from './types';

export type CatalogueEntry = ProbeCodeEntry;
export type Catalogue = Record<ProbeCode, CatalogueEntry>;

export const cataloguePath = probeCodesPath;
export const TROUBLESHOOTING_SLUG = troubleshootingSlug;
export { codeAnchor };

export function loadCatalogue(path = cataloguePath): Catalogue {
  return loadProbeCodes(path);
}

// Site-relative paths get the locale prefix; laifa.xin URLs of guides not hosted here do not.
function localized(lang: Lang, path: string): string {
  return lang === 'en' && path.startsWith('/') ? `/en${path}` : path;
}

export function guideUrl(provider: Provider, lang: Lang): string {
  return localized(lang, guidePath(provider));
}

/** Where a user reads how to fix an error: the provider's own guide section when this site hosts it. */
export function helpLink(lang: Lang, code: ProbeCode, match?: { provider: Provider; error: ProviderError }): string {
  return localized(lang, match ? errorHelpPath(match.provider, match.error) : `/youxiang/${troubleshootingSlug}#${codeAnchor(code)}`);
}

// Refusals of the password itself: the guide's section on getting the credential is the fix.
const CREDENTIAL_CODES: ReadonlySet<ProbeCode> = new Set(['AUTH_FAILED', 'AUTH_CODE_REQUIRED']);

/**
 * The checker's two links for a failure: `help`, the section of the reader's own guide that
 * fixes it when there is one, and `also`, the same entry on the troubleshooting page (null
 * when `help` already is that page).
 */
export function helpLinks(
  lang: Lang,
  code: ProbeCode,
  match: { provider: Provider; error: ProviderError } | undefined,
  provider: Provider | undefined,
): { help: string; also: string | null } {
  const index = `/youxiang/${troubleshootingSlug}#${match ? match.error.id : codeAnchor(code)}`;
  let own: string | null = null;
  if (match) own = match.provider.guide.hosted ? errorHelpPath(match.provider, match.error) : null;
  else if (provider?.guide.hosted && !provider.guide.section && provider.credential.anchor && CREDENTIAL_CODES.has(code)) {
    own = `/youxiang/${provider.guide.slug}#${provider.credential.anchor}`;
  }
  return own ? { help: localized(lang, own), also: localized(lang, index) } : { help: localized(lang, index), also: null };
}
