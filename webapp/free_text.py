"""Rules for free text that people type and the site stores.

- **No personnummer.** ``NoPersonalId`` is the WTForms validator for every stored free-text
  field (notes go through the checker's report, which uses the same detector); services that
  store text outside a form (imports, the JSON API) call ``refuse_personal_id``. Both ask
  ``nlp.personal.contains_personal_id`` — one detector for the whole site.
- **Only characters that can be stored.** PostgreSQL text cannot hold NUL, and a lone
  surrogate (``\\ud800`` from a JSON escape) cannot be encoded. ``unstorable`` finds them and
  ``cleaned`` removes NUL and replaces lone surrogates with U+FFFD (the input-cleaning hook in
  ``webapp.input_guard`` uses both, once for every route).
"""

from __future__ import annotations

import re

from wtforms.validators import ValidationError

from nlp.personal import contains_personal_id

PERSONAL_ID_MESSAGE = (
    "Texten innehåller något som ser ut som ett personnummer. Personnummer får inte sparas "
    "här. Ta bort det och försök igen."
)
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class PersonalIdFound(ValueError):
    """A text that is about to be stored holds a personnummer; ``field`` names where."""

    def __init__(self, field: str = ""):
        super().__init__(PERSONAL_ID_MESSAGE)
        self.field = field


def refuse_personal_id(*texts: str, field: str = "") -> None:
    """Raise :class:`PersonalIdFound` if any of ``texts`` holds a personnummer."""
    if any(text and contains_personal_id(text) for text in texts):
        raise PersonalIdFound(field)


def personal_id_fields(value, path: str = "") -> list[str]:
    """The paths (``steps.2.text``) of every string inside ``value`` (parsed JSON, a content
    record's dump) that holds a personnummer."""
    return _fields_where(value, contains_personal_id, path)


def _fields_where(value, holds, path: str = "") -> list[str]:
    """The paths of every non-empty string inside ``value`` for which ``holds(text)``."""
    if isinstance(value, str):
        return [path or "text"] if value and holds(value) else []
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, (list, tuple)):
        items = enumerate(value)
    else:
        return []
    return [
        found
        for key, item in items
        for found in _fields_where(item, holds, f"{path}.{key}" if path else str(key))
    ]


def refuse_unstorable_in_content(record, source: str) -> None:
    """Raise ``ContentError`` naming each field of a lesson or term ``record`` that holds NUL
    or a lone surrogate. An uploaded file is not a form field, so the input guard never sees
    it, and YAML and JSON escapes (``"\\0"``, ``"\\u0000"``) make them from plain text."""
    from glossary.problems import ContentError, Problem

    fields = _fields_where(record.model_dump(mode="json"), unstorable)
    if fields:
        message = (
            "texten innehåller ett osynligt styrtecken som inte kan sparas (till exempel "
            "\\0 eller \\u0000 i filen); ta bort det"
        )
        raise ContentError([Problem(source, message, field=field) for field in fields])


def refuse_personal_id_in_content(record, source: str) -> None:
    """Raise ``ContentError`` (the content loaders' all-or-nothing refusal, which the authoring
    pages already show) naming each field of a lesson or term ``record`` (a pydantic model)
    that holds a personnummer."""
    from glossary.problems import ContentError, Problem

    fields = personal_id_fields(record.model_dump(mode="json"))
    if fields:
        message = "texten ser ut att innehålla ett personnummer, som inte får sparas; ta bort det"
        raise ContentError([Problem(source, message, field=field) for field in fields])


class NoPersonalId:
    """WTForms validator: the field's text (or each item of a list field) holds no
    personnummer."""

    def __init__(self, message: str = PERSONAL_ID_MESSAGE):
        self.message = message

    def __call__(self, form, field) -> None:
        data = field.data
        values = data if isinstance(data, (list, tuple)) else [data]
        if any(isinstance(v, str) and v and contains_personal_id(v) for v in values):
            raise ValidationError(self.message)


def unstorable(text: str) -> bool:
    """Whether ``text`` holds a character no database column can store (NUL, lone surrogate)."""
    return bool(_UNSTORABLE.search(text))


def cleaned(text: str) -> str:
    """``text`` without NUL and with each lone surrogate replaced by U+FFFD."""
    return _UNSTORABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", text)
