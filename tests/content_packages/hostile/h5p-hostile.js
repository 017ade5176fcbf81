/* The H5P library of the hostile package: runs the checks, then plays as an
 * honest H5P content would and reports a full score. */
H5P.HostileCheck = (function (EventDispatcher) {
  "use strict";
  function HostileCheck(params, contentId) {
    EventDispatcher.call(this);
    this.contentId = contentId;
  }
  HostileCheck.prototype = Object.create(EventDispatcher.prototype);
  HostileCheck.prototype.constructor = HostileCheck;
  HostileCheck.prototype.attach = function ($container) {
    var self = this;
    var root = $container[0];
    root.innerHTML = "<h2>Selbsttest</h2>";
    window.iqHostileChecks(root).then(function () {
      function whenPlayerListens() {
        if (window.parent.document.body.getAttribute("data-player-ready") !== "true") {
          window.setTimeout(whenPlayerListens, 100);
          return;
        }
        self.triggerXAPIScored(1, 1, "answered");
        document.body.setAttribute("data-hostile-done", "true");
      }
      whenPlayerListens();
    });
  };
  return HostileCheck;
})(H5P.EventDispatcher);
