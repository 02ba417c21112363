// Probe figures: the endpoint's overhead over a bare TLS login, four servers against the slowest
// one, and load at 50 concurrent clients below and past the concurrency cap. Everything runs
// on loopback against the scripted TLS servers of the test suite; every loop is bounded.
import { connect } from 'node:tls';
import { createCertificates, type TestCertificates } from '../tests/support/certs';
import { startScriptedImap, startScriptedSmtp, type ScriptedServer } from '../tests/support/scripted-servers';
import { startServer, type RunningServer } from '../tests/support/serve';
import { startDelayProxy, type DelayProxy } from './lib/delay-proxy';
import { loadCatalogue, probeServer, type ProbeOptions } from '../probe';
import { loadRegistry } from '../registry/load';
import { median } from './lib/lighthouse';
import { sampleTree, treeRss } from './lib/process';

const EMAIL = 'bench@example.com';
// A made-up credential for scripted servers that accept any login.
const PASSWORD = 'bench-not-a-secret';
const SEQUENTIAL_RUNS = 40;
const WARMUP_RUNS = 5;
const LOAD_CLIENTS = 50;
const LOAD_MS = 10_000;
const NETWORK_DELAY_MS = 25;
const MiB = 2 ** 20;

type Security = 'ssl' | 'starttls';
interface Target {
  protocol: 'imap' | 'smtp';
  host: string;
  port: number;
  security: Security;
}

export interface Spread {
  p50: number;
  p95: number;
}

export interface FourServers {
  delayMs: number;
  singles: number[];
  slowestSingle: number;
  together: Spread;
  ratio: number;
}

export interface LoadFigures {
  label: string;
  clients: number;
  maxConcurrent: number;
  durationMs: number;
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  /** Requests that got no HTTP answer at all (reset, refused, timed out). */
  failures: number;
  rssStartMiB: number;
  rssPeakMiB: number;
  rssEndMiB: number;
  /** The second half's peak stays within 10% of the first half's: a plateau, not a climb. */
  memoryFlat: boolean;
  aliveAfter: boolean;
}

export interface Overhead {
  delayMs: number;
  /** Bare TLS connect, greeting, LOGIN, LOGOUT. */
  floor: Spread;
  /** Bare, with the probe's own commands (CAPABILITY, LOGIN, ID, EXAMINE, LOGOUT). */
  sameDialogue: Spread;
  /** The probe library called in this process, no HTTP. */
  library: Spread;
  /** The same server through POST /api/probe. */
  endpoint: Spread;
  ratio: number;
}

export interface ProbeFigures {
  overhead: Overhead[];
  fourServers: FourServers[];
  load: LoadFigures[];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const spread = (values: number[]): Spread => ({ p50: median(values), p95: percentile(values, 95) });

async function timed(fn: () => Promise<unknown>, runs = SEQUENTIAL_RUNS): Promise<number[]> {
  for (let i = 0; i < WARMUP_RUNS; i += 1) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** The floor's dialogue: greeting, login, logout, as any IMAP client must. */
const FLOOR_COMMANDS = [`LOGIN "${EMAIL}" "${PASSWORD}"`, 'LOGOUT'];
/** What the probe says to an IMAP server, to tell its own overhead from the extra round trips. */
const PROBE_COMMANDS = ['CAPABILITY', FLOOR_COMMANDS[0], 'ID ("name" "bench")', 'EXAMINE INBOX', 'LOGOUT'];

/** A bare IMAPS session in this process: TLS connect, greeting, then each command in turn. */
function bareImap(port: number, ca: string, commands: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, ca });
    let buffer = '';
    let sent = -1;
    socket.setEncoding('utf8');
    socket.on('error', reject);
    // The server may hang up right after its LOGOUT reply, as real ones do; once LOGOUT is
    // sent that is the end of the session, not a failure.
    socket.on('close', () => (sent === commands.length - 1 ? resolve() : reject(new Error('closed before the dialogue ended'))));
    const next = () => {
      sent += 1;
      buffer = '';
      socket.write(`a${sent} ${commands[sent]}\r\n`);
    };
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (sent === -1 && buffer.includes('\r\n')) {
        if (!socket.authorized) return reject(new Error(`untrusted: ${String(socket.authorizationError)}`));
        next();
      } else if (sent >= 0 && new RegExp(`^a${sent} (OK|NO|BAD)`, 'm').test(buffer)) {
        if (sent === commands.length - 1) socket.end();
        else next();
      }
    });
  });
}

async function probeVia(origin: string, servers: Target[], password = PASSWORD): Promise<Response> {
  return fetch(`${origin}/api/probe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password, lang: 'en', servers }),
  });
}

async function expectOk(origin: string, servers: Target[]): Promise<void> {
  const response = await probeVia(origin, servers);
  const body = (await response.json()) as { results?: { ok: boolean; error: { code: string } | null }[] };
  if (response.status !== 200 || !body.results?.every((r) => r.ok)) {
    throw new Error(`probe through the endpoint did not succeed: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
}

async function fourServers(origin: string, targets: Target[], delayMs: number): Promise<FourServers> {
  const singles: number[] = [];
  for (const target of targets) singles.push(median(await timed(() => expectOk(origin, [target]), 15)));
  const together = spread(await timed(() => expectOk(origin, targets), 15));
  const slowestSingle = Math.max(...singles);
  return { delayMs, singles, slowestSingle, together, ratio: together.p50 / slowestSingle };
}

async function load(endpoint: RunningServer, label: string, target: Target, maxConcurrent: number): Promise<LoadFigures> {
  const pid = endpoint.pid;
  const rssStart = treeRss(pid);
  const timeline: { t: number; rss: number }[] = [];
  const sampler = setInterval(() => timeline.push({ t: performance.now(), rss: treeRss(pid) }), 100);
  const stopPeak = sampleTree(pid);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let failures = 0;
  const started = performance.now();
  const until = started + LOAD_MS;
  const client = async () => {
    while (performance.now() < until) {
      const t = performance.now();
      try {
        const response = await probeVia(endpoint.origin, [target]);
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      } catch {
        failures += 1;
      }
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: LOAD_CLIENTS }, client));
  const elapsed = performance.now() - started;
  const rssPeak = stopPeak();
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 1000));
  const rssEnd = treeRss(pid);
  const mid = started + elapsed / 2;
  const peakOf = (samples: typeof timeline) => Math.max(0, ...samples.map((s) => s.rss));
  const firstHalf = peakOf(timeline.filter((s) => s.t < mid));
  const secondHalf = peakOf(timeline.filter((s) => s.t >= mid));
  let aliveAfter = endpoint.alive();
  if (aliveAfter) {
    // The cap must turn readers away, not break the service for the next one.
    await new Promise((r) => setTimeout(r, 500));
    aliveAfter = await expectOk(endpoint.origin, [target]).then(() => true, () => false);
  }
  return {
    label,
    clients: LOAD_CLIENTS,
    maxConcurrent,
    durationMs: Math.round(elapsed),
    requests: latencies.length,
    throughput: (latencies.length / elapsed) * 1000,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    statuses,
    failures,
    rssStartMiB: rssStart / MiB,
    rssPeakMiB: rssPeak / MiB,
    rssEndMiB: rssEnd / MiB,
    memoryFlat: secondHalf <= firstHalf * 1.1,
    aliveAfter,
  };
}

export async function benchProbe(log: (line: string) => void): Promise<ProbeFigures> {
  const certs: TestCertificates = createCertificates(['127.0.0.1']);
  const servers: ScriptedServer[] = [];
  const proxies: DelayProxy[] = [];
  const endpoints: RunningServer[] = [];
  try {
    const imapSsl = await startScriptedImap({ security: 'ssl', tls: certs.valid });
    const imapStartTls = await startScriptedImap({ security: 'starttls', tls: certs.valid });
    const smtpSsl = await startScriptedSmtp({ security: 'ssl', tls: certs.valid });
    const smtpStartTls = await startScriptedSmtp({ security: 'starttls', tls: certs.valid });
    servers.push(imapSsl, imapStartTls, smtpSsl, smtpStartTls);
    const direct: Target[] = [
      { protocol: 'imap', host: '127.0.0.1', port: imapSsl.port, security: 'ssl' },
      { protocol: 'imap', host: '127.0.0.1', port: imapStartTls.port, security: 'starttls' },
      { protocol: 'smtp', host: '127.0.0.1', port: smtpSsl.port, security: 'ssl' },
      { protocol: 'smtp', host: '127.0.0.1', port: smtpStartTls.port, security: 'starttls' },
    ];
    const delayed: Target[] = [];
    for (const target of direct) {
      const proxy = await startDelayProxy(target.port, NETWORK_DELAY_MS);
      proxies.push(proxy);
      delayed.push({ ...target, port: proxy.port });
    }
    const env = (maxConcurrent: number) => ({
      PROBE_ALLOW_LOOPBACK: '1',
      PROBE_PORTS: [...direct, ...delayed].map((t) => t.port).join(','),
      NODE_EXTRA_CA_CERTS: certs.caFile,
      // The load runs come from one address; the per-client limit is not what they measure.
      PROBE_RATE_LIMIT: '1000000000',
      PROBE_MAX_CONCURRENT: String(maxConcurrent),
    });

    const roomy = await startServer('api-only', env(LOAD_CLIENTS * 2));
    endpoints.push(roomy);
    const libraryOptions: ProbeOptions = {
      email: EMAIL,
      password: PASSWORD,
      lang: 'en',
      providers: loadRegistry(),
      catalogue: loadCatalogue(),
      policy: { allowLoopback: true, ports: [...direct, ...delayed].map((t) => t.port) },
      extraCa: [certs.ca],
    };
    const overhead: Overhead[] = [];
    for (const [delayMs, target] of [[0, direct[0]], [NETWORK_DELAY_MS, delayed[0]]] as const) {
      const floor = spread(await timed(() => bareImap(target.port, certs.ca, FLOOR_COMMANDS)));
      const sameDialogue = spread(await timed(() => bareImap(target.port, certs.ca, PROBE_COMMANDS)));
      const library = spread(
        await timed(async () => {
          const result = await probeServer(target, libraryOptions);
          if (!result.ok) throw new Error(`library probe failed: ${result.error?.code}`);
        }),
      );
      const endpoint = spread(await timed(() => expectOk(roomy.origin, [target])));
      overhead.push({ delayMs, floor, sameDialogue, library, endpoint, ratio: endpoint.p50 / floor.p50 });
      log(`${delayMs} ms delay: floor ${floor.p50.toFixed(1)}, same dialogue ${sameDialogue.p50.toFixed(1)}, library ${library.p50.toFixed(1)}, endpoint ${endpoint.p50.toFixed(1)} ms`);
    }
    const four = [await fourServers(roomy.origin, direct, 0), await fourServers(roomy.origin, delayed, NETWORK_DELAY_MS)];
    log(`four servers: ${four.map((f) => `×${f.ratio.toFixed(2)} at ${f.delayMs} ms`).join(', ')}`);
    const below = await load(roomy, `${LOAD_CLIENTS} clients, cap ${LOAD_CLIENTS * 2}`, direct[0], LOAD_CLIENTS * 2);
    log(`load below cap: ${below.throughput.toFixed(1)} req/s ${JSON.stringify(below.statuses)}`);
    await roomy.stop();

    const capped = await startServer('api-only', env(LOAD_CLIENTS / 5));
    endpoints.push(capped);
    await expectOk(capped.origin, [direct[0]]);
    const past = await load(capped, `${LOAD_CLIENTS} clients, cap ${LOAD_CLIENTS / 5}`, direct[0], LOAD_CLIENTS / 5);
    log(`load past cap: ${past.throughput.toFixed(1)} req/s ${JSON.stringify(past.statuses)}`);

    return { overhead, fourServers: four, load: [below, past] };
  } finally {
    for (const e of endpoints) await e.stop();
    for (const p of proxies) await p.close();
    for (const s of servers) await s.close();
    certs.cleanup();
  }
}
