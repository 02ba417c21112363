// Hostile and malformed traffic against the real servers, as `npm run serve` and `npm run api`
// run them (child processes), over raw sockets where fetch cannot express the request. Each
// block is one numbered point of issue 8; every request that once killed the process is
// followed by a check that the process still answers.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../support/headers-file';
import { exchange, request, type RawResponse } from '../support/raw-http';
import { startServer, type RunningServer } from '../support/serve';
import { root } from '../support/site';

const INLINE_SCRIPT = 'document.documentElement.dataset.theme="light"';
const PAGE = `<!doctype html><html><head><script>${INLINE_SCRIPT}</script></head><body><h1>首页</h1></body></html>`;
const SCRIPT = 'console.log("a fingerprinted asset");'.repeat(50);

let site: string;
let outside: string;
let listener: Server;
let listenerPort: number;
let accepted = 0;
let web: RunningServer;
let api: RunningServer;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'youxiang-hardening-'));
  outside = mkdtempSync(join(tmpdir(), 'youxiang-outside-'));
  for (const dir of ['assets', 'en', 'youxiang']) mkdirSync(join(site, dir));
  writeFileSync(join(site, 'index.html'), PAGE);
  writeFileSync(join(site, 'youxiang', '204-x.html'), '<h1>网易</h1>');
  writeFileSync(join(site, '404.html'), '<h1>找不到页面</h1>');
  writeFileSync(join(site, 'en', '404.html'), '<h1>Page not found</h1>');
  writeFileSync(join(site, 'assets', 'app.js'), SCRIPT);
  writeFileSync(join(site, 'assets', 'app.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(join(site, 'assets', 'app.js.gz'), gzipSync(SCRIPT));
  writeFileSync(join(site, '.env'), 'SECRET=dotfile');
  writeFileSync(join(outside, 'secret.html'), '<h1>outside the site</h1>');
  symlinkSync(join(outside, 'secret.html'), join(site, 'leak.html'));
  symlinkSync(outside, join(site, 'elsewhere'));

  // Stands in for a mail server: it must never see a connection from a refused request.
  listener = createServer((socket) => {
    accepted += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  listenerPort = (listener.address() as AddressInfo).port;

  const env = { PROBE_ALLOW_LOOPBACK: '1', PROBE_PORTS: String(listenerPort), PROBE_RATE_LIMIT: '1000', PROBE_DEADLINE_MS: '2000' };
  [web, api] = await Promise.all([startServer('node', { ...env, SITE_DIR: site }), startServer('api-only', env)]);
}, 60_000);

afterAll(async () => {
  await Promise.all([web?.stop(), api?.stop(), new Promise((r) => listener?.close(r))]);
  rmSync(site, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  `GET ${path} HTTP/1.1\r\nHost: x\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;

async function expectHealthy(server: RunningServer): Promise<void> {
  expect(server.alive()).toBe(true);
  const response = await fetch(`${server.origin}/api/detect?domain=163.com`);
  expect(response.status).toBe(200);
  expect((await response.json()).provider).toBe('netease-163');
}

describe('1. no single request takes the server down', () => {
  it.each([
    { what: 'an inverted Range', text: get('/index.html', { Range: 'bytes=10-5' }), status: 416 },
    { what: 'TRACE on the API', text: 'TRACE /api/probe HTTP/1.1\r\nHost: x\r\n\r\n', status: 405 },
    { what: 'a Host with a space', text: 'GET /api/detect?domain=qq.com HTTP/1.1\r\nHost: a b\r\n\r\n', status: 400 },
    { what: 'a Host with port 99999', text: 'GET /api/detect?domain=qq.com HTTP/1.1\r\nHost: 127.0.0.1:99999\r\n\r\n', status: 400 },
    { what: 'a Host of "["', text: 'GET /api/detect?domain=qq.com HTTP/1.1\r\nHost: [\r\n\r\n', status: 400 },
    { what: 'CONNECT', text: 'CONNECT mail.example.com:993 HTTP/1.1\r\nHost: mail.example.com:993\r\n\r\n', status: 501 },
  ])('$what is answered $status and the server keeps serving', async ({ text, status }) => {
    expect((await request(web.origin, text)).status).toBe(status);
    await expectHealthy(web);
  });

  it('npm run api takes an absolute-form request line', async () => {
    const { host } = new URL(api.origin);
    const response = await request(api.origin, `GET http://${host}/api/detect?domain=163.com HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString()).provider).toBe('netease-163');
    await expectHealthy(api);
  });
});

describe('2. no web page makes its visitors run logins', () => {
  // Addressed to the server as a browser on its pages would address it: Host is its own.
  const probe = (headers: Record<string, string>) => {
    const body = JSON.stringify({ email: 'a@company.cn', password: 'pw', servers: [{ protocol: 'smtp', host: '127.0.0.1', port: listenerPort, security: 'ssl' }] });
    const lines = Object.entries({ Host: new URL(web.origin).host, ...headers, 'Content-Length': String(Buffer.byteLength(body)) }).map(([k, v]) => `${k}: ${v}\r\n`);
    return `POST /api/probe HTTP/1.1\r\n${lines.join('')}\r\n${body}`;
  };

  it('a text/plain POST from another origin is refused and connects nowhere', async () => {
    const before = accepted;
    const response = await request(web.origin, probe({ 'Content-Type': 'text/plain', Origin: 'http://evil.example' }));
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body.toString()).error).toContain('http://evil.example');
    expect((await request(web.origin, probe({ 'Content-Type': 'application/json', Origin: 'http://evil.example' }))).status).toBe(403);
    expect((await request(web.origin, probe({ 'Content-Type': 'text/plain' }))).status).toBe(415);
    expect(accepted).toBe(before);
  });

  it('the same request as JSON from the site itself does reach the server', async () => {
    const before = accepted;
    const response = await request(web.origin, probe({ 'Content-Type': 'application/json', Origin: web.origin }), { waitMs: 5_000 });
    expect(response.status).toBe(200);
    expect(accepted).toBe(before + 1);
  });
});

describe('3. every limit has a clock', () => {
  const post = 'POST /api/probe HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n';

  // The four run side by side; each would be held for minutes by a server without the clock.
  it('a stalled or trickled body, stalled headers and an idle connection are each answered and closed', async () => {
    const trickle = Array.from({ length: 9 }, () => [{ pauseMs: 2_000 }, 'x']).flat();
    const [stalled, trickled, headers, idle] = await Promise.all([
      exchange(web.origin, [post, '{"email":'], { waitMs: 15_000 }),
      exchange(web.origin, [post, '{"email":', ...trickle], { waitMs: 15_000 }),
      exchange(web.origin, ['GET / HTTP/1.1\r\nHost: x\r\n'], { waitMs: 15_000 }),
      exchange(web.origin, [get('/youxiang/204-x')], { waitMs: 15_000 }),
    ]);
    for (const body of [stalled, trickled]) {
      expect(body.closed).toBe('by-server');
      expect(body.responses.map((r) => [r.status, r.headers.connection])).toEqual([[408, 'close']]);
      expect(JSON.parse(body.responses[0].body.toString()).error).toContain('did not arrive');
    }
    expect(headers.closed).toBe('by-server');
    expect(headers.responses.map((r) => r.status)).toEqual([408]);
    expect(idle.closed).toBe('by-server');
    expect(idle.responses.map((r) => r.status)).toEqual([200]);
  }, 30_000);
});

describe('7. HTTP details', () => {
  const decoded = (response: RawResponse) => {
    const encoding = response.headers['content-encoding'];
    if (encoding === 'br') return brotliDecompressSync(response.body).toString();
    if (encoding === 'gzip') return gunzipSync(response.body).toString();
    return response.body.toString();
  };

  it.each([
    ['br;q=0', undefined],
    ['gzip;q=0', undefined],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0, br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['*;q=0', undefined],
  ])('Accept-Encoding: %s gets %s', async (accept, encoding) => {
    const response = await request(web.origin, get('/assets/app.js', { 'Accept-Encoding': accept }));
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(response.headers.vary).toContain('Accept-Encoding');
    expect(decoded(response)).toBe(SCRIPT);
  });

  it.each([
    ['bytes=-5', 206, PAGE.slice(-5)],
    ['bytes=0-4', 206, PAGE.slice(0, 5)],
    ['bytes=5-', 206, PAGE.slice(5)],
    ['bytes=-100000', 206, PAGE],
    ['bytes=0-1,3-4', 200, PAGE],
    ['bytes=10-5', 416, null],
    ['bytes=100000-', 416, null],
    ['bytes=0-18446744073709551615', 206, PAGE],
  ])('Range: %s is answered %i with the bytes it names', async (range, status, body) => {
    const response = await request(web.origin, get('/index.html', { Range: range }));
    expect(response.status).toBe(status);
    if (body !== null) expect(response.body.toString()).toBe(body);
    if (status === 416) expect(response.headers['content-range']).toBe(`bytes */${Buffer.byteLength(PAGE)}`);
  });

  it.each(['/assets/../index.html', '/assets/%2e%2e/index.html'])('%s is the page, revalidated, not an immutable asset', async (path) => {
    const response = await request(web.origin, get(path));
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe(PAGE);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('a refused large body closes the connection, and the client reads the 413', async () => {
    const body = 'x'.repeat(200_000);
    const refused = await exchange(
      web.origin,
      [`POST /api/probe HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`, body, { pauseMs: 100 }, get('/')],
      { waitMs: 5_000 },
    );
    expect(refused.closed).toBe('by-server');
    expect(refused.responses.map((r) => [r.status, r.headers.connection])).toEqual([[413, 'close']]);
    expect((await request(web.origin, get('/'))).status).toBe(200);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('%s on a page is 405 with Allow', async (method) => {
    const response = await request(web.origin, `${method} /youxiang/204-x HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}`);
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
    expect(response.body.toString()).not.toContain('网易');
  });

  it.each(['/.env', '/leak.html', '/leak', '/elsewhere/secret.html'])('%s (a dotfile or a symlink out of the site) is not served', async (path) => {
    const response = await request(web.origin, get(path));
    expect(response.status).toBe(404);
    expect(response.body.toString()).toContain('找不到页面');
  });
});

// Issue 18: a body over the limit is refused as soon as that is known, and the refusal reaches a
// client that is still sending (the server reads and discards for a while before it closes).
describe('9. a body over the limit always gets its 413', () => {
  const head = (framing: string) => `POST /api/probe HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${framing}\r\n`;
  const refused = (answer: { responses: RawResponse[]; closed: string }) => {
    expect(answer.responses.map((r) => [r.status, r.headers.connection])).toEqual([[413, 'close']]);
    expect(JSON.parse(answer.responses[0].body.toString()).error).toContain('larger than');
    expect(answer.closed).toBe('by-server');
  };

  // Longer than the 10 s body clock: a server that waited for the body would answer 408.
  it('a declared length over the limit is answered 413 before any of the body is sent', async () => {
    refused(await exchange(web.origin, [head('Content-Length: 20000\r\n')], { waitMs: 15_000 }));
  }, 20_000);

  it('a chunked body with no length is answered 413 once it crosses the limit, though it goes on', async () => {
    const chunk = `${(4096).toString(16)}\r\n${'x'.repeat(4096)}\r\n`;
    refused(await exchange(web.origin, [head('Transfer-Encoding: chunked\r\n'), ...Array(5).fill(chunk)], { waitMs: 15_000 }));
  }, 20_000);

  // Without the lingering close the server's kernel answers the bytes still coming with a
  // reset, and this client's next write fails before it has read anything.
  it('a client that reads only after sending its whole 2 MB body reads the 413, and then the close', async () => {
    const pieces = Array.from({ length: 20 }, () => ['x'.repeat(100_000), { pauseMs: 5 }]).flat();
    for (let i = 0; i < 3; i++) {
      refused(await exchange(web.origin, [head('Content-Length: 2000000\r\n'), ...pieces], { waitMs: 10_000, readAfterSending: true }));
    }
  }, 40_000);

  it("Node's fetch posting 2 MB of JSON reads the 413, 20 times out of 20", async () => {
    const body = JSON.stringify({ email: 'a@company.cn', servers: [], padding: 'x'.repeat(2_000_000) });
    const outcomes: (number | string)[] = [];
    for (let i = 0; i < 20; i++) {
      const answer = await fetch(`${api.origin}/api/probe`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).then(
        (r) => r.status,
        (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
      );
      outcomes.push(answer);
    }
    expect(outcomes).toEqual(Array(20).fill(413));
    await expectHealthy(api);
  }, 60_000);

  it('what follows a refused body is thrown away, not read as another request', async () => {
    const answer = await exchange(
      web.origin,
      [head('Content-Length: 20000\r\n'), 'x'.repeat(20_000), get('/'), get('/api/detect?domain=163.com')],
      { waitMs: 5_000 },
    );
    refused(answer);
    await expectHealthy(web);
  });
});

describe('8. security headers on pages', () => {
  const hash = `'sha256-${createHash('sha256').update(INLINE_SCRIPT).digest('base64')}'`;

  it.each([
    ['a page', '/', 200],
    ['a 404 page', '/youxiang/nope', 404],
  ])('%s cannot be framed or sniffed, leaks no path in Referer, and runs only its own scripts', async (_, path, status) => {
    const response = await request(web.origin, get(path));
    expect(response.status).toBe(status);
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
    const policies = response.headers['content-security-policy'].split(/\s*,\s*/);
    expect(policies[0]).toContain("frame-ancestors 'none'");
    expect(policies[1]).toBe(path === '/' ? `script-src 'self' ${hash}` : "script-src 'self'");
  });

  it('sends on pages and files what static/_headers has a static host send', async () => {
    const deploy = headersFor(parseHeadersFile(readFileSync(join(root, 'static', '_headers'), 'utf8')), '/');
    expect(Object.keys(deploy)).toHaveLength(4);
    for (const path of ['/', '/assets/app.js']) {
      const { headers } = await request(web.origin, get(path));
      for (const [name, value] of Object.entries(deploy)) {
        // A page adds its script policy as a second policy; the first is the deploy file's.
        expect(name === 'content-security-policy' ? headers[name].split(', ')[0] : headers[name]).toBe(value);
      }
    }
  });
});
