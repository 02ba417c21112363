// The endpoint's settings, read once from the environment. Defaults suit a public page:
// a person checks a few times a minute; a script hammering it is turned away.
import { DEFAULT_PORTS, type GuardPolicy } from '../probe/address-guard';
import { PROBE_DEADLINE_MS } from '../probe/deadline';
import { MAX_DEADLINE_MS } from './limits';
import { parseOrigins } from './origin';

export interface EndpointConfig {
  policy: GuardPolicy;
  deadlineMs: number;
  dnsServers?: string[];
  /** Probe requests per client per window. */
  rateLimit: number;
  rateWindowMs: number;
  /** Server probes (connections) in flight across all clients. */
  maxConcurrent: number;
  /** Proxies in front of the server; the client is the address the outermost one saw (0: the TCP peer). */
  trustProxy: number;
  /** Origins besides the site's own whose pages may call the endpoint. */
  allowedOrigins: string[];
}

function int(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n > 0 ? n : fallback;
}

function count(value: string | undefined): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n >= 0 ? n : 0;
}

function list(value: string | undefined): string[] | undefined {
  const items = value?.split(',').map((s) => s.trim()).filter(Boolean);
  return items?.length ? items : undefined;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): EndpointConfig {
  const ports = list(env.PROBE_PORTS)?.map(Number).filter((p) => Number.isInteger(p) && p > 0 && p < 65536);
  return {
    policy: { allowLoopback: env.PROBE_ALLOW_LOOPBACK === '1', ports: ports?.length ? ports : DEFAULT_PORTS },
    deadlineMs: Math.min(int(env.PROBE_DEADLINE_MS, PROBE_DEADLINE_MS), MAX_DEADLINE_MS),
    dnsServers: list(env.PROBE_DNS_SERVERS),
    rateLimit: int(env.PROBE_RATE_LIMIT, 10),
    rateWindowMs: int(env.PROBE_RATE_WINDOW_MS, 60_000),
    maxConcurrent: int(env.PROBE_MAX_CONCURRENT, 32),
    trustProxy: count(env.TRUST_PROXY),
    allowedOrigins: parseOrigins(list(env.PROBE_ALLOWED_ORIGINS) ?? []),
  };
}
