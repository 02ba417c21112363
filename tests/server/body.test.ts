// The body reader's size limit and clock, with bodies that arrive in pieces, stall or overflow.
import { describe, expect, it } from 'vitest';
import { readBody } from '../../server/body';

const limits = { maxBytes: 100, timeoutMs: 200 };

/** A body sent as the given chunks, then (unless `stall`) ended; records how much of it was read. */
function bodyOf(chunks: string[], { stall = false } = {}) {
  const read = { bytes: 0, ended: false };
  const encoder = new TextEncoder();
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) {
        const chunk = encoder.encode(chunks[i++]);
        read.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      } else if (!stall) {
        read.ended = true;
        controller.close();
      }
      // A stalled body enqueues nothing more: the next read waits for ever.
    },
  });
  const request = new Request('http://checker.test/api/probe', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
  return { request, read };
}

describe('readBody', () => {
  it('returns a body within the limits', async () => {
    expect(await readBody(bodyOf(['{"a":', '1}']).request, limits)).toEqual({ text: '{"a":1}' });
  });

  it('refuses a body that stops arriving once the clock runs out', async () => {
    expect(await readBody(bodyOf(['{"email":'], { stall: true }).request, limits)).toEqual({ refused: 'too-slow' });
  });

  it('refuses a body without a length as soon as it crosses the limit, without waiting for the rest', async () => {
    const { request, read } = bodyOf(['x'.repeat(60), 'x'.repeat(60)], { stall: true });
    expect(await readBody(request, limits)).toEqual({ refused: 'too-large' });
    expect(read.bytes).toBe(120);
  });

  it('stops reading a large body at the limit', async () => {
    const { request, read } = bodyOf(Array.from({ length: 100 }, () => 'x'.repeat(60)));
    expect(await readBody(request, limits)).toEqual({ refused: 'too-large' });
    expect(read.bytes).toBeLessThan(300);
  });

  it('refuses a declared length over the limit without reading, though the body never comes', async () => {
    const declared = new Request(bodyOf(['x'], { stall: true }).request, { headers: { 'Content-Length': '500' } });
    expect(await readBody(declared, limits)).toEqual({ refused: 'too-large' });
    expect(declared.bodyUsed).toBe(false);
  });
});
