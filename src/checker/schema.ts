// The checker's field rules as one JSON Schema per provider, derived from the registry.
// Each rule is its own definition so the compiled module exports one function per rule:
// the widget knows which rule failed from the function, never from ajv's wording.
// Build-time only: scripts/gen-validators.ts compiles these ahead of time.
import type { Provider } from '../../registry/types';
import probeRequest from '../../server/probe-request.schema.json';
import { ASCII_PATTERN } from '../../server/spelling';
import type { RuleId } from './types';

// What the endpoint refuses with a 400, taken from its own request schema, so the page
// stops every such value first and says why in the reader's words.
const endpoint = {
  email: probeRequest.properties.email,
  password: probeRequest.properties.password,
  server: probeRequest.properties.servers.items.properties,
};
const endpointRule = ({ description: _, ...rule }: { description: string } & object) => rule;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const hostPattern = '[a-z0-9-]+(\\.[a-z0-9-]+)+';

function knownHosts(provider: Provider, protocol: 'imap' | 'smtp'): string {
  const hosts = [...new Set(provider.serverSets.flatMap((s) => s.servers.filter((x) => x.protocol === protocol).map((x) => x.host)))];
  const alternatives = hosts.map((h) => escapeRegex(h).replace(escapeRegex('{domain}'), hostPattern));
  return `^(${alternatives.join('|')})$`;
}

/** Domains of personal mailboxes other than this provider's own, which its guide must turn away. */
export function personalDomainsOf(providers: Provider[], except?: Provider): string[] {
  return providers.filter((p) => p.kind === 'personal' && p !== except).flatMap((p) => p.emailDomains ?? []).sort();
}

/** Codes the provider generates: a space or a stray character in one is a copying mistake. */
const generated = (credential: Provider['credential']) => credential.kind === 'auth-code' || credential.kind === 'app-password';

export function checkerSchema(provider: Provider, providers: Provider[]) {
  const credential = provider.credential;
  const personal = personalDomainsOf(providers, provider);
  const own = provider.emailDomains ?? [];
  const definitions: Partial<Record<RuleId, object>> = {
    emailRequired: { type: 'string', minLength: 1 },
    // The address and the hosts as the reader will type them into the binding form (server/spelling.ts).
    asciiOnly: { type: 'string', pattern: ASCII_PATTERN },
    emailFormat: { type: 'string', pattern: '^[^\\s@]+@[a-z0-9-]+(\\.[a-z0-9-]+)+$' },
    emailAccepted: endpointRule(endpoint.email),
    passwordAccepted: endpointRule(endpoint.password),
    // The page's pattern is a stricter subset of the endpoint's (no IP literals in brackets), so
    // only the endpoint's length limits are added.
    hostFormat: { type: 'string', pattern: `^${hostPattern}$`, minLength: endpoint.server.host.minLength, maxLength: endpoint.server.host.maxLength },
    imapHostKnown: { type: 'string', pattern: knownHosts(provider, 'imap') },
    smtpHostKnown: { type: 'string', pattern: knownHosts(provider, 'smtp') },
    portAccepted: endpointRule(endpoint.server.port),
    // 993/465 speak TLS from the first byte, 143/587 upgrade with STARTTLS (registry rule).
    imapPort: { type: 'integer', enum: [993, 143] },
    smtpPort: { type: 'integer', enum: [465, 587] },
    securityAccepted: endpointRule(endpoint.server.security),
    portSecurity: {
      type: 'object',
      if: { type: 'object', properties: { port: { enum: [993, 465] } } },
      then: { type: 'object', properties: { security: { const: 'ssl' } } },
      else: {
        type: 'object',
        if: { type: 'object', properties: { port: { enum: [143, 587] } } },
        then: { type: 'object', properties: { security: { const: 'starttls' } } },
      },
    },
  };
  if (personal.length) {
    definitions.emailPersonal = { type: 'string', not: { type: 'string', pattern: `@(${personal.map(escapeRegex).join('|')})$` } };
  }
  // A personal guide knows its own address domains; another domain may be a company
  // mailbox at the same provider, so it is a warning, not a refusal.
  if (own.length) definitions.emailDomain = { type: 'string', pattern: `@(${own.map(escapeRegex).join('|')})$` };
  // Providers that show the code in groups get the spaces stripped before validation;
  // in any other generated code a space is a copying mistake the reader should see. A
  // password the reader chose (login or client password) may hold any character.
  if (generated(credential) && !credential.stripSpaces) definitions.passwordSpaces = { type: 'string', pattern: '^\\S*$' };
  // Length and characters are counted without the hyphens of a hyphenated code (see validate.ts).
  if (credential.length) definitions.passwordLength = { type: 'string', minLength: credential.length, maxLength: credential.length };
  if (credential.charset) {
    definitions.passwordCharset = { type: 'string', pattern: credential.charset === 'letters' ? '^[A-Za-z]*$' : '^[A-Za-z0-9]*$' };
  }
  // The provider shows it with hyphens and takes it that way; without them it may not be the same password.
  if (credential.hyphenated) definitions.passwordHyphens = { type: 'string', pattern: '-' };
  return {
    $id: `checker-${provider.id}`,
    description: `Binding-form rules for ${provider.id}, derived from data/providers/${provider.id}.json.`,
    definitions,
  };
}
