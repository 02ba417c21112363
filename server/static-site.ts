// The built site as a web-standard (Request) => Response function, next to the endpoint.
// @fastify/send does the HTTP of a file: Range (suffix and multiple ranges included),
// If-None-Match/If-Modified-Since, If-Range, ETag, Content-Type. This module decides which file
// a URL means: Docusaurus' trailing-slash-free pages (/youxiang/204-x is 204-x.html), the .br or
// .gz sibling the build wrote when the client accepts it (q-values honoured), never a hidden
// file or anything a symlink leads to outside the site, and the locale's 404 page otherwise.
// (@fastify/static would bring Fastify itself, and its preCompressed does not combine with
// extension lookups, which is how every page here is found.)
/// <reference path="./negotiator.d.ts" />
import send from '@fastify/send';
import Negotiator from 'negotiator';
import type { Stats } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { inlineScriptHashes, pagePolicy, SITE_HEADERS } from './security-headers';

export type SiteHandler = (request: Request) => Promise<Response>;

const SIBLINGS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

interface Found {
  /** The path under the site root, starting with "/". */
  path: string;
  stats: Stats;
}

async function fileInside(root: string, path: string): Promise<Found | null> {
  const full = join(root, path);
  const stats = await stat(full).catch(() => null);
  if (!stats?.isFile()) return null;
  // A symlink may point anywhere on the disk; only what really lies under the root is served.
  const real = await realpath(full).catch(() => '');
  const realRoot = await realpath(root).catch(() => root);
  return real.startsWith(realRoot + sep) ? { path, stats } : null;
}

/** The file a URL path names, or null. Hidden files (and "..") are never looked up. */
async function locate(root: string, pathname: string): Promise<Found | null> {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (/[\0\\]/.test(path) || path.split('/').some((segment) => segment.startsWith('.'))) return null;
  const candidates = path.endsWith('/') ? [`${path}index.html`] : [path, `${path}.html`, `${path}/index.html`];
  for (const candidate of candidates) {
    const found = await fileInside(root, candidate);
    if (found) return found;
  }
  return null;
}

/** The representation to send: the file or its precompressed sibling, as Accept-Encoding prefers. */
async function chooseEncoding(root: string, file: Found, acceptEncoding: string | null) {
  const siblings: { encoding: string; found: Found }[] = [];
  for (const { encoding, suffix } of SIBLINGS) {
    const found = await fileInside(root, file.path + suffix);
    if (found) siblings.push({ encoding, found });
  }
  const offered = [...siblings.map((s) => s.encoding), 'identity'];
  const [best] = new Negotiator({ headers: { 'accept-encoding': acceptEncoding ?? undefined } }).encodings(offered, { preferred: offered });
  const sibling = siblings.find((s) => s.encoding === best);
  return { served: sibling?.found ?? file, encoding: sibling?.encoding, varies: siblings.length > 0 };
}

// @fastify/send answers 416 to a suffix range longer than the file; RFC 9110 §14.1.2 says the
// whole file is meant (jshttp/range-parser fixed the same in #66; @fastify/send has its own copy).
function satisfiableRange(range: string | null, size: number): string | undefined {
  const suffix = range && /^bytes=\s*-(\d+)\s*$/.exec(range);
  return suffix && size > 0 && Number(suffix[1]) >= size ? 'bytes=0-' : (range ?? undefined);
}

// Docusaurus fingerprints everything under /assets/, so it never changes; pages and other
// unfingerprinted files revalidate (no-cache + ETag). Decided by where the file really is.
function cacheControl(path: string): string {
  return path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** The script policy of a page, computed from the page itself and kept until the file changes. */
function pagePolicies() {
  const known = new Map<string, { version: string; policy: string }>();
  return async (file: string, stats: Stats): Promise<string> => {
    const version = `${stats.mtimeMs}:${stats.size}`;
    const cached = known.get(file);
    if (cached?.version === version) return cached.policy;
    const policy = pagePolicy(inlineScriptHashes(await readFile(file, 'utf8')));
    known.set(file, { version, policy });
    return policy;
  };
}

function plain(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { ...SITE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers } });
}

export function createSiteHandler(siteDir: string): SiteHandler {
  const root = resolve(siteDir);
  const policyOf = pagePolicies();

  // Docusaurus builds one 404 page per locale; English paths live under /en.
  async function notFound(request: Request, pathname: string): Promise<Response> {
    const page = await fileInside(root, /^\/en(\/|$)/.test(pathname) ? '/en/404.html' : '/404.html');
    if (!page) return plain(404, 'Not found');
    const full = join(root, page.path);
    const headers = { ...SITE_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', 'Content-Security-Policy': await policyOf(full, page.stats) };
    return new Response(request.method === 'HEAD' ? null : await readFile(full), { status: 404, headers });
  }

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'This address only serves pages: use GET.', { Allow: 'GET, HEAD' });
    const { pathname } = new URL(request.url);
    const file = await locate(root, pathname);
    if (!file) return notFound(request, pathname);
    const { served, encoding, varies } = await chooseEncoding(root, file, request.headers.get('accept-encoding'));

    const headers = Object.fromEntries(request.headers) as Record<string, string | undefined>;
    headers.range = satisfiableRange(request.headers.get('range'), served.stats.size);
    const result = await send({ method: request.method, headers } as unknown as Readable, encodeURI(served.path), {
      root,
      dotfiles: 'ignore',
      index: false,
      extensions: false,
      cacheControl: false,
    });
    if (result.type !== 'file' && result.statusCode === 404) {
      result.stream.destroy();
      return notFound(request, pathname);
    }

    const out = new Headers(result.headers);
    for (const [name, value] of Object.entries(SITE_HEADERS)) out.set(name, value);
    if (result.type === 'file') {
      out.set('Cache-Control', cacheControl(file.path));
      if (file.path.endsWith('.html')) out.set('Content-Security-Policy', await policyOf(join(root, file.path), file.stats));
      if (varies) out.append('Vary', 'Accept-Encoding');
      if (encoding && result.statusCode !== 304) {
        out.set('Content-Encoding', encoding);
        // The sibling's own type would be application/x-brotli or application/gzip.
        const type = send.mime.getType(file.path) ?? 'application/octet-stream';
        out.set('Content-Type', send.isUtf8MimeType(type) ? `${type}; charset=utf-8` : type);
      }
    }
    const bodiless = request.method === 'HEAD' || result.statusCode === 304;
    if (bodiless) result.stream.destroy();
    return new Response(bodiless ? null : (Readable.toWeb(result.stream) as ReadableStream<Uint8Array>), { status: result.statusCode, headers: out });
  };
}
