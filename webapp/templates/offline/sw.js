/* Ordvård's service worker: keeps the app shell, the pages a trainee saved or opened, and their
   audio clips, so lessons, drills and drafts open without a connection. The server stays the
   source of truth: pages always come from the network first, the cache only when it fails.
   Drill answers and drafts are not kept here but by the pages' scripts (IndexedDB,
   localStorage), which send them when the connection is back. */
"use strict";
var VERSION = {{ version|tojson }};
var SHELL = "ordvard-shell-" + VERSION;
var PAGES = "ordvard-pages-1";  // bump when the saved pages' format changes
var AUDIO = "ordvard-audio-1";
var KEPT = [SHELL, PAGES, AUDIO];
var OFFLINE_PAGE = {{ url_for('offline.offline_page')|tojson }};
var SHELL_URLS = {{ shell|list|tojson }}.concat([OFFLINE_PAGE]);
// Pages worth keeping once opened: start page, lessons, terms, the drill session, writing.
var SAVED_PAGES = /^\/(oversikt|lektioner\/[^/]+|ordlista\/\d+|ova\/|skriva\/|skriva\/[^/]+\/[^/]+)$/;
// Links a saved lesson page leads on to: its writing exercises (its terms' help is inline).
var FOLLOWED = /href="(\/skriva\/[^/"?#]+\/[^/"?#]+)"/g;
var CLIPS = /src="(\/ljud\/[^"]+)"/g;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_URLS); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("ordvard-") === 0 && KEPT.indexOf(name) < 0;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function stamped(response) {
  // The copy carries the time it was saved, which the page shows ("Sparad för offline …").
  return response.clone().blob().then(function (body) {
    var headers = new Headers(response.headers);
    headers.set("X-Saved-At", new Date().toISOString());
    return new Response(body, { status: response.status, statusText: response.statusText, headers: headers });
  });
}

function savable(response) {
  return response.ok && response.status === 200 && !response.redirected &&
    (response.headers.get("Content-Type") || "").indexOf("text/html") === 0;
}

function keepPage(url, response) {
  return stamped(response).then(function (copy) {
    return caches.open(PAGES).then(function (cache) { return cache.put(url, copy); });
  });
}

function tell(event, message) {
  // the page being loaded exists only once its response arrives: look for it a few times
  var tries = 0;
  function find() {
    return self.clients.get(event.resultingClientId).then(function (client) {
      if (client) { client.postMessage(message); return; }
      if ((tries += 1) < 30) { return new Promise(function (resolve) { setTimeout(resolve, 100); }).then(find); }
    });
  }
  event.waitUntil(find().catch(function () {}));
}

function marked(copy) {
  // the page learns, as it loads, that it is the device's copy: the server is out of reach
  return copy.text().then(function (html) {
    var saved = (copy.headers.get("X-Saved-At") || "").replace(/[^0-9TZ:.-]/g, "");
    return new Response(html.replace("<html ", '<html data-offline-copy="' + saved + '" '), {
      status: 200, headers: copy.headers
    });
  });
}

function fromNetworkFirst(event) {
  var request = event.request;
  var path = new URL(request.url).pathname;
  return fetch(request).then(function (response) {
    if (SAVED_PAGES.test(path) && savable(response)) {
      var saving = keepPage(request.url, response.clone());
      event.waitUntil(saving.catch(function () {}));
      saving.then(function () { tell(event, { saved: request.url }); }, function () {});
    }
    return response;
  }).catch(function () {
    return caches.open(PAGES).then(function (cache) {
      return cache.match(request).then(function (hit) {
        return hit || cache.match(request, { ignoreSearch: true });
      });
    }).then(function (hit) {
      return hit ? marked(hit) : caches.match(OFFLINE_PAGE);
    });
  });
}

function ranged(request, response) {
  // An <audio> element asks for byte ranges; a cached clip answers them itself.
  var range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.get("Range") || "");
  if (!range) { return response; }
  return response.blob().then(function (blob) {
    var start = Number(range[1]), end = range[2] ? Number(range[2]) : blob.size - 1;
    end = Math.min(end, blob.size - 1);
    var headers = new Headers(response.headers);
    headers.set("Content-Range", "bytes " + start + "-" + end + "/" + blob.size);
    headers.set("Content-Length", String(end - start + 1));
    return new Response(blob.slice(start, end + 1), { status: 206, statusText: "Partial Content", headers: headers });
  });
}

function clip(request) {
  var url = request.url.split("#")[0];
  return caches.open(AUDIO).then(function (cache) {
    return cache.match(url).then(function (hit) {
      if (hit) { return ranged(request, hit); }
      return fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (response.status === 200) {
          return cache.put(url, response.clone()).then(function () { return ranged(request, response); });
        }
        return response;
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (request.mode === "navigate") {
    event.respondWith(fromNetworkFirst(event));
  } else if (url.pathname.indexOf("/ljud/") === 0) {
    event.respondWith(clip(request));
  } else if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(caches.open(SHELL).then(function (cache) {
      return cache.match(request, { ignoreSearch: true }).then(function (hit) { return hit || fetch(request); });
    }));
  }
});

/* Saving pages for offline use, asked by a page ({keep: [urls]}): each page, the term pages
   and writing exercises it links to, and every audio clip on them. Answers {saved, failed}. */
function savePage(url, follow) {
  return fetch(url, { credentials: "same-origin" }).then(function (response) {
    if (!savable(response)) { throw new Error("not savable"); }
    return response.clone().text().then(function (html) {
      var links = [], clips = [], match;
      if (follow) { while ((match = FOLLOWED.exec(html))) { links.push(match[1]); } }
      while ((match = CLIPS.exec(html))) { clips.push(match[1].replace(/&amp;/g, "&")); }
      return keepPage(url, response).then(function () { return { links: links, clips: clips }; });
    });
  });
}

function saveAll(urls) {
  var saved = 0, failed = 0, clips = [];
  function one(url, follow) {
    return savePage(url, follow).then(function (found) {
      saved += 1;
      clips = clips.concat(found.clips);
      return sequence(found.links.filter(function (link, i, all) { return all.indexOf(link) === i; }), false);
    }, function () { failed += 1; });
  }
  function sequence(list, follow) {
    return list.reduce(function (done, url) {
      return done.then(function () { return one(url, follow); });
    }, Promise.resolve());
  }
  return sequence(urls, true).then(function () {
    var unique = clips.filter(function (c, i, all) { return all.indexOf(c) === i; });
    return unique.reduce(function (done, url) {
      return done.then(function () {
        return clip(new Request(new URL(url, self.location.origin).href)).catch(function () { failed += 1; });
      });
    }, Promise.resolve());
  }).then(function () { return { saved: saved, failed: failed }; });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  var work;
  if (data.keep) {
    work = saveAll(data.keep);
  } else if (data.clips) {  // a drill pack's audio
    work = data.clips.reduce(function (done, url) {
      return done.then(function () {
        return clip(new Request(new URL(url, self.location.origin).href)).catch(function () {});
      });
    }, Promise.resolve()).then(function () { return { saved: data.clips.length }; });
  } else if (data.forget) {
    work = Promise.all([caches.delete(PAGES), caches.delete(AUDIO)]).then(function () { return { forgotten: true }; });
  } else {
    return;
  }
  event.waitUntil(work.then(function (result) { if (port) { port.postMessage(result); } }));
});
