/* What the device keeps for drilling offline, in IndexedDB: the drill packs the server handed
   out ("packs", one per lesson or "" for all) and the answers given offline that the server has
   not yet confirmed ("answers", each with its own id and answer time, and the account's id so
   a shared phone sends each person's answers only in their own session). An answer leaves the
   outbox only when the server has answered for it. Sending is given up after SEND_TIMEOUT_MS
   when the connection neither answers nor fails, so nothing (logging out above all) waits for
   it for ever. */
(function (root) {
  "use strict";
  var DB = "ordvard", VERSION = 1, CHUNK = 50, SEND_TIMEOUT_MS = 10000;
  var opening = null;

  function open() {
    if (!root.indexedDB) { return Promise.reject(new Error("no IndexedDB")); }
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        var request = indexedDB.open(DB, VERSION);
        request.onupgradeneeded = function () {
          request.result.createObjectStore("answers", { keyPath: "id" });
          request.result.createObjectStore("packs", { keyPath: "key" });
        };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { opening = null; reject(request.error); };
      });
    }
    return opening;
  }
  function run(store, mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(store, mode), result;
        var request = work(tx.objectStore(store));
        if (request) { request.onsuccess = function () { result = request.result; }; }
        tx.oncomplete = function () { resolve(result); };
        tx.onerror = tx.onabort = function () { reject(tx.error); };
      });
    });
  }
  function newId() {
    if (root.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }
  function user() {
    var mark = document.querySelector("[data-offline-state]");
    return mark ? mark.dataset.user : null;
  }
  function waiting() {
    var me = user();
    return run("answers", "readonly", function (store) { return store.getAll(); })
      .then(function (all) { return (all || []).filter(function (a) { return a.user === me; }); });
  }
  function changed() { document.dispatchEvent(new CustomEvent("outbox:changed")); }

  var Outbox = {
    add: function (answer) {
      answer.id = newId();
      answer.user = user();
      return run("answers", "readwrite", function (store) { return store.put(answer); })
        .then(function () { changed(); return answer; });
    },
    waiting: waiting,
    count: function () { return waiting().then(function (all) { return all.length; }); },
    savePack: function (key, pack) {
      pack.key = key; pack.user = user(); pack.saved_at = new Date().toISOString();
      return run("packs", "readwrite", function (store) { return store.put(pack); });
    },
    pack: function (key) {
      var me = user();
      return run("packs", "readonly", function (store) { return store.get(key); })
        .then(function (pack) { return pack && pack.user === me ? pack : null; });
    },
    /* Send this account's waiting answers; resolves {sent, refused, messages} or rejects
       (offline, logged out, server trouble) with everything still waiting. */
    sync: function () {
      var mark = document.querySelector("[data-offline-state]");
      if (!mark) { return Promise.reject(new Error("not a trainee")); }
      return waiting().then(function (all) {
        if (!all.length) { return { sent: 0, refused: 0, messages: [] }; }
        return fetchInTime(mark.dataset.pagesUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } },
          function (response) {
            if (!response.ok || response.redirected) { throw new Error("logged out"); }
            return response.json();
          })
          .then(function (fresh) {
            all.sort(function (a, b) { return a.answered_at < b.answered_at ? -1 : 1; });
            var outcome = { sent: 0, refused: 0, messages: [] };
            var chunks = [];
            for (var i = 0; i < all.length; i += CHUNK) { chunks.push(all.slice(i, i + CHUNK)); }
            return chunks.reduce(function (done, chunk) {
              return done.then(function () { return sendChunk(mark.dataset.syncUrl, fresh.csrf_token, chunk, outcome); });
            }, Promise.resolve()).then(function () { changed(); return outcome; });
          });
      });
    },
    /* Whether the server answers now (navigator.onLine says only that there is a network). */
    reachable: function () {
      var bar = document.querySelector("[data-offline-bar]");
      if (!navigator.onLine || !bar) { return Promise.resolve(navigator.onLine); }
      return fetch(bar.dataset.probe, { method: "HEAD", cache: "no-store", credentials: "same-origin" })
        .then(function (response) { return response.ok; }, function () { return false; });
    },
    /* Delete this account's waiting answers (the trainee chose to log out without them). */
    discard: function () {
      return waiting().then(function (mine) {
        return run("answers", "readwrite", function (store) { mine.forEach(function (a) { store.delete(a.id); }); });
      }).then(changed);
    },
    forgetPacks: function () { return run("packs", "readwrite", function (store) { return store.clear(); }); },
    /* Take the next drill items along (the pack), and ask the service worker to keep their
       audio; resolves the pack, or the one kept before when the server cannot be reached. */
    takeAlong: function () {
      var mark = document.querySelector("[data-offline-state]");
      if (!mark) { return Promise.resolve(null); }
      var kept = function () { return Outbox.pack("").then(function (pack) { return { pack: pack, fresh: false }; }); };
      if (!navigator.onLine) { return kept(); }
      return fetch(mark.dataset.packUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) {
          if (!response.ok || response.redirected) { throw new Error("no pack"); }
          return response.json();
        })
        .then(function (pack) {
          pack.used = [];
          var clips = [];
          pack.items.forEach(function (item) {
            item.html.replace(/src="(\/ljud\/[^"]+)"/g, function (_, url) { clips.push(url.replace(/&amp;/g, "&")); });
            if (item.solution_audio) { clips.push(item.solution_audio); }
          });
          if (clips.length && navigator.serviceWorker && navigator.serviceWorker.controller) {
            navigator.serviceWorker.controller.postMessage({ clips: clips });
          }
          return Outbox.savePack("", pack).then(function () { return { pack: pack, fresh: true }; });
        })
        .catch(kept);
    }
  };

  /* fetch(url, options) and read(response), rejected after SEND_TIMEOUT_MS (the request is
     aborted where AbortController exists; elsewhere it is left to settle, unheeded). */
  function fetchInTime(url, options, read) {
    var controller = root.AbortController ? new AbortController() : null, timer = null;
    if (controller) { options.signal = controller.signal; }
    var late = new Promise(function (resolve, reject) {
      timer = setTimeout(function () {
        if (controller) { controller.abort(); }
        reject(new Error("no answer in time"));
      }, SEND_TIMEOUT_MS);
    });
    return Promise.race([fetch(url, options).then(read), late]).then(
      function (result) { clearTimeout(timer); return result; },
      function (error) { clearTimeout(timer); throw error; }
    );
  }
  function sendChunk(url, token, chunk, outcome) {
    var body = chunk.map(function (a) {
      return { id: a.id, token: a.token, answered_at: a.answered_at, answer: a.answer, rating: a.rating, give_up: a.give_up, order: a.order };
    });
    return fetchInTime(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": token },
      body: JSON.stringify({ answers: body })
    }, function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (response.redirected || type.indexOf("application/json") !== 0 || response.status >= 500 || response.status === 413) {
        throw new Error("not synced");
      }
      return response.json();
    }).then(function (reply) {
      if (!reply.results) { throw new Error(reply.message || "not synced"); }
      // every answer the server answered for is settled: recorded, already recorded, or refused
      reply.results.forEach(function (r) {
        if (r.status === "recorded" || r.status === "duplicate") { outcome.sent += 1; } else {
          outcome.refused += 1;
          if (r.message && outcome.messages.indexOf(r.message) < 0) { outcome.messages.push(r.message); }
        }
      });
      return run("answers", "readwrite", function (store) {
        reply.results.forEach(function (r) { store.delete(r.id); });
      });
    });
  }

  root.OrdvardOutbox = Outbox;
})(self);
