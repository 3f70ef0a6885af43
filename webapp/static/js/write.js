/* The writing page, enhanced: live checking while typing, autosave to the server every few
   seconds, and a copy in localStorage so a lost connection or session loses nothing.
   Without this script the page still works: its buttons post the form. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-note]");
  if (!form) return;
  var area = form.querySelector("textarea[name=text]");
  var status = document.getElementById("sparstatus");
  var reportBox = document.querySelector("[data-report]");
  var token = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var lesson = form.dataset.lesson, exercise = form.dataset.exercise;
  // one copy per account: on a shared phone whose browser was closed without logging out, the
  // next person's page must not take up (and autosave as theirs) the previous person's text
  var storageKey = "ordvard:utkast:" + form.dataset.user + ":" + lesson + "/" + exercise;
  // a save that hangs (a connection that neither answers nor fails) is given up after
  // SAVE_TIMEOUT_MS, so autosave goes on instead of waiting for it for ever
  var AUTOSAVE_MS = 5000, CHECK_DELAY_MS = 700, SAVE_TIMEOUT_MS = 15000;
  var dirty = false, saving = false, savingSince = 0, saveSerial = 0, checkTimer = null, checkSerial = 0;
  var connectionLost = "offlineCopy" in document.documentElement.dataset;  // the device's copy (sw.js)

  function clock() {
    var now = new Date();
    return "kl. " + String(now.getHours()).padStart(2, "0") + "." + String(now.getMinutes()).padStart(2, "0");
  }
  function say(text) { status.textContent = text; }

  function post(url, body, timeout) {
    var options = {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token, "Accept": "application/json" },
      body: JSON.stringify(body),
      keepalive: true
    };
    if (timeout && window.AbortController) {
      var controller = new AbortController();
      options.signal = controller.signal;
      setTimeout(function () { controller.abort(); }, timeout);
    }
    return fetch(url, options);
  }

  /* --- the browser's copy ------------------------------------------------------------ */
  // A personnummer: YYMMDD-NNNN or YYYYMMDDNNNN (day + 60 for a samordningsnummer) whose last
  // digit is the Luhn check of the ten digits, as the server checks it. A shared phone must not
  // keep such a text, so the browser's copy is dropped instead.
  function holdsPersonnummer(text) {
    var pattern = /(?:^|[^\d])(?:\d{2})?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?!\d)/g, match;
    while ((match = pattern.exec(text))) {
      var month = +match[2], day = +match[3] % 60;
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      var digits = match[1] + match[2] + match[3] + match[4], sum = 0;
      for (var i = 0; i < 10; i++) {
        var d = +digits[i] * (i % 2 === 0 ? 2 : 1);
        sum += d > 9 ? d - 9 : d;
      }
      if (sum % 10 === 0) return true;
    }
    return false;
  }
  // The copy says whether the server has its text (``sent``), and where to send it: logging out
  // (site.js) sends a copy the server lacks, or warns before deleting it.
  function keepLocally() {
    try {
      if (holdsPersonnummer(area.value)) { localStorage.removeItem(storageKey); return; }
      localStorage.setItem(storageKey, JSON.stringify({
        text: area.value, saved: Date.now(), sent: false,
        url: form.dataset.draftUrl, lesson: lesson, exercise: exercise
      }));
    } catch (e) { /* full or disabled */ }
  }
  function markSent(text) {
    var copy = localCopy();
    if (!copy || copy.text !== text || copy.sent) return;
    copy.sent = true;
    try { localStorage.setItem(storageKey, JSON.stringify(copy)); } catch (e) { /* full or disabled */ }
  }
  function localCopy() {
    try { return JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (e) { return null; }
  }
  function restoreIfNewer() {
    var copy = localCopy();
    var serverSaved = Date.parse(form.dataset.serverSaved || "") || 0;
    if (!copy) return;
    if (copy.text === area.value || copy.saved <= serverSaved || !copy.text.trim()) {
      markSent(copy.text);  // the server has this text, or a newer one
      return;
    }
    var serverText = area.value;
    area.value = copy.text;
    dirty = true;
    var notice = document.createElement("div");
    notice.className = "restore-notice";
    notice.setAttribute("role", "status");
    var p = document.createElement("p");
    p.textContent = "Vi hämtade en nyare text som fanns sparad i din webbläsare. Den sparas nu som utkast.";
    var undo = document.createElement("button");
    undo.type = "button";
    undo.className = "button button-secondary button-small";
    undo.textContent = "Använd den text som var sparad på servern i stället";
    undo.addEventListener("click", function () {
      area.value = serverText; keepLocally(); dirty = true; notice.remove(); scheduleCheck();
    });
    notice.appendChild(p); notice.appendChild(undo);
    form.parentNode.insertBefore(notice, form);
  }

  /* --- autosave ----------------------------------------------------------------------- */
  function autosave() {
    if (!dirty || (saving && Date.now() - savingSince < SAVE_TIMEOUT_MS)) return;
    var text = area.value, serial = ++saveSerial;
    saving = true; savingSince = Date.now(); dirty = false;
    post(form.dataset.draftUrl, { text: text, lesson: lesson, exercise: exercise }, SAVE_TIMEOUT_MS)
      .then(function (response) {
        connectionLost = false;
        if (response.ok) { markSent(text); say("Utkastet sparades " + clock() + "."); return; }
        dirty = true;
        if (response.status === 401 || response.status === 400) {
          say("Du är utloggad. Texten finns kvar här och i webbläsaren. Tryck på ”Spara utkast” för att logga in igen och spara den.");
        } else {
          return response.json().then(function (body) { say(body.message || "Utkastet kunde inte sparas just nu."); });
        }
      })
      .catch(function () {  // no connection, or a save that hung and was given up
        dirty = true;
        connectionLost = true;
        say("Ingen anslutning just nu. Texten finns kvar i webbläsaren och sparas när anslutningen är tillbaka.");
      })
      .then(function () { if (serial === saveSerial) saving = false; });
  }

  /* --- live check --------------------------------------------------------------------- */
  // A finding's words as the list quotes them: a run of 20,000 letters is marked in the note
  // and quoted by its beginning (feedback.quoted on the server).
  function quoted(text) {
    return text.length > 60 ? text.slice(0, 40) + "…" : text;
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }
  function hidden(text) { return el("span", text, "visually-hidden"); }

  function markedNote(text, report) {
    var box = el("div", "", "marked-note");
    box.lang = "sv";
    var marks = report.findings.map(function (f, i) { return { s: f.start, e: f.end, p: 0, i: i }; })
      .concat(report.terms.found.map(function (m, i) { return { s: m.start, e: m.end, p: 1, i: i }; }))
      .sort(function (a, b) { return a.s - b.s || a.e - b.e || a.p - b.p; });
    var pos = 0;
    marks.forEach(function (m) {
      if (m.s < pos || m.e > text.length) return;
      if (m.s > pos) box.appendChild(document.createTextNode(text.slice(pos, m.s)));
      var mark = el("mark");
      if (m.p === 0) {
        var f = report.findings[m.i], n = m.i + 1, label = f.label || f.kind;
        mark.className = "mark mark-" + f.kind;
        mark.appendChild(hidden("Fynd " + n + ", " + label + ": "));
        mark.appendChild(document.createTextNode(text.slice(m.s, m.e)));
        box.appendChild(mark);
        box.appendChild(el("span", n + " " + label, "mark-ref"));
      } else {
        var t = report.terms.found[m.i];
        mark.className = "mark mark-term";
        mark.appendChild(hidden("Term " + t.term + (t.negated ? ", nekad" : "") + ": "));
        mark.appendChild(document.createTextNode(text.slice(m.s, m.e)));
        box.appendChild(mark);
        var tag = el("span", "✓" + (t.negated ? " nekad" : ""), "term-tag");
        tag.setAttribute("aria-hidden", "true");
        box.appendChild(tag);
      }
      pos = m.e;
    });
    if (pos < text.length) box.appendChild(document.createTextNode(text.slice(pos)));
    return box;
  }

  /* "Varför markeras det?": the Swedish explanation, right and wrong examples, and the draft
     translation into the trainee's language, as the feedback page shows them. */
  function whyDetails(why) {
    var details = el("details", "", "why");
    details.appendChild(el("summary", "Varför markeras det?"));
    details.appendChild(el("p", why.sv));
    if (why.examples.length) {
      var examples = el("ul", "", "why-examples");
      why.examples.forEach(function (e) {
        var li = el("li");
        [["Rätt: ", e.right, "example-right"], ["Fel: ", e.wrong, "example-wrong"]].forEach(function (part, i) {
          var span = el("span", part[0], part[2]);
          var sentence = el("span", part[1]);
          sentence.lang = "sv";
          span.appendChild(sentence);
          if (i) li.appendChild(el("br"));
          li.appendChild(span);
        });
        examples.appendChild(li);
      });
      details.appendChild(examples);
    }
    if (why.l1) {
      var p = el("p");
      var translated = el("span", why.l1);
      translated.lang = why.l1_lang;
      translated.dir = why.l1_dir;
      p.appendChild(translated);
      p.appendChild(document.createTextNode(" "));
      p.appendChild(el("span", "(översättning, inte granskad)", "translation-status"));
      details.appendChild(p);
    }
    return details;
  }

  function showReport(text, report) {
    var heading = reportBox.querySelector("h2");
    reportBox.replaceChildren(heading, summary);
    summary.textContent = report.findings.length + " att titta på, " + report.terms.missing.length +
      " ord saknas. Granskningen uppdateras medan du skriver.";
    if (report.checked && report.checked.complete === false) {
      reportBox.appendChild(el("p", report.checked.message, "panel partly-checked"));
    }
    reportBox.appendChild(el("h3", "Din text med markeringar"));
    reportBox.appendChild(markedNote(text, report));
    reportBox.appendChild(el("h3", "Att titta på (" + report.findings.length + ")"));
    if (report.findings.length) {
      var list = el("ol", "", "findings");
      report.findings.forEach(function (f) {
        var item = el("li", "", "finding finding-" + f.kind);
        var first = el("p");
        var label = f.label || f.kind;
        first.appendChild(el("span", label.charAt(0).toUpperCase() + label.slice(1) + ":", "finding-kind"));
        first.appendChild(document.createTextNode(" "));
        first.appendChild(el("q", quoted(f.text)));
        item.appendChild(first);
        item.appendChild(el("p", f.message));
        if (f.suggestions.length) item.appendChild(el("p", "Förslag: " + f.suggestions.join(", ")));
        var why = report.help && report.help[f.help];
        if (why) item.appendChild(whyDetails(why));
        list.appendChild(item);
      });
      reportBox.appendChild(list);
    } else {
      reportBox.appendChild(el("p", "Inget att anmärka på. Bra!"));
    }
    reportBox.appendChild(el("h3", "Ord från övningen"));
    if (report.terms.missing.length) {
      var missing = el("ul", "", "missing-terms");
      report.terms.missing.forEach(function (lemma) {
        var li = el("li");
        li.appendChild(el("span", "Saknas:", "term-status"));
        li.appendChild(document.createTextNode(" " + lemma));
        missing.appendChild(li);
      });
      reportBox.appendChild(missing);
    } else {
      reportBox.appendChild(el("p", "Du har använt alla ord som övningen kräver."));
    }
    var negated = report.terms.found.filter(function (m) { return m.negated; });
    if (negated.length) {
      reportBox.appendChild(el("p", "Nekade ord – texten säger att det inte är så: " +
        negated.map(function (m) { return "”" + m.text + "”"; }).join(", ") + "."));
    }
  }

  function check() {
    var text = area.value, serial = ++checkSerial;
    if (!text.trim()) return;
    post(form.dataset.checkUrl, { text: text, lesson: lesson, exercise: exercise })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (report) { if (report && serial === checkSerial) showReport(text, report); })
      .catch(function () { /* offline: the buttons still work when the connection is back */ });
  }
  function scheduleCheck() {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(check, CHECK_DELAY_MS);
  }

  var summary = el("p", "", "hint");
  summary.setAttribute("role", "status");
  restoreIfNewer();
  area.addEventListener("input", function () { dirty = true; keepLocally(); scheduleCheck(); });
  setInterval(autosave, AUTOSAVE_MS);
  window.addEventListener("pagehide", autosave);
  window.addEventListener("online", autosave);
  // Offline a post cannot reach the server: say so instead of showing the browser's error page
  // (navigator.onLine alone cannot tell, so the server is asked first).
  function reachable() {
    if (!navigator.onLine) return Promise.resolve(false);
    return fetch(form.dataset.probeUrl, { method: "HEAD", cache: "no-store", credentials: "same-origin" })
      .then(function (response) { return response.ok; }, function () { return false; });
  }
  form.addEventListener("submit", function (event) {
    if (form.dataset.reached || (navigator.onLine && !connectionLost)) {
      markSent(area.value);  // the post carries the text: the server has it, or says why not
      return;
    }
    event.preventDefault();
    var submitter = event.submitter;
    reachable().then(function (up) {
      if (up) {
        form.dataset.reached = "1";
        form.requestSubmit(submitter || undefined);
        return;
      }
      offlineSubmit(submitter);
    });
  });
  function offlineSubmit(submitter) {
    keepLocally();
    if (holdsPersonnummer(area.value)) {
      say("Du är offline, och texten sparas inte på enheten: den innehåller något som ser ut som ett personnummer. Ta bort det.");
    } else if (submitter && submitter.value === "lamna-in") {
      say("Du är offline. Att lämna in kräver anslutning. Texten är sparad i webbläsaren – lämna in när du är online igen.");
    } else {
      say("Du är offline. Texten är sparad i webbläsaren och sparas som utkast på servern när du är online igen.");
    }
  }
  if (dirty) autosave();
})();
