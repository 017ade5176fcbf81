/* Autosave quiz drafts: posts the form to its draft URL a few seconds after a change.
   Progressive enhancement only: the "Save draft" button works without JavaScript. */
(function () {
  "use strict";
  /* The check before submitting lists the open questions: give it the focus so it
     is read out (the server sets autofocus too; this covers browsers that skip it). */
  var gaps = document.getElementById("quiz-gaps");
  if (gaps && document.activeElement !== gaps) {
    gaps.focus();
  }
  var form = document.querySelector("form.quiz-form[data-draft-url]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var status = document.getElementById("quiz-draft-status");
  var timer = null;
  var DELAY_MS = 3000;

  function save() {
    timer = null;
    var data = new FormData(form);
    data.delete("action");
    fetch(form.dataset.draftUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "XMLHttpRequest" }
    })
      .then(function (response) {
        return response.json().then(function (body) {
          if (status) {
            status.textContent = body.saved ? body.message : (body.errors || []).join(" ");
          }
        });
      })
      .catch(function () {
        /* Offline or server error: the learner can still use the Save draft button. */
      });
  }

  function schedule() {
    if (timer) {
      window.clearTimeout(timer);
    }
    timer = window.setTimeout(save, DELAY_MS);
  }

  form.addEventListener("change", schedule);
  form.addEventListener("input", schedule);
  form.addEventListener("submit", function () {
    if (timer) {
      window.clearTimeout(timer);
      timer = null;
    }
  });
})();
