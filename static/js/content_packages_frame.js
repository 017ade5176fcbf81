/* Lesson page: grows each package frame to its content's height (the frame is
 * same-origin, so its height can be read); runs once even with several blocks. */
(function () {
  "use strict";
  if (window.iqPackageFramesReady) {
    return;
  }
  window.iqPackageFramesReady = true;
  function fit(frame) {
    try {
      var doc = frame.contentDocument;
      if (doc && doc.body) {
        var height = Math.max(doc.body.scrollHeight, 400);
        frame.style.height = Math.min(height + 16, 2400) + "px";
      }
    } catch (error) {
      /* Not readable: keep the CSS height. */
    }
  }
  document.querySelectorAll("[data-package-frame]").forEach(function (frame) {
    frame.addEventListener("load", function () {
      fit(frame);
      window.setInterval(function () {
        fit(frame);
      }, 1000);
    });
  });
})();
