// Album videos on YouTube/Vimeo: nothing from the provider loads until the citizen presses "play here".
// Without JavaScript the button stays hidden and the link to the video's own page remains.
(function () {
  "use strict";
  function play(figure) {
    var frame = document.createElement("iframe");
    frame.src = figure.getAttribute("data-player");
    frame.title = figure.getAttribute("data-title") || "";
    frame.allow = "autoplay; fullscreen; picture-in-picture";
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    var box = figure.querySelector(".video-embed__frame");
    box.textContent = "";
    box.appendChild(frame);
    frame.focus();
  }
  document.querySelectorAll("[data-video-embed]").forEach(function (figure) {
    var button = figure.querySelector("[data-video-play]");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () { play(figure); });
  });
})();
