// Adds the script policy of the built pages to build/_headers (copied there from static/), so a
// static host sends the Content-Security-Policy the Node server sends. The hashes change with
// every build that changes an inline script, so they are computed here, from the built HTML,
// never written by hand: one policy for the whole site, allowing the inline scripts of all pages.
// Usage: tsx scripts/deploy-headers.ts [dir]   (default: build)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inlineScriptHashes, scriptPolicy } from '../server/security-headers';

function* pages(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* pages(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** The _headers text with the site's script policy as the last header of its `/*` rule (replacing an earlier one). */
export function withScriptPolicy(headersFile: string, policy: string): string {
  const line = `  Content-Security-Policy: ${policy}`;
  const lines = headersFile
    .split('\n')
    .filter((l) => l.trim() && !/^\s+Content-Security-Policy:\s*script-src/.test(l));
  const rule = lines.findIndex((l) => l.trim() === '/*');
  if (rule < 0) return [...lines, '/*', line, ''].join('\n');
  let end = rule + 1;
  while (end < lines.length && /^\s+\S/.test(lines[end])) end += 1;
  return [...lines.slice(0, end), line, ...lines.slice(end), ''].join('\n');
}

export function writeDeployHeaders(dir: string): string {
  const hashes = new Set<string>();
  for (const page of pages(dir)) for (const hash of inlineScriptHashes(readFileSync(page, 'utf8'))) hashes.add(hash);
  const policy = scriptPolicy([...hashes].sort());
  const file = join(dir, '_headers');
  writeFileSync(file, withScriptPolicy(existsSync(file) ? readFileSync(file, 'utf8') : '', policy));
  return policy;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  const dir = resolve(process.argv[2] ?? 'build');
  console.log(`${join(dir, '_headers')}: ${writeDeployHeaders(dir)}`);
}
