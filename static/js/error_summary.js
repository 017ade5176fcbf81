/* Error summaries (templates/includes/error_summary.html, the quiz's summary):
   the summary takes the focus when the page loads, so it is read out first, and
   each of its links moves the focus to the field in error, not just the view. */
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) {
    return;
  }
  if (document.activeElement !== summary) {
    summary.focus();
  }
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) {
      return;
    }
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) {
      return;
    }
    event.preventDefault();
    /* Show the field's label (or its question's legend) above the field. */
    var label = document.querySelector("label[for='" + target.id + "']");
    var fieldset = target.closest("fieldset");
    var legend = fieldset && fieldset.querySelector("legend");
    (legend || label || target).scrollIntoView();
    target.focus({ preventScroll: true });
  });
})();
