// Marks the page as scripted before first paint, so CSS can hide no-JS fallbacks, and applies the reader's
// remembered text size (site.js's A−/A+) before the page is drawn, so it does not jump.
// A file, not an inline script: the public Content Security Policy forbids inline code.
document.documentElement.classList.replace("no-js", "js");
(function () {
  try {
    var level = Number(localStorage.getItem("portal-text-size"));
    if (level >= 1 && level <= 5) document.documentElement.classList.add("text-size-" + Math.floor(level));
  } catch (error) { /* storage disabled */ }
})();
