// What every page downloads before a reader sees anything. Readers arrive from a chat link on
// a mid-range phone, so whatever the guides do not use stays out of the first load.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from '@docusaurus/types';

const require = createRequire(import.meta.url);

export default function firstLoadPlugin(): Plugin {
  return {
    name: 'youxiang-first-load',
    configureWebpack() {
      return {
        resolve: {
          alias: {
            // theme-classic registers prism-include-languages as a client module, which puts
            // Prism and its grammars (about 38 KB gzipped) into main.js on every page. A swizzle
            // cannot remove a client module; an alias on its resolved path can. Code blocks still
            // work: src/theme/CodeBlock loads Prism with the block, when a page has one.
            [require.resolve('@docusaurus/theme-classic/lib/prism-include-languages')]: join(dirname(fileURLToPath(import.meta.url)), 'empty-module.js'),
          },
        },
      };
    },
  };
}
