// Solves the form's proof-of-work challenge (ALTCHA v1: find n with SHA-256(salt + n) = challenge), writes the
// answer into the hidden "altcha" field and only then lets the form be sent. Nothing leaves the portal.
(function () {
  "use strict";
  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }
  async function solve(challenge) {
    var encoder = new TextEncoder();
    for (var n = 0; n <= challenge.maxNumber; n++) {
      var digest = await crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + n));
      if (hex(digest) === challenge.challenge) return n;
    }
    return null;
  }
  document.querySelectorAll("[data-challenge-form]").forEach(function (form) {
    var box = form.querySelector("[data-challenge]");
    var field = form.querySelector("input[name=altcha]");
    var button = form.querySelector("[data-challenge-submit]");
    if (!box || !field || !button || !window.crypto || !crypto.subtle) return;
    var challenge = JSON.parse(box.getAttribute("data-challenge"));
    button.disabled = true;
    box.textContent = box.getAttribute("data-working") || "Đang xác minh trình duyệt…";
    solve(challenge).then(function (number) {
      if (number === null) { box.textContent = "Không xác minh được. Vui lòng tải lại trang."; return; }
      field.value = btoa(JSON.stringify({
        algorithm: challenge.algorithm, challenge: challenge.challenge, number: number,
        salt: challenge.salt, signature: challenge.signature
      }));
      box.textContent = box.getAttribute("data-done") || "Đã xác minh.";
      button.disabled = false;
    });
  });
})();
