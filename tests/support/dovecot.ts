/**
 * Runs Debian's Dovecot (package dovecot-imapd) as a private instance for a test:
 * its own config, base_dir, state and mail under a temp dir, loopback listeners on
 * free high ports (implicit TLS like 993, STARTTLS like 143), users from a passwd-file.
 *
 *   const dovecot = await startDovecot({ users: { 'sales@company.test': 'secret' }, tls: certs.valid });
 *   dovecot.imapsPort, dovecot.imapPort; await dovecot.stop();
 *
 * `dovecotAvailable()` tells tests whether the binary is installed (.ci/run installs it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { KeyPair } from './certs';

export const DOVECOT_BINARY = '/usr/sbin/dovecot';

export function dovecotAvailable(): boolean {
  return existsSync(DOVECOT_BINARY);
}

export interface TestDovecot {
  imapsPort: number;
  imapPort: number;
  dir: string;
  /** Dovecot's own log, for a failing test's message. */
  log(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

export async function startDovecot(options: { users: Record<string, string>; tls: KeyPair }): Promise<TestDovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'youxiang-dovecot-'));
  // Dovecot's unprivileged login and mail processes must reach files under the temp dir.
  chmodSync(dir, 0o755);
  const root = process.getuid?.() === 0;
  // As root, Dovecot drops to its package users for logins and to nobody for mail;
  // as anyone else, everything runs as that user.
  const me = userInfo();
  const mailUid = root ? 65534 : me.uid;
  const mailGid = root ? 65534 : me.gid;
  const home = join(dir, 'home');
  mkdirSync(home);
  if (root) chownSync(home, mailUid, mailGid);
  const [imapsPort, imapPort] = [await freePort(), await freePort()];
  writeFileSync(join(dir, 'passwd'), Object.entries(options.users).map(([u, p]) => `${u}:{PLAIN}${p}::::::\n`).join(''));
  chmodSync(join(dir, 'passwd'), 0o644);
  const dh = '/usr/share/dovecot/dh.pem';
  const config = [
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `instance_name = youxiang-test-${imapsPort}`,
    `log_path = ${dir}/dovecot.log`,
    'protocols = imap',
    'listen = 127.0.0.1',
    'ssl = yes',
    `ssl_cert = <${options.tls.certFile}`,
    `ssl_key = <${options.tls.keyFile}`,
    existsSync(dh) ? `ssl_dh = <${dh}` : '',
    'disable_plaintext_auth = yes',
    'auth_mechanisms = plain login',
    `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN ${dir}/passwd\n}`,
    `userdb {\n  driver = static\n  args = uid=${mailUid} gid=${mailGid} home=${home}/%u\n}`,
    'mail_location = maildir:~/Maildir',
    'namespace inbox {\n  inbox = yes\n}',
    'first_valid_uid = 1',
    root ? '' : `default_login_user = ${me.username}\ndefault_internal_user = ${me.username}`,
    `service imap-login {\n  inet_listener imap {\n    port = ${imapPort}\n  }\n  inet_listener imaps {\n    port = ${imapsPort}\n    ssl = yes\n  }\n}`,
    // Tests look at the first failure, not Dovecot's penalty for repeated ones.
    'auth_failure_delay = 0',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'dovecot.conf'), config);
  const child: ChildProcess = spawn(DOVECOT_BINARY, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const log = () => `${stderr}${existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : ''}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    if ((await accepts(imapsPort)) && (await accepts(imapPort))) return { imapsPort, imapPort, dir, log, stop };
    await new Promise((r) => setTimeout(r, 50));
  }
  const output = log();
  await stop();
  throw new Error(`Dovecot did not start:\n${output}`);
}
