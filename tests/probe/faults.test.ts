// TLS faults, wrong ports, silent and vanishing servers, DNS failures and the login
// mechanics, each against a real listener on loopback.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeServer } from '../../probe/probe';
import type { ProbeResult, Protocol, Security } from '../../probe/types';
import { createCertificates, type KeyPair, type TestCertificates } from '../support/certs';
import { startDnsServer, type TestDnsServer } from '../support/dns-server';
import { testProbeOptions } from '../support/probe-env';
import { startScriptedImap, startScriptedSmtp, type ImapScript, type ScriptedServer, type SmtpScript } from '../support/scripted-servers';

const PASSWORD = 'never-leaks-42';
let certs: TestCertificates;
let dns: TestDnsServer;
const servers: ScriptedServer[] = [];

beforeAll(async () => {
  certs = createCertificates(['imap.test', 'smtp.test']);
  dns = await startDnsServer({
    'imap.test': { A: ['127.0.0.1'] },
    'smtp.test': { A: ['127.0.0.1'] },
    'broken.test': { rcode: 2 },
  });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await dns.close();
  certs.cleanup();
});

async function imap(script: Partial<ImapScript> & Pick<ImapScript, 'security'>) {
  const server = await startScriptedImap({ tls: certs.valid, ...script });
  servers.push(server);
  return server;
}
async function smtp(script: Partial<SmtpScript> & Pick<SmtpScript, 'security'>) {
  const server = await startScriptedSmtp({ tls: certs.valid, ...script });
  servers.push(server);
  return server;
}

function probe(protocol: Protocol, port: number, security: Security, extra: Parameters<typeof testProbeOptions>[0] | object = {}): Promise<ProbeResult> {
  return probeServer(
    { protocol, host: `${protocol}.test`, port, security },
    testProbeOptions({ ports: [port], ca: certs.ca, dnsServers: [dns.address], password: PASSWORD, ...extra }),
  );
}

const stageNames = (r: ProbeResult) => r.stages.map((s) => `${s.name}:${s.ok ? 'ok' : 'fail'}`);

describe('certificates: the password is never sent over a connection that fails verification', () => {
  const cases: [string, (c: TestCertificates) => KeyPair, string][] = [
    ['expired', (c) => c.expired, 'TLS_CERT_EXPIRED'],
    ['self-signed', (c) => c.selfSigned, 'TLS_CERT_UNTRUSTED'],
    ['issued for another name', (c) => c.wrongName, 'TLS_HOSTNAME_MISMATCH'],
  ];
  for (const [protocol, security] of [['imap', 'ssl'], ['imap', 'starttls'], ['smtp', 'ssl'], ['smtp', 'starttls']] as const) {
    it.each(cases)(`${protocol} ${security}: %s → %s`, async (_, pick, code) => {
      const tls = pick(certs);
      const server = protocol === 'imap' ? await imap({ security, tls }) : await smtp({ security, tls });
      const result = await probe(protocol, server.port, security);
      expect(result.error?.code).toBe(code);
      expect(result.error?.stage).toBe('tls');
      expect(result.stages.at(-1)?.name).toBe('tls');
      expect(server.logins).toEqual([]);
      expect(server.received.join('\n')).not.toContain(PASSWORD);
    });
  }

  it('reports the certificate that failed', async () => {
    const server = await imap({ security: 'ssl', tls: certs.wrongName });
    const tls = (await probe('imap', server.port, 'ssl')).stages.find((s) => s.name === 'tls')?.tls;
    expect(tls).toMatchObject({ subject: 'wrong-name.invalid', names: ['wrong-name.invalid'], trusted: true, coversHost: false, issuer: 'Youxiang Test CA' });
    expect(tls?.protocol).toMatch(/^TLSv1\.[23]$/);
  });

  it('a valid certificate passes, STARTTLS included, and the login is encrypted', async () => {
    for (const server of [await imap({ security: 'starttls' }), await smtp({ security: 'starttls' })]) {
      const protocol = server === servers.at(-1) ? 'smtp' : 'imap';
      const result = await probe(protocol, server.port, 'starttls');
      expect(result.ok, JSON.stringify(result.error)).toBe(true);
      expect(stageNames(result)).toEqual(['dns:ok', 'tcp:ok', 'greeting:ok', 'tls:ok', 'capabilities:ok', 'auth:ok']);
      expect(server.logins).toEqual([{ mechanism: expect.any(String), user: 'sales@company.test', password: PASSWORD, encrypted: true }]);
    }
  });
});

describe('ports and protocols', () => {
  it('SSL against a plaintext port → TLS_FAILED', async () => {
    const server = await imap({ security: 'plain' });
    const result = await probe('imap', server.port, 'ssl');
    expect(result.error).toMatchObject({ code: 'TLS_FAILED', stage: 'tls' });
    expect(server.logins).toEqual([]);
  });

  it.each(['imap', 'smtp'] as const)('%s STARTTLS where the server offers none → STARTTLS_UNSUPPORTED, no password sent', async (protocol) => {
    const server = protocol === 'imap' ? await imap({ security: 'plain' }) : await smtp({ security: 'plain' });
    const result = await probe(protocol, server.port, 'starttls');
    expect(result.error).toMatchObject({ code: 'STARTTLS_UNSUPPORTED', stage: 'tls' });
    expect(server.logins).toEqual([]);
    expect(server.received.join('\n')).not.toContain(PASSWORD);
  });

  it('an SMTP banner on the IMAP side → PROTOCOL_MISMATCH with the banner', async () => {
    const server = await smtp({ security: 'ssl' });
    const result = await probe('imap', server.port, 'ssl');
    expect(result.error).toMatchObject({ code: 'PROTOCOL_MISMATCH', stage: 'greeting', serverText: '220 smtp.test ESMTP ready' });
  });

  it('an IMAP greeting on the SMTP side → PROTOCOL_MISMATCH', async () => {
    const server = await imap({ security: 'ssl' });
    const result = await probe('smtp', server.port, 'ssl');
    expect(result.error).toMatchObject({ code: 'PROTOCOL_MISMATCH', stage: 'greeting', serverText: '* OK IMAP ready' });
  });

  it('a server that never greets → GREETING_TIMEOUT', async () => {
    const server = await imap({ security: 'ssl', greeting: null });
    const result = await probe('imap', server.port, 'ssl', { deadlineMs: 1_000 });
    expect(result.error).toMatchObject({ code: 'GREETING_TIMEOUT', stage: 'greeting' });
  });

  it('a server that hangs up before the greeting → CONNECTION_CLOSED', async () => {
    const listener = createServer((socket) => socket.destroy());
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    const { port } = listener.address() as AddressInfo;
    const result = await probe('imap', port, 'starttls');
    listener.close();
    expect(result.error).toMatchObject({ code: 'CONNECTION_CLOSED', stage: 'greeting' });
  });

  it('an IMAP BYE greeting → CONNECTION_CLOSED with the server text', async () => {
    const server = await imap({ security: 'ssl', greeting: '* BYE Server shutting down.' });
    const result = await probe('imap', server.port, 'ssl');
    expect(result.error).toMatchObject({ code: 'CONNECTION_CLOSED', stage: 'greeting', serverText: '* BYE Server shutting down.' });
  });

  it('a login that is never answered → TIMEOUT, within the deadline', async () => {
    const server = await smtp({ security: 'ssl', auth: () => null });
    const started = Date.now();
    const result = await probe('smtp', server.port, 'ssl', { deadlineMs: 1_200 });
    expect(result.error).toMatchObject({ code: 'TIMEOUT', stage: 'auth' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('SMTP without AUTH → AUTH_MECHANISM_UNSUPPORTED, nothing sent', async () => {
    const server = await smtp({ security: 'ssl', extensions: ['SIZE 10240000', '8BITMIME'] });
    const result = await probe('smtp', server.port, 'ssl');
    expect(result.error).toMatchObject({ code: 'AUTH_MECHANISM_UNSUPPORTED', stage: 'auth' });
    expect(server.logins).toEqual([]);
  });

  it('without a password the probe stops after the capabilities and logs out politely', async () => {
    const server = await imap({ security: 'ssl' });
    const result = await probe('imap', server.port, 'ssl', { password: undefined });
    expect(result.ok).toBe(true);
    expect(result.stages.map((s) => s.name)).toEqual(['dns', 'tcp', 'tls', 'greeting', 'capabilities']);
    await expect.poll(() => server.received.at(-1)).toMatch(/LOGOUT$/);
    expect(server.logins).toEqual([]);
  });
});

describe('DNS and TCP', () => {
  it('an unknown name → DNS_NOT_FOUND', async () => {
    const result = await probeServer({ protocol: 'imap', host: 'missing.test', port: 993, security: 'ssl' }, testProbeOptions({ ports: [993], dnsServers: [dns.address] }));
    expect(result.error).toMatchObject({ code: 'DNS_NOT_FOUND', stage: 'dns' });
  });

  it('a resolver that fails → DNS_FAILED', async () => {
    const result = await probeServer({ protocol: 'imap', host: 'broken.test', port: 993, security: 'ssl' }, testProbeOptions({ ports: [993], dnsServers: [dns.address] }));
    expect(result.error).toMatchObject({ code: 'DNS_FAILED', stage: 'dns' });
  });

  it('a closed port → TCP_REFUSED', async () => {
    const listener = createServer();
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    const { port } = listener.address() as AddressInfo;
    await new Promise((r) => listener.close(r));
    const result = await probe('imap', port, 'ssl');
    expect(result.error).toMatchObject({ code: 'TCP_REFUSED', stage: 'tcp' });
  });

  describe('a listener whose accept queue is full drops the SYN', () => {
    let child: ChildProcess;
    let port: number;
    const fillers: Socket[] = [];
    beforeAll(async () => {
      // A stopped process never accepts, so once its backlog is full the kernel drops new SYNs.
      child = spawn(process.execPath, ['-e', "require('net').createServer().listen({port:0,host:'127.0.0.1',backlog:1},function(){console.log(this.address().port)})"]);
      port = Number(await new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d)))));
      child.kill('SIGSTOP');
      for (let i = 0; i < 4; i++) {
        const s = connect({ host: '127.0.0.1', port });
        s.on('error', () => undefined);
        fillers.push(s);
      }
      await new Promise((r) => setTimeout(r, 200));
    });
    afterAll(() => {
      fillers.forEach((s) => s.destroy());
      child.kill('SIGKILL');
    });

    it('→ TCP_TIMEOUT', async () => {
      const result = await probe('imap', port, 'ssl', { deadlineMs: 1_000 });
      expect(result.error).toMatchObject({ code: 'TCP_TIMEOUT', stage: 'tcp' });
    });
  });
});

describe('login mechanics', () => {
  it.each([
    ['quotes and backslashes', 'a"b\\c d'],
    ['non-ASCII (sent as a literal)', 'pässwörd-密码'],
    ['a CR/LF (literal)', 'line\r\nbreak'],
  ])('IMAP LOGIN carries a password with %s exactly', async (_, password) => {
    for (const capabilities of [['IMAP4rev1'], ['IMAP4rev1', 'LITERAL+']]) {
      const server = await imap({ security: 'ssl', capabilities });
      const result = await probe('imap', server.port, 'ssl', { password });
      expect(result.ok, JSON.stringify(result.error)).toBe(true);
      expect(server.logins).toEqual([{ mechanism: 'LOGIN', user: 'sales@company.test', password, encrypted: true }]);
    }
  });

  it('IMAP with LOGINDISABLED uses AUTHENTICATE PLAIN', async () => {
    const server = await imap({ security: 'ssl', capabilities: ['IMAP4rev1', 'LOGINDISABLED', 'AUTH=PLAIN'] });
    expect((await probe('imap', server.port, 'ssl')).ok).toBe(true);
    expect(server.logins).toEqual([{ mechanism: 'PLAIN', user: 'sales@company.test', password: PASSWORD, encrypted: true }]);
  });

  it('IMAP with LOGINDISABLED and no PLAIN → AUTH_MECHANISM_UNSUPPORTED', async () => {
    const server = await imap({ security: 'ssl', capabilities: ['IMAP4rev1', 'LOGINDISABLED', 'AUTH=XOAUTH2'] });
    expect((await probe('imap', server.port, 'ssl')).error?.code).toBe('AUTH_MECHANISM_UNSUPPORTED');
    expect(server.logins).toEqual([]);
  });

  it('SMTP uses AUTH LOGIN when PLAIN is not offered', async () => {
    const server = await smtp({ security: 'ssl', extensions: ['AUTH LOGIN'] });
    expect((await probe('smtp', server.port, 'ssl')).ok).toBe(true);
    expect(server.logins).toEqual([{ mechanism: 'LOGIN', user: 'sales@company.test', password: PASSWORD, encrypted: true }]);
  });

  it('makes exactly one login attempt per server, even when it fails', async () => {
    const server = await smtp({ security: 'ssl', auth: () => '535 5.7.8 Authentication credentials invalid' });
    const result = await probe('smtp', server.port, 'ssl');
    expect(result.error?.code).toBe('AUTH_FAILED');
    expect(server.logins).toHaveLength(1);
    expect(server.connections).toBe(1);
  });
});
