// Reads a mail server's replies line by line from a socket that can be swapped for
// its TLS upgrade (STARTTLS) without losing or replaying bytes.
import type { Socket } from 'node:net';
import { decodeReply } from './text';

/** Longest line accepted; mail servers send short lines, anything longer is not a mail server. */
const MAX_LINE_BYTES = 64 * 1024;

export class WireClosedError extends Error {
  constructor(readonly receivedAny: boolean) {
    super('The server closed the connection');
    this.name = 'WireClosedError';
  }
}

export class WireOverflowError extends Error {
  constructor() {
    super(`The server sent a line longer than ${MAX_LINE_BYTES} bytes`);
    this.name = 'WireOverflowError';
  }
}

type Want = { kind: 'line' } | { kind: 'bytes'; count: number };

export class Wire {
  private buffer = Buffer.alloc(0);
  private pending: { want: Want; resolve: (b: Buffer) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  private receivedAny = false;
  private readonly onData = (chunk: Buffer) => {
    this.receivedAny = true;
    this.buffer = Buffer.concat([this.buffer, chunk]);
    this.settle();
  };
  private readonly onEnd = () => this.fail(new WireClosedError(this.receivedAny));
  private readonly onError = (error: Error) => this.fail(error);

  constructor(public socket: Socket) {
    this.listen();
  }

  private listen(): void {
    this.socket.on('data', this.onData);
    this.socket.on('end', this.onEnd);
    this.socket.on('close', this.onEnd);
    this.socket.on('error', this.onError);
  }

  /**
   * Hands the raw socket over for a TLS upgrade. Bytes the server sent after its
   * STARTTLS answer are dropped: they arrived unencrypted and could be injected
   * (the STARTTLS command-injection attacks), so RFC 3207 and RFC 2595 say to discard them.
   */
  detach(): Socket {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onError);
    this.buffer = Buffer.alloc(0);
    return this.socket;
  }

  attach(socket: Socket): void {
    this.socket = socket;
    this.failure = null;
    this.listen();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.settle();
  }

  private settle(): void {
    const pending = this.pending;
    if (!pending) return;
    const taken = this.take(pending.want);
    if (taken) {
      this.pending = null;
      pending.resolve(taken);
    } else if (this.failure) {
      this.pending = null;
      pending.reject(this.failure);
    } else if (pending.want.kind === 'line' && this.buffer.length > MAX_LINE_BYTES) {
      this.pending = null;
      pending.reject(new WireOverflowError());
    }
  }

  private take(want: Want): Buffer | null {
    if (want.kind === 'bytes') {
      if (this.buffer.length < want.count) return null;
      const bytes = this.buffer.subarray(0, want.count);
      this.buffer = this.buffer.subarray(want.count);
      return bytes;
    }
    const end = this.buffer.indexOf(0x0a);
    if (end < 0) return null;
    const line = this.buffer.subarray(0, end > 0 && this.buffer[end - 1] === 0x0d ? end - 1 : end);
    this.buffer = this.buffer.subarray(end + 1);
    return line;
  }

  private read(want: Want): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.pending = { want, resolve, reject };
      this.settle();
    });
  }

  /** The next line without its CRLF, as raw bytes (decoding depends on the server). */
  readLineBytes(): Promise<Buffer> {
    return this.read({ kind: 'line' });
  }

  async readLine(): Promise<string> {
    return decodeReply(await this.readLineBytes());
  }

  readBytes(count: number): Promise<Buffer> {
    return this.read({ kind: 'bytes', count });
  }

  write(data: string | Buffer): void {
    this.socket.write(data);
  }
}
