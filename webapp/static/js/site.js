// On every page: logging out clears what this site keeps in the browser (note drafts kept in
// localStorage under "ordvard:"), so the next person on a shared phone finds nothing.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    if (!event.target.matches("form[data-logout]")) { return; }
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var key = localStorage.key(i);
        if (key && key.indexOf("ordvard:") === 0) { localStorage.removeItem(key); }
      }
    } catch (e) { /* storage disabled: nothing kept */ }
  });
})();
