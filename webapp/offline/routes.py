"""HTTP for the installable app: manifest, service worker, offline page, pages to keep."""

from __future__ import annotations

from flask import current_app, jsonify, render_template
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from webapp.access import trainee_only
from webapp.offline import bp, service


@bp.get("/manifest.webmanifest")
def manifest():
    response = jsonify(service.manifest())
    response.mimetype = "application/manifest+json"
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/sw.js")
def service_worker():
    """The worker from the site's root (its scope is the whole site), its version and shell
    filled in; ``no-cache`` so a browser checks for a new worker on every visit."""
    version, shell = service.shell(current_app.static_folder)
    response = current_app.response_class(
        render_template("offline/sw.js", version=version, shell=shell),
        mimetype="text/javascript",
    )
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/offline")
def offline_page():
    """What the worker shows for a page that was not saved while the connection is gone."""
    return render_template("offline/offline.html")


@bp.get("/offline/sidor")
@trainee_only
def pages_to_keep():
    """The pages to save for offline use, and a fresh CSRF token for sending answers later
    (a page opened from the device's copy may carry an expired one)."""
    return jsonify(pages=service.pages_to_keep(current_user), csrf_token=generate_csrf())
