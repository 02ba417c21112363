// Who the rate limit counts a request against. Directly on the internet that is the TCP peer.
// Behind proxies (TRUST_PROXY = how many), each proxy appends the address it received the
// request from to X-Forwarded-For, so the entry the outermost proxy wrote sits `hops` places
// from the right; everything left of it was written by the client and proves nothing.
// (proxy-addr implements the same rule but takes a node:http request; the handler sees a web
// Request, and the rule is the three lines below.)

// An address is at most 45 characters; this bounds what a key can cost in the limiter.
const KEY_MAX = 64;

export function clientAddress(request: Request, remoteAddress: string | undefined, hops: number): string {
  const peer = remoteAddress ?? 'unknown';
  if (hops < 1) return peer;
  const forwarded = (request.headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  // Fewer entries than proxies: the request skipped the outer ones, and the leftmost entry is
  // what the first proxy it met saw.
  return (forwarded[Math.max(0, forwarded.length - hops)] ?? peer).slice(0, KEY_MAX);
}
