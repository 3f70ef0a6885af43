// On every page: logging out clears what this site keeps in the browser (note drafts kept in
// localStorage under "ordvard:"; the pages and drill items saved for offline use go on the
// first page without a session), so the next person on a shared phone finds nothing. Drill
// answers not yet sent, and note texts the server does not have yet, are sent first; if they
// cannot be, the trainee chooses between staying logged in to send them later and logging out
// without them: none is lost unseen or left behind.
// With a service worker (the installable app): an offline banner with the answers waiting to
// be sent, sending them when the connection returns, and this page's offline copy.
(function () {
  "use strict";
  var worker = document.currentScript && document.currentScript.dataset.sw;
  var outbox = window.OrdvardOutbox;
  var state = document.querySelector("[data-offline-state]");  // trainees only
  var bar = document.querySelector("[data-offline-bar]");
  var barText = bar && bar.querySelector("[data-offline-text]");
  var syncButton = bar && bar.querySelector("[data-sync-now]");
  var KEPT_KEY = "ordvard:offline-sparat";
  var lastSync = null, RETRY_MS = 5000, DRAFT_TIMEOUT_MS = 10000;
  var offline = !navigator.onLine || "offlineCopy" in document.documentElement.dataset;  // (sw.js)

  function clearLocal() {
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var key = localStorage.key(i);
        if (key && key.indexOf("ordvard:") === 0) { localStorage.removeItem(key); }
      }
    } catch (e) { /* storage disabled: nothing kept */ }
  }
  function askWorker(message) {
    if (!navigator.serviceWorker || !navigator.serviceWorker.controller) { return Promise.resolve(null); }
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { resolve(event.data); };
      navigator.serviceWorker.controller.postMessage(message, [channel.port2]);
    });
  }
  function forgetSaved() {
    var work = [askWorker({ forget: true })];
    if (outbox) { work.push(outbox.forgetPacks().catch(function () {})); }
    return Promise.all(work);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form[data-logout]")) { return; }
    if (state && outbox) {
      event.preventDefault();
      sendBeforeLogout(form);
      return;
    }
    clearLocal();
  });
  if (!document.querySelector("form[data-logout]") && navigator.serviceWorker && navigator.serviceWorker.controller) {
    // nobody is logged in here (logged out, or the session ended): the saved pages and drill
    // items go; answers not yet sent stay, marked with their account, for its next login
    forgetSaved();
  }

  var registered = worker && "serviceWorker" in navigator
    ? navigator.serviceWorker.register(worker, { scope: "/" }).then(function () { return navigator.serviceWorker.ready; })
    : Promise.reject(new Error("no service worker"));
  registered.catch(function () { /* no offline use in this browser: the site works online */ });
  if (!state || !bar || !outbox) { return; }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function logOut(form) {
    clearLocal();
    form.submit();  // no submit event: this handler does not run again
  }
  /* Note drafts kept in this browser (write.js) whose text the server does not have yet. */
  function unsentDrafts() {
    var prefix = "ordvard:utkast:" + state.dataset.user + ":", found = [], count = 0;
    try { count = localStorage.length; } catch (e) { /* storage disabled: nothing kept */ }
    for (var i = 0; i < count; i++) {
      try {
        var key = localStorage.key(i);
        if (!key || key.indexOf(prefix) !== 0) { continue; }
        var copy = JSON.parse(localStorage.getItem(key) || "null");
        if (copy && copy.sent === false && copy.url && copy.text.trim()) { found.push({ key: key, copy: copy }); }
      } catch (e) { /* a copy that cannot be read: nothing to send */ }
    }
    return found;
  }
  /* Save those drafts on the server now; resolves how many are still only in this browser. */
  function sendDrafts(form) {
    var drafts = unsentDrafts();
    var token = form.querySelector("input[name=csrf_token]").value;
    return Promise.all(drafts.map(function (draft) {
      var controller = window.AbortController ? new AbortController() : null;
      if (controller) { setTimeout(function () { controller.abort(); }, DRAFT_TIMEOUT_MS); }
      return fetch(draft.copy.url, {
        method: "POST", credentials: "same-origin", signal: controller ? controller.signal : undefined,
        headers: { "Content-Type": "application/json", "X-CSRFToken": token, "Accept": "application/json" },
        body: JSON.stringify({ text: draft.copy.text, lesson: draft.copy.lesson, exercise: draft.copy.exercise })
      }).then(function (response) {
        if (!response.ok || response.redirected) { return 1; }
        draft.copy.sent = true;
        try { localStorage.setItem(draft.key, JSON.stringify(draft.copy)); } catch (e) { /* cleared at logout */ }
        return 0;
      }, function () { return 1; });
    })).then(function (left) { return left.reduce(function (a, b) { return a + b; }, 0); });
  }
  function sendBeforeLogout(form) {
    if (form.dataset.sending || document.querySelector("dialog.logout-warning")) { return; }
    form.dataset.sending = "1";
    var left = function () { return outbox.count().catch(function () { return 0; }); };
    var answersLeft = left().then(function (waiting) {
      return waiting ? outbox.sync().then(left, function () { sendFailed(); return left(); }) : 0;
    });
    Promise.all([answersLeft, sendDrafts(form)]).then(function (unsent) {
      delete form.dataset.sending;
      if (unsent[0] || unsent[1]) { warnUnsent(form, unsent[0], unsent[1]); } else { logOut(form); }
    });
  }
  /* The dialog's words for what is still only on the phone: drill answers, note texts or both. */
  function unsentWords(waiting, drafts) {
    var one = waiting === 1, oneText = drafts === 1;
    if (!drafts) {
      return {
        heading: plural(waiting, "svar har inte skickats", "svar har inte skickats"),
        text: (one ? "Svaret" : "Svaren") + " du gav utan anslutning kunde inte skickas till servern nu och finns bara på den här telefonen. " +
          "Loggar du ut tas " + (one ? "det" : "de") + " bort, så att nästa person på telefonen inte ser " + (one ? "det" : "dem") + ".",
        stay: "Stanna inloggad och skicka senare",
        discard: "Logga ut och ta bort " + (one ? "svaret" : "svaren"),
        gone: one ? "Svaret är borttaget" : "Svaren är borttagna"
      };
    }
    if (!waiting) {
      return {
        heading: oneText ? "Din anteckning är inte sparad" : drafts + " anteckningar är inte sparade",
        text: (oneText ? "Texten" : "Texterna") + " du skrev kunde inte sparas på servern nu och finns bara på den här telefonen. " +
          "Loggar du ut tas " + (oneText ? "den" : "de") + " bort, så att nästa person på telefonen inte ser " + (oneText ? "den" : "dem") + ".",
        stay: "Stanna inloggad och spara senare",
        discard: "Logga ut och ta bort " + (oneText ? "texten" : "texterna"),
        gone: oneText ? "Texten är borttagen" : "Texterna är borttagna"
      };
    }
    return {
      heading: plural(waiting, "svar", "svar") + " och " + (oneText ? "en anteckning" : drafts + " anteckningar") + " har inte sparats på servern",
      text: "Det du gjorde utan anslutning kunde inte skickas till servern nu och finns bara på den här telefonen. " +
        "Loggar du ut tas det bort, så att nästa person på telefonen inte ser det.",
      stay: "Stanna inloggad och skicka senare",
      discard: "Logga ut och ta bort allt",
      gone: (one ? "Svaret" : "Svaren") + " och " + (oneText ? "texten" : "texterna") + " är borttagna"
    };
  }
  function warnUnsent(form, waiting, drafts) {
    var words = unsentWords(waiting, drafts);
    var dialog = document.createElement("dialog");
    dialog.className = "logout-warning";
    dialog.setAttribute("aria-labelledby", "ej-skickade");
    dialog.setAttribute("aria-describedby", "ej-skickade-text");
    var heading = document.createElement("h2");
    heading.id = "ej-skickade";
    heading.textContent = words.heading;
    var text = document.createElement("p");
    text.id = "ej-skickade-text";
    text.textContent = words.text;
    var stay = document.createElement("button");
    stay.type = "button";
    stay.className = "button";
    stay.textContent = words.stay;
    var discard = document.createElement("button");
    discard.type = "button";
    discard.className = "button button-secondary";
    discard.textContent = words.discard;
    stay.addEventListener("click", function () { dialog.close(); });
    discard.addEventListener("click", function () {
      clearLocal();  // the note texts
      outbox.discard().then(outbox.reachable).then(function (up) {
        if (up) { logOut(form); return; }
        text.textContent = words.gone + " från telefonen. Du är fortfarande inloggad: för att logga ut behövs anslutning. Logga ut igen när du är online.";
        discard.remove();
        stay.textContent = "Stäng";
        stay.focus();
      });
    });
    dialog.addEventListener("close", function () { dialog.remove(); });
    dialog.append(heading, text, stay, discard);
    document.body.appendChild(dialog);
    dialog.showModal();
  }
  function show() {
    outbox.count().catch(function () { return 0; }).then(function (waiting) {
      var parts = [];
      if (offline) { parts.push("Du är offline. Sparade sidor och övningar fungerar ändå."); }
      if (waiting) {
        parts.push(plural(waiting, "svar väntar", "svar väntar") + " på att skickas till servern. De är sparade på den här enheten" +
          (offline ? " och skickas när du är online igen." : "."));
      }
      if (lastSync) { parts.push(lastSync); }
      bar.hidden = parts.length === 0;
      barText.textContent = parts.join(" ");
      syncButton.hidden = !(waiting && !offline);
      if (waiting || offline) { retryLater(); }
    });
  }
  var retry = null;
  function retryLater() {
    // navigator.onLine cannot be trusted (a network without internet): ask the server now and then
    if (retry) { return; }
    retry = setTimeout(function () {
      retry = null;
      outbox.reachable().then(function (up) {
        if (up) { offline = false; sync(); } else { offline = true; show(); }
      });
    }, RETRY_MS);
  }
  function sync() {
    if (!navigator.onLine) { offline = true; show(); return; }
    outbox.sync().then(function (result) {
      offline = false;
      lastSync = result.sent || result.refused ? plural(result.sent, "svar skickades", "svar skickades") + "." : null;
      if (result.refused) {
        lastSync += " " + plural(result.refused, "svar", "svar") + " räknades inte: " + result.messages.join(" ");
      }
      show();
    }, sendFailed);
  }
  function sendFailed() {  // (also when sending before logging out failed or was given up)
    if (!bar) { return; }
    lastSync = "Svaren kunde inte skickas just nu. De skickas igen av sig själva, eller tryck på knappen.";
    show();
  }
  syncButton.addEventListener("click", sync);
  window.addEventListener("online", function () { offline = false; sync(); });
  window.addEventListener("offline", function () { offline = true; show(); });
  document.addEventListener("outbox:changed", show);

  function savedLabel(iso) {
    var when = new Date(iso);
    return "Sparad för offline " + when.toLocaleDateString("sv-SE", { day: "numeric", month: "long" }) +
      " kl. " + String(when.getHours()).padStart(2, "0") + "." + String(when.getMinutes()).padStart(2, "0") + ".";
  }
  function showSavedCopy() {
    if (!window.caches) { return; }
    caches.match(location.href).then(function (copy) {
      var saved = copy && copy.headers.get("X-Saved-At");
      if (!saved) { state.hidden = true; return; }
      var forget = document.createElement("button");
      forget.type = "button";
      forget.className = "link-button";
      forget.textContent = "Ta bort sparade sidor från enheten";
      forget.addEventListener("click", function () {
        forgetSaved().then(function () {
          try { localStorage.removeItem(KEPT_KEY); } catch (e) { /* nothing kept */ }
          state.textContent = "De sparade sidorna är borttagna från enheten.";
        });
      });
      state.replaceChildren(document.createTextNode(savedLabel(saved) + " "), forget);
      state.hidden = false;
    });
  }
  function keepAssignedPages() {
    // once a day, while online: the assigned lessons, their terms and audio, for offline use
    if (!("prefetch" in state.dataset)) { return; }
    var today = new Date().toISOString().slice(0, 10), kept = null;
    try { kept = localStorage.getItem(KEPT_KEY); } catch (e) { return; }
    if (kept === today || !navigator.onLine) { return; }
    fetch(state.dataset.pagesUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok && !response.redirected ? response.json() : null; })
      .then(function (list) {
        if (!list) { return null; }
        return Promise.all([askWorker({ keep: list.pages }), outbox.takeAlong()]).then(function (done) {
          var result = done[0];
          if (result && !result.failed) { try { localStorage.setItem(KEPT_KEY, today); } catch (e) { /* full */ } }
          showSavedCopy();
        });
      })
      .catch(function () { /* tried again on the next page */ });
  }

  if (navigator.serviceWorker) {
    // the worker says when it has saved this page
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.saved === location.href) { showSavedCopy(); }
    });
  }
  registered.then(function () {
    showSavedCopy();
    // the first page waits for the worker to take over before saving pages for offline use
    if (navigator.serviceWorker.controller) { keepAssignedPages(); } else {
      navigator.serviceWorker.addEventListener("controllerchange", keepAssignedPages, { once: true });
    }
  }, function () {});
  show();
  if (!offline) { sync(); }
})();
