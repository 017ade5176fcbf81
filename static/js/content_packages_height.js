/* Player (content origin): tells the lesson page how tall the content is, so
 * its frame can grow. The lesson page is another origin and cannot read this
 * document; it accepts these messages only from this frame and this origin. */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("package-config").textContent);
  if (!config.parentOrigin || window.parent === window) {
    return;
  }
  var reported = 0;
  function report() {
    var height = Math.ceil(document.body.scrollHeight);
    if (height !== reported) {
      reported = height;
      window.parent.postMessage(
        { type: "iq-package-height", height: height },
        config.parentOrigin
      );
    }
  }
  window.addEventListener("load", report);
  if (window.ResizeObserver) {
    new window.ResizeObserver(report).observe(document.body);
  }
  window.setInterval(report, 1000);
})();
