// What went wrong with the checker's own endpoint, as opposed to the reader's mail server.
// None of these is the reader's doing, so none is worded as a problem with what they typed.

export type ServiceFailure =
  /** No endpoint behind this site (a static host without the API): 404 or 405. */
  | { kind: 'missing' }
  /** The endpoint or a proxy in front of it failed: 500, 502, 504 and the like. */
  | { kind: 'broken' }
  /** Every probe slot is busy: 503. */
  | { kind: 'busy'; retryAfter: number | null }
  /** Too many checks from this network: 429. */
  | { kind: 'limited'; retryAfter: number | null }
  /** A request the page should have stopped: 400, 413. The endpoint's wording is never shown. */
  | { kind: 'refused' }
  /** The request never got an answer: offline, blocked, or the connection dropped. */
  | { kind: 'offline' };

/** Seconds to wait from a Retry-After header, given as seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header?.trim()) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.max(1, Number(value));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - now) / 1000));
}

export function serviceFailure(status: number, retryAfter: string | null, now = Date.now()): ServiceFailure {
  if (status === 429) return { kind: 'limited', retryAfter: retryAfterSeconds(retryAfter, now) };
  if (status === 503) return { kind: 'busy', retryAfter: retryAfterSeconds(retryAfter, now) };
  if (status === 404 || status === 405) return { kind: 'missing' };
  if (status >= 500) return { kind: 'broken' };
  return { kind: 'refused' };
}
