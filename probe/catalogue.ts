// The one error catalogue (data/probe-codes.json) and the links from an error to the
// page that fixes it. The site renders the same file, so a code's words live in one place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../registry/load';
import type { Localized, Provider, ProviderError } from '../registry/types';
import type { Lang, ProbeCode } from './types';

export interface CatalogueEntry {
  title: Localized;
  message: Localized;
  fix: Localized;
}

export type Catalogue = Record<ProbeCode, CatalogueEntry>;

export const catalogueSchemaPath = join(dataDir, 'schema', 'probe-codes.schema.json');
export const cataloguePath = join(dataDir, 'probe-codes.json');

export function loadCatalogue(path = cataloguePath): Catalogue {
  const { $schema: _schema, ...entries } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return entries as Catalogue;
}

/** The troubleshooting page that explains every generic code and unhosted provider errors. */
export const TROUBLESHOOTING_SLUG = '300-bangding-cuowu-mailbox-binding-errors';

/** The anchor of a catalogue code on the troubleshooting page: TLS_CERT_EXPIRED → tls-cert-expired. */
export function codeAnchor(code: ProbeCode): string {
  return code.toLowerCase().replace(/_/g, '-');
}

function localePrefix(lang: Lang): string {
  return lang === 'en' ? '/en' : '';
}

export function guideUrl(provider: Provider, lang: Lang): string {
  const path = `/youxiang/${provider.guide.slug}`;
  return provider.guide.hosted ? `${localePrefix(lang)}${path}` : `https://laifa.xin${path}`;
}

/** Where a user reads how to fix an error: the provider's own guide section when this site hosts it. */
export function helpLink(lang: Lang, code: ProbeCode, match?: { provider: Provider; error: ProviderError }): string {
  if (match?.provider.guide.hosted) {
    return `${localePrefix(lang)}/youxiang/${match.provider.guide.slug}#${match.error.anchor}`;
  }
  const anchor = match ? match.error.id : codeAnchor(code);
  return `${localePrefix(lang)}/youxiang/${TROUBLESHOOTING_SLUG}#${anchor}`;
}
