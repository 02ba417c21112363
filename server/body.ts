// Reads a request body under a size limit and a clock, so a client cannot hold the handler by
// declaring a large body and sending it slowly, or never.

export type BodyResult = { text: string } | { refused: 'too-large' | 'too-slow' };

export interface BodyLimits {
  maxBytes: number;
  timeoutMs: number;
}

/**
 * A body over the limit is refused as soon as that is known: from Content-Length before a byte
 * of it is read, or, for a body without one, when it crosses the limit. The rest of it is not
 * read here; the Node adapter reads and discards it for a bounded time after the 413 goes out
 * (server/adapter.ts), so the client still sending it reads the 413 rather than a reset.
 */
export async function readBody(request: Request, { maxBytes, timeoutMs }: BodyLimits): Promise<BodyResult> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return { refused: 'too-large' };
  if (!request.body) return { text: '' };
  const reader = request.body.getReader();
  let timedOut = false;
  // Cancelling ends the pending read, so the loop below sees `done` and stops.
  const timer = setTimeout(() => {
    timedOut = true;
    reader.cancel().catch(() => undefined);
  }, timeoutMs);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (timedOut) return { refused: 'too-slow' };
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        reader.cancel().catch(() => undefined);
        return { refused: 'too-large' };
      }
      chunks.push(value);
    }
  } finally {
    clearTimeout(timer);
  }
  return { text: Buffer.concat(chunks).toString('utf8') };
}
