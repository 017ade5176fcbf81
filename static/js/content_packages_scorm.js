/* SCORM player (content origin): scorm-again provides the run-time API
 * (window.API for SCORM 1.2, window.API_1484_11 for 2004) before the SCO is
 * loaded into the inner frame; commits go to this launch's commit URL, which
 * carries the launch token (no cookies here). */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("package-config").textContent);
  var frame = document.getElementById("sco-frame");

  var status = document.getElementById("package-status");
  var queue = config.tracking
    ? window.IQTrackingQueue({
        storageKey: config.queueKey,
        base: config.trackingBase,
        onChange: function (state) {
          status.textContent = config.messages[state] || "";
        },
      })
    : null;

  function headers() {
    return { "Content-Type": "application/json" };
  }

  /* Transport only: the SCORM logic stays in scorm-again. Regular commits are
   * synchronous (as SCORM expects); the final commit on unload is a keepalive
   * fetch. A commit is a whole snapshot of the attempt: one that fails for a
   * passing reason (network, 5xx, an expired launch) goes to the tracking queue,
   * which keeps only the newest snapshot per attempt and sends it until it is
   * acknowledged, also after a reload; the SCO is told it was accepted, so it
   * does not alert the learner for what the queue will deliver. */
  var httpService = {
    processHttpRequest: function (url, params, immediate) {
      var path = config.commitPath;
      if (immediate) {
        /* The terminating commit: it may finish the attempt on the server. */
        params = Object.assign({}, params, { iqTerminated: true });
        queue.send(path, params, { replace: path, keepalive: true });
        return { result: "true", errorCode: 0 };
      }
      var body = JSON.stringify(params);
      var code = 0;
      var xhr = new XMLHttpRequest();
      try {
        xhr.open("POST", url, false);
        var h = headers();
        Object.keys(h).forEach(function (key) {
          xhr.setRequestHeader(key, h[key]);
        });
        xhr.send(body);
        code = xhr.status;
      } catch (error) {
        code = 0;
      }
      var outcome = queue.outcome(code);
      if (outcome === "saved" || outcome === "closed") {
        queue.acknowledged(path);
        return { result: "true", errorCode: 0 };
      }
      if (outcome === "refused") {
        return { result: "false", errorCode: 101 };
      }
      queue.send(path, params, { replace: path, later: true });
      return { result: "true", errorCode: 0 };
    },
    updateSettings: function () {},
  };

  var settings = {
    autocommit: true,
    autocommitSeconds: 5,
    lmsCommitUrl: config.tracking ? config.commitUrl : false,
    dataCommitFormat: "json",
    logLevel: 4,
  };
  if (config.tracking) {
    settings.httpService = httpService;
  }
  var api =
    config.version === "1.2"
      ? new window.Scorm12API(settings)
      : new window.Scorm2004API(settings);
  api.loadFromJSON(config.cmi, "");
  if (config.version === "1.2") {
    window.API = api;
  } else {
    window.API_1484_11 = api;
  }
  /* SCORM 2004 navigation requests: a SCO that asks for "continue" or
   * "previous" and terminates opens the next or previous part (the table of
   * contents beside it lets the learner choose any part). */
  if (config.version !== "1.2" && config.scoCount > 1) {
    var navRequest = "";
    api.on("SetValue", function (element, value) {
      if (element === "adl.nav.request") {
        navRequest = String(value);
      }
    });
    api.on("Terminate", function () {
      var target = { continue: config.sco + 1, previous: config.sco - 1 }[navRequest];
      if (typeof target === "number" && target >= 0 && target < config.scoCount) {
        window.setTimeout(function () {
          window.location.search = "?sco=" + target;
        }, 0);
      }
    });
  }
  if (queue) {
    /* What an earlier visit could not deliver. */
    queue.flush();
  }
  frame.src = config.launchUrl;
})();
