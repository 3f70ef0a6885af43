"""Response headers every page gets, and the session user loader.

Sessions end for real: the session keeps ``User.get_id()`` (``"<id>.<session version>"``) and
:func:`load_user` answers anonymous once the user's version has moved on (logout, "log out
everywhere"), so a cookie copied before logout opens nothing.

Pages are never stored by a browser or proxy: any response that sets no cache policy of its
own (every page, JSON answer and export — built for this request, often with a person's data)
gets ``Cache-Control: no-store``, so the back button on a shared workstation shows nothing after
logout. Static files (``no-cache``) and audio clips (``public``, immutable) say their own.

Written by hand rather than with Flask-Talisman: the policy is a handful of static headers,
and Talisman's HTTPS redirect would fight the local SQLite quick start and the tests.
"""

from __future__ import annotations

from flask import Flask, Response

from webapp.extensions import db, login_manager
from webapp.models import User

# Everything — CSS, JS, fonts, audio — is served by the app itself: no third-party origin.
CONTENT_SECURITY_POLICY = "; ".join(  # noqa: FLY002 - one directive a line reads better
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "media-src 'self'",
        "style-src 'self'",
        "script-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The user of a session id ``"<id>.<version>"``, or None (anonymous) if the version is
    no longer theirs or the id has another shape (e.g. a cookie from before versions)."""
    user_id, _, version = session_id.partition(".")
    if not (user_id.isdigit() and version.isdigit()):
        return None
    user = db.session.get(User, int(user_id))
    return user if user is not None and user.session_version == int(version) else None


def _add_headers(response: Response, production: bool) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), geolocation=(), microphone=()")
    headers.setdefault("Cache-Control", "no-store")
    if production:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    return response


def register(app: Flask) -> None:
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Logga in för att se sidan."
    login_manager.login_message_category = "info"
    production = app.config["ORDVARD_ENV"] == "production"
    app.after_request(lambda response: _add_headers(response, production))
