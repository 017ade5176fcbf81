/* Forms whose outcome is shown next to them (data-inline-status="<id of a live
   region>"): sent in the background, the server's message is written into the
   live region, which exists from page load, so screen readers announce it and it
   appears beside the button. Without JavaScript the form posts normally and the
   server shows the same message in the same place. */
(function () {
  "use strict";
  if (!window.fetch || !window.FormData) {
    return;
  }
  /* Parts of the page the saved answer changes (e.g. the module's completion
     conditions) are read again from the server and replaced. */
  function refresh(selector) {
    fetch(window.location.href, { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        document.querySelectorAll(selector).forEach(function (old, index) {
          var replacement = fresh.querySelectorAll(selector)[index];
          if (replacement) {
            old.replaceWith(document.importNode(replacement, true));
          }
        });
      })
      .catch(function () {});
  }

  document.querySelectorAll("form[data-inline-status]").forEach(function (form) {
    var status = document.getElementById(form.dataset.inlineStatus);
    if (!status) {
      return;
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      status.textContent = "";
      status.classList.remove("inline-status--error");
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "X-Requested-With": "XMLHttpRequest" }
      })
        .then(function (response) {
          return response.json().then(function (body) {
            if (!body.ok) {
              status.classList.add("inline-status--error");
            }
            status.textContent = body.message;
            if (body.ok && form.dataset.inlineRefresh) {
              refresh(form.dataset.inlineRefresh);
            }
          });
        })
        .catch(function () {
          /* Offline or unexpected answer: post the ordinary way. */
          form.submit();
        });
    });
  });
})();
