// The "Thống kê truy cập" box with the figures of now: the page around it may come from the page cache
// (cms/pagecache), built up to PAGE_CACHE_SECONDS ago, while /api/v2/visits/ is never cached. An external
// file, not an inline script: the public Content-Security-Policy allows scripts from 'self' only. Without
// JavaScript, or if the request fails, the figures the server wrote into the page stay.
(function () {
  var box = document.querySelector("[data-visits-url]");
  if (!box || !window.fetch) {
    return;
  }
  var format = new Intl.NumberFormat(document.documentElement.lang || "vi");
  fetch(box.getAttribute("data-visits-url"), { credentials: "omit", headers: { Accept: "application/json" } })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (figures) {
      if (!figures) {
        return;
      }
      box.querySelectorAll("[data-visits]").forEach(function (cell) {
        var value = figures[cell.getAttribute("data-visits")];
        if (typeof value === "number") {
          cell.textContent = format.format(value);
        }
      });
      box.setAttribute("data-visits-live", "");
    })
    .catch(function () {});
})();
