"""Measurements: a vital sign whose value is implausible or lacks its unit.

The vital signs, their names, units and plausible ranges live in ``data/vital_signs.yaml``.
A value is the first number within three words after the sign's name (``temp 378``,
``blodtrycket var 130/80 mmHg``); its unit must follow it directly. A finding spans the name
through the value (``temp 378``), so the trainee sees which sign it is about.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .findings import add_finding
from .resources import message, yaml_data

_NUMBER = re.compile(r"\d+(?:[,.]\d+)?")
_TIME = re.compile(r"\d{1,2}[.:]\d{2}")
_PAIR = re.compile(r"(\d+)/(\d+)")
_WINDOW = 3


@lru_cache(maxsize=1)
def vital_signs() -> dict[str, dict]:
    """Each word that names a vital sign → its table row."""
    return {word: row for row in yaml_data("vital_signs") for word in row["words"]}


def _value(text: str) -> float | None:
    return float(text.replace(",", ".")) if _NUMBER.fullmatch(text) else None


def _unit_after(doc: Doc, i: int, units: list[str]) -> bool:
    """Whether one of ``units`` follows token ``i`` (units may be split: slag / min, ° C)."""
    rest = "".join(t.norm_ for t in doc[i + 1 : i + 5] if not t.is_space)
    glued = doc[i].norm_.lstrip("0123456789,./")
    return any((glued + rest).startswith(u) for u in units) or any(
        (glued + rest).startswith(u.lstrip("/")) for u in units if u.startswith("/")
    )


def _names_one_value(doc: Doc, i: int) -> bool:
    """Whether the words before value ``i`` say it is one of the pair (*systoliska blodtrycket*)."""
    before = {t.norm_ for t in doc[max(0, i - 5) : i]}
    return bool(
        before & {"systoliska", "diastoliska", "systoliskt", "diastoliskt", "övre", "undre"}
    )


def _check(doc: Doc, row: dict, i: int, start: int) -> None:
    """Check value token ``i``; a finding spans from the sign's name (at ``start``) to the value."""
    token = doc[i]
    end = token.idx + len(token)
    name, example = row["name"], row["example"]
    pair = _PAIR.fullmatch(token.text)
    if row.get("pair"):
        low, high = row["range"], row["second_range"]
        if not pair:
            value = _value(token.text)
            if value is not None and not _names_one_value(doc, i):
                note = message("measurement_pair", name=name, example=example)
                add_finding(doc, "measurement", start, end, (), note)
            return
        first, second = int(pair.group(1)), int(pair.group(2))
        plausible = low[0] <= first <= low[1] and high[0] <= second <= high[1] and second < first
    else:
        value = _value(token.norm_.rstrip("%°c")) if token.norm_[:1].isdigit() else None
        if value is None:
            return
        plausible = row["range"][0] <= value <= row["range"][1]
    if not plausible:
        note = message("measurement_implausible", value=token.text, name=name, example=example)
        add_finding(doc, "measurement", start, end, (), note)
    elif not _unit_after(doc, i, row["units"]):
        note = message("measurement_unit", name=name, example=example)
        add_finding(doc, "measurement", start, end, (), note)


def _is_time(doc: Doc, i: int, row: dict) -> bool:
    """A clock time (*kl. 18.00*) after the sign's name is not its value."""
    previous = doc[i - 1].norm_ if i > 0 else ""
    return previous in ("kl", "kl.", "klockan") or (
        bool(_TIME.fullmatch(doc[i].text)) and row["name"] != "temperatur"
    )


@Language.factory("ordvard_measurements")
def make_measurements(nlp: Language, name: str):
    return find_measurements


def find_measurements(doc: Doc) -> Doc:
    signs = vital_signs()
    for word in doc._.words:
        row = signs.get(word.norm.rstrip(":."))
        if row is None:
            continue
        for j in range(word.i + 1, min(word.i + 1 + _WINDOW + 1, len(doc))):
            nxt = doc[j]
            if nxt.is_sent_start and doc[j - 1].text != ":":
                break
            if nxt.text[:1].isdigit():
                if not _is_time(doc, j, row):
                    _check(doc, row, j, word.start)
                break
    return doc
