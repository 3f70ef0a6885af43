"""The annotated practice notes in ``tests/data/notes/``: loading, validation and span lookup.

The YAML files give every expected span by its text only, so that a person can write and
review them. A span is the k-th *whole-word* occurrence of its text in the note (not preceded
or followed by a letter or digit), where k counts the earlier entries with the same text:
per (term, text) for term mentions and per (kind, text) for findings. Two mentions of
different terms in one token (``eltandborsten`` for *tand* and *tandborste*) therefore share
a span. The conventions themselves are in ``tests/data/README.md``.

Used by ``tests/nlp/test_corpus_format.py`` and ``benchmarks/nlp_accuracy.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

NOTES_DIR = Path(__file__).resolve().parent / "notes"
SETTINGS = ("äldreomsorg", "hemtjänst", "sjukhus", "sbar")
FORMS = ("free", "sbar")
KINDS = ("spelling", "split_compound", "colloquial", "judgmental", "personal_data", "measurement")
SBAR_PARTS = ("S", "B", "A", "R")


class CorpusError(ValueError):
    """A note whose annotation cannot be read; the message names the note."""


@dataclass(frozen=True)
class Mention:
    term: str
    text: str
    start: int
    end: int
    negated: bool


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str
    start: int
    end: int
    suggestions: tuple[str, ...]  # acceptable suggestions; empty when none is expected


@dataclass(frozen=True)
class Note:
    id: str
    setting: str
    form: str
    terms: tuple[str, ...]
    text: str
    found: tuple[Mention, ...]
    missing: tuple[str, ...]
    findings: tuple[Finding, ...]
    sbar: dict[str, bool] | None
    source: str


def load_raw(directory: Path = NOTES_DIR) -> list[dict]:
    """Every note record of every YAML file, with ``_source`` set to its file name."""
    yaml = YAML(typ="safe")
    records = []
    for path in sorted(directory.glob("*.yaml")):
        for record in yaml.load(path.read_text(encoding="utf-8")) or []:
            records.append({**record, "_source": path.name})
    return records


def load_notes(directory: Path = NOTES_DIR) -> list[Note]:
    return [parse_note(record) for record in load_raw(directory)]


def word_occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` where it is not glued to a letter or digit on either side."""
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    return [match.start() for match in pattern.finditer(text)]


def parse_note(record: dict) -> Note:
    note_id = str(record.get("id", "?"))
    try:
        return _parse(record)
    except (KeyError, TypeError, ValueError) as error:
        raise CorpusError(f"{record.get('_source', '?')}: {note_id}: {error}") from error


def _parse(record: dict) -> Note:
    text = record["text"]
    expect = record["expect"]
    return Note(
        id=record["id"],
        setting=record["setting"],
        form=record["form"],
        terms=tuple(record["terms"]),
        text=text,
        found=tuple(_locate_mentions(text, expect["found"] or [])),
        missing=tuple(expect["missing"] or []),
        findings=tuple(_locate_findings(text, expect["findings"] or [])),
        sbar=expect.get("sbar"),
        source=record.get("_source", "?"),
    )


def _locate(text: str, needle: str, key: tuple, seen: Counter) -> tuple[int, int]:
    if not isinstance(needle, str) or not needle:
        raise ValueError(f"span text must be a non-empty string, got {needle!r}")
    starts = word_occurrences(text, needle)
    k = seen[key]
    seen[key] += 1
    if k >= len(starts):
        raise ValueError(f"{needle!r} occurs {len(starts)} time(s) as a whole word, needed {k + 1}")
    return starts[k], starts[k] + len(needle)


def _locate_mentions(text: str, entries: list[dict]) -> list[Mention]:
    seen: Counter = Counter()
    mentions = []
    for entry in entries:
        start, end = _locate(text, entry["text"], (entry["term"], entry["text"]), seen)
        mentions.append(Mention(entry["term"], entry["text"], start, end, entry["negated"]))
    return mentions


def _locate_findings(text: str, entries: list[dict]) -> list[Finding]:
    seen: Counter = Counter()
    findings = []
    for entry in entries:
        start, end = _locate(text, entry["text"], (entry["kind"], entry["text"]), seen)
        suggestion = entry.get("suggestion") or ()
        suggestions = (suggestion,) if isinstance(suggestion, str) else tuple(suggestion)
        findings.append(Finding(entry["kind"], entry["text"], start, end, suggestions))
    return findings
