/* SCORM player (content origin): scorm-again provides the run-time API
 * (window.API for SCORM 1.2, window.API_1484_11 for 2004) before the SCO is
 * loaded into the inner frame; commits go to this launch's commit URL, which
 * carries the launch token (no cookies here). */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("package-config").textContent);
  var frame = document.getElementById("sco-frame");

  function headers() {
    return { "Content-Type": "application/json" };
  }

  /* Transport only: the SCORM logic stays in scorm-again. Regular commits are
   * synchronous (as SCORM expects); the final commit on unload uses a keepalive
   * fetch, which, unlike sendBeacon, sends the JSON content type as it is. */
  var httpService = {
    processHttpRequest: function (url, params, immediate) {
      var body = JSON.stringify(params);
      if (immediate) {
        fetch(url, {
          method: "POST",
          body: body,
          keepalive: true,
          credentials: "omit",
          headers: headers(),
        });
        return { result: "true", errorCode: 0 };
      }
      var xhr = new XMLHttpRequest();
      try {
        xhr.open("POST", url, false);
        var h = headers();
        Object.keys(h).forEach(function (key) {
          xhr.setRequestHeader(key, h[key]);
        });
        xhr.send(body);
      } catch (error) {
        return { result: "false", errorCode: 101 };
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        return { result: "true", errorCode: 0 };
      }
      return { result: "false", errorCode: 101 };
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
  frame.src = config.launchUrl;
})();
