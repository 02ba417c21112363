// The Node adapter end to end, as `npm run serve` runs it: a child process serving a
// small built site and the API, trusting the test CA through NODE_EXTRA_CA_CERTS.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificates, type TestCertificates } from '../support/certs';
import { startDnsServer, type TestDnsServer } from '../support/dns-server';
import { startScriptedSmtp, type ScriptedServer } from '../support/scripted-servers';

const PASSWORD = 'adapter-Secret-77';
let certs: TestCertificates;
let dns: TestDnsServer;
let smtp: ScriptedServer;
let site: string;
let child: ChildProcess;
let base: string;
let stdout = '';

beforeAll(async () => {
  certs = createCertificates(['smtp.test']);
  dns = await startDnsServer({ 'smtp.test': { A: ['127.0.0.1'] } });
  smtp = await startScriptedSmtp({ security: 'ssl', tls: certs.valid });
  site = mkdtempSync(join(tmpdir(), 'youxiang-site-'));
  mkdirSync(join(site, 'youxiang'));
  mkdirSync(join(site, 'en'));
  mkdirSync(join(site, 'assets'));
  writeFileSync(join(site, 'index.html'), '<h1>首页</h1>');
  writeFileSync(join(site, 'youxiang', '204-x.html'), '<h1>网易</h1>');
  writeFileSync(join(site, '404.html'), '<h1>找不到页面</h1>');
  writeFileSync(join(site, 'en', 'index.html'), '<h1>Home</h1>');
  writeFileSync(join(site, 'en', '404.html'), '<h1>Page not found</h1>');
  const script = 'console.log("hello from a compressed asset")'.repeat(20);
  writeFileSync(join(site, 'assets', 'app.js'), script);
  writeFileSync(join(site, 'assets', 'app.js.br'), brotliCompressSync(script));
  child = spawn(join('node_modules', '.bin', 'tsx'), ['server/node.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      SITE_DIR: site,
      NODE_EXTRA_CA_CERTS: certs.caFile,
      PROBE_ALLOW_LOOPBACK: '1',
      PROBE_PORTS: String(smtp.port),
      PROBE_DNS_SERVERS: dns.address,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  base = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const match = /"listening":"([^"]+)"/.exec(stdout);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}, 60_000);

afterAll(async () => {
  child?.kill('SIGTERM');
  await Promise.all([smtp.close(), dns.close()]);
  rmSync(site, { recursive: true, force: true });
  certs.cleanup();
});

describe('server/node.ts', () => {
  it('probes through the API, trusting NODE_EXTRA_CA_CERTS, and logs without the password', async () => {
    const response = await fetch(`${base}/api/probe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'sales@company.cn', password: PASSWORD, servers: [{ protocol: 'smtp', host: 'smtp.test', port: smtp.port, security: 'ssl' }] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { results } = await response.json();
    expect(results[0]).toMatchObject({ ok: true, error: null });
    expect(smtp.logins).toEqual([expect.objectContaining({ password: PASSWORD, encrypted: true })]);
    await new Promise((r) => setTimeout(r, 100));
    expect(stdout).toContain('"path":"/api/probe"');
    expect(stdout).not.toContain(PASSWORD);
  });

  it('serves trailing-slash-free pages as .html', async () => {
    const response = await fetch(`${base}/youxiang/204-x`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('网易');
    expect((await fetch(`${base}/en`)).status).toBe(200);
  });

  it('answers unknown paths with the 404 page of their locale', async () => {
    const zh = await fetch(`${base}/youxiang/nope`);
    expect(zh.status).toBe(404);
    expect(await zh.text()).toContain('找不到页面');
    const en = await fetch(`${base}/en/youxiang/nope`);
    expect(en.status).toBe(404);
    expect(await en.text()).toContain('Page not found');
  });

  it('serves the precompressed .br sibling when the client accepts it', async () => {
    const response = await fetch(`${base}/assets/app.js`, { headers: { 'Accept-Encoding': 'br' } });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(await response.text()).toContain('hello from a compressed asset');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('keeps serving through a rebuild: a removed page is a 404, a new one is served', async () => {
    writeFileSync(join(site, 'youxiang', '205-y.html'), '<h1>腾讯</h1>');
    unlinkSync(join(site, 'youxiang', '204-x.html'));
    expect((await fetch(`${base}/youxiang/204-x`)).status).toBe(404);
    const added = await fetch(`${base}/youxiang/205-y`);
    expect(added.status).toBe(200);
    expect(await added.text()).toContain('腾讯');
    expect(child.exitCode).toBeNull();
    writeFileSync(join(site, 'youxiang', '204-x.html'), '<h1>网易</h1>');
  });

  it('asks browsers to revalidate pages, which are not fingerprinted', async () => {
    const response = await fetch(`${base}/youxiang/205-y`);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('etag')).toBeTruthy();
  });

  it('unknown API paths are JSON 404s, not the site', async () => {
    const response = await fetch(`${base}/api/nothing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});
