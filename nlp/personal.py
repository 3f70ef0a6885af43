"""Personal data: Swedish personnummer and samordningsnummer in any free text.

``find_personal_ids(text)`` is the one detector: the note checker's ``personal_data`` finding
and the web layer's refusal to store a text (notes, drafts, comments, names, lesson and term
texts) both call it, so what one catches the other catches.

The text is first read through a normalised view (every offset still maps back to the
original): NFKC (fullwidth ``１２``, ``－``, superscripts), the decimal digits of every script
(``١٢``, ``۱۲``, ``१२``) as ASCII digits, every dash and hyphen (en dash, non-breaking hyphen
U+2011, minus sign U+2212, …) as ``-``, every non-breaking or thin space as a space, and
invisible characters (soft hyphen, zero-width space, direction marks, combining marks) left
out, so none of them can hide a number.

A number is flagged when it has one of the common shapes (YYMMDD-NNNN, YYMMDD+NNNN,
YYYYMMDD-NNNN, YYYYMMDDNNNN, with spaces around or instead of the separator) — or ten or
twelve digits right after a word that names one (``pnr``, ``Pnr:``, ``personnummer``; the
list is ``data/personal_id_prefixes.txt``) — and it holds a real date (day + 60 for a
samordningsnummer) and a valid Luhn check digit (``stdnum.luhn``; python-stdnum 2.2's
``stdnum.se.personnummer`` rejects samordningsnummer). A number glued to a prefix
(``Pnr:121212-1212``, ``pnr.121212-1212``) counts like one after a space. Dates, blood
pressures, times, weights, masked numbers (``121212-XXXX``) and ten digits without a
separator or prefix (phone and room numbers) are not flagged.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc
from stdnum import luhn

from .findings import add_finding
from .resources import message, word_list

_HIDDEN = {"Mn", "Me", "Cf"}  # combining marks and format characters: invisible in a number
_DASHES = {"\u2212", "\u2043", "\u02d7", "\u2796", "\ufe63", "\uff0d"}  # besides category Pd
_SEPARATOR = r"(?:[ \t]{0,2}[-+][ \t]{0,2}|[ \t]{1,2})"
_SHAPE = re.compile(
    rf"(?<!\d)(?<!\d[/.,:+-])(\d{{8}}{_SEPARATOR}?\d{{4}}|\d{{6}}{_SEPARATOR}\d{{4}})"
    r"(?![\d/]|[.,:]\d)"
)


@lru_cache(maxsize=1)
def _prefixed() -> re.Pattern:
    names = sorted(word_list("personal_id_prefixes"), key=len, reverse=True)
    words = "|".join(re.escape(name) for name in names)
    return re.compile(
        rf"(?<![^\W\d_])(?:{words})[.:]?[ \t]{{0,2}}(\d{{12}}|\d{{10}})(?!\d)", re.IGNORECASE
    )


def _reading(char: str) -> str | None:
    """What a character reads as in a number: nothing, a digit, ``-``, a space or None
    (itself)."""
    category = unicodedata.category(char)
    if category in _HIDDEN:
        return ""
    digit = unicodedata.decimal(char, None)
    if digit is not None:
        return str(digit)
    if category == "Pd" or char in _DASHES:
        return "-"
    return " " if category == "Zs" else None


@lru_cache(maxsize=4096)
def _plain(char: str) -> str:
    """What one non-ASCII character reads as when looking for a number (may be empty)."""
    reading = _reading(char)
    if reading is not None:
        return reading
    folded = unicodedata.normalize("NFKC", char)  # ² → 2, ① → 1, ＋ → +
    return "".join(
        c if c < "\x80" else (_reading(c) if _reading(c) is not None else c) for c in folded
    )


def normalised(text: str) -> tuple[str, list[int]]:
    """``text`` as the detector reads it, and for each of its characters the offset in
    ``text`` of the character it came from (plus ``len(text)`` at the end)."""
    if text.isascii():
        return text, list(range(len(text) + 1))
    out: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        plain = char if char < "\x80" else _plain(char)
        out.append(plain)
        origin.extend([i] * len(plain))
    origin.append(len(text))
    return "".join(out), origin


def looks_like_personal_id(number: str) -> bool:
    """Whether ``number`` (10 or 12 digits, separators ignored) is a valid personnummer or
    samordningsnummer: a real date and a valid Luhn check digit."""
    digits = re.sub(r"\D", "", number)
    if len(digits) not in (10, 12):
        return False
    year = (
        int(digits[:4])
        if len(digits) == 12
        else (1900 if int(digits[:2]) > 30 else 2000) + int(digits[:2])
    )
    month, day = int(digits[-8:-6]), int(digits[-6:-4])
    if day > 60:  # samordningsnummer
        day -= 60
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return luhn.is_valid(digits[-10:])


def find_personal_ids(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets in ``text`` of every personnummer or samordningsnummer
    (``text[start:end]`` is the number as written), in order, without overlaps."""
    plain, origin = normalised(text)
    spans: dict[int, int] = {}
    for pattern in (_SHAPE, _prefixed()):
        for match in pattern.finditer(plain):
            if looks_like_personal_id(match.group(1)):
                start, end = origin[match.start(1)], origin[match.end(1) - 1] + 1
                spans.setdefault(start, end)
    found, last_end = [], -1
    for start, end in sorted(spans.items()):
        if start >= last_end:
            found.append((start, end))
            last_end = end
    return found


def patterns() -> dict[str, object]:
    """The detector's rule as data, for a device that must refuse the same texts without asking
    the server (offline drills, ``webapp/static/js/answers.js``): the two patterns (valid in
    JavaScript's ``RegExp`` as written; ``prefixed`` is case-insensitive) and the extra dash
    characters. The device reads the text the same way (:func:`normalised`) and checks the
    date and Luhn digit as :func:`looks_like_personal_id` does; the server stays the judge."""
    return {"shape": _SHAPE.pattern, "prefixed": _prefixed().pattern, "dashes": "".join(_DASHES)}


def contains_personal_id(text: str) -> bool:
    """Whether ``text`` holds a personnummer or samordningsnummer (see the module docstring)."""
    return bool(find_personal_ids(text))


@Language.factory("ordvard_personal_data")
def make_personal(nlp: Language, name: str):
    return find_personal_data


def find_personal_data(doc: Doc) -> Doc:
    for start, end in find_personal_ids(doc._.text):
        add_finding(doc, "personal_data", start, end, (), message("personal_data"))
    return doc
