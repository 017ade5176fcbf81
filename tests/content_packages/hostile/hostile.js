/* A hostile package's script, for test_hostile_package_browser.py.
 *
 * It tries what a malicious H5P or SCORM package would try and writes each
 * outcome into its own page: "blocked" when the attempt got nothing, "SUCCEEDED:
 * ..." when it obtained something of the platform, "sent" where the browser
 * does not tell (the test checks the server's records for those). The test
 * writes window.HOSTILE_TARGETS (targets.js) with the platform's URLs. */
(function () {
  "use strict";
  var T = window.HOSTILE_TARGETS;
  var script = document.currentScript ? document.currentScript.src : location.href;
  var found = /^(.*\/c\/)([^/]+)(\/files\/)/.exec(script);
  var prefix = found[1]; /* https://content-origin[/en]/c/ */
  var token = found[2];
  var base = prefix + token;

  function outcomeOfRead(promise) {
    return promise.then(
      function (response) {
        if (response.type === "opaque" || response.type === "opaqueredirect") {
          return "blocked";
        }
        return response.text().then(function (text) {
          return "SUCCEEDED: " + response.status + " " + text.slice(0, 80);
        });
      },
      function () {
        return "blocked";
      }
    );
  }

  function read(url) {
    return outcomeOfRead(fetch(url, { credentials: "include" }));
  }

  function postBlind(url, body) {
    return fetch(url, {
      method: "POST",
      mode: "no-cors",
      credentials: "include",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: body,
    }).then(
      function () {
        return "sent";
      },
      function () {
        return "blocked";
      }
    );
  }

  function track(url, body) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }).then(
      function (response) {
        return response.ok ? "SUCCEEDED: " + response.status : "blocked";
      },
      function () {
        return "blocked";
      }
    );
  }

  function attempt(fn) {
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.resolve("blocked");
    }
  }

  /* The token's claims are [user, module, block, package, enrolment]; a forgery
   * changes them and keeps the signature. */
  function forged(changes) {
    var parts = token.split(":");
    var json = atob(parts[0].replace(/-/g, "+").replace(/_/g, "/"));
    var claims = JSON.parse(json);
    Object.keys(changes).forEach(function (index) {
      claims[Number(index)] = changes[index];
    });
    parts[0] = btoa(JSON.stringify(claims))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
    return prefix + parts.join(":");
  }

  function statement(actor, objectId) {
    var body = {
      verb: { id: "http://adlnet.gov/expapi/verbs/answered" },
      object: { id: objectId, objectType: "Activity" },
      result: { score: { raw: 1, max: 1, scaled: 1 }, completion: true },
    };
    if (actor) {
      body.actor = actor;
    }
    return { statement: body };
  }

  function formPost(url, fields) {
    return new Promise(function (resolve) {
      var name = "hostile-sink-" + Math.random().toString(36).slice(2);
      var sink = document.createElement("iframe");
      sink.name = name;
      sink.hidden = true;
      document.body.appendChild(sink);
      var form = document.createElement("form");
      form.method = "post";
      form.action = url;
      form.target = name;
      Object.keys(fields).forEach(function (key) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = key;
        input.value = fields[key];
        form.appendChild(input);
      });
      document.body.appendChild(form);
      var settled = false;
      document.addEventListener("securitypolicyviolation", function (event) {
        if (!settled && event.violatedDirective.indexOf("form-action") === 0) {
          settled = true;
          resolve("blocked");
        }
      });
      form.submit();
      setTimeout(function () {
        if (!settled) {
          settled = true;
          resolve("sent");
        }
      }, 1500);
    });
  }

  var P = T.platform;
  var attempts = {
    "read-top-document": function () {
      return "SUCCEEDED: " + window.top.document.documentElement.outerHTML.length;
    },
    "read-top-location": function () {
      return "SUCCEEDED: " + window.top.location.href;
    },
    "read-lesson-frame-element": function () {
      var element = window.parent.frameElement;
      return element ? "SUCCEEDED: " + element.outerHTML.slice(0, 80) : "blocked";
    },
    "read-platform-cookie": function () {
      return document.cookie.indexOf(T.sessionCookieName) >= 0
        ? "SUCCEEDED: " + document.cookie
        : "blocked";
    },
    "read-data-export": function () {
      return read(P + T.dataExport);
    },
    "frame-data-export": function () {
      return new Promise(function (resolve) {
        var frame = document.createElement("iframe");
        frame.src = P + T.dataExport;
        frame.onload = function () {
          try {
            var text = frame.contentDocument.body.textContent;
            resolve(text ? "SUCCEEDED: " + text.slice(0, 80) : "blocked");
          } catch (error) {
            resolve("blocked");
          }
        };
        document.body.appendChild(frame);
        setTimeout(function () {
          resolve("blocked");
        }, 3000);
      });
    },
    "start-quiz": function () {
      return postBlind(P + T.quizStart, "");
    },
    "start-quiz-by-form": function () {
      return formPost(P + T.quizStart, {});
    },
    "submit-quiz": function () {
      return postBlind(P + T.quizAttempt, T.quizAnswers + "&action=submit");
    },
    "save-quiz-draft": function () {
      return postBlind(P + T.quizDraft, T.quizAnswers);
    },
    "track-for-another-learner": function () {
      return track(base + "/h5p/statements/", statement(T.otherActor, T.ownActivity));
    },
    "track-another-activity": function () {
      return track(base + "/h5p/statements/", statement(null, T.otherActivity));
    },
    "track-with-token-of-another-learner": function () {
      return track(
        forged({ 0: T.otherLearnerId, 4: T.otherEnrollmentId }) + "/h5p/statements/",
        statement(null, T.ownActivity)
      );
    },
    "track-with-token-of-another-block": function () {
      var other = forged({ 1: T.otherModuleId, 2: T.otherBlockId, 3: T.otherPackageId });
      /* Opening the player would start an attempt; then commit to it. */
      return fetch(other + "/player/").then(
        function () {
          return track(other + "/scorm/0/1/commit/", {
            cmi: { core: { lesson_status: "passed" } },
          });
        },
        function () {
          return "blocked";
        }
      );
    },
    "track-another-attempt": function () {
      return track(base + "/scorm/0/99/commit/", {
        cmi: { core: { lesson_status: "passed" } },
      });
    },
    "track-on-the-platform": function () {
      return outcomeOfRead(
        fetch(P + T.oldTrackingUrl, {
          method: "POST",
          credentials: "include",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(statement(null, T.ownActivity)),
        })
      );
    },
    "navigate-top": function () {
      window.top.location.href = P + "/?hijacked=location";
      return "sent";
    },
    "navigate-top-by-link": function () {
      var link = document.createElement("a");
      link.href = P + "/?hijacked=link";
      link.target = "_top";
      document.body.appendChild(link);
      link.click();
      return "sent";
    },
    "open-popup": function () {
      var popup = window.open(P + "/?hijacked=popup");
      return popup ? "SUCCEEDED: popup" : "blocked";
    },
  };
  T.pages.forEach(function (path) {
    attempts["read-page " + path] = function () {
      return read(P + path);
    };
  });

  window.iqHostileChecks = function (root) {
    var list = document.createElement("ul");
    list.id = "hostile-results";
    root.appendChild(list);
    var names = Object.keys(attempts);
    return Promise.all(
      names.map(function (name) {
        return attempt(attempts[name]).then(function (outcome) {
          var item = document.createElement("li");
          item.setAttribute("data-attempt", name);
          item.textContent = outcome;
          list.appendChild(item);
        });
      })
    );
  };
})();
