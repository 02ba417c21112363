// Inlined into every page's <head> by plugins/ssr-template.ts. A link from a chat often
// carries a #section. Chrome keeps that section in view while sections above it render (they
// start at an estimated height, plugins/rehype-sections.ts) only until the document is
// parsed; with the scripts now running after the first paint, sections render later than
// that, and scroll anchoring alone left the heading up to 130 px off. This keeps the target
// at the top until the page has loaded, unless the reader scrolls or taps first.
// Plain ES5, like scripts-after-first-paint.js.
(function () {
  var id;
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch (e) {
    return;
  }
  if (!id || !window.ResizeObserver) return;
  var observer = null;
  var inputs = ['wheel', 'touchstart', 'pointerdown', 'keydown'];

  function stop() {
    if (observer) observer.disconnect();
    observer = null;
    for (var i = 0; i < inputs.length; i += 1) removeEventListener(inputs[i], stop, true);
  }

  for (var i = 0; i < inputs.length; i += 1) addEventListener(inputs[i], stop, true);
  document.addEventListener('DOMContentLoaded', function () {
    var target = document.getElementById(id);
    var sections = document.querySelectorAll('.guide-section');
    if (!target || !sections.length) return stop();
    observer = new ResizeObserver(function () {
      if (observer) target.scrollIntoView({ block: 'start', behavior: 'instant' });
    });
    for (var j = 0; j < sections.length; j += 1) {
      // Only sections above the target, or holding it, can move it.
      if (sections[j].contains(target) || sections[j].compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING) {
        observer.observe(sections[j]);
      }
    }
  });
  addEventListener('load', function () {
    setTimeout(stop, 1000);
  });
})();
