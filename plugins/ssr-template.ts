// Docusaurus' own page template, with one change: its `<script defer>` tags become preloads
// plus src/client/scripts-after-first-paint.js, so scripts download as before but run only
// after the first contentful paint. Lighthouse showed why: on a fast load the deferred
// scripts ran before the first paint in about half the runs, and then the page's LCP counted
// main.js (1.7 s vs 2.3 s simulated, BENCHMARKS.md). A phone with main.js cached does the same.
// Because Chrome then stops holding a link's #section in view earlier, fragment-in-view.js
// goes in with it.
// The template is taken from @docusaurus/core and edited, not copied, so an upgrade that
// changes the script tags fails the build here instead of silently dropping the change.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

const stock: string = require('@docusaurus/core/lib/ssg/ssgTemplate.html.js').default;

const DEFER_TAGS = `    <% it.scripts.forEach((script) => { %>
      <script src="<%= it.baseUrl %><%= script %>" defer></script>
    <% }); %>`;

/** A browser script from src/client, without its comment lines (the HTML minifier does the rest). */
function inline(file: string): string {
  return readFileSync(join(here, '..', 'src', 'client', file), 'utf8')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\n\s*\n/g, '\n')
    .trim();
}

const PAINT_FIRST_TAGS = `    <% it.scripts.forEach((script) => { %>
      <link rel="preload" as="script" href="<%= it.baseUrl %><%= script %>">
    <% }); %>
    <script>${inline('scripts-after-first-paint.js')}(document.querySelectorAll('link[rel=preload][as=script]'))</script>
    <script>${inline('fragment-in-view.js')}</script>`;

if (!stock.includes(DEFER_TAGS)) {
  throw new Error("plugins/ssr-template.ts: Docusaurus' page template no longer has the script tags it replaces");
}

export const ssrTemplate = stock.replace(DEFER_TAGS, PAINT_FIRST_TAGS);
