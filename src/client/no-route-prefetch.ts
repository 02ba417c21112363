// Docusaurus' Link prefetches the chunks of every internal link once it scrolls into view, and
// on a touch or hover preloads them (downloads and runs them), so that React can draw the next
// page in place. Here moving to another page is a page load (full-page-loads.ts), and that
// page's HTML lists its own chunks (plugins/route-chunks-manifest.ts), so the work only cost the
// page being read: about 40 <link rel=prefetch> at its first idle moment, most of them for
// chunks it had already run (17 ms of script at 1x in chromium), and a finger that starts a
// scroll on a link ran the next page's code. Both now answer as Docusaurus does on a slow
// connection: not done.
//
// window.docusaurus is a frozen object that Link reads on every call, and it is set after
// client modules are evaluated, so the replacement goes in at the first route update, which
// runs before any link's IntersectionObserver can fire.
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

let installed = false;

export function onRouteDidUpdate(): void {
  if (installed || !ExecutionEnvironment.canUseDOM) return;
  installed = true;
  window.docusaurus = { prefetch: () => false, preload: () => false };
}
