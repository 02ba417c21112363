// plugins/first-load-plugin.ts resolves tslib to the one helper @docusaurus/utils-common uses
// in the browser. An upgrade that uses another helper, or another client package that needs
// tslib, must fail here rather than in a reader's browser.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/site';

const require = createRequire(import.meta.url);
const shim = require(join(root, 'plugins', 'tslib-import-default.js')) as Record<string, unknown>;

function helpersUsedIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/tslib_\d+\.(__\w+)/g)].map((m) => m[1]));
}

describe('the tslib shim', () => {
  it('provides every helper @docusaurus/utils-common uses', () => {
    const used = [...new Set(helpersUsedIn(dirname(require.resolve('@docusaurus/utils-common'))))];
    expect(used.length).toBeGreaterThan(0);
    for (const helper of used) expect(typeof shim[helper], helper).toBe('function');
  });

  it('behaves as tslib\'s __importDefault', () => {
    const importDefault = shim.__importDefault as (m: unknown) => { default: unknown };
    const esm = { __esModule: true, default: 1 };
    expect(importDefault(esm)).toBe(esm);
    const cjs = () => 2;
    expect(importDefault(cjs).default).toBe(cjs);
  });

  it('is needed by no other package the pages import', () => {
    // The client-side packages of the build: Docusaurus' client code, the theme, React's router
    // stack and the search plugin's client (its server part runs in Node, where tslib is real).
    const client = [
      '@docusaurus/core/lib/client',
      '@docusaurus/theme-common/lib',
      '@docusaurus/theme-classic/lib/theme',
      '@docusaurus/plugin-content-docs/lib/client',
      '@easyops-cn/docusaurus-search-local/dist/client',
      'react-helmet-async/lib',
      'react-router/cjs',
      'react-loadable/lib',
    ];
    const importers = client.flatMap((pkg) => {
      const files = (readdirSync(join(root, 'node_modules', pkg), { recursive: true }) as string[]).filter((f) => /\.(m?js)$/.test(f));
      return files.filter((f) => /from ['"]tslib['"]|require\(['"]tslib['"]\)/.test(readFileSync(join(root, 'node_modules', pkg, f), 'utf8'))).map((f) => `${pkg}/${f}`);
    });
    expect(importers).toEqual([]);
  });
});
