// What every page downloads before a reader sees anything. Readers arrive from a chat link on
// a mid-range phone, so whatever the guides do not use stays out of the first load.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from '@docusaurus/types';
import { RouteChunksManifestPlugin } from './route-chunks-manifest';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const checker = join(here, '..', 'src', 'components', 'Checker');

/** Where Docusaurus has react-loadable-ssr-addon write the client manifest its server render reads. */
function clientManifestPath(config: { plugins?: unknown[] }): string {
  const addon = config.plugins?.find((plugin) => (plugin as object | null)?.constructor.name === 'ReactLoadableSSRAddon') as { options?: { filename?: string } } | undefined;
  const path = addon?.options?.filename;
  if (!path) throw new Error("plugins/first-load-plugin.ts: Docusaurus' client build no longer writes a client manifest through react-loadable-ssr-addon");
  return path;
}

/** https://v8.dev/blog/explicit-compile-hints; must be the file's first line. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

export default function firstLoadPlugin(): Plugin {
  return {
    name: 'youxiang-first-load',
    configureWebpack(config, isServer, { currentBundler }) {
      // Rspack's persistent cache does not see a plugin's aliases change; these files are its inputs.
      const cache = (config.experiments as { cache?: unknown } | undefined)?.cache;
      const inputs = [fileURLToPath(import.meta.url), join(here, 'route-chunks-manifest.ts'), join(here, 'empty-module.js'), join(here, 'tslib-import-default.js')];
      const { BannerPlugin, Compilation } = currentBundler.instance;
      return {
        ...(cache && typeof cache === 'object' ? { experiments: { cache: { buildDependencies: inputs } } } : {}),
        // V8's explicit compile hint: a script whose first line is this comment has all its
        // functions compiled while it streams in, off the main thread. Without it each function
        // is parsed and compiled on the main thread the first time it runs, and most of a page's
        // script runs at once on load: main.js evaluating, then React hydrating. Measured in
        // chromium at 1x: main.js evaluation 70 -> 59 ms of CPU, script after first paint
        // 200 -> 156 ms (BENCHMARKS.md). Added after minification, which would strip it, and
        // before the content hash is computed.
        plugins: isServer
          ? []
          : [
              new BannerPlugin({ banner: COMPILE_HINT, raw: true, test: /\.js$/, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE }),
              new RouteChunksManifestPlugin(clientManifestPath(config)),
            ],
        resolve: {
          alias: {
            // theme-classic registers prism-include-languages as a client module, which puts
            // Prism and its grammars (about 38 KB gzipped) into main.js on every page. A swizzle
            // cannot remove a client module; an alias on its resolved path can. Code blocks still
            // work: src/theme/CodeBlock loads Prism with the block, when a page has one.
            [require.resolve('@docusaurus/theme-classic/lib/prism-include-languages')]: join(here, 'empty-module.js'),
            // @docusaurus/utils-common is CommonJS, and its require('tslib') put all of tslib
            // (4 KB gzipped) into main.js for the one helper it uses; nothing else in the
            // bundle uses tslib (tests/registry/first-load.test.ts keeps both true).
            [join(dirname(require.resolve('tslib')), 'tslib.es6.mjs')]: join(here, 'tslib-import-default.js'),
            // The server draws the checker's form where it will stand; the browser keeps that
            // drawing and loads the form's code only when the reader nears it.
            ...(isServer ? {} : { [join(checker, 'FormPreview')]: join(checker, 'FormPreview.browser.tsx') }),
          },
        },
      };
    },
  };
}
