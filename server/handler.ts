// The checker's HTTP endpoint as a web-standard (Request) => Response function, so
// the same code runs behind the Node adapter (server/node.ts) or a serverless platform.
//   POST /api/probe   probe 1–4 mail servers (contract in issue 3)
//   GET  /api/detect?domain=company.cn[&lang=en]   which registry provider hosts a domain
// Every route first checks Origin (server/origin.ts): a foreign page is refused before
// anything is read, resolved or sent.
import { createAjv, describeErrors } from '../registry/ajv';
import { loadRegistry } from '../registry/load';
import type { Provider } from '../registry/types';
import { foldHost, hostKey, parseHost, specialUseReason } from '../probe/address-guard';
import { loadCatalogue, type Catalogue } from '../probe/catalogue';
import { detectProvider } from '../probe/detect';
import { probeServer } from '../probe/probe';
import { sanitize } from '../probe/text';
import type { Lang, ProbeResult, ServerTarget } from '../probe/types';
import { readBody } from './body';
import probeSchema from './probe-request.schema.json';
import { codePoint, isInvisible, MAX_SHOWN, notAscii } from './spelling';
import { clientAddress } from './client-address';
import { configFromEnv, type EndpointConfig } from './config';
import { BODY_TIMEOUT_MS, MAX_BODY_BYTES } from './limits';
import { corsHeaders, judgeOrigin, preflightHeaders } from './origin';
import { RateLimiter } from './rate-limit';

/** Seconds a client is asked to wait when every probe slot is busy. */
const BUSY_RETRY_AFTER_S = 5;
// The guide finder looks a domain up as the user types, so it gets more room than probes.
const DETECT_RATE_FACTOR = 6;

export interface ProbeRequest {
  email: string;
  password?: string;
  provider?: string;
  lang?: Lang;
  servers: ServerTarget[];
}

export interface HandlerOptions extends Partial<EndpointConfig> {
  providers?: Provider[];
  catalogue?: Catalogue;
  /** Where the one JSON line per request goes; stdout by default. */
  log?: (line: string) => void;
  /** Extra CAs for in-process tests; see ProbeOptions.extraCa. */
  extraCa?: string[];
  now?: () => number;
}

export interface ConnectionInfo {
  /** The TCP peer address, as the adapter saw it. */
  remoteAddress?: string;
}

export type Handler = (request: Request, info?: ConnectionInfo) => Promise<Response>;

const validateRequest = createAjv().compile<ProbeRequest>(probeSchema);

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      // Results describe one user's mailbox at one moment: never store or reuse them.
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    },
  });
}

/** s***@company.cn: enough to tell requests apart in a log, not enough to name anyone. */
export function maskEmail(email: unknown): string | null {
  if (typeof email !== 'string') return null;
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***@${sanitize(email.slice(at + 1)).slice(0, 100)}`;
}

// Only JSON is accepted: browsers send text/plain, form and multipart bodies cross-origin
// without asking first, while a JSON body makes them ask (preflight), which a foreign page fails.
function isJson(request: Request): boolean {
  const type = request.headers.get('content-type') ?? '';
  return type.split(';')[0].trim().toLowerCase() === 'application/json';
}

// The client will not read the rest of a refused body, so the connection cannot carry another request.
const CLOSE = { Connection: 'close' };

// `imap.x`, `IMAP.x.` and ` imap.X ` are one server: one login.
function duplicateServers(servers: ServerTarget[]): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  servers.forEach((s, i) => {
    const key = `${s.protocol} ${hostKey(s.host)} ${s.port}`;
    if (seen.has(key)) problems.push(`request: /servers/${i} repeats ${key}. Each server is probed once per request (one login attempt), so list it once.`);
    seen.add(key);
  });
  return problems;
}

const DOMAIN = /^(?=.{3,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/;

const MAX_SERVERS = probeSchema.properties.servers.maxItems;

/**
 * The checker tests exactly the spelling it is sent, as the reader will type it into the binding
 * form (server/spelling.ts): a host or an address that is not plain ASCII is refused, naming the
 * characters and the ASCII spelling, rather than folded into another name and probed. Values
 * longer than the schema allows are left to it, so every message stays short.
 */
function spellingProblems(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const { email, servers } = body as { email?: unknown; servers?: unknown };
  const fields: { at: string; value: unknown; field: 'host' | 'email'; max: number }[] = [
    { at: '/email', value: email, field: 'email', max: probeSchema.properties.email.maxLength },
    ...(Array.isArray(servers) ? servers.slice(0, MAX_SERVERS) : []).map((server: { host?: unknown } | null, i) => ({
      at: `/servers/${i}/host`,
      value: server?.host,
      field: 'host' as const,
      max: probeSchema.properties.servers.items.properties.host.maxLength,
    })),
  ];
  return fields.flatMap(({ at, value, field, max }) => {
    if (typeof value !== 'string' || value.length > max) return [];
    const found = notAscii(value, field);
    if (!found) return [];
    const chars = found.chars.slice(0, MAX_SHOWN).map((c) => (isInvisible(c) ? `the invisible ${codePoint(c)}` : `"${c}" (${codePoint(c)})`));
    if (found.chars.length > MAX_SHOWN) chars.push('…');
    const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value);
    const fix = found.ascii && found.ascii.length <= max ? `send ${JSON.stringify(found.ascii)} instead` : 'retype it with an English keyboard';
    const what = field === 'host' ? 'A host name is' : 'The address is';
    return [`request: ${at} ${shown} is not plain ASCII: it has ${chars.join(', ')}. ${what} checked exactly as sent, the way it goes into the binding form, so ${fix}.`];
  });
}

export function createHandler(options: HandlerOptions = {}): Handler {
  const config = { ...configFromEnv(), ...options };
  const providers = options.providers ?? loadRegistry();
  const catalogue = options.catalogue ?? loadCatalogue();
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? Date.now;
  const probeLimiter = new RateLimiter(config.rateLimit, config.rateWindowMs, now);
  const detectLimiter = new RateLimiter(config.rateLimit * DETECT_RATE_FACTOR, config.rateWindowMs, now);
  let inFlight = 0;

  async function probe(request: Request, client: string, entry: Record<string, unknown>): Promise<Response> {
    if (request.method !== 'POST') return json(405, { error: 'Use POST.' }, { Allow: 'POST' });
    if (!isJson(request)) return json(415, { error: 'Send the request as JSON, with Content-Type: application/json.' });
    const read = await readBody(request, { maxBytes: MAX_BODY_BYTES, timeoutMs: BODY_TIMEOUT_MS });
    if ('refused' in read) {
      return read.refused === 'too-large'
        ? json(413, { error: `The body is larger than ${MAX_BODY_BYTES} bytes.` }, CLOSE)
        : json(408, { error: `The body did not arrive within ${BODY_TIMEOUT_MS / 1000} s.` }, CLOSE);
    }
    let body: unknown;
    try {
      body = JSON.parse(read.text);
    } catch {
      return json(400, { error: 'The body is not valid JSON.', problems: ['request: the body is not valid JSON.'] });
    }
    entry.email = maskEmail((body as { email?: unknown })?.email);
    const spelling = spellingProblems(body);
    if (spelling.length) return json(400, { error: 'Host names and the address must be written in plain ASCII.', problems: spelling });
    if (!validateRequest(body)) {
      const problems = describeErrors(validateRequest.errors, 'request');
      return json(400, { error: 'The request is not valid.', problems });
    }
    const problems = duplicateServers(body.servers);
    if (body.provider && !providers.some((p) => p.id === body.provider)) {
      problems.push(`request: /provider "${body.provider}" is not a provider in the registry. Remove it or use one of: ${providers.map((p) => p.id).join(', ')}.`);
    }
    if (problems.length) return json(400, { error: 'The request is not valid.', problems });

    const wait = probeLimiter.take(client);
    if (wait) return json(429, { error: 'Too many checks from this address; wait and try again.' }, { 'Retry-After': String(wait) });
    if (inFlight + body.servers.length > config.maxConcurrent) {
      return json(503, { error: 'The checker is busy; try again in a few seconds.' }, { 'Retry-After': String(BUSY_RETRY_AFTER_S) });
    }

    const domain = body.email.slice(body.email.lastIndexOf('@') + 1).toLowerCase();
    const provider = body.provider ?? providers.find((p) => p.emailDomains?.includes(domain))?.id;
    const lang = body.lang ?? 'zh-Hans';
    entry.provider = provider ?? null;
    inFlight += body.servers.length;
    let results: ProbeResult[];
    try {
      const password = body.password || undefined;
      results = await Promise.all(
        body.servers.map((server) =>
          probeServer(server, {
            email: body.email,
            password,
            provider,
            lang,
            providers,
            catalogue,
            policy: config.policy,
            deadlineMs: config.deadlineMs,
            dnsServers: config.dnsServers,
            extraCa: options.extraCa,
          }),
        ),
      );
    } finally {
      inFlight -= body.servers.length;
    }
    entry.servers = results.map((r) => ({
      protocol: r.protocol,
      host: sanitize(r.host),
      port: r.port,
      security: r.security,
      ok: r.ok,
      code: r.error?.code ?? null,
      stage: r.error?.stage ?? null,
      providerCode: r.error?.providerCode ?? null,
      serverText: r.error?.serverText ?? null,
      ms: r.stages.reduce((sum, s) => sum + s.ms, 0),
    }));
    return json(200, { results });
  }

  async function detect(request: Request, client: string, entry: Record<string, unknown>): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return json(405, { error: 'Use GET.' }, { Allow: 'GET, HEAD' });
    const url = new URL(request.url);
    const parsed = parseHost(foldHost(url.searchParams.get('domain') ?? url.searchParams.get('email')?.split(/[@＠]/).pop() ?? ''));
    const lang: Lang = url.searchParams.get('lang') === 'en' ? 'en' : 'zh-Hans';
    if (parsed.kind !== 'name' || !DOMAIN.test(parsed.name)) {
      return json(400, { error: 'Give a mail domain, e.g. ?domain=company.cn.', problems: ['request: ?domain must be a domain name such as company.cn.'] });
    }
    const domain = parsed.name;
    const special = specialUseReason(domain, config.policy);
    if (special) {
      return json(400, { error: 'This domain is not on the internet, so it has no mail provider to find.', code: 'TARGET_BLOCKED', problems: [`request: ?domain ${special}.`] });
    }
    entry.domain = domain;
    const wait = detectLimiter.take(client);
    if (wait) return json(429, { error: 'Too many look-ups from this address; wait and try again.' }, { 'Retry-After': String(wait) });
    const detection = await detectProvider(domain, { providers, lang, dnsServers: config.dnsServers });
    entry.provider = detection.provider;
    return json(200, detection);
  }

  function route(request: Request, path: string, client: string, entry: Record<string, unknown>): Promise<Response> | Response {
    if (path === '/api/probe') return probe(request, client, entry);
    if (path === '/api/detect') return detect(request, client, entry);
    return json(404, { error: 'No such API route.' });
  }

  return async (request, info) => {
    const started = now();
    const path = new URL(request.url).pathname.replace(/\/+$/, '');
    const client = clientAddress(request, info?.remoteAddress, config.trustProxy);
    const entry: Record<string, unknown> = { time: new Date(started).toISOString(), method: request.method, path: sanitize(path).slice(0, 100), client };
    const origin = judgeOrigin(request, config.allowedOrigins);
    let response: Response;
    try {
      if (origin.kind === 'foreign') {
        entry.origin = sanitize(origin.origin).slice(0, 100);
        response = json(403, {
          error: `Pages on ${entry.origin} may not use this checker: only this site (${origin.own}) and the origins listed in PROBE_ALLOWED_ORIGINS may.`,
        });
      } else if (origin.kind === 'listed' && request.method === 'OPTIONS') {
        response = new Response(null, { status: 204, headers: { ...preflightHeaders(origin.origin), 'Cache-Control': 'no-store' } });
      } else {
        response = await route(request, path, client, entry);
      }
    } catch {
      entry.error = 'internal';
      response = json(500, { error: 'The checker failed unexpectedly.' });
    }
    if (origin.kind === 'listed') for (const [name, value] of Object.entries(corsHeaders(origin.origin))) response.headers.set(name, value);
    log(JSON.stringify({ ...entry, status: response.status, ms: now() - started }));
    return response;
  };
}
