"""What the installed app needs from the server: its manifest, the service worker's version,
and which pages a trainee's device should keep for offline reading.

The service worker (``static/js/sw.js``) is served from the site's root so its scope is the
whole site. Its cache names carry a version made from the static files' contents, so a
deployment that changes any script or style installs a new worker that fills fresh caches
and deletes the old ones.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from flask import url_for

from webapp.learn.service import lesson_list
from webapp.learn.store import record_of
from webapp.models import User

NAME = "Ordvård – svenska för vård och omsorg"
SHORT_NAME = "Ordvård"
THEME_COLOUR = "#0b5d57"  # --brand in site.css
SHELL = ("css", "js", "img")  # static folders the worker keeps so cached pages are styled


def manifest() -> dict:
    """The web app manifest (W3C): Swedish name, icons, colours, start page, standalone."""
    return {
        "name": NAME,
        "short_name": SHORT_NAME,
        "description": "Öva svenska för jobbet i vården: lektioner, ord och anteckningar – även utan nät.",
        "lang": "sv",
        "dir": "ltr",
        "id": "/",
        "start_url": url_for("home.dashboard"),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": "#ffffff",
        "icons": [
            {
                "src": url_for("static", filename="img/icon-192.png"),
                "sizes": "192x192",
                "type": "image/png",
            },
            {
                "src": url_for("static", filename="img/icon-512.png"),
                "sizes": "512x512",
                "type": "image/png",
            },
            {
                "src": url_for("static", filename="img/icon-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }


@lru_cache(maxsize=4)
def shell(static_folder: str) -> tuple[str, tuple[str, ...]]:
    """(version, static URLs) of the app shell: the worker precaches these files, and the
    version — a hash of their names and contents — names its caches."""
    root = Path(static_folder)
    files = sorted(p for folder in SHELL for p in (root / folder).rglob("*") if p.is_file())
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    urls = tuple(url_for("static", filename=p.relative_to(root).as_posix()) for p in files)
    return digest.hexdigest()[:12], urls


def pages_to_keep(user: User) -> list[str]:
    """The pages a trainee's device saves for offline use: the start page, the drill session,
    and every assigned lesson with its writing exercises (the worker also keeps the term pages
    and audio clips a saved lesson links to)."""
    pages = [url_for("home.dashboard"), url_for("drills.session"), url_for("write.index")]
    for item in lesson_list(user).assigned:
        lesson = item.lesson
        pages.append(url_for("learn.lesson", slug=lesson.slug))
        pages.append(url_for("drills.session", lektion=lesson.slug))
        pages.extend(
            url_for("write.exercise", lesson=lesson.slug, exercise=exercise.id)
            for exercise in record_of(lesson).exercises
        )
    return pages
