// Banner carousel: progressive enhancement. Without JavaScript the first slide shows.
// Keyboard: Left/Right arrows move between slides; the pause button stops rotation.
(function () {
  "use strict";
  var INTERVAL_MS = 6000;
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function setup(root) {
    var slides = Array.prototype.slice.call(root.querySelectorAll("[data-carousel-slide]"));
    if (slides.length < 2) return;
    var controls = root.querySelector("[data-carousel-controls]");
    var pauseButton = root.querySelector("[data-carousel-pause]");
    var current = 0;
    var timer = null;
    var paused = reduceMotion;
    controls.hidden = false;

    function show(index) {
      current = (index + slides.length) % slides.length;
      slides.forEach(function (slide, i) {
        var active = i === current;
        slide.classList.toggle("is-active", active);
        slide.setAttribute("aria-hidden", active ? "false" : "true");
        slide.querySelectorAll("a").forEach(function (link) { link.tabIndex = active ? 0 : -1; });
      });
    }
    function stop() { if (timer) { clearInterval(timer); timer = null; } }
    function start() { stop(); if (!paused) timer = setInterval(function () { show(current + 1); }, INTERVAL_MS); }
    function setPaused(value) {
      paused = value;
      pauseButton.setAttribute("aria-pressed", paused ? "true" : "false");
      pauseButton.setAttribute("aria-label", paused ? pauseButton.dataset.labelPlay : pauseButton.dataset.labelPause);
      pauseButton.textContent = paused ? "▶" : "❚❚";
      root.querySelector(".carousel__slides").setAttribute("aria-live", paused ? "polite" : "off");
      start();
    }

    root.querySelector("[data-carousel-next]").addEventListener("click", function () { show(current + 1); start(); });
    root.querySelector("[data-carousel-prev]").addEventListener("click", function () { show(current - 1); start(); });
    pauseButton.addEventListener("click", function () { setPaused(!paused); });
    root.addEventListener("keydown", function (event) {
      if (event.key === "ArrowRight") { show(current + 1); start(); event.preventDefault(); }
      if (event.key === "ArrowLeft") { show(current - 1); start(); event.preventDefault(); }
    });
    // Rotation stops while a person is reading or using the controls (WCAG 2.2.2).
    root.addEventListener("focusin", stop);
    root.addEventListener("focusout", start);
    root.addEventListener("mouseenter", stop);
    root.addEventListener("mouseleave", start);
    setPaused(paused);
    show(0);
  }

  document.querySelectorAll("[data-carousel]").forEach(setup);
})();
