/**
 * Scripted IMAP and SMTP servers on ephemeral loopback ports that answer with exact,
 * provider-specific bytes (GBK included), over implicit TLS, STARTTLS or plain TCP.
 * They speak just enough of each protocol for a client's greeting, capability,
 * STARTTLS, login and logout, and record what the client sent.
 *
 *   const server = await startScriptedImap({ security: 'ssl', tls: certs.valid,
 *     login: () => 'NO [AUTHENTICATIONFAILED] ERR.LOGIN.IPDENY' });
 *   probe 127.0.0.1:server.port … ; server.logins, server.connections; await server.close();
 *
 * A reply is a string (sent as UTF-8) or a Buffer (sent as is, e.g. GBK text). IMAP
 * tagged replies are given without the tag; SMTP replies are whole lines, CRLF-separated.
 */
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { TLSSocket, createServer as createTlsServer } from 'node:tls';

export type Reply = string | Buffer;

export interface TlsKeyPair {
  key: string;
  cert: string;
}

export interface Login {
  mechanism: 'LOGIN' | 'PLAIN';
  user: string;
  password: string;
  /** Whether the connection was encrypted when the password arrived. */
  encrypted: boolean;
}

export interface ScriptedServer {
  port: number;
  /** TCP connections accepted so far. */
  connections: number;
  logins: Login[];
  /** Lines the client sent, in order, passwords included (tests assert on quoting). */
  received: string[];
  close(): Promise<void>;
}

interface Common {
  /** ssl = TLS from the first byte; starttls = plain until STARTTLS; plain = never TLS. */
  security: 'ssl' | 'starttls' | 'plain';
  tls?: TlsKeyPair;
  /** The banner; null means say nothing at all. */
  greeting?: Reply | null;
  /** Advertise STARTTLS on a plain connection (default true for security starttls). */
  offerStartTls?: boolean;
}

export interface ImapScript extends Common {
  /** CAPABILITY atoms after TLS, e.g. ['IMAP4rev1', 'AUTH=PLAIN', 'ID']. */
  capabilities?: string[];
  /** The tagged reply to LOGIN / AUTHENTICATE, without the tag; default "OK LOGIN completed"; null = never answer. */
  login?: (login: Login) => Reply | null;
  /** The tagged reply to EXAMINE/SELECT; `id` is the ID command's argument, or null if none was sent. */
  examine?: (state: { id: string | null }) => Reply;
}

export interface SmtpScript extends Common {
  /** EHLO extension lines after TLS, e.g. ['AUTH PLAIN LOGIN', 'SIZE 1000']. */
  extensions?: string[];
  /** The reply to the completed AUTH exchange; default "235 2.7.0 Authentication successful"; null = never answer. */
  auth?: (login: Login) => Reply | null;
}

function bytes(reply: Reply): Buffer {
  return Buffer.isBuffer(reply) ? reply : Buffer.from(reply, 'utf8');
}

/** Line-oriented reader over a socket that may be swapped for its TLS upgrade. */
class Conn {
  private buffer = Buffer.alloc(0);
  private waiting: ((line: Buffer | null) => void) | null = null;
  private literal: { count: number; resolve: (b: Buffer | null) => void } | null = null;
  private ended = false;

  constructor(public socket: Socket) {
    this.bind(socket);
  }

  bind(socket: Socket): void {
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.pump();
    });
    socket.on('end', () => this.finish());
    socket.on('close', () => this.finish());
    socket.on('error', () => this.finish());
  }

  unbind(): Socket {
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('end');
    this.socket.removeAllListeners('close');
    this.socket.removeAllListeners('error');
    return this.socket;
  }

  get encrypted(): boolean {
    return this.socket instanceof TLSSocket;
  }

  private finish(): void {
    this.ended = true;
    this.pump();
  }

  private pump(): void {
    if (this.literal && this.buffer.length >= this.literal.count) {
      const { count, resolve } = this.literal;
      this.literal = null;
      const out = this.buffer.subarray(0, count);
      this.buffer = this.buffer.subarray(count);
      resolve(out);
    }
    if (this.waiting) {
      const end = this.buffer.indexOf(0x0a);
      if (end >= 0) {
        const line = this.buffer.subarray(0, end > 0 && this.buffer[end - 1] === 0x0d ? end - 1 : end);
        this.buffer = this.buffer.subarray(end + 1);
        const resolve = this.waiting;
        this.waiting = null;
        resolve(line);
      } else if (this.ended) {
        const resolve = this.waiting;
        this.waiting = null;
        resolve(null);
      }
    }
    if (this.literal && this.ended) {
      this.literal.resolve(null);
      this.literal = null;
    }
  }

  line(): Promise<Buffer | null> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.pump();
    });
  }

  bytes(count: number): Promise<Buffer | null> {
    return new Promise((resolve) => {
      this.literal = { count, resolve };
      this.pump();
    });
  }

  write(...parts: Reply[]): void {
    if (!this.socket.destroyed) this.socket.write(Buffer.concat([...parts.map(bytes), Buffer.from('\r\n')]));
  }
}

async function listen(
  script: Common,
  session: (conn: Conn, upgrade: () => Promise<void>) => Promise<void>,
  state: ScriptedServer,
): Promise<Server> {
  const sockets = new Set<Socket>();
  const onSocket = (socket: Socket) => {
    sockets.add(socket);
    // Replies go out in several writes; without this, Nagle's algorithm adds delayed-ACK stalls.
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const conn = new Conn(socket);
    const upgrade = () =>
      new Promise<void>((resolve) => {
        const raw = conn.unbind();
        const secure = new TLSSocket(raw, { isServer: true, key: script.tls!.key, cert: script.tls!.cert });
        secure.on('error', () => undefined);
        sockets.add(secure);
        conn.bind(secure);
        secure.once('secure', () => resolve());
        raw.once('close', () => resolve());
      });
    session(conn, upgrade)
      .catch(() => undefined)
      .finally(() => socket.destroy());
  };
  const server =
    script.security === 'ssl'
      ? createTlsServer({ key: script.tls!.key, cert: script.tls!.cert }, onSocket)
      : createNetServer(onSocket);
  server.on('tlsClientError', () => undefined);
  // Counted on the raw TCP accept, so a TLS handshake that fails still counts.
  server.on('connection', (socket: Socket) => {
    state.connections += 1;
    sockets.add(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return server;
}

function emptyState(): ScriptedServer {
  return { port: 0, connections: 0, logins: [], received: [], close: async () => undefined };
}

/** Reads an IMAP astring: "quoted", {n} literal (answered with "+") or atom. */
async function readAstrings(conn: Conn, rest: string, count: number): Promise<string[] | null> {
  const values: string[] = [];
  let text = rest;
  while (values.length < count) {
    text = text.trimStart();
    if (text.startsWith('"')) {
      let i = 1;
      let value = '';
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') i += 1;
        value += text[i];
        i += 1;
      }
      values.push(value);
      text = text.slice(i + 1);
    } else if (/^\{\d+\+?\}$/.test(text)) {
      const [, n, plus] = /^\{(\d+)(\+?)\}$/.exec(text)!;
      if (!plus) conn.write('+ Ready for literal data');
      const data = await conn.bytes(Number(n));
      if (!data) return null;
      values.push(data.toString('utf8'));
      const next = await conn.line();
      if (next === null) return null;
      text = next.toString('utf8');
    } else {
      const atom = /^(\S+)/.exec(text);
      if (!atom) return null;
      values.push(atom[1]);
      text = text.slice(atom[1].length);
    }
  }
  return values;
}

export async function startScriptedImap(script: ImapScript): Promise<ScriptedServer> {
  const state = emptyState();
  const caps = script.capabilities ?? ['IMAP4rev1', 'AUTH=PLAIN', 'ID'];
  await listen(
    script,
    async (conn, upgrade) => {
      const greeting = script.greeting === undefined ? '* OK IMAP ready' : script.greeting;
      if (greeting === null) {
        await conn.line();
        return;
      }
      conn.write(greeting);
      let id: string | null = null;
      for (;;) {
        const raw = await conn.line();
        if (raw === null) return;
        const line = raw.toString('utf8');
        state.received.push(line);
        const [tag, command = '', ...args] = line.split(' ');
        const rest = args.join(' ');
        const offerStartTls = !conn.encrypted && script.security === 'starttls' && script.offerStartTls !== false;
        switch (command.toUpperCase()) {
          case 'CAPABILITY':
            conn.write(`* CAPABILITY ${offerStartTls ? ['IMAP4rev1', 'STARTTLS', 'LOGINDISABLED'].join(' ') : caps.join(' ')}`);
            conn.write(`${tag} OK CAPABILITY completed`);
            break;
          case 'STARTTLS':
            if (!offerStartTls) {
              conn.write(`${tag} BAD STARTTLS not available`);
              break;
            }
            conn.write(`${tag} OK Begin TLS negotiation now`);
            await upgrade();
            break;
          case 'LOGIN': {
            const values = await readAstrings(conn, rest, 2);
            if (!values) return;
            const login: Login = { mechanism: 'LOGIN', user: values[0], password: values[1], encrypted: conn.encrypted };
            state.logins.push(login);
            const reply = script.login ? script.login(login) : 'OK LOGIN completed';
            if (reply !== null) conn.write(`${tag} `, reply);
            break;
          }
          case 'AUTHENTICATE': {
            let response = args[1];
            if (!response) {
              conn.write('+ ');
              const next = await conn.line();
              if (next === null) return;
              response = next.toString('utf8');
            }
            const [, user = '', password = ''] = Buffer.from(response, 'base64').toString('utf8').split('\0');
            const login: Login = { mechanism: 'PLAIN', user, password, encrypted: conn.encrypted };
            state.logins.push(login);
            const reply = script.login ? script.login(login) : 'OK AUTHENTICATE completed';
            if (reply !== null) conn.write(`${tag} `, reply);
            break;
          }
          case 'ID':
            id = rest;
            conn.write('* ID NIL');
            conn.write(`${tag} OK ID completed`);
            break;
          case 'EXAMINE':
          case 'SELECT':
            if (script.examine) conn.write(`${tag} `, script.examine({ id }));
            else {
              conn.write('* 0 EXISTS');
              conn.write(`${tag} OK [READ-ONLY] EXAMINE completed`);
            }
            break;
          case 'LOGOUT':
            conn.write('* BYE Logging out');
            conn.write(`${tag} OK LOGOUT completed`);
            return;
          default:
            conn.write(`${tag} BAD Unknown command`);
        }
      }
    },
    state,
  );
  return state;
}

export async function startScriptedSmtp(script: SmtpScript): Promise<ScriptedServer> {
  const state = emptyState();
  const extensions = script.extensions ?? ['AUTH PLAIN LOGIN'];
  await listen(
    script,
    async (conn, upgrade) => {
      const greeting = script.greeting === undefined ? '220 smtp.test ESMTP ready' : script.greeting;
      if (greeting === null) {
        await conn.line();
        return;
      }
      conn.write(greeting);
      const answer = (login: Login) => {
        state.logins.push(login);
        const reply = script.auth ? script.auth(login) : '235 2.7.0 Authentication successful';
        if (reply !== null) conn.write(reply);
      };
      for (;;) {
        const raw = await conn.line();
        if (raw === null) return;
        const line = raw.toString('utf8');
        state.received.push(line);
        const [verb = '', ...args] = line.split(' ');
        const offerStartTls = !conn.encrypted && script.security === 'starttls' && script.offerStartTls !== false;
        switch (verb.toUpperCase()) {
          case 'EHLO': {
            const lines = ['smtp.test greets you', ...(offerStartTls ? ['STARTTLS'] : conn.encrypted ? extensions : [])];
            lines.forEach((l, i) => conn.write(`250${i === lines.length - 1 ? ' ' : '-'}${l}`));
            break;
          }
          case 'STARTTLS':
            if (!offerStartTls) {
              conn.write('502 5.5.1 STARTTLS not available');
              break;
            }
            conn.write('220 2.0.0 Ready to start TLS');
            await upgrade();
            break;
          case 'AUTH': {
            const mechanism = (args[0] ?? '').toUpperCase();
            if (mechanism === 'PLAIN') {
              let response: string | undefined = args[1];
              if (!response) {
                conn.write('334 ');
                response = (await conn.line())?.toString('utf8');
                if (response === undefined) return;
              }
              const [, user = '', password = ''] = Buffer.from(response, 'base64').toString('utf8').split('\0');
              answer({ mechanism: 'PLAIN', user, password, encrypted: conn.encrypted });
            } else if (mechanism === 'LOGIN') {
              conn.write('334 VXNlcm5hbWU6');
              const user = (await conn.line())?.toString('utf8');
              conn.write('334 UGFzc3dvcmQ6');
              const password = (await conn.line())?.toString('utf8');
              if (user === undefined || password === undefined) return;
              const decode = (v: string) => Buffer.from(v, 'base64').toString('utf8');
              answer({ mechanism: 'LOGIN', user: decode(user), password: decode(password), encrypted: conn.encrypted });
            } else {
              conn.write('504 5.5.4 Unrecognized authentication type');
            }
            break;
          }
          case 'QUIT':
            conn.write('221 2.0.0 Bye');
            return;
          default:
            conn.write('502 5.5.2 Command not recognized');
        }
      }
    },
    state,
  );
  return state;
}
