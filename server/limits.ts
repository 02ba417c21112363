// Every size and clock the server enforces, in one place. A public endpoint meets slow,
// stalled and oversized requests within hours of going up; each of these bounds what one
// connection can hold, and each answers with a status and a closed connection, not a hang.

/** Largest request body accepted; a real probe request is well under 1 KiB. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * After a response that closes the connection (a 413 among them), what the client still sends
 * is read and thrown away for up to this long before the socket closes, as nginx's lingering
 * close does: closing with unread bytes makes the kernel reset the connection, and a client
 * still writing its body would lose the answer it was about to read.
 */
export const LINGER_MS = 2_000;

/** ... and for no more than this many bytes, however fast they come. */
export const LINGER_BYTES = 4 * 1024 * 1024;

/** The whole body must arrive within this, counted from when the handler starts reading it. */
export const BODY_TIMEOUT_MS = 10_000;

/** The request line and headers must arrive within this (node:http answers 408 and closes). */
export const HEADERS_TIMEOUT_MS = 10_000;

/**
 * node:http's own clock for the whole request, headers and body. The handler's BODY_TIMEOUT_MS
 * answers first with a JSON 408; this catches whatever does not reach the handler.
 */
export const REQUEST_TIMEOUT_MS = 20_000;

/** An idle keep-alive connection is closed after this. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/**
 * A connection on which nothing moves in either direction for this long is dropped: a client
 * that stops reading a response, or sends nothing after connecting. Longer than any probe
 * deadline (PROBE_DEADLINE_MS is capped below it), during which the socket is quiet.
 */
export const IDLE_TIMEOUT_MS = 60_000;

/** Longest PROBE_DEADLINE_MS accepted, so a probe always answers before IDLE_TIMEOUT_MS. */
export const MAX_DEADLINE_MS = 50_000;

/**
 * How often node:http checks the header and request clocks. Its default (30 s) would let a
 * stalled request live up to 30 s past its limit.
 */
export const TIMEOUT_CHECK_INTERVAL_MS = 1_000;
