// The success paths against real server software: Debian's Dovecot for IMAP (implicit
// TLS and STARTTLS), the smtp-server package for SMTP.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeServer } from '../../probe/probe';
import { createCertificates, type TestCertificates } from '../support/certs';
import { dovecotAvailable, startDovecot, type TestDovecot } from '../support/dovecot';
import { testProbeOptions } from '../support/probe-env';

const USER = 'sales@company.test';
const PASSWORD = 'Dove "cot" \\ 密码';
let certs: TestCertificates;

beforeAll(() => {
  certs = createCertificates(['localhost', '127.0.0.1']);
});
afterAll(() => certs.cleanup());

describe.runIf(dovecotAvailable())('Dovecot', () => {
  let dovecot: TestDovecot;
  beforeAll(async () => {
    dovecot = await startDovecot({ users: { [USER]: PASSWORD }, tls: certs.valid });
  }, 20_000);
  afterAll(() => dovecot?.stop());

  const options = (password: string) => testProbeOptions({ ports: [dovecot.imapsPort, dovecot.imapPort], ca: certs.ca, email: USER, password });

  it('logs in over implicit TLS', async () => {
    const result = await probeServer({ protocol: 'imap', host: '127.0.0.1', port: dovecot.imapsPort, security: 'ssl' }, options(PASSWORD));
    expect(result.ok, `${JSON.stringify(result.error)}\n${dovecot.log()}`).toBe(true);
    expect(result.stages.find((s) => s.name === 'capabilities')?.capabilities).toContain('IMAP4REV1');
  });

  it('logs in with STARTTLS on the 143-style port', async () => {
    const result = await probeServer({ protocol: 'imap', host: '127.0.0.1', port: dovecot.imapPort, security: 'starttls' }, options(PASSWORD));
    expect(result.ok, JSON.stringify(result.error)).toBe(true);
    expect(result.stages.map((s) => s.name)).toEqual(['dns', 'tcp', 'greeting', 'tls', 'capabilities', 'auth']);
  });

  it('reports a wrong password as AUTH_FAILED with Dovecot’s words', async () => {
    const result = await probeServer({ protocol: 'imap', host: '127.0.0.1', port: dovecot.imapsPort, security: 'ssl' }, options('wrong-password'));
    expect(result.error).toMatchObject({ code: 'AUTH_FAILED', stage: 'auth', providerCode: null });
    expect(result.error?.serverText).toMatch(/AUTHENTICATIONFAILED/);
    expect(result.error?.help).toBe('/en/youxiang/300-bangding-cuowu-mailbox-binding-errors#auth-failed');
  });

  it('SSL on the STARTTLS port fails the handshake instead of sending anything', async () => {
    const result = await probeServer({ protocol: 'imap', host: '127.0.0.1', port: dovecot.imapPort, security: 'ssl' }, options(PASSWORD));
    expect(result.error?.code).toBe('TLS_FAILED');
  });
});

describe('smtp-server', () => {
  let server: SMTPServer;
  let port: number;
  const attempts: string[] = [];
  beforeAll(async () => {
    server = new SMTPServer({
      secure: true,
      key: certs.valid.key,
      cert: certs.valid.cert,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth(auth, _session, callback) {
        attempts.push(auth.username ?? '');
        if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
        else callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('logs in over implicit TLS', async () => {
    const result = await probeServer({ protocol: 'smtp', host: '127.0.0.1', port, security: 'ssl' }, testProbeOptions({ ports: [port], ca: certs.ca, email: USER, password: PASSWORD }));
    expect(result.ok, JSON.stringify(result.error)).toBe(true);
  });

  it('reports a rejected login as AUTH_FAILED, after one attempt', async () => {
    attempts.length = 0;
    const result = await probeServer({ protocol: 'smtp', host: '127.0.0.1', port, security: 'ssl' }, testProbeOptions({ ports: [port], ca: certs.ca, email: USER, password: 'nope' }));
    expect(result.error).toMatchObject({ code: 'AUTH_FAILED', stage: 'auth', serverText: '535 Authentication credentials invalid' });
    expect(attempts).toEqual([USER]);
  });
});
