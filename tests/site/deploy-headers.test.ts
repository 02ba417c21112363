// build/_headers, what a static host would send, against what the production server sends for
// the real pages of the build: the same headers, and script policies that allow the very
// inline scripts each page carries (hashed here independently, from the parsed HTML).
import { load } from 'cheerio';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile, type HeaderRules } from '../support/headers-file';
import { startSite, type RunningServer } from '../support/serve';
import { buildDir } from '../support/site';

const netease = '/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox';
let site: RunningServer;
let rules: HeaderRules;

beforeAll(async () => {
  rules = parseHeadersFile(readFileSync(join(buildDir, '_headers'), 'utf8'));
  site = await startSite();
});
afterAll(() => site?.stop());

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? htmlFiles(path) : entry.name.endsWith('.html') ? [path] : [];
  });
}

/** The hash sources of the scripts a browser would run inline on this page. */
function inlineScripts(html: string): string[] {
  const $ = load(html);
  return $('script:not([src])')
    .filter((_, el) => ['', 'text/javascript', 'module'].includes(($(el).attr('type') ?? '').toLowerCase()))
    .map((_, el) => `'sha256-${createHash('sha256').update($(el).text()).digest('base64')}'`)
    .get();
}

const policies = (csp: string) => csp.split(/\s*,\s*/);
const sources = (policy: string) => policy.split(/\s+/).slice(1);

describe('build/_headers', () => {
  it('allows the inline scripts of every built page, and has some to allow', () => {
    const allowed = sources(policies(headersFor(rules, '/')['content-security-policy'])[1]);
    const pages = htmlFiles(buildDir);
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const scripts = inlineScripts(readFileSync(page, 'utf8'));
      expect(scripts.length, relative(buildDir, page)).toBeGreaterThan(0);
      expect(allowed, relative(buildDir, page)).toEqual(expect.arrayContaining(scripts));
    }
  });

  it.each(['/', '/en', netease, `/en${netease}`, '/search', '/youxiang/no-such-guide', '/en/youxiang/no-such-guide'])(
    '%s: the server sends what a static host would',
    async (path) => {
      const deploy = headersFor(rules, path);
      const response = await fetch(`${site.origin}${path}`);
      for (const [name, value] of Object.entries(deploy)) {
        if (name !== 'content-security-policy') expect(response.headers.get(name), name).toBe(value);
      }
      const [sitePolicy, scriptPolicy] = policies(response.headers.get('content-security-policy')!);
      const [deploySitePolicy, deployScriptPolicy] = policies(deploy['content-security-policy']);
      expect(sitePolicy).toBe(deploySitePolicy);
      // The server allows exactly this page's inline scripts; the deploy file, those of all pages.
      expect(scriptPolicy.startsWith("script-src 'self' ")).toBe(true);
      expect(sources(scriptPolicy).sort()).toEqual(["'self'", ...new Set(inlineScripts(await response.text()))].sort());
      expect(sources(deployScriptPolicy)).toEqual(expect.arrayContaining(sources(scriptPolicy)));
    },
  );
});
