// Inlined into every page's <head> by plugins/ssr-template.ts, in place of Docusaurus'
// <script defer> tags, after a <link rel=preload> for each of them, which already started the
// downloads and which it reads for their URLs: the page's route chunks differ from page to page,
// and the script itself must not, or the site's script policy would need a hash for every page.
// With `defer`, a cached or fast main.js runs as soon as the
// document is parsed, and the first paint of a long guide waits for it. The reader needs
// the text first; hydration can wait until the browser has painted once.
// Plain ES5: this runs before any polyfill, in every in-app browser that opens a chat link.
(function (links) {
  var urls = [];
  // The attribute as written, not the resolved `href`: webpack finds a chunk's script already in
  // the page by comparing its src attribute with the chunk's path, and would load it again.
  for (var l = 0; l < links.length; l += 1) urls.push(links[l].getAttribute('href'));
  var parsed = document.readyState !== 'loading';
  var painted = false;
  var started = false;

  function start() {
    // Dynamic scripts do not wait for the parser as `defer` does; React must see the whole
    // server-rendered document, so both conditions hold before anything runs.
    if (started || !parsed || !painted) return;
    started = true;
    for (var i = 0; i < urls.length; i += 1) {
      var script = document.createElement('script');
      script.src = urls[i];
      // In insertion order, like the defer tags they replace.
      script.async = false;
      document.head.appendChild(script);
    }
  }

  function paint() {
    painted = true;
    start();
  }

  var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
  if (types && types.indexOf('paint') !== -1) {
    new PerformanceObserver(function (list) {
      if (list.getEntriesByName('first-contentful-paint').length) paint();
    }).observe({ type: 'paint', buffered: true });
    // A page opened in a background tab does not paint until it is shown; it still hydrates.
    setTimeout(paint, 3000);
  } else {
    painted = true;
  }

  if (!parsed) {
    document.addEventListener('DOMContentLoaded', function () {
      parsed = true;
      start();
    });
  }
  start();
})
