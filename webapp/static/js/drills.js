// Drill session without page loads: answers go by fetch and the server's HTML for the changed
// part replaces the old one. Without this file every answer is an ordinary form POST.
(function () {
  "use strict";
  var region = document.querySelector("[data-drill-session]");
  if (!region || !window.fetch || !window.FormData) {
    return;
  }

  function play(audio) {
    if (!audio) { return; }
    var started = audio.play();
    if (started && started.catch) { started.catch(function () { /* autoplay refused: the controls remain */ }); }
  }

  // With the on-screen keyboard open little height is left: show the question from its heading
  // down to the answer buttons, or, if that does not fit, at least the field and the buttons.
  function keepInView(form) {
    var top = form.getBoundingClientRect().top + window.scrollY;
    var actions = form.querySelector(".drill-actions") || form;
    var bottom = actions.getBoundingClientRect().bottom + window.scrollY;
    var height = window.visualViewport ? window.visualViewport.height : window.innerHeight;
    var target = bottom - top <= height ? top : bottom - height;
    if (target < window.scrollY || bottom > window.scrollY + height) {
      window.scrollTo(0, Math.max(0, target));
    }
  }

  function settle(focusFeedback) {
    var target = focusFeedback && region.querySelector("[data-feedback] h2");
    var input = region.querySelector("input[name=answer]");
    if (input) {
      input.focus({ preventScroll: true });
      keepInView(input.form);
    } else if (target) {
      target.focus();
    } else {
      var heading = region.querySelector("h2");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    }
    play(region.querySelector("audio[data-play]") || region.querySelector("audio[data-autoplay]"));
    document.dispatchEvent(new CustomEvent("drills:updated"));
  }

  region.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-drill-form]");
    if (!form) { return; }
    event.preventDefault();
    if (form.dataset.sending) { return; }
    form.dataset.sending = "1";
    var data = new FormData(form, event.submitter || undefined);
    fetch(form.action, {
      method: "POST",
      body: data,
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.text().then(function (html) {
        if ((response.headers.get("Content-Type") || "").indexOf("text/html") !== 0) {
          throw new Error("unexpected response");
        }
        return html;
      });
    }).then(function (html) {
      region.innerHTML = html;
      settle(true);
    }).catch(function () {
      delete form.dataset.sending;
      var submitter = event.submitter;
      if (submitter && submitter.name) {  // form.submit() sends no button: carry its value
        var carried = document.createElement("input");
        carried.type = "hidden";
        carried.name = submitter.name;
        carried.value = submitter.value;
        form.appendChild(carried);
      }
      form.submit();  // let the browser post the form the ordinary way
    });
  });

  // Number keys 1–4 press the matching answer button (not while typing in a text field).
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select") { return; }
    if (!/^[1-4]$/.test(event.key)) { return; }
    var reveal = region.querySelector("details[data-reveal]");
    if (reveal && !reveal.open) { return; }
    var button = region.querySelector("[data-key='" + event.key + "']");
    if (button) {
      event.preventDefault();
      button.click();
    }
  });

  if (window.visualViewport) {  // the keyboard opening shrinks the visual viewport
    window.visualViewport.addEventListener("resize", function () {
      var active = document.activeElement;
      if (active && active.name === "answer" && active.form && region.contains(active)) { keepInView(active.form); }
    });
  }

  settle(false);
})();
