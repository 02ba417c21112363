// Maps a failure to one catalogue code. Provider strings come from the registry
// (data/providers/*.json), tried first for the providers the context names (the guide's,
// the address's domain's, the probed server's) and only then for all, so a reply whose
// words several servers use is read as the provider it came from; the rules in this file
// are only the protocol standards every server shares.
import { neutralCredential, withCredential } from '../registry/load';
import type { Provider, ProviderError } from '../registry/types';
import { helpLinks, type Catalogue } from './catalogue';
import type { Lang, ProbeCode, ProbeError, Protocol, ServerTarget, StageName } from './types';

/** Where in the dialogue a reply arrived, in the registry's vocabulary (`stage` of an error). */
export type ReplyPhase = 'greeting' | 'capabilities' | 'auth' | 'after-auth';

export interface Failure {
  code: ProbeCode;
  stage: StageName;
  /** The server's reply, already decoded, sanitised and scrubbed. */
  serverText?: string;
  /** Set when the reply may match a provider's registry entry. */
  phase?: ReplyPhase;
  detail?: string;
}

export interface RegistryMatch {
  provider: Provider;
  error: ProviderError;
}

const patternCache = new Map<string, RegExp>();

function matches(error: ProviderError, text: string): boolean {
  if (error.match.literal !== undefined) return text.toLowerCase().includes(error.match.literal.toLowerCase());
  const source = error.match.pattern ?? '';
  let regex = patternCache.get(source);
  if (!regex) {
    regex = new RegExp(source, 'i');
    patternCache.set(source, regex);
  }
  return regex.test(text);
}

export function matchRegistry(
  providers: readonly Provider[],
  text: string,
  protocol: Protocol,
  phase: ReplyPhase,
  preferred: readonly Provider[] = [],
): RegistryMatch | null {
  const ordered = [...preferred, ...providers.filter((p) => !preferred.includes(p))];
  for (const provider of ordered) {
    const inContext = preferred.includes(provider);
    for (const error of provider.errors) {
      if (error.needsContext && !inContext) continue;
      if (error.protocols && !error.protocols.includes(protocol)) continue;
      if ((error.stage ?? 'auth') !== phase) continue;
      if (matches(error, text)) return { provider, error };
    }
  }
  return null;
}

/**
 * The providers a reply most likely comes from, most certain first: the guide the reader
 * is on, the provider of the address's domain, then the providers that list the probed
 * server. A personal provider that shares its server with a business one (Outlook.com and
 * Microsoft 365) is left out for an address on another domain: a company address there is
 * a Microsoft 365 mailbox, not an Outlook.com one.
 */
export function contextProviders(
  providers: readonly Provider[],
  context: { provider?: string; email?: string; target?: Pick<ServerTarget, 'host'> },
): Provider[] {
  const domain = context.email?.includes('@') ? context.email.split('@').pop()!.toLowerCase() : undefined;
  const host = context.target?.host.toLowerCase().replace(/\.$/, '');
  const found: Provider[] = [];
  const add = (p: Provider | undefined) => {
    if (p && !found.includes(p)) found.push(p);
  };
  add(providers.find((p) => p.id === context.provider));
  if (domain) for (const p of providers) if (p.emailDomains?.includes(domain)) add(p);
  if (host) {
    for (const p of providers) {
      const listsHost = p.serverSets.some((set) => set.servers.some((s) => s.host === host));
      const otherDomain = domain !== undefined && !!p.emailDomains?.length && !p.emailDomains.includes(domain);
      if (listsHost && !otherDomain) add(p);
    }
  }
  return found;
}

// RFC 5530 IMAP response codes that say more than "no".
const IMAP_RESPONSE_CODES: Record<string, ProbeCode> = {
  UNAVAILABLE: 'SERVER_BUSY',
  AUTHENTICATIONFAILED: 'AUTH_FAILED',
  AUTHORIZATIONFAILED: 'AUTH_FAILED',
  EXPIRED: 'AUTH_FAILED',
  LIMIT: 'AUTH_RATE_LIMITED',
};

/** The generic code for an IMAP tagged NO/BAD to LOGIN or AUTHENTICATE. */
export function imapAuthCode(text: string): ProbeCode {
  const code = /\[([A-Z-]+)/i.exec(text)?.[1]?.toUpperCase();
  return (code && IMAP_RESPONSE_CODES[code]) || 'AUTH_FAILED';
}

/** The generic code for an SMTP reply to AUTH, from its basic and enhanced status (RFC 4954, 3463). */
export function smtpAuthCode(status: number): ProbeCode {
  if (status === 421) return 'CONNECTION_CLOSED';
  // 454 4.7.0 is "temporary authentication failure": the server could not check the password now.
  if (status === 454) return 'SERVER_BUSY';
  return 'AUTH_FAILED';
}

export interface ClassifyContext {
  providers: readonly Provider[];
  catalogue: Catalogue;
  protocol: Protocol;
  lang: Lang;
  provider?: string;
  /** The login address: its domain names the provider when the request does not. */
  email?: string;
  /** The server that was probed. */
  target?: ServerTarget;
}

/** The server is one the provider's registry file lists, so the reader did not type it wrong. */
export function isRegistryServer(provider: Provider, target: ServerTarget): boolean {
  const host = target.host.toLowerCase();
  return provider.serverSets.some((set) => set.servers.some((s) => s.protocol === target.protocol && s.host === host && s.port === target.port));
}

export function describeFailure(failure: Failure, context: ClassifyContext): ProbeError {
  const { lang } = context;
  const known = contextProviders(context.providers, context);
  const match =
    failure.phase && failure.serverText ? matchRegistry(context.providers, failure.serverText, context.protocol, failure.phase, known) : null;
  const code = match?.error.code ?? failure.code;
  const generic = context.catalogue[code];
  const provider = known[0];
  const ownServer = generic.registryHost && provider && context.target && isRegistryServer(provider, context.target);
  const text = ownServer ? generic.registryHost! : generic;
  const credential = provider?.credential.name[lang] ?? neutralCredential[lang];
  return {
    code,
    stage: failure.stage,
    providerCode: match?.error.providerCode ?? null,
    serverText: failure.serverText ?? null,
    detail: failure.detail ?? null,
    provider: match?.provider.id ?? null,
    message: match ? match.error.meaning[lang] : withCredential(text.message[lang], credential),
    fix: match ? match.error.fix[lang] : withCredential(text.fix[lang], credential),
    ...helpLinks(lang, code, match ?? undefined, provider),
  };
}
