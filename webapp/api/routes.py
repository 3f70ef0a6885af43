"""``POST /api/check`` and ``POST /api/draft``: JSON in, JSON out, for a logged-in trainee with
a CSRF token (header ``X-CSRFToken``), rate-limited per user.

The work is ``webapp.write.service``'s, the same functions the no-JavaScript form calls.

Request body (both): ``{"text": str, "lesson": <lesson slug>, "exercise": <exercise id>}``.
``/api/check`` answers the checker's report (``nlp.Report.to_dict()``: ``terms`` found/missing/
variants, ``findings``, ``readability``, ``sbar``, ``checked``: how much of the text was
analysed, with a Swedish ``message`` when not all of it), each finding with its page ``label`` and
``help`` key, and ``help``: the explanations in Swedish and the trainee's language; ``/api/draft`` answers ``{"saved_at": ISO}``.
Errors are ``{"error", "message"}`` in Swedish: 400 bad body or stale token, 401 no session,
403 not the trainee's exercise, 404 unknown exercise, 413 text over 20 000 characters,
422 (draft only) a personnummer, which is never stored, 429 too many requests.
"""

from __future__ import annotations

from flask import current_app, jsonify, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from webapp.access import trainee_only
from webapp.api import bp
from webapp.extensions import limiter
from webapp.write import service
from webapp.write.feedback import explained

CHECK_LIMIT = "120 per minute"  # a check per pause in typing; config API_CHECK_LIMIT overrides
DRAFT_LIMIT = "30 per minute"  # the script saves every few seconds at most
TOO_LONG = "Texten är för lång. Skriv högst 20 000 tecken och försök igen."
PERSONAL_DATA = (
    "Utkastet sparades inte: texten innehåller något som ser ut som ett personnummer. Ta bort det."
)
BAD_REQUEST = "Skicka JSON med text, lesson och exercise."


def _user_key() -> str:
    return f"user:{current_user.id}" if current_user.is_authenticated else "anonymous"


def _check_limit() -> str:
    return current_app.config.get("API_CHECK_LIMIT", CHECK_LIMIT)


def _error(status: int, message: str):
    return jsonify(error=message, message=message), status


NOT_LOGGED_IN = "Du är inte inloggad. Logga in igen och försök på nytt."
STALE_TOKEN = "Sidan har blivit för gammal. Ladda om sidan och försök igen. Din text finns kvar."


@bp.errorhandler(CSRFError)
def _stale_token(error):
    """Without a session the token cannot match: say so (401) rather than blame the token."""
    if not current_user.is_authenticated:
        return _error(401, NOT_LOGGED_IN)
    return _error(400, STALE_TOKEN)


@bp.before_request
def _refuse_anonymous_and_oversize():
    """Anonymous callers get 401 in JSON, not the log-in page; bodies over the limit get 413
    before they are parsed."""
    if not current_user.is_authenticated:
        return _error(401, NOT_LOGGED_IN)
    # JSON may escape each letter as \uXXXX: six bytes a character at most.
    if (request.content_length or 0) > 6 * (service.MAX_NOTE_CHARS + 1000):
        return _error(413, TOO_LONG)
    return None


def _exercise_and_text():
    """(context, text) from the JSON body, or an error response."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not all(
        isinstance(body.get(k), str) for k in ("text", "lesson", "exercise")
    ):
        return None, _error(400, BAD_REQUEST)
    if len(body["text"]) > service.MAX_NOTE_CHARS:
        return None, _error(413, TOO_LONG)
    return (
        service.open_exercise(current_user, body["lesson"], body["exercise"]),
        body["text"],
    ), None


@bp.post("/check")
@limiter.limit(_check_limit, key_func=_user_key)
@trainee_only
def check():
    found, error = _exercise_and_text()
    if error:
        return error
    context, text = found
    return jsonify(explained(service.check_note(context, text), current_user.l1))


@bp.post("/draft")
@limiter.limit(DRAFT_LIMIT, key_func=_user_key)
@trainee_only
def draft():
    found, error = _exercise_and_text()
    if error:
        return error
    context, text = found
    try:
        saved = service.save_draft(current_user, context, text)
    except service.PersonalDataFound:
        return _error(422, PERSONAL_DATA)
    return jsonify(saved_at=saved.updated_at.isoformat())
