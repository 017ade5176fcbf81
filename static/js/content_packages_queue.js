/* Tracking queue of the players (content origin): a tracking request (xAPI
 * statement, H5P state, SCORM commit) is written to localStorage before it is
 * sent and removed only once the platform acknowledged it with a 2xx. A failed
 * request is retried with backoff (2 s, 4 s, … up to a minute), and whatever is
 * still pending when the page goes away is sent again by the next launch of the
 * same package for the same learner, to that launch's URLs (the launch token in
 * the old URL may have expired). The server stores a resent request once: the
 * statement carries its xAPI id, state and commits are whole snapshots.
 *
 * Entries with a `replace` key (state, one SCORM attempt's commit) keep only
 * the newest snapshot, so an old one can never overwrite a newer one.
 *
 * window.IQTrackingQueue(options) → {send(path, body, opts), pending()}
 *   options.storageKey  one key per learner and package (from the server)
 *   options.base        this launch's tracking base URL ("/c/<token>/")
 *   options.onChange(state)  "pending" | "saved" | "reload" | "refused"
 */
(function () {
  "use strict";
  var FIRST_DELAY_MS = 2000;
  var MAX_DELAY_MS = 60000;

  function uuid4() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map
      .call(bytes, function (b) {
        return (b + 0x100).toString(16).slice(1);
      })
      .join("");
    return [
      hex.slice(0, 8),
      hex.slice(8, 12),
      hex.slice(12, 16),
      hex.slice(16, 20),
      hex.slice(20),
    ].join("-");
  }

  function TrackingQueue(options) {
    var key = "iq-tracking:" + options.storageKey;
    var onChange = options.onChange || function () {};
    var timer = null;
    var delay = FIRST_DELAY_MS;
    var sending = false;
    var stopped = false;

    var storageWorks = (function () {
      try {
        window.localStorage.setItem(key + ":probe", "1");
        window.localStorage.removeItem(key + ":probe");
        return true;
      } catch (error) {
        return false;
      }
    })();
    var memory = [];

    function entries() {
      if (!storageWorks) {
        return memory;
      }
      try {
        var stored = JSON.parse(window.localStorage.getItem(key) || "[]");
        return Array.isArray(stored) ? stored : [];
      } catch (error) {
        return [];
      }
    }

    function store(list) {
      memory = list;
      if (!storageWorks) {
        return;
      }
      try {
        if (list.length) {
          window.localStorage.setItem(key, JSON.stringify(list));
        } else {
          window.localStorage.removeItem(key);
        }
      } catch (error) {
        /* Storage full: the request is still sent and retried in memory. */
        storageWorks = false;
      }
    }

    function remove(id) {
      store(
        entries().filter(function (entry) {
          return entry.id !== id;
        })
      );
    }

    function add(entry) {
      var list = entries().filter(function (other) {
        return !(entry.replace && other.replace === entry.replace);
      });
      list.push(entry);
      store(list);
    }

    function post(entry, keepalive) {
      return fetch(options.base + entry.path, {
        method: "POST",
        credentials: "omit",
        keepalive: !!keepalive,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(entry.body),
      }).then(
        function (response) {
          return response.status;
        },
        function () {
          return 0;
        }
      );
    }

    /* What a status means for the entry: acknowledged, try again later, wait
     * for a reload (an expired launch: the next launch sends it), closed (a
     * finished attempt takes no more commits), or refused for good (bad input
     * is never accepted by retrying). */
    function outcome(status) {
      if (status >= 200 && status < 300) {
        return "saved";
      }
      if (status === 0 || status === 408 || status === 429 || status >= 500) {
        return "retry";
      }
      if (status === 403) {
        return "reload";
      }
      if (status === 409) {
        /* The attempt is finished and kept: nothing left to save. */
        return "closed";
      }
      return "refused";
    }

    function schedule() {
      if (timer || stopped || !entries().length) {
        return;
      }
      timer = window.setTimeout(function () {
        timer = null;
        flush();
      }, delay);
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }

    function report() {
      onChange(entries().length ? "pending" : "saved");
    }

    /* Sends the pending entries one after another, oldest first. */
    function flush() {
      if (sending || stopped) {
        return Promise.resolve();
      }
      var list = entries();
      if (!list.length) {
        report();
        return Promise.resolve();
      }
      sending = true;
      var entry = list[0];
      return post(entry).then(function (status) {
        sending = false;
        var result = outcome(status);
        if (result === "saved" || result === "refused" || result === "closed") {
          remove(entry.id);
          delay = FIRST_DELAY_MS;
          if (result === "refused") {
            onChange("refused");
          }
          return flush();
        }
        if (result === "reload") {
          stopped = true;
          onChange("reload");
          return;
        }
        onChange("pending");
        schedule();
      });
    }

    return {
      /* Queues `body` for `path` (relative to the launch's base) and sends it.
       * opts.replace: a key whose older snapshot this one supersedes; opts.later:
       * first try after the backoff; opts.keepalive: the page is unloading. */
      send: function (path, body, opts) {
        opts = opts || {};
        add({ id: uuid4(), path: path, body: body, replace: opts.replace || null });
        if (opts.later) {
          /* It has just failed: the next try after the backoff. */
          onChange("pending");
          schedule();
          return Promise.resolve();
        }
        if (opts.keepalive) {
          /* The page is going away: one last try; the entry stays until a
           * later launch is told it arrived. */
          var list = entries();
          var last = list[list.length - 1];
          return post(last, true).then(function (status) {
            if (outcome(status) === "saved") {
              remove(last.id);
            }
          });
        }
        return flush();
      },
      /* An entry acknowledged outside the queue (a synchronous SCORM commit):
       * older snapshots under the same key are no longer needed. */
      acknowledged: function (replace) {
        store(
          entries().filter(function (entry) {
            return entry.replace !== replace;
          })
        );
      },
      outcome: outcome,
      pending: function () {
        return entries().length;
      },
      flush: flush,
      uuid4: uuid4,
    };
  }

  window.IQTrackingQueue = TrackingQueue;
})();
