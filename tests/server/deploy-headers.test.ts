// The deploy file for static hosts (static/_headers, completed by the build) against the
// headers the Node server is made to send: one set of values, wherever the site is served.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDeployHeaders } from '../../scripts/deploy-headers';
import { SITE_HEADERS } from '../../server/security-headers';
import { headersFor, parseHeadersFile } from '../support/headers-file';
import { root } from '../support/site';

const lower = (headers: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
const sha = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('static/_headers', () => {
  it('gives every path exactly the headers the Node server sends on every page', () => {
    const rules = parseHeadersFile(readFileSync(join(root, 'static', '_headers'), 'utf8'));
    for (const path of ['/', '/youxiang/204-wangyi-qiyeyouxiang-netease-enterprise-mailbox', '/en/404.html', '/assets/js/main.js']) {
      expect(headersFor(rules, path)).toEqual(lower(SITE_HEADERS));
    }
  });

  it("the build adds one script policy that allows every page's inline scripts and nothing else", () => {
    const dir = mkdtempSync(join(tmpdir(), 'youxiang-headers-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'en'));
    copyFileSync(join(root, 'static', '_headers'), join(dir, '_headers'));
    writeFileSync(join(dir, 'index.html'), '<script>var a=1</script><script src="/assets/js/main.js"></script><script type="application/ld+json">{"@type":"Thing"}</script>');
    writeFileSync(join(dir, 'en', 'index.html'), '<script>var b=2</script><script type="module">var c=3</script><script>var a=1</script>');
    writeDeployHeaders(dir);
    // Running it again (a second build step, a manual run) must not add a second policy.
    writeDeployHeaders(dir);
    const headers = headersFor(parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8')), '/en/youxiang/x');
    const scripts = [sha('var a=1'), sha('var b=2'), sha('var c=3')].sort();
    expect(headers).toEqual({ ...lower(SITE_HEADERS), 'content-security-policy': `${SITE_HEADERS['Content-Security-Policy']}, script-src 'self' ${scripts.join(' ')}` });
  });
});
