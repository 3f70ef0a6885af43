// Review page: selecting words in the trainee's note fills the comment's quote field, so the
// teacher need not copy them. Without this script the teacher types the words or picks a sentence.
(function () {
  "use strict";
  var note = document.querySelector(".marked-note");
  var quote = document.getElementById("quote");
  if (!note || !quote) return;
  note.addEventListener("mouseup", function () {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !note.contains(selection.anchorNode)) return;
    var text = selection.toString().trim();
    if (text) quote.value = text;
  });
})();
