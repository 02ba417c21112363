// Finds which registry provider hosts a mail domain, for the guide finder: the
// provider's own address domains first (no DNS needed), then the domain's MX hosts
// against each provider's `mx` patterns. It only queries DNS; it never connects.
import { Resolver } from 'node:dns/promises';
import type { Provider } from '../registry/types';
import { guideUrl } from './catalogue';
import type { Lang } from './types';

export interface Detection {
  domain: string;
  provider: string | null;
  guide: string | null;
  mx: { host: string; priority: number }[];
  /** DNS_FAILED when the MX lookup itself failed (not when the domain has no MX). */
  error: 'DNS_FAILED' | null;
}

export interface DetectOptions {
  providers: readonly Provider[];
  lang: Lang;
  dnsServers?: readonly string[];
  timeoutMs?: number;
}

/** `*.suffix` matches any host under suffix; anything else matches that exact host. */
export function mxMatches(pattern: string, host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (pattern.startsWith('*.')) return name.endsWith(pattern.slice(1));
  return name === pattern;
}

function found(domain: string, provider: Provider | undefined, lang: Lang, mx: Detection['mx'], error: Detection['error'] = null): Detection {
  return { domain, provider: provider?.id ?? null, guide: provider ? guideUrl(provider, lang) : null, mx, error };
}

export async function detectProvider(domain: string, options: DetectOptions): Promise<Detection> {
  const { providers, lang } = options;
  const byAddress = providers.find((p) => p.emailDomains?.includes(domain));
  if (byAddress) return found(domain, byAddress, lang, []);
  const resolver = new Resolver({ timeout: 2_000, tries: 2 });
  if (options.dnsServers?.length) resolver.setServers([...options.dnsServers]);
  let timer: NodeJS.Timeout | undefined;
  try {
    const records = await Promise.race([
      resolver.resolveMx(domain),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          resolver.cancel();
          reject(Object.assign(new Error('MX lookup timed out'), { code: 'ETIMEOUT' }));
        }, options.timeoutMs ?? 5_000);
      }),
    ]);
    const mx = records
      .map((r) => ({ host: r.exchange.toLowerCase(), priority: r.priority }))
      .sort((a, b) => a.priority - b.priority || a.host.localeCompare(b.host));
    const provider = providers.find((p) => mx.some((r) => p.mx.some((pattern) => mxMatches(pattern, r.host))));
    return found(domain, provider, lang, mx);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOTFOUND' || code === 'ENODATA') return found(domain, undefined, lang, []);
    return found(domain, undefined, lang, [], 'DNS_FAILED');
  } finally {
    clearTimeout(timer);
  }
}
