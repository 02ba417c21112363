// One production build per test run, shared by every test that needs the built site.
// The build is skipped when build/ is newer than every source it is made from, so a
// developer re-running one browser test does not wait for a rebuild.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..');
export const buildDir = join(root, 'build');
const stamp = join(buildDir, '.build-stamp');
const sources = ['docs', 'i18n', 'src', 'static', 'data', 'registry', 'plugins', 'scripts', 'server/security-headers.ts', 'server/spelling.ts', 'server/probe-request.schema.json', 'docusaurus.config.ts', 'sidebars.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

export function buildIsFresh(): boolean {
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return sources.every((s) => newestMtime(join(root, s)) < built);
}

/** Builds both locales unless build/ is already up to date; returns the build time in ms (0 when reused). */
export function ensureBuild(): number {
  if (buildIsFresh()) return 0;
  const started = Date.now();
  // The same command as `npm start` uses: Docusaurus, the deploy headers, then the .gz/.br siblings the server sends.
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  writeFileSync(stamp, new Date().toISOString());
  return Date.now() - started;
}
