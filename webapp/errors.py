"""Friendly Swedish error pages (and JSON for the API), whatever went wrong.

Every handler first rolls the database session back: a failed statement leaves the session
unusable, and the error page itself (its header reads the logged-in user) would otherwise
fail with ``PendingRollbackError``. If the full page still cannot be drawn, a plain page that
needs neither the database nor the session is drawn instead. A page answering a form post
shows the text that was typed, so nothing is lost even when saving failed.

The database being unreachable (``OperationalError``, ``InterfaceError``,
``DisconnectionError``) gives 503 with ``Retry-After``; the engine checks each connection
before use (``pool_pre_ping``), so the site reconnects by itself once the database is back.
"""

from __future__ import annotations

import logging

from flask import Flask, current_app, jsonify, render_template, request
from flask_limiter.errors import RateLimitExceeded
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from werkzeug.exceptions import Forbidden, HTTPException

from webapp.extensions import db

log = logging.getLogger(__name__)

MESSAGES = {
    400: ("Något blev fel i förfrågan", "Sidan kunde inte ta emot det som skickades. Försök igen."),
    403: ("Du har inte behörighet", "Den här sidan är inte till för ditt konto."),
    404: ("Sidan finns inte", "Adressen kan vara fel, eller så har sidan tagits bort."),
    405: ("Det gick inte", "Sidan kan inte användas på det sättet."),
    413: ("För mycket text", "Det du skickade är för stort. Korta texten och försök igen."),
    429: (
        "För många försök",
        "Du har försökt för många gånger på kort tid. Vänta en minut och försök igen.",
    ),
    500: ("Något gick fel hos oss", "Ett fel uppstod. Försök igen om en stund."),
    503: (
        "Ordvård är inte tillgängligt just nu",
        "Vi kommer inte åt databasen för tillfället. Vänta en halv minut och försök igen.",
    ),
}
DATABASE_DOWN = (OperationalError, InterfaceError, DisconnectionError)
RETRY_AFTER_SECONDS = 30

CSRF_MESSAGE = (
    "Formuläret kunde inte skickas eftersom det var för gammalt eller inte kom från Ordvård. "
    "Gå tillbaka, ladda om sidan och försök igen."
)
_NOT_TYPED = {"csrf_token", "action", "submit", "version", "seen_version", "current", "next"}


class Refused(Forbidden):
    """A 403 whose page says in its own heading what changed (an answer to a lesson taken
    from the trainee's group), instead of "Du har inte behörighet": the user did nothing wrong.
    """

    def __init__(self, heading: str, description: str, link: tuple[str, str] | None = None):
        super().__init__(description)
        self.heading = heading
        self.link = link  # (label, url) of the page to go on from, shown before the start page


def _rollback() -> None:
    try:
        db.session.rollback()
    except Exception:  # a dead connection cannot roll back; the session is discarded instead
        log.warning("rollback failed in an error handler", exc_info=True)
        discard_session()


def discard_session(_error: BaseException | None = None) -> None:
    """End the request's database session even when its connection died under it.

    Closing a session rolls back its open transaction; if PostgreSQL went away after the page
    was made (a restart cuts every connection), that rollback raises, and from the end of the
    request nothing would catch it: the user got gunicorn's English "Internal Server Error"
    instead of the page that was ready. The dead session is dropped instead (its connection is
    invalidated, and ``pool_pre_ping`` replaces it for the next request).
    """
    try:
        db.session.remove()
    except Exception:
        log.warning("the database session could not be closed; dropped", exc_info=True)
        try:  # close its connections without a rollback, so no transaction stays open on them
            db.session.registry().invalidate()  # scoped_session has no proxy for it
        except Exception:
            log.warning("the database session could not be invalidated", exc_info=True)
        db.session.registry.clear()


def typed_text() -> list[str]:
    """The free text a form post carried (not passwords, tokens or buttons)."""
    if request.method != "POST":
        return []
    try:
        items = request.form.items(multi=True)
        return [
            value
            for name, value in items
            if value.strip() and name not in _NOT_TYPED and "password" not in name
        ]
    except HTTPException:  # a body too large or cut off has nothing to give back
        return []


def _render(
    status: int,
    message: str | None = None,
    *,
    plain: bool = False,
    heading: str | None = None,
    link: tuple[str, str] | None = None,
):
    _rollback()
    title, text = MESSAGES.get(status, MESSAGES[500])
    title, text = heading or title, message or text
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)} if status == 503 else {}
    if (
        request.path.startswith("/api/")
        or request.is_json  # a script's JSON request (the phone's answers) reads a JSON error
        or request.accept_mimetypes.best == "application/json"
    ):
        return jsonify(error=title, message=text), status, headers
    page = {"status": status, "title": title, "text": text, "typed": typed_text(), "link": link}
    if not plain and request.headers.get("X-Requested-With") == "fetch":
        try:  # the drill page puts this in place of its question (drills.js)
            return render_template("errors/_part.html", **page), status, headers
        except Exception:
            log.exception("the error part failed; drawing the plain page")
            _rollback()
            plain = True
    if not plain:
        try:
            return render_template("errors/error.html", **page), status, headers
        except Exception:
            log.exception("the error page failed; drawing the plain one")
            _rollback()
    # straight from Jinja: the app's context processors would load the logged-in user
    plain_page = current_app.jinja_env.get_template("errors/plain.html").render(**page)
    return plain_page, status, headers


def _own_message(error) -> str | None:
    """The Swedish text a route gave ``abort(status, description=...)``; None for Werkzeug's
    own (English) default and for Flask-Limiter's limit string ("120 per 1 minute")."""
    if isinstance(error, RateLimitExceeded):
        return None
    description = getattr(error, "description", None)
    default = getattr(type(error), "description", None)
    return description if isinstance(description, str) and description != default else None


def _database_unreachable(error: BaseException | None) -> bool:
    """Whether ``error`` (or what it wraps, or what it was raised while handling) is the
    database being unreachable — e.g. an error handler that itself reached for the database."""
    seen = 0
    while error is not None and seen < 20:
        if isinstance(error, DATABASE_DOWN):
            return True
        error = getattr(error, "original_exception", None) or error.__cause__ or error.__context__
        seen += 1
    return False


def _server_error(error: Exception):
    if _database_unreachable(error):
        return _database_down(error)
    return _render(500, _own_message(error))


def register(app: Flask) -> None:
    # runs before Flask-SQLAlchemy's own teardown (registered earlier, so called later),
    # which then finds no session left to close
    app.teardown_appcontext(discard_session)
    for status in MESSAGES:
        app.register_error_handler(
            status,
            lambda error, status=status: _render(
                status,
                _own_message(error),
                heading=getattr(error, "heading", None),
                link=getattr(error, "link", None),
            ),
        )
    app.register_error_handler(500, _server_error)
    app.register_error_handler(CSRFError, lambda error: _render(400, CSRF_MESSAGE))
    for error_class in DATABASE_DOWN:
        app.register_error_handler(error_class, _database_down)


def _database_down(error: Exception):
    log.error("database unreachable: %s", error)
    return _render(503, plain=True)
