// Counts this page view when HTML is served from a cache (VISITS_MODE=beacon, cms/visits). An external file,
// not an inline script: the public Content-Security-Policy allows scripts from 'self' only.
(function () {
  var script = document.currentScript;
  if (script && navigator.sendBeacon) {
    navigator.sendBeacon(script.getAttribute("data-url"));
  }
})();
