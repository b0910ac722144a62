// Page furniture: the phone menu toggle, submenus, text size (A−/A/A+) and the print button.
// Progressive enhancement: without JavaScript the menu opens through its link (#site-menu, CSS :target),
// submenus are <details>, and the text-size and print buttons stay hidden.
// A file, not an inline script: the public Content Security Policy forbids inline code.
(function () {
  "use strict";
  var root = document.documentElement;

  // --- Menu toggle (phone) ---------------------------------------------------------------------
  var menu = document.getElementById("site-menu");
  var toggle = document.querySelector(".menu-toggle--button");
  function setOpen(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("is-open", open);
  }
  if (menu && toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () { setOpen(toggle.getAttribute("aria-expanded") !== "true"); });
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true" && toggle.offsetParent) {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  // --- Submenus: one open at a time on a wide screen; Escape closes; a click elsewhere closes ---------
  var subs = Array.prototype.slice.call(document.querySelectorAll("[data-menu-sub]"));
  // Keeps keep's ancestors and descendants: "toggle" events arrive late on a busy phone, so a parent's may
  // come after its child was opened (keyboard or quick taps) and must not close that child.
  function closeOthers(keep) {
    subs.forEach(function (sub) {
      if (sub !== keep && !sub.contains(keep) && !(keep && keep.contains(sub))) sub.open = false;
    });
  }
  subs.forEach(function (sub) {
    sub.addEventListener("toggle", function () { if (sub.open) closeOthers(sub); });
    sub.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && sub.open) {
        sub.open = false;
        sub.querySelector("summary").focus();
        event.stopPropagation();
      }
    });
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest("[data-menu-sub]")) closeOthers(null);
  });

  // --- Text size: classes on <html> (no inline styles under the CSP), remembered in localStorage ------
  var LEVELS = 6; // text-size-0 (100 %) … text-size-5 (200 %): see site.css
  var KEY = "portal-text-size";
  function currentLevel() {
    for (var i = 1; i < LEVELS; i++) if (root.classList.contains("text-size-" + i)) return i;
    return 0;
  }
  function setLevel(level) {
    level = Math.max(0, Math.min(LEVELS - 1, level));
    for (var i = 1; i < LEVELS; i++) root.classList.remove("text-size-" + i);
    if (level) root.classList.add("text-size-" + level);
    try {
      if (level) localStorage.setItem(KEY, String(level));
      else localStorage.removeItem(KEY);
    } catch (error) { /* storage disabled: the size holds for this page only */ }
    document.querySelectorAll("[data-text-size-step]").forEach(function (button) {
      var step = Number(button.dataset.textSizeStep);
      button.disabled = (step < 0 && level === 0) || (step > 0 && level === LEVELS - 1) || (step === 0 && level === 0);
    });
  }
  document.querySelectorAll("[data-text-size]").forEach(function (group) {
    group.hidden = false;
    group.addEventListener("click", function (event) {
      var button = event.target.closest("[data-text-size-step]");
      if (!button) return;
      var step = Number(button.dataset.textSizeStep);
      setLevel(step === 0 ? 0 : currentLevel() + step);
    });
  });
  setLevel(currentLevel());

  // --- Print: the printout carries the source address and the day it was printed ---------------------
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function stampPrintDate() {
    var now = new Date();
    var text = two(now.getDate()) + "/" + two(now.getMonth() + 1) + "/" + now.getFullYear();
    document.querySelectorAll("[data-print-date]").forEach(function (el) { el.textContent = text; });
  }
  window.addEventListener("beforeprint", stampPrintDate);
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { stampPrintDate(); window.print(); });
  });
})();
