// Ordlista: in the term form, show only the inflection fields of the chosen word class.
// Progressive enhancement: without JavaScript every fieldset is shown and the form still works.
(function () {
  "use strict";
  var pos = document.getElementById("pos");
  if (!pos) {
    return;
  }
  var groups = document.querySelectorAll("fieldset[data-pos]");
  function showChosenClass() {
    groups.forEach(function (group) {
      group.hidden = group.getAttribute("data-pos").split(" ").indexOf(pos.value) === -1;
    });
  }
  pos.addEventListener("change", showChosenClass);
  showChosenClass();
})();
