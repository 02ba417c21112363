// Starts the project's own servers as child processes, exactly as `npm start` (server/node.ts:
// built site + endpoint on one port) or `npm run api` (server/api-only.ts) runs them. Used by
// the browser tests and by the benchmarks, which also read the process id for memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { root } from './site';

export interface RunningServer {
  origin: string;
  pid: number;
  /** True while the process runs: a benchmark checks the server survived its load. */
  alive: () => boolean;
  /** Everything the server wrote to stdout and stderr, for log assertions. */
  output: () => string;
  stop: () => Promise<void>;
}


function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(origin: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      await fetch(`${origin}/`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`server did not answer within 30 s:\n${output()}`);
}

export async function startServer(entry: 'node' | 'api-only', env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'server', `${entry}.ts`)], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  // Keep only the tail: a load benchmark makes the endpoint log one line per request.
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-1_000_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const origin = `http://127.0.0.1:${port}`;
  const output = () => log;
  await waitUntilUp(origin, child, output);
  return {
    origin,
    pid: child.pid!,
    alive: () => child.exitCode === null,
    output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The built site and the endpoint on one origin; SITE_DIR in env serves another build. */
export function startSite(env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer('node', env);
}
