// Docusaurus prefetches the chunks of every internal link the moment the link scrolls into
// view, so a guide's first seconds on a phone went to fetching other pages. Prefetches now
// wait until the page is idle after load; a tap or hover on a link still preloads at once
// (Link's own preload path, untouched).
//
// window.docusaurus is a frozen object that Link reads on every call, and it is set after
// client modules are evaluated, so the wrapper goes in at the first route update, which
// runs before any link's IntersectionObserver can fire.
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

type Docusaurus = Window['docusaurus'];

const IDLE_TIMEOUT_MS = 4_000;
let installed = false;

function install(): void {
  const original: Docusaurus = window.docusaurus;
  const waiting = new Set<string>();
  let ready = false;
  const flush = () => {
    ready = true;
    for (const path of waiting) original.prefetch(path);
    waiting.clear();
  };
  window.docusaurus = {
    preload: original.preload,
    prefetch: (path: string) => {
      if (ready) return original.prefetch(path);
      waiting.add(path);
      return false;
    },
  };
  const whenIdle = () => (window.requestIdleCallback ? window.requestIdleCallback(flush, { timeout: IDLE_TIMEOUT_MS }) : setTimeout(flush, 1_000));
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}

export function onRouteDidUpdate(): void {
  if (installed || !ExecutionEnvironment.canUseDOM) return;
  installed = true;
  install();
}
