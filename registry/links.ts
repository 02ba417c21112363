import type { Provider } from './types';

/** The site's public origin (docusaurus.config.ts `url`): links a reader carries to another device. */
export const siteUrl = 'https://laifa.xin';

export const troubleshootingSlug = '300-bangding-cuowu-mailbox-binding-errors';

/** Path of a provider's guide (or its section of a shared page) on this site, or its permanent laifa.xin URL when the page is not hosted here. */
export function guidePath(provider: Pick<Provider, 'guide'>): string {
  if (!provider.guide.hosted) return `${siteUrl}/youxiang/${provider.guide.slug}`;
  return `/youxiang/${provider.guide.slug}${provider.guide.section ? `#${provider.guide.section}` : ''}`;
}

/** Where a provider error is explained: its own guide section, or its row on the troubleshooting page. */
export function errorHelpPath(provider: Pick<Provider, 'guide'>, error: { id: string; anchor: string }): string {
  return provider.guide.hosted
    ? `/youxiang/${provider.guide.slug}#${error.anchor}`
    : `/youxiang/${troubleshootingSlug}#${error.id}`;
}

/** Anchor of a checker code on the troubleshooting page: TLS_CERT_EXPIRED → tls-cert-expired. */
export function codeAnchor(code: string): string {
  return code.toLowerCase().replace(/_/g, '-');
}
