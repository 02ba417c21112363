/**
 * Raw HTTP/1.1 over a node:net socket, for requests fetch cannot express: a malformed Host, an
 * inverted Range, an absolute-form request line, a body that stalls. Sends the given pieces
 * (strings, buffers, or pauses between them), then collects what the server answers until it
 * closes the connection or `waitMs` passes.
 *
 *   const { responses, closed } = await exchange(origin, ['GET / HTTP/1.1\r\nHost: x\r\n\r\n']);
 */
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  /** Lowercased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

export interface Exchange {
  responses: RawResponse[];
  /** How the connection ended: the server closed it, reset it, or was still holding it at waitMs. */
  closed: 'by-server' | 'reset' | 'open';
  /** Milliseconds from the first byte sent until the connection ended (or waitMs). */
  ms: number;
}

export type Piece = string | Buffer | { pauseMs: number };

export interface ExchangeOptions {
  waitMs?: number;
  /** HEAD responses have no body whatever their Content-Length says. */
  head?: boolean;
  /** Stop as soon as this many complete responses have arrived, without waiting for the close. */
  responses?: number;
  /**
   * A client busy sending: it reads nothing until every piece has gone out (each write waits
   * for the previous one), as a client uploading a body reads the answer only afterwards.
   */
  readAfterSending?: boolean;
}

/** Splits a byte stream into responses; an incomplete tail is ignored. */
function parseResponses(raw: Buffer, head = false): RawResponse[] {
  const responses: RawResponse[] = [];
  let at = 0;
  while (at < raw.length) {
    const end = raw.indexOf('\r\n\r\n', at);
    if (end < 0) break;
    const [statusLine, ...lines] = raw.subarray(at, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
    }
    let next = end + 4;
    let body: Buffer = Buffer.alloc(0);
    const bodiless = head || status === 204 || status === 304 || (status >= 100 && status < 200);
    if (!bodiless && headers['transfer-encoding']?.includes('chunked')) {
      const parts: Buffer[] = [];
      for (;;) {
        const lineEnd = raw.indexOf('\r\n', next);
        if (lineEnd < 0) return responses;
        const size = parseInt(raw.subarray(next, lineEnd).toString('latin1'), 16);
        next = lineEnd + 2;
        if (size === 0) {
          next += 2;
          break;
        }
        parts.push(raw.subarray(next, next + size));
        next += size + 2;
      }
      body = Buffer.concat(parts);
    } else if (!bodiless && headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      if (next + length > raw.length) break;
      body = raw.subarray(next, next + length);
      next += length;
    } else if (!bodiless) {
      // Neither length nor chunks: the body runs until the connection closes.
      body = raw.subarray(next);
      next = raw.length;
    }
    responses.push({ status, headers, body });
    at = next;
  }
  return responses;
}

export function exchange(origin: string, pieces: Piece[], { waitMs = 3_000, head = false, responses, readAfterSending = false }: ExchangeOptions = {}): Promise<Exchange> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const received: Buffer[] = [];
    const started = Date.now();
    let settled = false;
    const finish = (closed: Exchange['closed']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ responses: parseResponses(Buffer.concat(received), head), closed, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish('open'), waitMs);
    socket.on('data', (chunk) => {
      received.push(chunk);
      if (responses && parseResponses(Buffer.concat(received), head).length >= responses) finish('open');
    });
    socket.on('end', () => finish('by-server'));
    socket.on('close', () => finish('by-server'));
    socket.on('error', () => finish('reset'));
    if (readAfterSending) socket.pause();
    socket.once('connect', async () => {
      for (const piece of pieces) {
        if (settled || socket.destroyed) return;
        if (typeof piece === 'object' && 'pauseMs' in piece) await new Promise((r) => setTimeout(r, piece.pauseMs));
        else if (readAfterSending) await new Promise((r) => socket.write(piece, r));
        else socket.write(piece);
      }
      socket.resume();
    });
  });
}

/** One request on its own connection; the connection is closed by the client once a response is complete. */
export async function request(origin: string, text: string, options: ExchangeOptions = {}): Promise<RawResponse> {
  const { responses } = await exchange(origin, [text], { responses: 1, ...options });
  if (!responses.length) throw new Error(`no response to ${JSON.stringify(text.slice(0, 80))}`);
  return responses[0];
}
