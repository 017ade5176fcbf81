/* H5P player (content origin): h5p-standalone renders the package; its xAPI
 * statements and resume state are posted to this launch's tracking URLs, which
 * carry the launch token (no cookies here). The actor is replaced by the
 * learner's platform account (the server checks it again). */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("package-config").textContent);
  var container = document.getElementById("h5p-container");
  var status = document.getElementById("package-status");
  var TRACKED = [
    "http://adlnet.gov/expapi/verbs/answered",
    "http://adlnet.gov/expapi/verbs/completed",
    "http://adlnet.gov/expapi/verbs/passed",
    "http://adlnet.gov/expapi/verbs/failed",
  ];
  var lastState = null;
  var queue = Promise.resolve();

  function post(url, body, keepalive) {
    return fetch(url, {
      method: "POST",
      credentials: "omit",
      keepalive: !!keepalive,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
      })
      .catch(function () {
        /* Visible, not silent: the learner reloads and the answer is sent again. */
        status.textContent = config.saveFailed;
      });
  }

  function currentState() {
    var contents = window.H5PIntegration && window.H5PIntegration.contents;
    var content = contents && contents["cid-" + config.contentId];
    var data = content && content.contentUserData;
    return data && data[0] && typeof data[0].state === "string" ? data[0].state : null;
  }

  function saveState(keepalive) {
    var state = currentState();
    if (state === null || state === lastState) {
      return;
    }
    lastState = state;
    queue = queue.then(function () {
      return post(config.stateUrl, { state: state }, keepalive);
    });
  }

  var options = {
    id: config.contentId,
    h5pJsonPath: config.h5pJsonPath,
    frameJs: config.frameJs,
    frameCss: config.frameCss,
    xAPIObjectIRI: config.activityId,
    frame: false,
    copyright: false,
    icon: false,
    fullScreen: false,
    saveFreq: config.tracking ? config.saveSeconds : false,
  };
  if (config.contentUserData) {
    options.contentUserData = config.contentUserData;
    lastState = config.contentUserData[0].state;
  }
  new window.H5PStandalone.H5P(container, options).then(function () {
    /* Screen readers announce a frame by its title (WCAG 4.1.2). */
    container.querySelectorAll("iframe").forEach(function (frame) {
      frame.setAttribute("title", config.title);
    });
    document.body.setAttribute("data-player-ready", "true");
    if (!config.tracking) {
      return;
    }
    window.H5P.externalDispatcher.on("xAPI", function (event) {
      var statement = event.data && event.data.statement;
      if (!statement || TRACKED.indexOf(statement.verb && statement.verb.id) === -1) {
        return;
      }
      statement.actor = config.actor;
      saveState(false);
      queue = queue.then(function () {
        return post(config.statementUrl, { statement: statement });
      });
    });
    window.setInterval(function () {
      saveState(false);
    }, config.saveSeconds * 1000);
    window.addEventListener("pagehide", function () {
      saveState(true);
    });
  });
})();
