// Collapsing main menu on narrow screens (issue 18).
// Without JavaScript the class "js" is never set, the toggle stays hidden and the menu
// stays open. With it, at narrow widths the menu hides behind a disclosure button.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function init() {
    var button = document.querySelector(".site-nav__toggle");
    if (!button) return;
    var list = document.getElementById(button.getAttribute("aria-controls"));
    if (!list) return;

    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      list.classList.toggle("is-open", open);
    }

    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    // Escape closes the open menu and returns focus to its button.
    list.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
    setOpen(false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
