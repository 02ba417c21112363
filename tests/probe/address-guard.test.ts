import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockedPort, blockedReason, DEFAULT_PORTS, foldHost, hostKey, parseHost, specialUseReason } from '../../probe/address-guard';
import { probeServer } from '../../probe/probe';
import { startDnsServer, type TestDnsServer } from '../support/dns-server';
import { testProbeOptions } from '../support/probe-env';

const strict = { allowLoopback: false };
const loopbackOk = { allowLoopback: true };

function verdict(host: string, policy = strict): string | null {
  const parsed = parseHost(host);
  if (parsed.kind === 'invalid') return 'invalid';
  if (parsed.kind === 'name') return null;
  return blockedReason(parsed.address, policy);
}

describe('address guard', () => {
  it.each([
    ['2130706433', 'loopback'],
    ['0x7f.1', 'loopback'],
    ['0x7f000001', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['0177.1', 'loopback'],
    ['127.1', 'loopback'],
    ['127.0.0.1.', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0', 'unspecified'],
    ['0.0.0.0', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['012.1.2.3', 'private'],
    ['167772161', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['0xc0.0xa8.1.1', 'private'],
    ['100.64.0.1', 'carrier-grade'],
    ['100.127.255.255', 'carrier-grade'],
    ['169.254.169.254', 'link-local'],
    ['0xa9fea9fe', 'link-local'],
    ['192.0.0.8', 'IETF'],
    ['192.0.2.1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['192.88.99.1', '6to4'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'IPv4-mapped'],
    ['::ffff:7f00:1', 'IPv4-mapped'],
    ['::ffff:8.8.8.8', 'IPv4-mapped'],
    ['[::ffff:169.254.169.254]', 'IPv4-mapped'],
    ['::127.0.0.1', 'IPv4-compatible'],
    ['64:ff9b::7f00:1', 'NAT64'],
    ['64:ff9b:1::a00:1', 'NAT64'],
    ['2002:7f00:1::', '6to4'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['100::1', 'reserved'],
  ])('refuses %s (%s)', (host, reason) => {
    expect(verdict(host)).toContain(reason);
  });

  it.each(['fe80::1%eth0', '08.0.0.1', '1.2.3.4.5', '999.1.1.1', '0x1g.1', 'bad host', '-x.test'])('rejects the malformed host %s', (host) => {
    expect(verdict(host)).toBe('invalid');
  });

  it.each(['8.8.8.8', '223.5.5.5', '0x08080808', '2606:4700::1111', '2400:3200::1', 'imap.qiye.163.com'])('allows the public target %s', (host) => {
    expect(verdict(host)).toBeNull();
  });

  it('PROBE_ALLOW_LOOPBACK opens 127.0.0.0/8 and ::1 and nothing else', () => {
    for (const host of ['127.0.0.1', '2130706433', '127.1', '::1']) expect(verdict(host, loopbackOk)).toBeNull();
    for (const host of ['10.0.0.1', '169.254.169.254', '0.0.0.0', '::ffff:127.0.0.1', '::', 'fe80::1', '192.168.0.1']) {
      expect(verdict(host, loopbackOk)).not.toBeNull();
    }
  });

  it.each([
    ['localhost', 'localhost'],
    ['LOCALHOST', 'localhost'],
    ['localhost.', 'localhost'],
    ['foo.localhost', 'localhost'],
    ['corp.internal', 'internal'],
    ['metadata.google.internal', 'internal'],
    ['printer.local', 'local'],
    ['1.0.0.127.in-addr.arpa', 'arpa'],
    ['router.home.arpa', 'arpa'],
    ['imap.test', 'test'],
    ['mail.invalid', 'invalid'],
    ['mail.example', 'example'],
    ['facebookcorewwwi.onion', 'onion'],
    ['mail.alt', 'alt'],
    ['mailserver', 'single-label'],
  ])('refuses the special-use name %s by name (%s)', (host, reason) => {
    const parsed = parseHost(host);
    expect(parsed.kind).toBe('name');
    expect(specialUseReason((parsed as { name: string }).name, strict)).toContain(reason);
  });

  it('lets names under .test, and no other special-use name, through under the test switch', () => {
    expect(specialUseReason('imap.test', loopbackOk)).toBeNull();
    for (const name of ['localhost', 'foo.localhost', 'corp.internal', 'printer.local', 'mail.invalid', 'mailserver']) {
      expect(specialUseReason(name, loopbackOk)).not.toBeNull();
    }
    for (const name of ['imap.qiye.163.com', 'imap.exmail.qq.com', 'test.example.cn']) expect(specialUseReason(name, strict)).toBeNull();
  });

  it('spells one host one way: case, trailing dot, IP spellings', () => {
    expect(parseHost('IMAP.xn--fsqu00a.CN')).toEqual({ kind: 'name', name: 'imap.xn--fsqu00a.cn' });
    expect(new Set(['imap.x.cn', 'IMAP.x.cn.', ' imap.X.cn '].map(hostKey)).size).toBe(1);
    expect(hostKey('127.1')).toBe(hostKey('0x7f.0.0.1'));
    expect(hostKey('[::1]')).toBe(hostKey('0:0:0:0:0:0:0:1'));
    expect(parseHost('imap.\u0000.cn').kind).toBe('invalid');
  });

  // The probe tests the name the reader will type into the binding form, and the guard judges
  // the name dialled: neither is a name folded out of another spelling.
  it.each(['ｉｍａｐ.qiye.163.com', 'imap。qiye。163。com', 'imap．qiye．163．com', '１２７．０．０．１', '127。0。0。1', 'ｌｏｃａｌｈｏｓｔ', '例子.cn', 'imap.qq.com\u200b'])(
    'takes %s as not a host, rather than folding it into ASCII',
    (host) => {
      expect(parseHost(host)).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('ASCII') });
    },
  );

  it('lets only the guide finder fold full-width and Chinese spellings, as browsers read them', () => {
    expect(foldHost('ｑｑ．ｃｏｍ')).toBe('qq.com');
    expect(foldHost('163。com')).toBe('163.com');
    expect(foldHost('例子.CN')).toBe('xn--fsqu00a.cn');
    expect(foldHost(' company.cn ')).toBe('company.cn');
  });

  it('allows only mail ports by default', () => {
    for (const port of [993, 143, 465, 587, 994]) expect(blockedPort(port, { ports: DEFAULT_PORTS })).toBeNull();
    for (const port of [25, 22, 80, 443, 6379, 11211]) expect(blockedPort(port, { ports: DEFAULT_PORTS })).toContain(`port ${port}`);
  });
});

describe('a blocked target is never connected to', () => {
  let listener: Server;
  let port: number;
  let accepted = 0;
  let dns: TestDnsServer;

  beforeAll(async () => {
    listener = createServer((socket) => {
      accepted += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as AddressInfo).port;
    dns = await startDnsServer({
      // Public-looking names: under the strict policy .test is refused before DNS is asked.
      'rebind.attacker.cn': { A: ['127.0.0.1'] },
      'mixed.attacker.cn': { A: ['8.8.8.8', '127.0.0.1'] },
      'mapped.attacker.cn': { AAAA: ['::ffff:127.0.0.1'] },
      localhost: { A: ['127.0.0.1'] },
      'printer.local': { A: ['127.0.0.1'] },
      'metadata.google.internal': { A: ['127.0.0.1'] },
    });
  });
  afterAll(async () => {
    await new Promise((r) => listener.close(r));
    await dns.close();
  });

  it.each(['127.0.0.1', '2130706433', '0x7f.1', '0177.0.0.1', '127.1', '[::ffff:127.0.0.1]', 'rebind.attacker.cn', 'mixed.attacker.cn', 'mapped.attacker.cn'])(
    '%s is refused as TARGET_BLOCKED and the listener sees nothing',
    async (host) => {
      const result = await probeServer(
        { protocol: 'imap', host, port, security: 'ssl' },
        testProbeOptions({ ports: [port], dnsServers: [dns.address], password: 'never-sent', policy: { allowLoopback: false, ports: [port] } }),
      );
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe('TARGET_BLOCKED');
      expect(result.stages.map((s) => s.name)).toEqual(['dns']);
      expect(accepted).toBe(0);
    },
  );

  // Under the test switch 127.0.0.1 itself may be probed, so a resolver answering localhost
  // would make the probe connect: the name is refused before DNS is asked at all.
  it.each(['localhost', 'LOCALHOST', 'localhost.', 'printer.local', 'metadata.google.internal'])(
    '%s is refused by name, before any DNS query, even under the test switch',
    async (host) => {
      const asked = dns.queries.length;
      const result = await probeServer(
        { protocol: 'imap', host, port, security: 'ssl' },
        testProbeOptions({ ports: [port], dnsServers: [dns.address], password: 'never-sent' }),
      );
      expect(result.error?.code).toBe('TARGET_BLOCKED');
      expect(result.error?.detail).toMatch(/special-use|single-label/);
      expect(dns.queries.length).toBe(asked);
      expect(accepted).toBe(0);
    },
  );

  // Under the test switch 127.0.0.1 may be probed, so only the spelling stops these.
  it.each(['１２７．０．０．１', '127。0。0。1', 'ｌｏｃａｌｈｏｓｔ'])('%s is not folded into a loopback name and probed, even under the test switch', async (host) => {
    const asked = dns.queries.length;
    const result = await probeServer({ protocol: 'imap', host, port, security: 'ssl' }, testProbeOptions({ ports: [port], dnsServers: [dns.address], password: 'never-sent' }));
    expect(result.error?.code).toBe('TARGET_BLOCKED');
    expect(result.stages.map((s) => s.name)).toEqual(['dns']);
    expect(dns.queries.length).toBe(asked);
    expect(accepted).toBe(0);
  });

  it('a port outside the list is refused before DNS and before any connection', async () => {
    const result = await probeServer(
      { protocol: 'smtp', host: 'rebind.attacker.cn', port, security: 'ssl' },
      testProbeOptions({ ports: [993], dnsServers: [dns.address] }),
    );
    expect(result.error?.code).toBe('TARGET_BLOCKED');
    expect(result.error?.detail).toContain(`port ${port}`);
    expect(accepted).toBe(0);
  });
});
