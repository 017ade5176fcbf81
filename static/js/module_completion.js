/* Offers "Done" once the module's minimum time has passed. Progressive
   enhancement only: the server checks the time again on every "Done", and
   without JavaScript the learner reloads the page after the stated time. */
(function () {
  "use strict";
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
