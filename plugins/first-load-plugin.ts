// What every page downloads before a reader sees anything. Readers arrive from a chat link on
// a mid-range phone, so whatever the guides do not use stays out of the first load.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from '@docusaurus/types';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const checker = join(here, '..', 'src', 'components', 'Checker');

export default function firstLoadPlugin(): Plugin {
  return {
    name: 'youxiang-first-load',
    configureWebpack(config, isServer) {
      // Rspack's persistent cache does not see a plugin's aliases change; these files are its inputs.
      const cache = (config.experiments as { cache?: unknown } | undefined)?.cache;
      const inputs = [fileURLToPath(import.meta.url), join(here, 'empty-module.js'), join(here, 'tslib-import-default.js')];
      return {
        ...(cache && typeof cache === 'object' ? { experiments: { cache: { buildDependencies: inputs } } } : {}),
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
