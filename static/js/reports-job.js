/* Export job page: polls the job's status and reveals the download link when ready.
   Progressive enhancement only: "Refresh this page" works without JavaScript. */
(function () {
  "use strict";
  var section = document.querySelector("[data-reports-job]");
  if (!section || !window.fetch) {
    return;
  }
  var progress = section.querySelector("progress");
  var status = section.querySelector("[data-reports-job-status]");
  var download = section.querySelector("[data-reports-job-download]");
  var INTERVAL_MS = 2000;

  function poll() {
    fetch(section.dataset.reportsJob, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        if (progress) { progress.value = job.percent; progress.textContent = job.percent + " %"; }
        if (status) { status.textContent = job.status_display + " – " + job.done_rows + " / " + job.total_rows; }
        if (job.download_url && download) { download.hidden = false; return; }
        if (job.status !== "failed") { window.setTimeout(poll, INTERVAL_MS); }
      })
      .catch(function () { window.setTimeout(poll, INTERVAL_MS * 5); });
  }
  window.setTimeout(poll, INTERVAL_MS);
})();
