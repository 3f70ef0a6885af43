"""Names people type — their own display name, a group's name — on the way in and on the page.

Names stand beside Swedish text on teacher pages (group lists, the review queue, competence
cards). Unicode's explicit direction controls (embeddings, overrides, isolates: U+202A–U+202E,
U+2066–U+2069) reorder what follows them, so one pasted name could turn the rest of a table row
around; the other control (Cc) and format (Cf) characters — direction marks, zero-width space,
BOM, soft hyphen, tabs and line breaks — are invisible in a name and only make two names that
look alike differ. So:

- ``clean_name`` keeps a name's visible text only: no Cc or Cf character, one ordinary space
  for each run of white space, NFC. The exception is a zero-width (non-)joiner between two
  letters of a script that joins them (Persian writes ZWNJ inside names: علی‌رضا).
- A typed name that held a direction control is refused (``REORDERED_MESSAGE``, with the
  cleaned name back in the field): an override changes what the letters look like, so the
  person must see what would be stored. Invisible characters are removed without a word.
- On the page, the Jinja filter ``name`` shows a stored name cleaned the same way inside
  ``<bdi>``, so an Arabic or Tigrinya name keeps its own direction without moving the Swedish
  around it (names stored before this rule too); ``plain_name`` is the cleaned text for places
  that cannot hold markup (page titles, options, flash messages built as text, email).

The rule is Unicode's own categories from ``unicodedata``: every character that can change
direction or hide in a name is Cc or Cf, so no library is needed.
"""

from __future__ import annotations

import unicodedata

from markupsafe import Markup
from wtforms.validators import ValidationError

REORDERING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
JOINERS = frozenset("\u200c\u200d")
REORDERED_MESSAGE = (
    "Namnet innehöll osynliga tecken som ändrar textens riktning. Vi har tagit bort dem. "
    "Kontrollera att namnet stämmer och spara igen."
)


def has_reordering(text: str) -> bool:
    """Whether ``text`` holds a direction embedding, override or isolate."""
    return any(c in REORDERING for c in text)


def _kept(text: str, i: int) -> bool:
    """Whether ``text[i]`` stays in a name: anything but a control or format character, or a
    zero-width (non-)joiner between two letters of a script that joins them (both letters or
    marks beyond the Latin blocks: Arabic script, Indic scripts)."""
    if unicodedata.category(text[i]) not in ("Cc", "Cf"):
        return True
    neighbours = text[i - 1 : i + 2 : 2] if 0 < i < len(text) - 1 else ""
    return (
        text[i] in JOINERS
        and len(neighbours) == 2
        and all(c > "\u024f" and unicodedata.category(c)[0] in "LM" for c in neighbours)
    )


def clean_name(text: str) -> str:
    """``text`` as a name is stored and shown: visible characters only (see the module)."""
    text = unicodedata.normalize("NFC", text)
    kept = "".join(
        " " if c.isspace() else c for i, c in enumerate(text) if c.isspace() or _kept(text, i)
    )
    return " ".join(kept.split())


def plain_name(text: str | None) -> str:
    return clean_name(text or "")


def name(text: str | None) -> Markup:
    """A stored name for an HTML page: cleaned, and isolated from the text around it."""
    return Markup("<bdi>{}</bdi>").format(plain_name(text))


def name_filter(value):
    """WTForms filter: the field holds the cleaned name (what a refused form shows again)."""
    return clean_name(value) if isinstance(value, str) else value


class KeepsDirection:
    """WTForms validator: the typed name held no direction control (see the module)."""

    def __call__(self, form, field) -> None:
        if any(isinstance(v, str) and has_reordering(v) for v in field.raw_data or ()):
            raise ValidationError(REORDERED_MESSAGE)
