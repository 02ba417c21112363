// The ceiling for a page's content: the same built HTML with its scripts taken out. Lighthouse
// cannot audit a page in a browser with scripting turned off, so the bench serves a copy of
// the build in which every page has lost its <script> elements and its script preloads, and
// measures that like any other page. The rest of each file is left byte for byte, and the
// compressed siblings the server prefers are written again from the edited HTML.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>/gi;
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\brel="?(?:preload|modulepreload|prefetch)"?)(?=[^>]*\bas="?script"?)[^>]*>/gi;

export function withoutScripts(html: string): string {
  return html.replace(SCRIPT, '').replace(SCRIPT_PRELOAD, '');
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** Copies the build at `from` to `to` with every page's scripts removed; returns how many pages it edited. */
export function scriptsOffCopy(from: string, to: string): number {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  const files = htmlFiles(to);
  for (const file of files) {
    const html = withoutScripts(readFileSync(file, 'utf8'));
    writeFileSync(file, html);
    writeFileSync(`${file}.gz`, gzipSync(html, { level: 9 }));
    writeFileSync(`${file}.br`, brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return files.length;
}
