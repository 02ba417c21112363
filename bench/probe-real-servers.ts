// Benchmark, not a test (timings are never asserted): median time of a full IMAP+SMTP
// probe with a password against Dovecot and smtp-server on loopback, against a bare
// TLS connect-and-read-greeting on the same two servers.
//   npx tsx bench/probe-real-servers.ts [runs]
import type { AddressInfo } from 'node:net';
import { connect } from 'node:tls';
import { SMTPServer } from 'smtp-server';
import { probeServer } from '../probe/probe';
import { createCertificates } from '../tests/support/certs';
import { startDovecot } from '../tests/support/dovecot';
import { testProbeOptions } from '../tests/support/probe-env';

const USER = 'sales@company.test';
const PASSWORD = 'bench-password';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function greet(port: number, ca: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, ca }, () => socket.once('data', () => (socket.destroy(), resolve())));
    socket.on('error', reject);
  });
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2]) || 30;
  const certs = createCertificates(['127.0.0.1']);
  const dovecot = await startDovecot({ users: { [USER]: PASSWORD }, tls: certs.valid });
  const smtp = new SMTPServer({
    secure: true, key: certs.valid.key, cert: certs.valid.cert, logger: false, authMethods: ['PLAIN', 'LOGIN'],
    onAuth: (auth, _s, cb) => cb(null, { user: auth.username }),
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const options = testProbeOptions({ ports: [dovecot.imapsPort, smtpPort], ca: certs.ca, email: USER, password: PASSWORD, deadlineMs: 20_000 });

  const full: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    let t = performance.now();
    const results = await Promise.all([
      probeServer({ protocol: 'imap', host: '127.0.0.1', port: dovecot.imapsPort, security: 'ssl' }, options),
      probeServer({ protocol: 'smtp', host: '127.0.0.1', port: smtpPort, security: 'ssl' }, options),
    ]);
    const fullMs = performance.now() - t;
    if (!results.every((r) => r.ok)) throw new Error(JSON.stringify(results.map((r) => r.error)));
    t = performance.now();
    await Promise.all([greet(dovecot.imapsPort, certs.ca), greet(smtpPort, certs.ca)]);
    const bareMs = performance.now() - t;
    // The first runs warm up TLS session code and Dovecot's processes.
    if (i >= 3) {
      full.push(fullMs);
      bare.push(bareMs);
    }
  }
  process.stdout.write(
    `${JSON.stringify({ runs, fullProbeMedianMs: +median(full).toFixed(1), bareTlsGreetMedianMs: +median(bare).toFixed(1), ratio: +(median(full) / median(bare)).toFixed(2) })}\n`,
  );
  await dovecot.stop();
  await new Promise<void>((r) => smtp.close(() => r()));
  certs.cleanup();
}

main();
