// The headers every page of the site is sent with, by the Node server and (through _headers)
// by a static host. One source: static/_headers must list SITE_HEADERS exactly (a test parses
// it), and the build appends the script policy computed from the built pages to build/_headers.
import { createHash } from 'node:crypto';
import { IMAGE_HOST } from '../registry/screenshots';

export const SITE_HEADERS: Readonly<Record<string, string>> = {
  // A file is only ever what its Content-Type says, never sniffed into HTML or script.
  'X-Content-Type-Options': 'nosniff',
  // The guides have a password field (the checker): no other site may frame them to overlay
  // it. frame-ancestors is the standard; X-Frame-Options covers browsers that predate it.
  'X-Frame-Options': 'DENY',
  // Images only from the site, inline data (the theme's icons) and Laifaxin's file host, which
  // serves the guides' screenshots and the support QR code in the footer.
  'Content-Security-Policy': `frame-ancestors 'none'; object-src 'none'; base-uri 'self'; img-src 'self' data: ${IMAGE_HOST}`,
  // Other sites learn which site a reader came from, not which guide or which anchor.
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

// Types a browser runs as script; JSON-LD and other data blocks are never executed.
const SCRIPT_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** The CSP hash source of every inline script of a page, as CSP computes it: over the text as written. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, text] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1].toLowerCase() ?? '';
    if (!SCRIPT_TYPES.has(type)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  }
  return [...hashes].sort();
}

/**
 * Scripts may come from this origin, plus the inline scripts whose hashes are given (Docusaurus
 * writes a few: the colour-mode bootstrap, the base-URL check). Anything injected into a page
 * does not run. A second policy next to SITE_HEADERS' one: browsers enforce both.
 */
export function scriptPolicy(hashes: readonly string[]): string {
  return ["script-src 'self'", ...hashes].join(' ');
}

/** The Content-Security-Policy value of a page: the site-wide policy and the page's script policy. */
export function pagePolicy(hashes: readonly string[]): string {
  return `${SITE_HEADERS['Content-Security-Policy']}, ${scriptPolicy(hashes)}`;
}
