"""CSV and JSON import/export of terms for teachers.

CSV layout (one row per term; the header names the columns, their order is free):
``lemma, pos, gender, area``, then one column per form key (``sg_indef`` … ``base``; leave the
cells empty that do not belong to the word class), ``compound_forms, definition, example,
areas, synonyms, abbreviations, colloquial`` (lists separated by ``|``), then per language
``tr_en, tr_en_status, tr_en_reviewer, tr_en_reviewed_at`` (the last two are optional: who
reviewed the translation and when, as the exporting site says). Files may be saved with or without a UTF-8 BOM and with
``;`` (Swedish Excel) or ``,`` between cells. JSON is a list of objects in the term-file format
plus ``area``.

Imports are all-or-nothing: they return the terms only when every row is valid, otherwise they
raise :class:`ContentError` naming each bad row (spreadsheet row numbers, the header is row 1).
Nothing is stripped or interpreted in the text: markup stays as plain text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from pydantic import ValidationError

from glossary.load import load_areas, unknown_areas
from glossary.model import ALL_FORM_KEYS, FORM_KEYS, LANGUAGES, Term
from glossary.problems import (
    ContentError,
    Problem,
    error_field,
    relevant_errors,
    swedish_message,
)

LIST_FIELDS = ("compound_forms", "areas", "synonyms", "abbreviations", "colloquial")
BASE_COLUMNS = ("lemma", "pos", "gender", "area")
TEXT_COLUMNS = ("definition", "example")
COLUMNS = (
    *BASE_COLUMNS,
    *ALL_FORM_KEYS,
    "compound_forms",
    *TEXT_COLUMNS,
    *LIST_FIELDS[1:],
    *(
        f"tr_{lang}{suffix}"
        for lang in LANGUAGES
        for suffix in ("", "_status", "_reviewer", "_reviewed_at")
    ),
)
REQUIRED_COLUMNS = ("lemma", "pos", "area", "definition", "example")
LIST_SEPARATOR = "|"
_PLACE_NAMES = {"row": "på rad", "item": "i post"}


def export_csv(terms: Iterable[Term], delimiter: str = ";") -> bytes:
    """UTF-8 with BOM and ``;`` by default, so Swedish Excel opens it with å, ä, ö intact."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    for term in terms:
        writer.writerow(_row_of(term))
    return out.getvalue().encode("utf-8-sig")


def _row_of(term: Term) -> dict[str, str]:
    row = {
        "lemma": term.lemma,
        "pos": term.pos,
        "gender": term.gender or "",
        "area": term.area,
        "definition": term.definition,
        "example": term.example,
    }
    row.update({key: value or "" for key, value in term.forms.items()})
    row.update({name: LIST_SEPARATOR.join(getattr(term, name)) for name in LIST_FIELDS})
    for lang, tr in term.translations.items():
        row[f"tr_{lang}"] = tr.text
        row[f"tr_{lang}_status"] = tr.status
        row[f"tr_{lang}_reviewer"] = tr.reviewer or ""
        row[f"tr_{lang}_reviewed_at"] = tr.reviewed_at or ""
    return row


def import_csv(data: bytes | str) -> list[Term]:
    """Terms from a teacher's CSV file; raises ContentError naming every bad row."""
    text = _decode(data)
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [name.strip() for name in reader.fieldnames or []]
    reader.fieldnames = header
    problems = _header_problems(header)
    if problems:
        raise ContentError(problems)
    entries = []
    for row_number, row in enumerate(reader, start=2):
        if None in row:
            problems.append(Problem("CSV", "raden har fler celler än rubrikraden", row=row_number))
            continue
        if not any((v or "").strip() for v in row.values()):
            continue
        entries.append((row_number, _entry_of(row)))
    return _validate_entries(entries, "CSV", problems, place="row")


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContentError(
            [Problem("fil", "filen är inte sparad som UTF-8 (spara som ”CSV UTF-8”)")]
        ) from exc


def _header_problems(header: list[str]) -> list[Problem]:
    problems = [
        Problem("CSV", f"kolumnen ”{c}” saknas", row=1) for c in REQUIRED_COLUMNS if c not in header
    ]
    for column in header:
        if column in COLUMNS:
            continue
        if column.startswith("tr_"):
            reason = f"okänd språkkod ”{column.removeprefix('tr_').removesuffix('_status')}”"
        else:
            reason = f"okänd kolumn ”{column}”"
        problems.append(Problem("CSV", reason, row=1))
    return problems


def _entry_of(row: dict[str, str]) -> dict:
    cell = {k: (v or "").strip() for k, v in row.items()}
    pos = cell.get("pos", "")
    own_keys = FORM_KEYS.get(pos, ())
    forms = {k: cell.get(k) or None for k in own_keys}
    forms.update({k: cell[k] for k in ALL_FORM_KEYS if k not in own_keys and cell.get(k)})
    entry: dict = {
        "lemma": cell.get("lemma", ""),
        "pos": pos,
        "gender": cell.get("gender") or None,
        "area": cell.get("area", ""),
        "forms": forms,
        "definition": cell.get("definition", ""),
        "example": cell.get("example", ""),
    }
    for name in LIST_FIELDS:
        entry[name] = [p.strip() for p in cell.get(name, "").split(LIST_SEPARATOR) if p.strip()]
    entry["translations"] = {
        lang: {
            "text": cell[f"tr_{lang}"],
            "status": cell.get(f"tr_{lang}_status") or "draft",
            "reviewer": cell.get(f"tr_{lang}_reviewer") or None,
            "reviewed_at": cell.get(f"tr_{lang}_reviewed_at") or None,
        }
        for lang in LANGUAGES
        if cell.get(f"tr_{lang}")
    }
    return entry


def parse_term(entry: dict) -> Term:
    """One term from a dict in the term-file shape plus ``area`` (the teacher's form); raises
    ContentError whose problems name the field (``definition``, ``forms``, ``area`` …)."""
    return _validate_entries([(1, entry)], "formulär", [], place=None)[0]


def export_json(terms: Iterable[Term]) -> str:
    return json.dumps([t.model_dump(mode="json") for t in terms], ensure_ascii=False, indent=2)


def import_json(data: bytes | str) -> list[Term]:
    """Terms from a JSON list of term objects; raises ContentError naming every bad item."""
    try:
        items = json.loads(_decode(data))
    except json.JSONDecodeError as exc:
        raise ContentError([Problem("JSON", "filen är inte giltig JSON", line=exc.lineno)]) from exc
    except RecursionError as exc:  # lists in lists thousands deep: Python's parser gives up
        nested = "filen har för många nivåer inuti varandra för att vara en termlista"
        raise ContentError([Problem("JSON", nested)]) from exc
    if not isinstance(items, list):
        raise ContentError([Problem("JSON", "filen ska innehålla en lista med termer")])
    problems: list[Problem] = []
    entries = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, dict):
            entries.append((number, item))
        else:
            problems.append(Problem("JSON", "posten ska vara ett objekt med fält", item=number))
    return _validate_entries(entries, "JSON", problems, place="item")


def _validate_entries(
    entries: list[tuple[int, dict]], source: str, problems: list[Problem], place: str | None
) -> list[Term]:
    """Validate every entry; ``place`` says whether numbers are CSV rows or JSON items."""
    areas = load_areas()
    terms: list[Term] = []
    first_row: dict[str, int] = {}
    for number, entry in entries:
        at = {place: number} if place else {}
        name = f"term ”{entry.get('lemma')}”" if entry.get("lemma") else None
        if entry.get("area") not in areas:
            problems.append(
                Problem(
                    source,
                    f"okänt område ”{entry.get('area') or ''}”",
                    **at,
                    entry=name,
                    field="area",
                )
            )
        bad_areas = unknown_areas(entry.get("areas"), areas)
        if bad_areas:
            problems.append(Problem(source, bad_areas, **at, entry=name, field="areas"))
        try:
            term = Term.model_validate(entry)
        except ValidationError as exc:
            problems.extend(
                Problem(
                    source,
                    swedish_message(err),
                    **at,
                    entry=name,
                    field=error_field(err),
                )
                for err in relevant_errors(exc)
            )
            continue
        if term.key in first_row:
            problems.append(
                Problem(
                    source,
                    f"samma lemma och ordklass som {_PLACE_NAMES[place]} {first_row[term.key]}",
                    **at,
                    entry=name,
                )
            )
            continue
        first_row[term.key] = number
        terms.append(term)
    if problems:
        raise ContentError(problems)
    return terms
