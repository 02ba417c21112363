/**
 * Certificates made at test time with the openssl CLI (Debian's ssl-cert, a dovecot
 * dependency, guarantees it): a CA and, for given host names, a valid leaf, an expired
 * leaf, a self-signed one and one issued for another name.
 *
 *   const certs = createCertificates(['imap.test', 'smtp.test']);
 *   tls server: { key: certs.valid.key, cert: certs.valid.cert }
 *   client: extraCa [certs.ca], or NODE_EXTRA_CA_CERTS=certs.caFile for a child process
 *   certs.cleanup() when done.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyPair {
  key: string;
  cert: string;
  keyFile: string;
  certFile: string;
}

export interface TestCertificates {
  dir: string;
  /** The CA certificate (PEM) that signs valid, expired and wrongName. */
  ca: string;
  caFile: string;
  valid: KeyPair;
  /** Signed by the CA, valid from 2020-01-01 to 2021-01-01. */
  expired: KeyPair;
  /** Signs itself; no CA vouches for it. */
  selfSigned: KeyPair;
  /** Signed by the CA for wrong-name.invalid only. */
  wrongName: KeyPair;
  cleanup(): void;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

function altNames(names: string[]): string {
  return names.map((n) => (/^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
}

export function createCertificates(names: string[]): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'youxiang-certs-'));
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl(dir, ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=Youxiang Test CA', '-days', '30']);
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');

  const issue = (id: string, leafNames: string[], start: string, end: string): KeyPair => {
    writeFileSync(
      join(dir, `${id}.cnf`),
      [
        '[ca]', 'default_ca = test',
        '[test]', 'database = index.txt', 'new_certs_dir = .', 'serial = serial', 'default_md = sha256',
        'policy = any', 'unique_subject = no', 'x509_extensions = leaf',
        '[any]', 'commonName = supplied',
        '[leaf]', `subjectAltName = ${altNames(leafNames)}`, 'basicConstraints = CA:false',
        'extendedKeyUsage = serverAuth',
      ].join('\n'),
    );
    openssl(dir, ['req', ...ec, '-keyout', `${id}.key`, '-out', `${id}.csr`, '-subj', `/CN=${leafNames[0]}`]);
    openssl(dir, ['ca', '-batch', '-config', `${id}.cnf`, '-cert', 'ca.crt', '-keyfile', 'ca.key', '-in', `${id}.csr`,
      '-out', `${id}.crt`, '-startdate', start, '-enddate', end, '-notext']);
    return pair(id);
  };
  const pair = (id: string): KeyPair => ({
    key: readFileSync(join(dir, `${id}.key`), 'utf8'),
    cert: readFileSync(join(dir, `${id}.crt`), 'utf8'),
    keyFile: join(dir, `${id}.key`),
    certFile: join(dir, `${id}.crt`),
  });

  const stamp = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  const now = Date.now();
  const from = stamp(new Date(now - 86_400_000));
  const to = stamp(new Date(now + 30 * 86_400_000));
  const valid = issue('valid', names, from, to);
  const expired = issue('expired', names, '20200101000000Z', '20210101000000Z');
  const wrongName = issue('wrong', ['wrong-name.invalid'], from, to);
  openssl(dir, ['req', '-x509', ...ec, '-keyout', 'self.key', '-out', 'self.crt', '-subj', `/CN=${names[0]}`,
    '-addext', `subjectAltName=${altNames(names)}`, '-days', '30']);
  return {
    dir,
    ca: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    caFile: join(dir, 'ca.crt'),
    valid,
    expired,
    selfSigned: pair('self'),
    wrongName,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
