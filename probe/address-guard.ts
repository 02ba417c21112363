// Decides which targets the probe may connect to. Anyone on the internet can call the
// endpoint, so it must not become a way into private networks: every address a name
// resolves to is checked, and an IP written in any spelling is normalised first.
import { isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';

/** Mail ports the probe connects to unless PROBE_PORTS says otherwise. */
export const DEFAULT_PORTS = [993, 143, 465, 587, 994];

export interface GuardPolicy {
  /** Allows 127.0.0.0/8 and ::1 (tests and local development); nothing else is relaxed. */
  allowLoopback: boolean;
  ports: readonly number[];
}

export type HostLiteral =
  | { kind: 'name'; name: string }
  | { kind: 'ip'; address: string; family: 4 | 6 }
  | { kind: 'invalid'; reason: string };

// A last label made only of digits or a 0x number means the whole host is an IPv4
// address in some spelling (RFC 3986 leaves it open; WHATWG and inet_aton both read it
// as an address), so it must never be treated as a DNS name.
const NUMERIC_LABEL = /^(0x[0-9a-f]*|[0-9]+)$/i;

const NOT_ASCII = /[^\x00-\x7f]/;

/**
 * Classifies what the user typed: a DNS name, an IP address (normalised), or nonsense. A name is
 * taken only as written in ASCII: `ｉｍａｐ.x.cn` or `imap。x。cn` is not folded into `imap.x.cn`,
 * since the probe must test the name the reader will type into the binding form, and the guard
 * must judge the name that is dialled.
 */
export function parseHost(input: string): HostLiteral {
  if (NOT_ASCII.test(input)) return { kind: 'invalid', reason: 'not plain ASCII; a Chinese domain is probed in its xn-- form' };
  let host = input.trim().toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (host.includes(':')) {
    if (host.includes('%')) return { kind: 'invalid', reason: 'IPv6 zone identifiers are not allowed' };
    if (!isIPv6(host)) return { kind: 'invalid', reason: 'not a valid IPv6 address' };
    return { kind: 'ip', address: formatIPv6(ipv6Bytes(host)), family: 6 };
  }
  const labels = host.replace(/\.$/, '').split('.');
  if (NUMERIC_LABEL.test(labels[labels.length - 1] ?? '')) {
    // The WHATWG URL parser implements the lenient IPv4 grammar (decimal 2130706433,
    // hex 0x7f.1, octal 0177.0.0.1, short 127.1) exactly as browsers and inet_aton do.
    try {
      const { hostname } = new URL(`http://${host}/`);
      if (/^\d+\.\d+\.\d+\.\d+$/.test(hostname)) return { kind: 'ip', address: hostname, family: 4 };
    } catch {
      // fall through: a numeric-looking host that is not a valid address
    }
    return { kind: 'invalid', reason: 'looks like an IPv4 address but is not a valid one' };
  }
  if (host.length > 253 || !labels.every((l) => /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/.test(l))) {
    return { kind: 'invalid', reason: 'not a valid host name' };
  }
  return { kind: 'name', name: labels.join('.') };
}

/**
 * The guide finder's reading of a typed domain: it only picks a guide, so `ｑｑ．ｃｏｍ` may
 * stand for qq.com, and a Chinese name for its xn-- form, as browsers read them (UTS #46).
 * Never used for a name that is probed.
 */
export function foldHost(input: string): string {
  const host = input.trim();
  return NOT_ASCII.test(host) ? domainToASCII(host.toLowerCase()) : host;
}

/**
 * One spelling per host, so `IMAP.x`, `imap.x.` and `imap.x` (or `127.1` and `127.0.0.1`)
 * count as the same server. Something that is not a host keeps its own spelling.
 */
export function hostKey(input: string): string {
  const parsed = parseHost(input);
  if (parsed.kind === 'name') return parsed.name;
  if (parsed.kind === 'ip') return parsed.address;
  return input.trim().toLowerCase();
}

// Names that are not on the public internet, refused by name so they never reach a resolver
// (which might answer them from a hosts file, a search domain or an internal zone):
// RFC 6761 (localhost, test, invalid, example), RFC 6762 (local), RFC 7686 (onion),
// RFC 9476 (alt), ICANN's reservation of internal, and arpa, the reverse-lookup tree.
const SPECIAL_USE_TLDS = new Set(['localhost', 'local', 'internal', 'arpa', 'test', 'invalid', 'example', 'onion', 'alt']);

/**
 * Why a DNS name must not be resolved or probed, or null when it may be. Under the test switch
 * (PROBE_ALLOW_LOOPBACK) names under .test, and only those, may still be resolved: RFC 6761
 * reserves .test for exactly that, and the tests point them at their own DNS server.
 */
export function specialUseReason(name: string, policy: Pick<GuardPolicy, 'allowLoopback'>): string | null {
  const labels = name.split('.');
  const tld = labels[labels.length - 1];
  if (tld === 'test' && policy.allowLoopback) return null;
  if (SPECIAL_USE_TLDS.has(tld)) return `${name} is under .${tld}, a special-use name that is not on the internet`;
  if (labels.length < 2) return `${name} is a single-label name, not a host on the internet`;
  return null;
}

function ipv4Bytes(address: string): number[] {
  return address.split('.').map(Number);
}

function ipv6Bytes(address: string): number[] {
  let text = address;
  const tail: number[] = [];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    tail.push(...ipv4Bytes(v4[1]));
    text = text.slice(0, -v4[1].length) + '0:0';
  }
  const [head, rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest !== undefined && rest !== '' ? rest.split(':') : [];
  const groups = rest === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  const bytes = groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

function formatIPv6(bytes: number[]): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  // Uncompressed on purpose: one spelling per address keeps comparisons and logs simple.
  return groups.join(':');
}

type Range = readonly [prefix: number[], bits: number, reason: string];

function inRange(bytes: number[], [prefix, bits]: Range): boolean {
  for (let bit = 0; bit < bits; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((bytes[byte] & mask) !== ((prefix[byte] ?? 0) & mask)) return false;
  }
  return true;
}

// IANA IPv4 Special-Purpose Address Registry, plus multicast and the reserved block.
const IPV4_BLOCKED: Range[] = [
  [[0], 8, 'unspecified ("this network")'],
  [[10], 8, 'private network'],
  [[100, 64], 10, 'carrier-grade NAT'],
  [[127], 8, 'loopback'],
  [[169, 254], 16, 'link-local'],
  [[172, 16], 12, 'private network'],
  [[192, 0, 0], 24, 'IETF protocol assignments'],
  [[192, 0, 2], 24, 'documentation'],
  [[192, 31, 196], 24, 'AS112'],
  [[192, 52, 193], 24, 'AMT'],
  [[192, 88, 99], 24, '6to4 relay anycast'],
  [[192, 168], 16, 'private network'],
  [[192, 175, 48], 24, 'AS112'],
  [[198, 18], 15, 'benchmarking'],
  [[198, 51, 100], 24, 'documentation'],
  [[203, 0, 113], 24, 'documentation'],
  [[224], 4, 'multicast'],
  [[240], 4, 'reserved'],
];

// Only global unicast (2000::/3) is reachable; inside it, these forms embed or tunnel
// another address (6to4, Teredo) or are not routed. Everything outside 2000::/3
// (loopback, unspecified, IPv4-mapped and -compatible, NAT64, ULA, link-local,
// multicast) is refused by the first rule.
const IPV6_GLOBAL: Range = [[0x20], 3, 'global unicast'];
const IPV6_BLOCKED: Range[] = [
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'documentation'],
  [[0x20, 0x01, 0x00, 0x00], 23, 'IETF protocol assignments (Teredo, ORCHID, benchmarking)'],
  [[0x20, 0x02], 16, '6to4'],
  [[0x3f, 0xff], 20, 'documentation'],
];
const IPV6_SPECIAL_NAMES: Range[] = [
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96, 'IPv4-mapped IPv6'],
  [[0x00, 0x64, 0xff, 0x9b], 32, 'NAT64'],
  [[0xfc], 7, 'unique local'],
  [[0xfe, 0x80], 10, 'link-local'],
  [[0xfe, 0xc0], 10, 'site-local'],
  [[0xff], 8, 'multicast'],
  [[0], 96, 'IPv4-compatible or unspecified IPv6'],
];

/** Why an address must not be connected to, or null when it may be. */
export function blockedReason(address: string, policy: Pick<GuardPolicy, 'allowLoopback'>): string | null {
  const parsed = parseHost(address);
  if (parsed.kind !== 'ip') return 'not an IP address';
  if (parsed.family === 4) {
    const bytes = ipv4Bytes(parsed.address);
    if (policy.allowLoopback && bytes[0] === 127) return null;
    return IPV4_BLOCKED.find((r) => inRange(bytes, r))?.[2] ?? null;
  }
  const bytes = ipv6Bytes(parsed.address);
  if (bytes.every((b, i) => b === (i === 15 ? 1 : 0))) return policy.allowLoopback ? null : 'loopback';
  if (!inRange(bytes, IPV6_GLOBAL)) return IPV6_SPECIAL_NAMES.find((r) => inRange(bytes, r))?.[2] ?? 'reserved';
  return IPV6_BLOCKED.find((r) => inRange(bytes, r))?.[2] ?? null;
}

/** Why a port must not be connected to, or null when it may be. */
export function blockedPort(port: number, policy: Pick<GuardPolicy, 'ports'>): string | null {
  return policy.ports.includes(port) ? null : `port ${port} is not a mail port this checker connects to (${policy.ports.join(', ')})`;
}
