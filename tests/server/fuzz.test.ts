// Thousands of random, mostly malformed requests against the real servers (`npm run serve` and
// `npm run api` as child processes), over raw sockets: odd methods, request targets, Hosts,
// Ranges, encodings, lengths, bodies, pipelining and plain garbage. The run is bounded by its
// request count and each request's own timeout; afterwards each process must be alive and
// answer pages, detection and probes as before. The generator is seeded, so a failing run can
// be replayed with FUZZ_SEED.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type TestDnsServer } from '../support/dns-server';
import { exchange, type Piece } from '../support/raw-http';
import { startServer, type RunningServer } from '../support/serve';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const REQUESTS = { node: 2_000, 'api-only': 1_000 } as const;
const CONCURRENCY = 24;
const PER_REQUEST_MS = 2_000;

// mulberry32: small, fast and good enough to pick cases.
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  const chance = (p: number) => next() < p;
  return { int, pick, bytes, chance };
}
type Random = ReturnType<typeof random>;

const deep = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`;

function jsonBody(r: Random, closedPort: number): string {
  const server = () => ({
    protocol: r.pick(['imap', 'smtp', 'pop3', 7, null]),
    host: r.pick(['127.0.0.1', 'imap.test', 'localhost', '10.0.0.1', 'x'.repeat(300), '邮件.test', '[::1]', '0x7f.1', 'a b', '']),
    port: r.pick([closedPort, 993, 0, -1, 70000, '993', 1.5]),
    security: r.pick(['ssl', 'starttls', 'none', []]),
  });
  return r.pick([
    () => JSON.stringify({ email: 'a@company.cn', password: 'pw', servers: [server()] }),
    () => JSON.stringify({ email: 'a@company.cn', servers: Array.from({ length: r.int(7) }, server) }),
    () => `{"email":"a@company.cn","lang":${deep(r.int(7_000))},"servers":[]}`,
    () => JSON.stringify({ email: r.pick(['', '@', 'a@b', 'x'.repeat(300)]), provider: r.pick(['netease', 'NOPE', 'x'.repeat(100)]), servers: [] }),
    () => '{"email":',
    () => 'null',
    () => '[]',
    () => `"${'\\u0000'.repeat(50)}"`,
  ])();
}

// Each part of a request is usually well-formed and sometimes not, so that most requests get
// past the parser into the handlers, and every kind of breakage still comes up often.
function request(r: Random, closedPort: number, host: string): Piece[] {
  const method = r.chance(0.85)
    ? r.pick(['GET', 'GET', 'GET', 'HEAD', 'POST', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PATCH', 'PROPFIND'])
    : r.pick(['get', 'G ET', '', 'X'.repeat(300), 'CONNECT']);
  const target = r.chance(0.1) ? r.pick(['*', 'nonsense', 'http://[/x', 'http://a b/x', '/a b', '']) : r.pick([
    '/',
    '/index.html',
    '/youxiang/204-x',
    '/en',
    '/en/',
    '/assets/app.js',
    '/assets/../index.html',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/.env',
    '/%',
    '/%00',
    '/\\..\\..\\',
    '//',
    '*',
    `/${'a'.repeat(r.pick([10, 3_000, 20_000]))}`,
    '/api/probe',
    '/api/probe/',
    '/api/detect?domain=qq.com',
    `/api/detect?domain=${r.pick(['163.com', 'company.cn', 'foo.localhost', 'x', '%', '1.0.0.127.in-addr.arpa', '例子.cn', 'a'.repeat(300)])}`,
    '/api/detect?email=a@163.com&lang=en',
    '/api',
    '/api/nothing',
    `http://${host}/api/detect?domain=163.com`,
    `http://${host}/index.html`,
  ]);
  const version = r.chance(0.9) ? r.pick(['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0']) : r.pick(['HTTP/2.0', 'HTTP/9.9', '', 'HTTP/1.1 extra']);
  const headers: string[] = [];
  const add = (name: string, value: string) => headers.push(`${name}: ${value}`);
  if (r.chance(0.85)) add('Host', host);
  else
    r.pick([
      () => add('Host', r.pick(['a b', '127.0.0.1:99999', '[', '[::1]', '', 'ä.cn', 'x'.repeat(2_000), 'x:', ':80'])),
      () => (add('Host', host), add('Host', 'second.example')),
      () => undefined,
    ])();
  if (r.chance(0.3)) add('Range', r.pick(['bytes=10-5', 'bytes=-5', 'bytes=-0', 'bytes=0-', 'bytes=a-b', 'bytes=--1', 'bytes=0-1,2-3,4-5', 'bytes=99999999999999999999-', 'bytes=0-18446744073709551615', 'items=0-1', 'bytes=', `bytes=${'0-0,'.repeat(500)}0-0`]));
  if (r.chance(0.3)) add('Accept-Encoding', r.pick(['br;q=0', 'gzip;q=0', '*', '*;q=0', 'br;q=abc', 'gzip, deflate, br', 'identity;q=0', ',,,;;;', 'x'.repeat(1_000)]));
  if (r.chance(0.15)) add(r.pick(['If-None-Match', 'If-Modified-Since', 'If-Range', 'If-Match', 'If-Unmodified-Since']), r.pick(['*', 'W/"x"', 'garbage', 'Thu, 01 Jan 1970 00:00:00 GMT', '"a", "b"']));
  if (r.chance(0.3)) add('Origin', r.pick([`http://${host}`, 'http://evil.example', 'null', '', 'not a url', `https://${host}`]));
  if (r.chance(0.3)) add('Content-Type', r.pick(['application/json', 'application/json; charset=utf-8', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'APPLICATION/JSON', ';;']));
  if (r.chance(0.1)) add('X-Forwarded-For', r.pick(['1.2.3.4', 'garbage, , ,', 'x'.repeat(500)]));
  if (r.chance(0.05)) add('Expect', '100-continue');
  if (r.chance(0.05)) add('Connection', r.pick(['close', 'Upgrade', 'keep-alive, Upgrade']));
  if (r.chance(0.05)) add('Upgrade', 'websocket');
  if (r.chance(0.03)) add('X-Big', 'v'.repeat(r.pick([100, 20_000])));
  if (r.chance(0.02)) headers.push(r.pick(['Bad Header: x', 'NoColon', 'X-Ctl: a\u0001b', ': empty-name']));

  let body = '';
  const framing = r.chance(0.8)
    ? r.pick(['none', 'none', 'length', 'length', 'chunked', 'short', 'huge'])
    : r.pick(['bad-chunked', 'both', 'negative']);
  if (framing !== 'none') body = r.chance(0.7) ? jsonBody(r, closedPort) : r.bytes(r.int(200)).toString('latin1');
  switch (framing) {
    case 'length':
      add('Content-Length', String(Buffer.byteLength(body, 'latin1')));
      break;
    case 'short':
      add('Content-Length', String(Buffer.byteLength(body, 'latin1') + 1 + r.int(400)));
      break;
    case 'chunked':
      add('Transfer-Encoding', 'chunked');
      body = `${Buffer.byteLength(body, 'latin1').toString(16)}\r\n${body}\r\n0\r\n\r\n`;
      break;
    case 'bad-chunked':
      add('Transfer-Encoding', r.pick(['chunked', 'gzip, chunked', 'chunked, identity']));
      body = `zz\r\n${body}`;
      break;
    case 'both':
      add('Content-Length', '5');
      add('Transfer-Encoding', 'chunked');
      break;
    case 'negative':
      add('Content-Length', r.pick(['-1', 'abc', '1, 2', '99999999999999999999']));
      break;
    case 'huge':
      add('Content-Length', String(r.pick([20_000, 2_000_000])));
      body = 'x'.repeat(r.int(30_000));
      break;
  }

  const text = `${method} ${target} ${version}`.replace(/ +$/, '');
  const head = Buffer.from(`${text}\r\n${headers.join('\r\n')}${headers.length ? '\r\n' : ''}\r\n${body}`, 'latin1');
  return r.pick([
    () => [head],
    () => [head],
    () => [head],
    () => [head],
    () => [head],
    () => [head],
    // Pipelined: a second request on the same connection.
    () => [head, `GET / HTTP/1.1\r\nHost: ${host}\r\n\r\n`],
    // Split at a random byte, as a slow network would.
    () => {
      const at = r.int(head.length);
      return [head.subarray(0, at), { pauseMs: r.int(50) }, head.subarray(at)];
    },
    // Garbage, or garbage after a valid request line.
    () => [r.bytes(r.int(2_000))],
    () => [Buffer.concat([Buffer.from(`GET / HTTP/1.1\r\nHost: ${host}\r\n`), r.bytes(r.int(500))])],
  ])();
}

let site: string;
let dns: TestDnsServer;
let closedPort: number;
const servers: Partial<Record<keyof typeof REQUESTS, RunningServer>> = {};

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'youxiang-fuzz-'));
  mkdirSync(join(site, 'assets'));
  mkdirSync(join(site, 'en'));
  mkdirSync(join(site, 'youxiang'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><script>var theme=1</script><h1>首页</h1>');
  writeFileSync(join(site, 'youxiang', '204-x.html'), '<h1>网易</h1>');
  writeFileSync(join(site, '404.html'), '<h1>找不到页面</h1>');
  writeFileSync(join(site, 'en', '404.html'), '<h1>Page not found</h1>');
  writeFileSync(join(site, '.env'), 'SECRET=1');
  const script = 'console.log("asset")'.repeat(100);
  writeFileSync(join(site, 'assets', 'app.js'), script);
  writeFileSync(join(site, 'assets', 'app.js.br'), brotliCompressSync(script));
  writeFileSync(join(site, 'assets', 'app.js.gz'), gzipSync(script));
  // Every name is unknown here, so detection and probes never ask a resolver on the internet.
  dns = await startDnsServer({});
  // A port nothing listens on: probes that pass every check are refused at once.
  closedPort = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  const env = {
    PROBE_ALLOW_LOOPBACK: '1',
    PROBE_DNS_SERVERS: dns.address,
    PROBE_PORTS: String(closedPort),
    PROBE_DEADLINE_MS: '1500',
    PROBE_RATE_LIMIT: '1000000',
  };
  [servers.node, servers['api-only']] = await Promise.all([startServer('node', { ...env, SITE_DIR: site }), startServer('api-only', env)]);
}, 60_000);

afterAll(async () => {
  await Promise.all([servers.node?.stop(), servers['api-only']?.stop(), dns?.close()]);
  rmSync(site, { recursive: true, force: true });
});

describe.each(Object.keys(REQUESTS) as (keyof typeof REQUESTS)[])('fuzzing %s', (entry) => {
  it(`survives ${REQUESTS[entry]} random malformed requests (seed ${SEED}) and still answers`, async () => {
    const server = servers[entry]!;
    const host = new URL(server.origin).host;
    const r = random(SEED + REQUESTS[entry]);
    const statuses = new Map<number | string, number>();
    let sent = 0;
    const worker = async () => {
      while (sent < REQUESTS[entry]) {
        sent += 1;
        const { responses, closed } = await exchange(server.origin, request(r, closedPort, host), { waitMs: PER_REQUEST_MS, responses: 1 });
        const key = responses[0]?.status ?? closed;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    expect(server.alive()).toBe(true);
    // Malformed input is answered as such: refusals, not server errors.
    expect(statuses.get(500) ?? 0).toBe(0);
    const detect = await fetch(`${server.origin}/api/detect?domain=163.com`);
    expect((await detect.json()).provider).toBe('netease-163');
    const probe = await fetch(`${server.origin}/api/probe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'a@company.cn', servers: [{ protocol: 'imap', host: '127.0.0.1', port: closedPort, security: 'ssl' }] }),
    });
    expect((await probe.json()).results[0].error.code).toBe('TCP_REFUSED');
    if (entry === 'node') {
      const page = await fetch(`${server.origin}/youxiang/204-x`);
      expect(await page.text()).toContain('网易');
    }
  }, 240_000);
});
