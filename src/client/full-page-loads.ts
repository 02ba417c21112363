// A guide's client bundle holds its islands, not its text (plugins/rehype-islands.ts), so
// rendering another guide in place would show an empty page. Moving to another page is a page
// load, as a link from a chat is: a link to another path is left to the browser before React
// Router sees the click, and a navigation made in code (a search hit chosen with the
// keyboard) is turned into a load of its URL. Links within a page (#section) stay in place.
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import type { Location } from 'history';

function elsewhere(anchor: HTMLAnchorElement): boolean {
  if (anchor.target && anchor.target !== '_self') return false;
  if (anchor.hasAttribute('download')) return false;
  const url = new URL(anchor.href, location.href);
  return url.origin === location.origin && url.pathname !== location.pathname;
}

if (ExecutionEnvironment.canUseDOM) {
  // Capture on window runs before React's listeners on its root, which would push the route.
  window.addEventListener(
    'click',
    (event) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (anchor instanceof HTMLAnchorElement && elsewhere(anchor)) event.stopPropagation();
    },
    true,
  );
}

// The history entry already holds the new URL; assigning it again would only move to its
// #section when it has one, so the page is reloaded at that URL instead.
export function onRouteUpdate({ location: next, previousLocation }: { location: Location; previousLocation: Location | null }): void {
  if (previousLocation && next.pathname !== previousLocation.pathname) window.location.reload();
}
