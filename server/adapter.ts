// The thin Node adapter: turns node:http requests into web Requests for the handler,
// and (for `npm run serve`) serves the built site from the same origin with sirv.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sirv from 'sirv';
import type { Handler } from './handler';

export interface NodeServerOptions {
  handler: Handler;
  /** The Docusaurus build to serve next to /api; absent = the endpoint alone. */
  siteDir?: string;
}

function toRequest(req: IncomingMessage): Request {
  const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: 'half',
  } as RequestInit);
}

async function send(res: ServerResponse, response: Response, head: boolean): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (head || !response.body) {
    res.end();
    return;
  }
  res.end(Buffer.from(await response.arrayBuffer()));
}

// Docusaurus builds one 404 page per locale; English paths live under /en.
function notFound(siteDir: string) {
  const pages = new Map<string, Buffer | null>();
  const page = (file: string) => {
    if (!pages.has(file)) pages.set(file, existsSync(file) ? readFileSync(file) : null);
    return pages.get(file);
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    const english = /^\/en(\/|$|\?)/.test(req.url ?? '');
    const body = page(join(siteDir, ...(english ? ['en', '404.html'] : ['404.html'])));
    res.statusCode = 404;
    res.setHeader('Content-Type', body ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
    res.end(req.method === 'HEAD' ? undefined : (body ?? 'Not found'));
  };
}

export function createNodeServer({ handler, siteDir }: NodeServerOptions): Server {
  const statics = siteDir
    ? sirv(siteDir, {
        // Look each file up when it is asked for. sirv's default reads the file list once at
        // start, so a rebuild under a running server made it crash on a file that had gone and
        // 404 the new ones. Pages and other unfingerprinted files then revalidate (no-cache + ETag).
        dev: true,
        // trailingSlash: false builds /youxiang/204-x as 204-x.html.
        extensions: ['html'],
        // Serves the .br/.gz files next to an asset when the client accepts them.
        brotli: true,
        gzip: true,
        etag: true,
        setHeaders: (res, pathname) => {
          // Docusaurus fingerprints everything under /assets/, so it never changes.
          if (pathname.startsWith('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        },
      })
    : null;
  const missing = siteDir ? notFound(siteDir) : null;
  return createServer((req, res) => {
    if ((req.url ?? '/').startsWith('/api/') || !statics) {
      handler(toRequest(req), { remoteAddress: req.socket.remoteAddress })
        .then((response) => send(res, response, req.method === 'HEAD'))
        .catch(() => {
          res.statusCode = 500;
          res.end();
        });
      return;
    }
    statics(req, res, () => missing!(req, res));
  });
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
