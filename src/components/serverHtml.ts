// The inner HTML the server rendered for an element of this page, read before React replaces
// anything. A component hands it back to React as dangerouslySetInnerHTML when its client
// bundle does not carry what the server rendered there (a static run of a guide, the
// checker's form before it loads): React keeps that HTML, and if hydration ever fails and
// React renders the page anew, the element comes out as the server drew it, not empty.
// Read once per element, so later renders hand React the same string and it leaves the DOM alone.
let page: { path: string; html: Map<string, string> } | undefined;

export function serverHtml(selector: string): string {
  page ??= { path: location.pathname, html: new Map() };
  // Another page's elements are not on this one (a navigation made in code reloads the page).
  if (page.path !== location.pathname) return '';
  let html = page.html.get(selector);
  if (html === undefined) {
    html = document.querySelector(selector)?.innerHTML ?? '';
    page.html.set(selector, html);
  }
  return html;
}
