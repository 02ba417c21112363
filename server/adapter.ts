// The thin Node adapter: node:http with a clock on every stage of a request (server/limits.ts),
// and @hono/node-server to turn its requests into web Requests for the handler and the site.
// The library answers what cannot become a Request (a malformed Host, an unusable request
// target) with 400, takes absolute-form request lines, and gives TRACE and other methods to
// the handlers to refuse, so no request can throw outside a catch.
import { getRequestListener } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Handler } from './handler';
import { HEADERS_TIMEOUT_MS, IDLE_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS, LINGER_BYTES, LINGER_MS, REQUEST_TIMEOUT_MS, TIMEOUT_CHECK_INTERVAL_MS } from './limits';
import { createSiteHandler } from './static-site';

export interface NodeServerOptions {
  handler: Handler;
  /** The Docusaurus build to serve next to /api; absent = the endpoint alone. */
  siteDir?: string;
}

/**
 * Closes a connection the way nginx's lingering close does. node:http ends the connection after
 * a `Connection: close` response by destroying the socket as soon as the response is flushed;
 * if the client is still sending (a body refused with 413 before it was read), the kernel
 * answers the unread bytes with a reset, and the client often loses the response it had not
 * read yet. Here the response is followed by a FIN, and what still arrives is read and thrown
 * away, none of it kept, until the client closes its side, LINGER_BYTES have come or LINGER_MS
 * has passed.
 */
function lingeringClose(socket: Socket): void {
  let discarded = 0;
  const discard = (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER_BYTES) socket.destroy();
  };
  // A 'data' listener makes node:http stop feeding the socket to its parser directly; removing
  // the parser's own listener then means nothing more on this connection is read as a request.
  socket.on('data', discard);
  for (const listener of socket.listeners('data')) if (listener !== discard) socket.removeListener('data', listener as (chunk: Buffer) => void);
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  socket.once('close', () => clearTimeout(timer));
  socket.once('end', () => socket.destroy());
  socket.end();
  socket.resume();
}

export function createNodeServer({ handler, siteDir }: NodeServerOptions): Server {
  const site = siteDir ? createSiteHandler(siteDir) : null;
  const listener = getRequestListener(
    (request, { incoming }) => {
      const { pathname } = new URL(request.url);
      if (!site || pathname === '/api' || pathname.startsWith('/api/')) return handler(request, { remoteAddress: incoming.socket.remoteAddress });
      return site(request);
    },
    // The handlers build standard Responses; nothing else in the process needs Hono's globals.
    { overrideGlobalObjects: false },
  );
  const server = createServer(
    {
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    listener,
  );
  server.setTimeout(IDLE_TIMEOUT_MS);
  server.on('connection', (socket: Socket) => {
    let closing = false;
    socket.destroySoon = () => {
      if (closing || socket.destroyed) return;
      closing = true;
      lingeringClose(socket);
    };
  });
  // node:http hands CONNECT to this event and otherwise drops the socket without a word.
  server.on('connect', (_request, socket) => socket.end('HTTP/1.1 501 Not Implemented\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'));
  return server;
}

export function listen(server: Server, env: NodeJS.ProcessEnv = process.env): void {
  // PORT=0 picks a free port (tests read the real one from the first log line).
  const port = env.PORT ? Number(env.PORT) : 3000;
  const host = env.HOST || '127.0.0.1';
  server.listen(port, host, () => {
    const { port: actual } = server.address() as AddressInfo;
    process.stdout.write(`${JSON.stringify({ listening: `http://${host.includes(':') ? `[${host}]` : host}:${actual}` })}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
