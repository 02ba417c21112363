// Reads a request body under a size limit and a clock, so a client cannot hold the handler by
// declaring a large body and sending it slowly, or never.

export type BodyResult = { text: string } | { refused: 'too-large' | 'too-slow' };

export interface BodyLimits {
  maxBytes: number;
  timeoutMs: number;
  /**
   * A refused body up to this size is still read, and thrown away, before the answer: a server
   * that closes while the client is sending makes its kernel reset the connection, and the
   * client then loses the 413 it was about to read. Larger bodies are refused at once.
   */
  drainBytes: number;
}

export async function readBody(request: Request, { maxBytes, timeoutMs, drainBytes }: BodyLimits): Promise<BodyResult> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > drainBytes) return { refused: 'too-large' };
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
      if (total > drainBytes) {
        await reader.cancel();
        return { refused: 'too-large' };
      }
      if (total <= maxBytes) chunks.push(value);
    }
  } finally {
    clearTimeout(timer);
  }
  if (total > maxBytes || declared > maxBytes) return { refused: 'too-large' };
  return { text: Buffer.concat(chunks).toString('utf8') };
}
