"""Input cleaning at the boundary, once for every route: NUL bytes and lone surrogates.

PostgreSQL text cannot hold NUL and a lone surrogate cannot be encoded, so either would end
in a 500 deep inside a route (and on SQLite be stored as garbage). Before any view runs:

- a query string holding one gets the Swedish 400 page (JSON under ``/api/``);
- a JSON body holding one anywhere gets a Swedish 400 JSON answer (the script keeps the text
  in the page, so nothing typed is lost), and so does a body nested too deep for Python's JSON
  parser (thousands of ``[``: a RecursionError, which was a 500);
- a form field holding one is cleaned (NUL removed, a lone surrogate replaced by U+FFFD) and
  named in ``g.unstorable_fields``; the view then runs on the cleaned form, whose validation
  fails on that field (``webapp.forms.FlaskForm``), so the page comes back with the cleaned
  text in the field and a Swedish message, and the answer's status is set to 400.
"""

from __future__ import annotations

from flask import Flask, Response, abort, g, jsonify, request
from werkzeug.datastructures import ImmutableMultiDict

from webapp.free_text import cleaned, unstorable

JSON_MESSAGE = (
    "Texten innehåller tecken som inte kan sparas (till exempel osynliga styrtecken). "
    "Ta bort dem och försök igen. Din text finns kvar."
)

NESTED_MESSAGE = (
    "Det som skickades kunde inte läsas: det har för många nivåer inuti varandra. "
    "Ladda om sidan och försök igen."
)


def _strings(value):
    """Every string inside a parsed JSON value (keys too)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _guard():
    if any(unstorable(k) or unstorable(v) for k, v in request.args.items(multi=True)):
        abort(400)
    if request.is_json:
        try:
            body = request.get_json(silent=True)
            if any(unstorable(s) for s in _strings(body)):
                return jsonify(error=JSON_MESSAGE, message=JSON_MESSAGE), 400
        except RecursionError:  # lists in lists thousands deep: Python's parser gives up
            return jsonify(error=NESTED_MESSAGE, message=NESTED_MESSAGE), 400
        return None
    if request.method in ("POST", "PUT", "PATCH") and request.form:
        items = list(request.form.items(multi=True))
        bad = {key for key, value in items if unstorable(key) or unstorable(value)}
        if bad:
            g.unstorable_fields = frozenset(cleaned(key) for key in bad)
            request.form = ImmutableMultiDict([(cleaned(k), cleaned(v)) for k, v in items])
    return None


def _answer_400(response: Response) -> Response:
    if g.get("unstorable_fields") and response.status_code < 300:
        response.status_code = 400
    return response


def register(app: Flask) -> None:
    app.before_request(_guard)
    app.after_request(_answer_400)
