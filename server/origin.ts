// Which web pages may call the endpoint. A browser names the page that sent a request in
// Origin, and no page can forge it; without this check any site could make its visitors'
// browsers run logins from the checker's address, each visitor with a fresh rate limit.
//
// Allowed: requests without Origin (curl, server to server: no visitor is being used), the
// site's own origin, and the exact origins in PROBE_ALLOWED_ORIGINS. The own origin is the
// scheme and host the request was addressed to (its URL: the Host header, or the absolute
// request line); a page of this site fetching /api/... sends the same. Behind a proxy that
// terminates TLS or rewrites Host, the public origin differs from what the server sees: list
// it in PROBE_ALLOWED_ORIGINS. Forwarded headers are not trusted for this.

/** Normalises `https://Laifa.xin/` to `https://laifa.xin`; anything that is not an origin is dropped. */
export function parseOrigins(list: readonly string[]): string[] {
  return list.flatMap((entry) => {
    try {
      const { origin } = new URL(entry);
      return origin === 'null' ? [] : [origin];
    } catch {
      return [];
    }
  });
}

export type OriginVerdict =
  | { kind: 'no-origin' | 'same-origin' }
  /** Allowed by PROBE_ALLOWED_ORIGINS: the browser needs CORS headers to read the answer. */
  | { kind: 'listed'; origin: string }
  | { kind: 'foreign'; origin: string; own: string };

export function judgeOrigin(request: Request, allowed: readonly string[]): OriginVerdict {
  const origin = request.headers.get('origin');
  if (origin === null) return { kind: 'no-origin' };
  const own = new URL(request.url).origin;
  if (origin === own) return { kind: 'same-origin' };
  if (allowed.includes(origin)) return { kind: 'listed', origin };
  return { kind: 'foreign', origin, own };
}

/** Lets a listed origin's page read the answer; its preflight is answered with `preflightHeaders`. */
export function corsHeaders(origin: string): Record<string, string> {
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
}

// Only JSON bodies are accepted, so a cross-origin POST always needs this preflight.
export function preflightHeaders(origin: string): Record<string, string> {
  return {
    ...corsHeaders(origin),
    'Access-Control-Allow-Methods': 'GET, HEAD, POST',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Max-Age': '600',
  };
}
