/* Lesson page: grows each package frame to the height its player reports. The
 * player runs on the content origin (data-content-origin), so its document
 * cannot be read from here; a message counts only if it comes from that origin
 * and from that very frame. Runs once even with several blocks. */
(function () {
  "use strict";
  if (window.iqPackageFramesReady) {
    return;
  }
  window.iqPackageFramesReady = true;
  var MIN_HEIGHT = 400;
  var MAX_HEIGHT = 2400;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (
      !data ||
      data.type !== "iq-package-height" ||
      typeof data.height !== "number" ||
      !isFinite(data.height)
    ) {
      return;
    }
    document.querySelectorAll("[data-package-frame]").forEach(function (frame) {
      if (
        event.source === frame.contentWindow &&
        event.origin === frame.getAttribute("data-content-origin")
      ) {
        var height = Math.max(data.height, MIN_HEIGHT) + 16;
        frame.style.height = Math.min(height, MAX_HEIGHT) + "px";
      }
    });
  });
})();
