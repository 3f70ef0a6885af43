/* Lessons, progressive enhancement: the procedure one step at a time on the lesson page, and
   in the editor a term search that inserts [form|lemma] markup where the teacher is writing.
   Without this script every step is shown and the search opens its own page. */
(function () {
  "use strict";

  function oneStepAtATime(list) {
    var steps = Array.prototype.slice.call(list.querySelectorAll(":scope > li"));
    if (steps.length < 2) { return; }
    var current = 0;
    var controls = document.createElement("div");
    controls.className = "step-controls";
    var counter = document.createElement("p");
    counter.className = "step-counter";
    counter.setAttribute("aria-live", "polite");
    var previous = button("Föregående steg");
    var next = button("Nästa steg");
    var mode = button("Visa alla steg");
    var stepping = true;
    controls.append(previous, next, mode, counter);
    list.parentNode.insertBefore(controls, list);

    function button(text) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "button button-secondary button-small";
      b.textContent = text;
      return b;
    }
    // aria-disabled, not disabled: a disabled button loses focus, and the focus would drop
    // to the top of the page at the first or last step
    function enable(b, on) {
      b.setAttribute("aria-disabled", on ? "false" : "true");
    }
    function show(index) {
      current = Math.max(0, Math.min(steps.length - 1, index));
      steps.forEach(function (step, i) { step.hidden = i !== current; });
      counter.textContent = "Steg " + (current + 1) + " av " + steps.length;
      enable(previous, current > 0);
      enable(next, current < steps.length - 1);
    }
    previous.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    mode.addEventListener("click", function () {
      stepping = !stepping;
      previous.hidden = next.hidden = counter.hidden = !stepping;
      mode.textContent = stepping ? "Visa alla steg" : "Ett steg i taget";
      if (stepping) {
        show(current);
      } else {
        steps.forEach(function (step) { step.hidden = false; });
      }
    });
    show(0);
  }

  // An open term help lies over the lines below its term: give the sentence exactly the room
  // the help needs below it (the CSS guesses without this script); one help open at a time.
  function roomForHelp(event) {
    var term = event.target;
    if (!term.matches || !term.matches("details.term")) { return; }
    var text = term.closest(".step-text");
    if (!text) { return; }
    if (term.open) {
      document.querySelectorAll(".step-text details.term[open]").forEach(function (other) {
        if (other !== term) { other.open = false; }
      });
    }
    text.style.removeProperty("--help-room");
    var help = text.querySelector("details.term[open] .term-help");
    if (!help) { return; }
    var below = help.getBoundingClientRect().bottom - text.getBoundingClientRect().bottom;
    text.style.setProperty("--help-room", Math.max(0, Math.ceil(below)) + 8 + "px");
  }

  function termSearch(form) {
    var results = document.getElementById(form.getAttribute("data-results"));
    var lastField = null;
    document.addEventListener("focusin", function (event) {
      if (event.target.matches("textarea[data-markup]")) { lastField = event.target; }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var url = form.action + "?" + new URLSearchParams(new FormData(form)).toString();
      fetch(url, { credentials: "same-origin" })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var hits = doc.querySelector(".term-hits") || doc.querySelector(".empty");
          results.replaceChildren(hits ? document.importNode(hits, true) : "");
          results.querySelectorAll("[data-insert]").forEach(function (item) {
            var insert = document.createElement("button");
            insert.type = "button";
            insert.className = "button-small";
            insert.textContent = "Infoga i texten";
            insert.addEventListener("click", function () {
              if (!lastField) { return; }
              var markup = item.getAttribute("data-insert");
              var start = lastField.selectionStart, end = lastField.selectionEnd;
              lastField.value = lastField.value.slice(0, start) + markup + lastField.value.slice(end);
              lastField.focus();
              lastField.selectionStart = lastField.selectionEnd = start + markup.length;
            });
            item.append(" ", insert);
          });
        });
    });
  }

  document.querySelectorAll("[data-steps]").forEach(oneStepAtATime);
  document.addEventListener("toggle", roomForHelp, true);  // toggle does not bubble
  document.querySelectorAll("form[data-term-search]").forEach(termSearch);
})();
