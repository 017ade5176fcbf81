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
  var retrying = false;
  /* Every tracking request goes through the queue: kept until acknowledged,
   * retried with backoff and after a reload (content_packages_queue.js). */
  var queue = config.tracking
    ? window.IQTrackingQueue({
        storageKey: config.queueKey,
        base: config.trackingBase,
        onChange: function (state) {
          status.textContent = config.messages[state] || "";
        },
      })
    : null;

  function currentState() {
    var contents = window.H5PIntegration && window.H5PIntegration.contents;
    var content = contents && contents["cid-" + config.contentId];
    var data = content && content.contentUserData;
    return data && data[0] && typeof data[0].state === "string" ? data[0].state : null;
  }

  function saveState(keepalive) {
    var state = currentState();
    if (retrying || state === null || state === lastState) {
      return;
    }
    lastState = state;
    queue.send(
      "h5p/state/",
      { state: state },
      { replace: "state", keepalive: keepalive }
    );
  }

  /* "Try again" (where the block allows another attempt): a new attempt on the
   * server, which keeps the earlier results and clears the saved state; the
   * pending state of the old attempt is dropped so it cannot come back. */
  function offerRetry() {
    if (!config.retry.allowed || document.getElementById("h5p-retry")) {
      return;
    }
    var wrapper = document.createElement("p");
    wrapper.className = "package-player__retry";
    wrapper.textContent = config.retry.hint + " ";
    var button = document.createElement("button");
    button.type = "button";
    button.id = "h5p-retry";
    button.className = "button";
    button.textContent = config.retry.label;
    button.addEventListener("click", function () {
      button.disabled = true;
      retrying = true;
      queue.acknowledged("state");
      lastState = null;
      var flushed = queue.pending() ? queue.flush() : Promise.resolve();
      flushed
        .then(function () {
          return fetch(config.trackingBase + config.retry.path, {
            method: "POST",
            credentials: "omit",
            headers: { "Content-Type": "application/json" },
            body: "{}",
          });
        })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          window.location.reload();
        })
        .catch(function () {
          button.disabled = false;
          retrying = false;
          status.textContent = config.messages.refused;
        });
    });
    wrapper.appendChild(button);
    container.parentNode.insertBefore(wrapper, container.nextSibling);
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
      var result = statement.result;
      if (
        result &&
        result.completion &&
        statement.object &&
        statement.object.id === config.activityId
      ) {
        offerRetry();
      }
      /* The id makes a resent statement count once. */
      statement.id = statement.id || queue.uuid4();
      saveState(false);
      queue.send("h5p/statements/", { statement: statement });
    });
    /* What an earlier visit could not deliver. */
    queue.flush();
    if (config.retry.finished) {
      offerRetry();
    }
    window.setInterval(function () {
      saveState(false);
    }, config.saveSeconds * 1000);
    window.addEventListener("pagehide", function () {
      saveState(true);
    });
  });
})();
