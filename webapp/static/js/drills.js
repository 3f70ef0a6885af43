// Drill session without page loads: answers go by fetch and the server's HTML for the changed
// part replaces the old one. Without this file every answer is an ordinary form POST.
// Offline: the session takes the next items along as data (a "pack", kept in IndexedDB by
// outbox.js); without a connection each answer is judged here with the server's rules
// (answers.js), kept in the outbox with its own id and time, and sent when the connection is back.
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

  function viewHeight() {
    return window.visualViewport ? window.visualViewport.height : window.innerHeight;
  }

  // The feedback on a missed answer (the trainee's answer beside the right one), if any.
  function missedFeedback() {
    return region.querySelector("[data-feedback]:not(.feedback-right):not(.feedback-rated)");
  }

  // With the on-screen keyboard open little height is left: show the question (with the
  // feedback on a missed answer above it, when both fit) down to the answer buttons, or, if
  // that does not fit, at least the field and the buttons.
  function keepInView(form) {
    var from = missedFeedback() || form;
    var actions = form.querySelector(".drill-actions") || form;
    var bottom = actions.getBoundingClientRect().bottom + window.scrollY;
    var height = viewHeight();
    var top = from.getBoundingClientRect().top + window.scrollY;
    if (bottom - top > height) { top = form.getBoundingClientRect().top + window.scrollY; }
    var target = bottom - top <= height ? top : bottom - height;
    if (target < window.scrollY || bottom > window.scrollY + height) {
      window.scrollTo(0, Math.max(0, target));
    }
  }

  /* Word order by tapping: a part tapped in "Delarna" goes last in "Din mening", a part
     tapped there goes back. The place selects (the no-JavaScript form) stay in the form,
     hidden, and are kept in step, so the answer posts the same either way. */
  function enhanceWordOrder() {
    var box = region.querySelector("[data-word-order]");
    if (!box) { return; }
    var selects = Array.prototype.slice.call(box.querySelectorAll("select[name=order]"));
    var parts = Array.prototype.map.call(selects[0].options, function (option) { return option.textContent; }).slice(1);
    var chosen = selects.map(function (select) { return select.value === "" ? null : Number(select.value); })
      .filter(function (value, i, all) { return value !== null && all.indexOf(value) === i; });
    box.querySelector("[data-order-places]").hidden = true;
    box.querySelector(".order-pool").remove();
    var poolName = box.querySelector("#delar");  // its label too: the tapped parts have their own
    if (poolName) { poolName.remove(); }
    var built = document.createElement("div");
    built.className = "order-built";
    var builtLabel = document.createElement("p");
    builtLabel.className = "order-label";
    builtLabel.textContent = "Din mening:";
    var builtList = document.createElement("div");
    builtList.className = "order-row order-sentence";
    builtList.lang = "sv";
    var poolLabel = document.createElement("p");
    poolLabel.className = "order-label";
    poolLabel.textContent = "Tryck på delarna i den ordning de ska stå:";
    var pool = document.createElement("div");
    pool.className = "order-row order-choices";
    pool.lang = "sv";
    var said = document.createElement("p");
    said.className = "visually-hidden";
    said.setAttribute("role", "status");
    built.append(builtLabel, builtList, poolLabel, pool, said);
    box.prepend(built);

    function button(index, action) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "button button-secondary order-part";
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = action + ": ";
      b.append(hidden, document.createTextNode(parts[index]));
      b.dataset.part = String(index);
      return b;
    }
    function sentence() {
      return chosen.map(function (i) { return parts[i]; }).join(" ");
    }
    function render(focusIn) {
      selects.forEach(function (select, place) { select.value = place < chosen.length ? String(chosen[place]) : ""; });
      builtList.replaceChildren.apply(builtList, chosen.map(function (i) { return button(i, "Ta bort"); }));
      if (!chosen.length) { builtList.textContent = "(inga delar ännu)"; }
      pool.replaceChildren.apply(pool, parts.map(function (_, i) { return i; })
        .filter(function (i) { return chosen.indexOf(i) < 0; })
        .map(function (i) { return button(i, "Lägg till"); }));
      said.textContent = "Din mening: " + (sentence() || "inga delar ännu") + ".";
      var target = focusIn && (focusIn.querySelector("button") || (focusIn === pool ? builtList : pool).querySelector("button"));
      if (target) { target.focus(); } else if (focusIn) { box.closest("form").querySelector("button[type=submit]").focus(); }
    }
    pool.addEventListener("click", function (event) {
      var b = event.target.closest("button[data-part]");
      if (!b) { return; }
      chosen.push(Number(b.dataset.part));
      render(pool);
    });
    builtList.addEventListener("click", function (event) {
      var b = event.target.closest("button[data-part]");
      if (!b) { return; }
      chosen.splice(chosen.indexOf(Number(b.dataset.part)), 1);
      render(builtList);
    });
    render(null);
  }

  function settle(focusFeedback) {
    enhanceWordOrder();
    var target = focusFeedback && region.querySelector("[data-feedback] h2");
    var input = region.querySelector("input[name=answer]");
    var missed = focusFeedback && missedFeedback();
    var actions = input && (input.form.querySelector(".drill-actions") || input.form);
    if (missed && actions && actions.getBoundingClientRect().bottom - missed.getBoundingClientRect().top > viewHeight()) {
      // a short screen: the feedback first (the field is one tap or Tab below), never past it
      target.focus({ preventScroll: true });
      window.scrollTo(0, Math.max(0, missed.getBoundingClientRect().top + window.scrollY));
    } else if (input) {
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

  /* --- offline ------------------------------------------------------------------------ */
  var outbox = window.OrdvardOutbox, answers = window.OrdvardAnswers;
  var pack = null, offlineDone = 0;
  var RATINGS = { 1: "Igen", 2: "Svårt", 3: "Bra", 4: "Lätt" };
  var HEADINGS = { right: "✓ Rätt!", almost: "≈ Nästan rätt", wrong_form: "≈ Rätt ord, fel form", wrong: "✗ Inte rätt" };

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }
  function keepPack() { return pack ? outbox.savePack("", pack).catch(function () {}) : Promise.resolve(); }
  function takeAlong() {
    if (!outbox || !answers) { return Promise.resolve(null); }
    return outbox.takeAlong().then(function (taken) { pack = taken.pack; return taken; }, function () { return {}; });
  }
  function nextOffline() {
    if (!pack) { return Promise.resolve(null); }
    return outbox.waiting().catch(function () { return []; }).then(function (waiting) {
      var sent = waiting.map(function (a) { return a.token; }).concat(pack.used);
      return pack.items.filter(function (item) { return sent.indexOf(item.token) < 0; })[0] || null;
    });
  }
  function showItem(item, before) {
    var nodes = before ? [before] : [];
    if (item) {
      nodes.push(el("p", "Fråga " + (offlineDone + 1) + " (utan anslutning)", "drill-count"));
      region.replaceChildren.apply(region, nodes);
      region.insertAdjacentHTML("beforeend", item.html);
    } else {
      return outbox.count().catch(function () { return 0; }).then(function (waiting) {
        var done = el("section", "", "drill-done");
        var heading = el("h2", "Inga fler frågor sparade för offline.");
        heading.tabIndex = -1;
        done.append(heading, el("p", savedAnswers(waiting) + " Öppna Öva igen när du är online för fler frågor."));
        nodes.push(done);
        region.replaceChildren.apply(region, nodes);
        settle(Boolean(before));
      });
    }
    settle(Boolean(before));
  }
  /* What the phone keeps of this account's answers given offline: said only when there are some. */
  function savedAnswers(waiting) {
    if (!waiting) { return "Du har inga svar som väntar på att skickas."; }
    return waiting === 1
      ? "Ditt svar är sparat på den här enheten och skickas till servern när du är online igen."
      : "Dina " + waiting + " svar är sparade på den här enheten och skickas till servern när du är online igen.";
  }
  /* The feedback as the session page shows it (drills/_exchange.html): after a miss the
     trainee's answer beside the right one, the solution with its clip (played), then where the
     answer is kept — the server's "you get the word again in …" needs the server. */
  function feedback(item, judged, given) {
    var verdict = judged.verdict, prompt = item.prompt;
    var section = el("section", "", "feedback feedback-" + (verdict ? verdict.outcome : "rated"));
    section.setAttribute("data-feedback", "");
    section.setAttribute("aria-labelledby", "aterkoppling");
    var heading = el("h2", verdict ? "" : "Sparat på enheten: " + RATINGS[judged.rating]);
    if (verdict) {
      var mark = el("span", HEADINGS[verdict.outcome][0] + " ");
      mark.setAttribute("aria-hidden", "true");
      heading.append(mark, HEADINGS[verdict.outcome].slice(2));
    }
    heading.id = "aterkoppling";
    heading.tabIndex = -1;
    section.append(heading);
    var typed = prompt.kind === "word_order" ? answers.Judge(pack.rules).orderedText(prompt.parts, given.order || [])
      : (given.answer || "").trim();
    var compare = verdict && verdict.outcome !== "right" && !given.give_up && typed;
    if (verdict && verdict.message !== pack.rules.messages.right &&
        !(compare && verdict.outcome === "wrong" && prompt.kind !== "word_order")) {
      section.append(el("p", verdict.message));
    }
    if (compare) {
      var list = el("dl", "", "compare");
      [["compare-given", "Ditt svar", typed], ["compare-right", "Rätt svar", verdict.expected]].forEach(function (row) {
        var box = el("div", "", row[0]), value = el("dd", row[2]);
        value.lang = "sv";
        box.append(el("dt", row[1]), value);
        list.append(box);
      });
      section.append(list);
    }
    var solution = el("p", "", "solution");
    var words = el("span", prompt.solution);
    words.lang = "sv";
    solution.append(words);
    if (item.solution_audio) {
      var clip = el("audio", "", "clip");
      clip.controls = true;
      clip.preload = "none";
      clip.src = item.solution_audio;
      clip.setAttribute("aria-label", "Lyssna på ”" + prompt.solution + "”");
      if (verdict && verdict.outcome !== "right") { clip.setAttribute("data-play", ""); }
      solution.append(" ", clip);
    }
    section.append(solution, el("p", "Svaret är sparat på den här enheten, inte på servern än. Det skickas när du är online igen.", "comes-back"));
    return section;
  }
  function notice(text) {
    var old = region.querySelector(".drill-notice");
    if (old) { old.remove(); }
    var p = el("p", text, "drill-notice");
    p.setAttribute("role", "alert");
    region.prepend(p);
  }
  /* Answer the form's item offline, if it was taken along: true when handled here. */
  function answerOffline(form, submitter) {
    var token = form.querySelector("input[name=token]").value;
    var item = pack && pack.items.filter(function (i) { return i.token === token; })[0];
    if (!item) { return false; }
    var typed = form.querySelector("input[name=answer]");
    var given = {
      answer: submitter && submitter.name === "answer" ? submitter.value : (typed ? typed.value : ""),
      rating: submitter && submitter.name === "rating" ? Number(submitter.value) : null,
      give_up: Boolean(submitter && submitter.name === "give_up"),
      order: Array.prototype.map.call(form.querySelectorAll("select[name=order]"), function (select) {
        return select.value === "" ? null : Number(select.value);
      })
    };
    var judged = answers.Judge(pack.rules).judge(item.prompt, given);
    if (judged.problem) { notice(judged.problem); delete form.dataset.sending; return true; }
    outbox.add({
      token: token, answered_at: new Date().toISOString(), answer: given.answer, rating: given.rating,
      give_up: given.give_up, order: given.order
    }).then(function () {
      offlineDone += 1;
      return nextOffline().then(function (next) { showItem(next, feedback(item, judged, given)); });
    }, function () {
      delete form.dataset.sending;
      notice("Svaret kunde inte sparas på enheten. Försök igen när du har anslutning.");
    });
    return true;
  }

  region.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-drill-form]");
    if (!form) { return; }
    event.preventDefault();
    if (form.dataset.sending) { return; }
    form.dataset.sending = "1";
    if (!navigator.onLine) {
      if (!answerOffline(form, event.submitter)) {
        delete form.dataset.sending;
        notice("Ingen anslutning, och den här frågan är inte sparad för offline. Försök igen när du är online.");
      }
      return;
    }
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
        return response.status === 429 ? { slowed: html } : html;
      });
    }).then(function (html) {
      if (html.slowed !== undefined) {  // too many answers at once: the question and answer stay
        delete form.dataset.sending;
        var part = document.createElement("div");
        part.innerHTML = html.slowed;
        var said = part.querySelector("[data-error-text]");
        notice(said ? said.textContent : "Vänta en minut och försök igen.");
        return;
      }
      if (pack) { pack.used.push(form.querySelector("input[name=token]").value); keepPack(); }
      region.innerHTML = html;
      settle(true);
    }).catch(function () {
      delete form.dataset.sending;
      if (answerOffline(form, event.submitter)) { return; }  // the connection dropped: keep it here
      nextOffline().then(function (next) {
        if (next) {  // this item was not taken along: go on with one that was
          var said = el("p", "Ingen anslutning: svaret kunde inte skickas. Här är nästa fråga som är sparad för offline.", "drill-notice");
          said.setAttribute("role", "alert");
          showItem(next, said);
          return;
        }
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
  takeAlong().then(function (taken) {
    if (taken.fresh || !pack) { return; }
    // the server cannot be reached: this is the device's copy of the page, go on from the pack
    return nextOffline().then(function (next) { showItem(next, null); });
  });
})();
