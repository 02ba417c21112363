// The handler called directly with web Requests, probing real loopback servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler, type HandlerOptions } from '../../server/handler';
import { MAX_BODY_BYTES } from '../../server/limits';
import { createCertificates, type TestCertificates } from '../support/certs';
import { startDnsServer, type TestDnsServer } from '../support/dns-server';
import { startScriptedImap, startScriptedSmtp, type ScriptedServer } from '../support/scripted-servers';

const PASSWORD = 'Top-Secret-Pa55word';
let certs: TestCertificates;
let dns: TestDnsServer;
let imap: ScriptedServer;
let smtp: ScriptedServer;
let silent: ScriptedServer;

beforeAll(async () => {
  certs = createCertificates(['imap.test', 'smtp.test']);
  dns = await startDnsServer({
    'imap.test': { A: ['127.0.0.1'] },
    'smtp.test': { A: ['127.0.0.1'] },
    'company.cn': { MX: [{ exchange: 'qiye163mx02.mxmail.netease.com', priority: 20 }, { exchange: 'qiye163mx01.mxmail.netease.com', priority: 10 }] },
    'contoso.test': { MX: [{ exchange: 'contoso-test.mail.protection.outlook.com', priority: 0 }] },
    'elsewhere.test': { MX: [{ exchange: 'mx.elsewhere.test', priority: 10 }] },
    'broken.test': { rcode: 2 },
    // Names that are not on the internet, answered as a careless or internal resolver might.
    ...Object.fromEntries(
      ['foo.localhost', 'corp.internal', 'metadata.google.internal', 'printer.local', '1.0.0.127.in-addr.arpa'].map((name) => [
        name,
        { A: ['127.0.0.1'], MX: [{ exchange: 'qiye163mx01.mxmail.netease.com', priority: 10 }] },
      ]),
    ),
  });
  // The IMAP server echoes the password back, as a careless server might.
  imap = await startScriptedImap({ security: 'ssl', tls: certs.valid, login: (l) => `NO [UNAVAILABLE] ERR.LOGIN.IPDENY for ${l.password}` });
  smtp = await startScriptedSmtp({ security: 'ssl', tls: certs.valid, auth: () => '535 5.7.0 ERR.LOGIN.REQCODE' });
  silent = await startScriptedImap({ security: 'ssl', tls: certs.valid, greeting: null });
});
afterAll(async () => {
  await Promise.all([imap.close(), smtp.close(), silent.close(), dns.close()]);
  certs.cleanup();
});

function setup(overrides: HandlerOptions = {}) {
  const logs: string[] = [];
  const handler = createHandler({
    policy: { allowLoopback: true, ports: [imap.port, smtp.port, silent.port, 993] },
    dnsServers: [dns.address],
    extraCa: [certs.ca],
    deadlineMs: 3_000,
    rateLimit: 100,
    rateWindowMs: 60_000,
    maxConcurrent: 16,
    trustProxy: 0,
    log: (line) => logs.push(line),
    ...overrides,
  });
  const call = (body: unknown, { headers, ...init }: Omit<RequestInit, 'headers'> & { client?: string; headers?: Record<string, string> } = {}) =>
    handler(
      new Request('http://checker.test/api/probe', {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        headers: { 'Content-Type': 'application/json', ...headers },
        ...init,
      }),
      { remoteAddress: init.client ?? '192.0.2.10' },
    );
  const detect = (query: string, client = '192.0.2.10') => handler(new Request(`http://checker.test/api/detect?${query}`), { remoteAddress: client });
  return { handler, call, detect, logs };
}

const body = () => ({
  email: 'sales@company.cn',
  password: PASSWORD,
  lang: 'en',
  servers: [
    { protocol: 'imap', host: 'imap.test', port: imap.port, security: 'ssl' },
    { protocol: 'smtp', host: 'smtp.test', port: smtp.port, security: 'ssl' },
  ],
});

// Invalid requests never reach a server, so their port does not matter.
const fixed = {
  email: 'sales@company.cn',
  password: PASSWORD,
  servers: [{ protocol: 'imap', host: 'imap.test', port: 993, security: 'ssl' }],
};

describe('POST /api/probe', () => {
  it('probes the servers in parallel and explains each result; nothing leaks the password', async () => {
    const { call, logs } = setup();
    const response = await call(body());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    const { results } = JSON.parse(text);
    expect(results.map((r: { protocol: string; error: { code: string } }) => [r.protocol, r.error.code])).toEqual([
      ['imap', 'AUTH_IP_DENIED'],
      ['smtp', 'AUTH_CODE_REQUIRED'],
    ]);
    expect(results[0].error).toMatchObject({
      stage: 'auth',
      providerCode: 'ERR.LOGIN.IPDENY',
      serverText: 'NO [UNAVAILABLE] ERR.LOGIN.IPDENY for ***',
      help: '/en/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox#lift-ip-restriction',
    });
    expect(text).not.toContain(PASSWORD);
    expect(logs).toHaveLength(1);
    expect(logs[0]).not.toContain(PASSWORD);
    expect(logs[0]).not.toContain('sales@');
    const entry = JSON.parse(logs[0]);
    expect(entry).toMatchObject({ path: '/api/probe', status: 200, email: 's***@company.cn' });
    expect(entry.servers.map((s: { code: string }) => s.code)).toEqual(['AUTH_IP_DENIED', 'AUTH_CODE_REQUIRED']);
  });

  it('refuses a private target with TARGET_BLOCKED and the Chinese text by default', async () => {
    const { call } = setup({ policy: { allowLoopback: false, ports: [993] } });
    const response = await call({ email: 'a@company.cn', servers: [{ protocol: 'imap', host: '0x7f.1', port: 993, security: 'ssl' }] });
    const { results } = await response.json();
    expect(results[0].error).toMatchObject({ code: 'TARGET_BLOCKED', help: '/youxiang/300-bangding-cuowu-mailbox-binding-errors#target-blocked' });
    expect(results[0].error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([
    ['plaintext', { ...fixed, servers: [{ protocol: 'imap', host: 'imap.test', port: 143, security: 'none' }] }, /security.*"ssl", "starttls"/],
    ['no servers', { ...fixed, servers: [] }, /\/servers/],
    ['five servers', { ...fixed, servers: Array.from({ length: 5 }, (_, i) => ({ protocol: 'imap', host: `h${i}.test`, port: 993, security: 'ssl' })) }, /\/servers/],
    ['a bad email', { ...fixed, email: 'not-an-address' }, /\/email/],
    ['an unknown field', { ...fixed, debug: true }, /unknown field "debug"/],
    ['a port out of range', { ...fixed, servers: [{ protocol: 'smtp', host: 'smtp.test', port: 70000, security: 'ssl' }] }, /\/servers\/0\/port/],
    ['an unknown provider', { ...fixed, provider: 'nosuch' }, /not a provider in the registry/],
    ['the same server twice', { ...fixed, servers: [fixed.servers[0], fixed.servers[0]] }, /repeats imap imap\.test/],
    ['the same server in another case, with a trailing dot', { ...fixed, servers: [fixed.servers[0], { ...fixed.servers[0], host: 'IMAP.test.' }] }, /repeats imap imap\.test 993/],
    ['a host in Chinese, naming its xn-- form', { ...fixed, servers: [{ ...fixed.servers[0], host: '邮件.test' }] }, /"邮" \(U\+90AE\), "件" \(U\+4EF6\).*send "xn--5nq051n\.test" instead/],
    ['invalid JSON', '{"email":', /not valid JSON/],
  ])('400 for %s, with a list of problems', async (_, payload, problem) => {
    const { call } = setup();
    const connectionsBefore = imap.connections + smtp.connections;
    const response = await call(payload);
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const json = await response.json();
    expect(Array.isArray(json.problems)).toBe(true);
    expect(json.problems.join('\n')).toMatch(problem);
    expect(JSON.stringify(json)).not.toContain(PASSWORD);
    expect(imap.connections + smtp.connections).toBe(connectionsBefore);
  });

  // Issue 18: a spelling the binding form may not read is never folded into ASCII and probed;
  // the 400 names the characters and the ASCII spelling. The test switch allows loopback, so on
  // a server that folded, 127.0.0.1 and imap.test would be probed.
  it.each([
    ['１２７．０．０．１', '"１" (U+FF11)', '127.0.0.1'],
    ['127。0。0。1', '"。" (U+3002)', '127.0.0.1'],
    ['ｉｍａｐ.test', '"ｉ" (U+FF49)', 'imap.test'],
    ['imap｡test', '"｡" (U+FF61)', 'imap.test'],
    ['imap.te\u200bst', 'the invisible U+200B', 'imap.test'],
  ])('400 for the host %s, naming %s and the ASCII spelling; nothing is resolved or probed', async (host, named, ascii) => {
    const { call } = setup();
    const asked = dns.queries.length;
    const connectionsBefore = imap.connections + smtp.connections;
    const response = await call({ ...body(), servers: [{ protocol: 'imap', host, port: imap.port, security: 'ssl' }] });
    expect(response.status).toBe(400);
    const { error, problems } = await response.json();
    expect(error).toContain('plain ASCII');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('/servers/0/host');
    expect(problems[0]).toContain(named);
    expect(problems[0]).toContain(`send "${ascii}" instead`);
    expect(dns.queries.length).toBe(asked);
    expect(imap.connections + smtp.connections).toBe(connectionsBefore);
  });

  it.each([
    ['ｓａｌｅｓ＠company.cn', '"＠" (U+FF20)', 'send "sales@company.cn" instead'],
    ['sales@company。cn', '"。" (U+3002)', 'send "sales@company.cn" instead'],
    ['销售@company.cn', '"销" (U+9500)', 'retype it with an English keyboard'],
  ])('400 for the address %s, naming %s, in words rather than a validator\'s', async (email, named, fix) => {
    const { call } = setup();
    const response = await call({ ...body(), email });
    expect(response.status).toBe(400);
    const { problems } = await response.json();
    expect(problems).toEqual([expect.stringContaining(named)]);
    expect(problems[0]).toContain('/email');
    expect(problems[0]).toContain(fix);
    expect(problems[0]).not.toMatch(/must match|format/);
  });

  it('keeps a spelling refusal short, however the value is written', async () => {
    const { call } = setup();
    const host = `${'ｍ'.repeat(250)}.cn`;
    const response = await call({ email: `${'ｓ'.repeat(240)}@company.cn`, servers: [{ protocol: 'imap', host, port: 993, security: 'ssl' }, { protocol: 'smtp', host: '\u200b'.repeat(255), port: 465, security: 'ssl' }] });
    expect(response.status).toBe(400);
    const { problems } = await response.json();
    expect(problems).toHaveLength(3);
    for (const problem of problems) expect(problem.length).toBeLessThan(700);
  });

  // 7,000 levels fit in the 16 KiB body; formatting the error once walked them all and overflowed the stack.
  const deepArray = `${'['.repeat(7_000)}"ssl"${']'.repeat(7_000)}`;
  it.each([
    ['lang', `{"email":"a@company.cn","lang":${deepArray},"servers":[{"protocol":"imap","host":"imap.test","port":993,"security":"ssl"}]}`],
    ['protocol', `{"email":"a@company.cn","servers":[{"protocol":${deepArray},"host":"imap.test","port":993,"security":"ssl"}]}`],
    ['security', `{"email":"a@company.cn","servers":[{"protocol":"imap","host":"imap.test","port":993,"security":${deepArray}}]}`],
  ])('400, not 500, for a 7,000-deep array in %s', async (field, payload) => {
    const { call } = setup();
    const response = await call(payload);
    expect(response.status).toBe(400);
    const { problems } = await response.json();
    expect(problems.join('\n')).toContain(`${field} is an array, which is not allowed`);
  });

  it('quotes at most a short piece of what it refuses', async () => {
    const { call } = setup();
    const response = await call({ ...fixed, ['x'.repeat(5_000)]: 1, lang: 'y'.repeat(5_000) });
    expect(response.status).toBe(400);
    const { problems } = await response.json();
    expect(problems).toHaveLength(2);
    for (const problem of problems) expect(problem.length).toBeLessThan(300);
  });

  it('405 for other methods, with Allow', async () => {
    const { handler } = setup();
    const response = await handler(new Request('http://checker.test/api/probe'), { remoteAddress: '192.0.2.1' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('413 for a body over 16 KiB, declared or not', async () => {
    const { call, handler } = setup();
    const big = JSON.stringify({ ...body(), padding: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await call(big)).status).toBe(413);
    const declared = await handler(
      new Request('http://checker.test/api/probe', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json', 'Content-Length': String(MAX_BODY_BYTES + 1) } }),
      { remoteAddress: '192.0.2.1' },
    );
    expect(declared.status).toBe(413);
    expect(declared.headers.get('cache-control')).toBe('no-store');
  });

  it('429 with Retry-After once a client passes its limit; other clients are not affected', async () => {
    const { call } = setup({ rateLimit: 2 });
    const request = { email: 'a@company.cn', servers: [{ protocol: 'imap', host: '10.0.0.1', port: 993, security: 'ssl' }] };
    expect((await call(request)).status).toBe(200);
    expect((await call(request)).status).toBe(200);
    const limited = await call(request);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('cache-control')).toBe('no-store');
    expect((await call(request, { client: '198.51.100.1' })).status).toBe(200);
  });

  it('behind a proxy, counts the address the proxy saw, not what the client wrote before it', async () => {
    const request = { email: 'a@company.cn', servers: [{ protocol: 'imap', host: '10.0.0.1', port: 993, security: 'ssl' }] };
    // The proxy (10.0.0.2, the TCP peer) appends the address it received the request from.
    const via = (forwarded: string) => ({ headers: { 'X-Forwarded-For': forwarded }, client: '10.0.0.2' });
    const one = setup({ rateLimit: 1, trustProxy: 1 });
    expect((await one.call(request, via('203.0.113.1, 198.51.100.7'))).status).toBe(200);
    expect((await one.call(request, via('203.0.113.2, 198.51.100.7'))).status).toBe(429);
    expect((await one.call(request, via('198.51.100.7'))).status).toBe(429);
    expect((await one.call(request, via('203.0.113.1, 198.51.100.8'))).status).toBe(200);
    expect(JSON.parse(one.logs[0]).client).toBe('198.51.100.7');

    // Two proxies: the outer one wrote the second entry from the right.
    const two = setup({ rateLimit: 1, trustProxy: 2 });
    expect((await two.call(request, via('203.0.113.1, 198.51.100.7, 10.0.0.3'))).status).toBe(200);
    expect((await two.call(request, via('203.0.113.9, 198.51.100.7, 10.0.0.4'))).status).toBe(429);
  });

  it('keys the limit on the socket address; X-Forwarded-For only with TRUST_PROXY', async () => {
    const request = { email: 'a@company.cn', servers: [{ protocol: 'imap', host: '10.0.0.1', port: 993, security: 'ssl' }] };
    const spoofed = (n: number) => ({ headers: { 'X-Forwarded-For': `203.0.113.${n}` } });
    const direct = setup({ rateLimit: 1 });
    expect((await direct.call(request, spoofed(1))).status).toBe(200);
    expect((await direct.call(request, spoofed(2))).status).toBe(429);
    const proxied = setup({ rateLimit: 1, trustProxy: 1 });
    expect((await proxied.call(request, spoofed(1))).status).toBe(200);
    expect((await proxied.call(request, spoofed(2))).status).toBe(200);
    expect((await proxied.call(request, spoofed(2))).status).toBe(429);
  });

  it('503 with Retry-After when every probe slot is busy', async () => {
    const { call } = setup({ maxConcurrent: 1, deadlineMs: 1_500 });
    const slow = call({ email: 'a@company.cn', servers: [{ protocol: 'imap', host: 'imap.test', port: silent.port, security: 'ssl' }] });
    await new Promise((r) => setTimeout(r, 100));
    const busy = await call(body(), { client: '198.51.100.2' });
    expect(busy.status).toBe(503);
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(busy.headers.get('cache-control')).toBe('no-store');
    const first = await (await slow).json();
    expect(first.results[0].error.code).toBe('GREETING_TIMEOUT');
  });
});

describe('who may call the endpoint', () => {
  const blocked = { email: 'a@company.cn', servers: [{ protocol: 'imap', host: '10.0.0.1', port: 993, security: 'ssl' }] };
  const connections = () => imap.connections + smtp.connections;

  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
  ])('415 for a body sent as %s, which browsers send cross-origin without asking first; nothing is probed', async (_, type) => {
    const { call } = setup();
    const before = connections();
    const response = await call(body(), { headers: { 'Content-Type': type } });
    expect(response.status).toBe(415);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await response.json()).error).toContain('application/json');
    expect(connections()).toBe(before);
  });

  it.each(['application/json', 'text/plain'])('403 for a page on another origin (%s): nothing is read, resolved or sent', async (type) => {
    const { call, logs } = setup();
    const before = connections();
    const asked = dns.queries.length;
    const response = await call(body(), { headers: { 'Content-Type': type, Origin: 'http://evil.example' } });
    expect(response.status).toBe(403);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await response.json()).error).toMatch(/http:\/\/evil\.example.*PROBE_ALLOWED_ORIGINS/);
    expect(connections()).toBe(before);
    expect(dns.queries.length).toBe(asked);
    expect(JSON.parse(logs[0])).toMatchObject({ status: 403, origin: 'http://evil.example' });
  });

  it('serves its own origin, requests without Origin, and listed origins with CORS headers', async () => {
    const { call } = setup({ allowedOrigins: ['https://laifa.xin'] });
    const own = await call(blocked, { headers: { Origin: 'http://checker.test' } });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
    expect((await call(blocked)).status).toBe(200);
    const listed = await call(blocked, { headers: { Origin: 'https://laifa.xin' }, client: '198.51.100.3' });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://laifa.xin');
    expect(listed.headers.get('vary')).toBe('Origin');
    // The same host on another scheme or port is another origin.
    expect((await call(blocked, { headers: { Origin: 'https://checker.test' } })).status).toBe(403);
    expect((await call(blocked, { headers: { Origin: 'http://checker.test:8080' } })).status).toBe(403);
  });

  it("answers a listed origin's preflight and refuses a foreign one", async () => {
    const { handler } = setup({ allowedOrigins: ['https://laifa.xin'] });
    const preflight = (origin: string) =>
      handler(new Request('http://checker.test/api/probe', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } }));
    const listed = await preflight('https://laifa.xin');
    expect(listed.status).toBe(204);
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://laifa.xin');
    expect(listed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(listed.headers.get('access-control-allow-headers')).toBe('Content-Type');
    expect((await preflight('http://evil.example')).status).toBe(403);
  });

  it('refuses /api/detect from a foreign page before asking DNS', async () => {
    const { handler } = setup();
    const asked = dns.queries.length;
    const response = await handler(new Request('http://checker.test/api/detect?domain=company.cn', { headers: { Origin: 'http://evil.example' } }), { remoteAddress: '192.0.2.10' });
    expect(response.status).toBe(403);
    expect(dns.queries.length).toBe(asked);
  });
});

describe('GET /api/detect', () => {
  it('recognises a provider by MX host, against the loopback DNS server', async () => {
    const { detect } = setup();
    const response = await detect('domain=company.cn');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      domain: 'company.cn',
      provider: 'netease',
      guide: '/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox',
      mx: [
        { host: 'qiye163mx01.mxmail.netease.com', priority: 10 },
        { host: 'qiye163mx02.mxmail.netease.com', priority: 20 },
      ],
      error: null,
    });
  });

  it('matches *.suffix patterns and links a guide that is a section to that section, in the reader\'s language', async () => {
    const { detect } = setup();
    expect(await (await detect('domain=contoso.test&lang=en')).json()).toMatchObject({ provider: 'microsoft365', guide: '/en/youxiang/200-qiyeyouxiang-enterprise-mailbox#microsoft-365' });
  });

  it('knows personal mail domains without asking DNS', async () => {
    const { detect } = setup();
    const before = dns.queries.length;
    expect(await (await detect('email=someone@163.com&lang=en')).json()).toMatchObject({ domain: '163.com', provider: 'netease-163', mx: [] });
    expect(dns.queries.length).toBe(before);
  });

  it('answers null for an unknown host, and flags a DNS failure', async () => {
    const { detect } = setup();
    expect(await (await detect('domain=elsewhere.test')).json()).toMatchObject({ provider: null, guide: null, mx: [{ host: 'mx.elsewhere.test', priority: 10 }] });
    expect(await (await detect('domain=missing.test')).json()).toMatchObject({ provider: null, mx: [], error: null });
    expect(await (await detect('domain=broken.test')).json()).toMatchObject({ provider: null, error: 'DNS_FAILED' });
  });

  it.each(['foo.localhost', 'corp.internal', 'metadata.google.internal', 'printer.local', '1.0.0.127.in-addr.arpa'])(
    '400 for %s, which is not on the internet, without asking DNS',
    async (domain) => {
      const { detect } = setup();
      const asked = dns.queries.length;
      const response = await detect(`domain=${domain}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'TARGET_BLOCKED', problems: [expect.stringContaining('special-use')] });
      expect(dns.queries.length).toBe(asked);
    },
  );

  it('reads a domain typed in full-width characters, since it only picks a guide', async () => {
    const { detect } = setup();
    expect(await (await detect(`domain=${encodeURIComponent('ｑｑ．ｃｏｍ')}`)).json()).toMatchObject({ domain: 'qq.com', provider: 'qq' });
    expect(await (await detect(`email=${encodeURIComponent('li＠１６３。com')}`)).json()).toMatchObject({ domain: '163.com', provider: 'netease-163' });
  });

  it('400 for something that is not a domain, 405 for POST', async () => {
    const { detect, handler } = setup();
    expect((await detect('domain=not a domain')).status).toBe(400);
    expect((await handler(new Request('http://checker.test/api/detect?domain=a.cn', { method: 'POST' }))).status).toBe(405);
  });
});
