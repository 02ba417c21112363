// Serves a build directory for the measurements. The project's production server is used when
// it can serve an arbitrary directory (it must serve the stock fixture too, so both sides of
// the comparison get the same compression); otherwise a minimal stand-in that serves the same
// precompressed siblings, and the results say which one was used.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { root } from '../../tests/support/site';

export interface Served {
  origin: string;
  server: 'project' | 'bench-stand-in';
  pid: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

function resolveFile(dir: string, pathname: string): string | undefined {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  for (const candidate of [clean, `${clean}.html`, join(clean, 'index.html')]) {
    const path = join(dir, candidate);
    if (path.startsWith(dir) && existsSync(path) && statSync(path).isFile()) return path;
  }
  return undefined;
}

function standIn(dir: string): Promise<Served> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = resolveFile(dir, url.pathname) ?? join(dir, '404.html');
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const headers: Record<string, string> = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', vary: 'accept-encoding' };
    let file = path;
    if (/\bbr\b/.test(accepts) && existsSync(`${path}.br`)) {
      file = `${path}.br`;
      headers['content-encoding'] = 'br';
    } else if (/\bgzip\b/.test(accepts) && existsSync(`${path}.gz`)) {
      file = `${path}.gz`;
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(path.endsWith('404.html') && !url.pathname.endsWith('404.html') ? 404 : 200, headers);
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        server: 'bench-stand-in',
        pid: process.pid,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

async function waitForPort(origin: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`production server exited with ${child.exitCode}`);
    try {
      await fetch(origin, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`production server did not answer on ${origin}`);
}

const PROJECT_SERVER = join(root, 'server', 'node.ts');

/** Starts the project's server on `dir` (SITE_DIR), with extra env for the probe endpoint. */
export async function serveProject(dir: string, port: number, env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), PROJECT_SERVER], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SITE_DIR: dir, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForPort(origin, child);
  return {
    origin,
    server: 'project',
    pid: child.pid ?? 0,
    close: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

export function projectServerAvailable(): boolean {
  return existsSync(PROJECT_SERVER);
}

export async function serveBuild(dir: string, port: number): Promise<Served> {
  return projectServerAvailable() ? serveProject(dir, port) : standIn(dir);
}
