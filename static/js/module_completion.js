/* The lesson page's visit posts and the "Done" timer. The page's GET records
   nothing: this script posts the visit on load, every few minutes while the page
   is visible, and when it is left (sendBeacon). The server measures the time
   between posts on its own clock; nothing sent from here is a duration.
   Without JavaScript, the page offers a button that posts the same fields. */
(function () {
  "use strict";
  var seen = document.querySelector("[data-seen-form]");
  var HEARTBEAT_MS = 5 * 60 * 1000;

  function visitData() {
    var data = new FormData();
    seen.querySelectorAll("input").forEach(function (input) {
      data.append(input.name, input.value);
    });
    return data;
  }

  function postVisit() {
    return fetch(seen.dataset.action, {
      method: "POST",
      body: visitData(),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    }).then(function (response) {
      var settle = seen.querySelector("input[name=settle]");
      if (response.ok && settle) {
        settle.remove(); // settled once; later posts only add time
      }
      return response;
    });
  }

  if (seen) {
    postVisit().catch(function () {});
    window.setInterval(function () {
      if (document.visibilityState === "visible") {
        postVisit().catch(function () {});
      }
    }, HEARTBEAT_MS);
    window.addEventListener("pagehide", function () {
      if (navigator.sendBeacon) {
        navigator.sendBeacon(seen.dataset.action, visitData());
      }
    });
  }

  var note = document.querySelector("[data-done-wait]");
  var form = document.querySelector("form[data-done-form]");
  if (!note || !form) {
    return;
  }
  var seconds = parseInt(note.dataset.doneWait, 10);
  if (!(seconds > 0)) {
    return;
  }
  // A second of slack: the server's clock decides, not this timer.
  window.setTimeout(function () {
    form.hidden = false;
    note.textContent = note.dataset.readyText;
  }, (seconds + 1) * 1000);
})();
