"""Split compounds (särskrivning) in practice-note sentences, ``tests/data/split_compounds/``.

Each line of ``dev.jsonl``, ``dev2.jsonl``, ``dev3.jsonl`` and the held-out ``heldout.jsonl``
to ``heldout5.jsonl`` is one sentence::

    {"text": "Vi gjorde sår vård på höger häl.",
     "splits": [{"text": "sår vård", "joined": "sårvård", "class": "term"}]}
    {"text": "Hon vilar efter middagen.", "splits": [], "lookalike": "preposition"}

- ``splits``: every compound written apart, with its parts as written (an exact substring that
  occurs once), the joined form, and the class of split (``CLASSES``) for reading the misses.
- ``lookalike``: a correct sentence whose neighbouring words a naive rule would join
  (``LOOKALIKES``).

``dev`` is for finding and fixing misses, and so are ``dev2`` (a second tuning batch written
blind to the rules, session 5) and ``dev3`` (a third tuning batch written blind to the rules,
session 6); ``heldout``, ``heldout2`` (a second, fresh set),
``heldout3`` (a third, written before the third round of changes by someone who had not seen
the rules, the other sets or the word lists) and ``heldout4`` (a fourth, written the same way
before the fourth round) and ``heldout5`` (a fifth, written blind in session 6, before the fifth
round of changes, by someone who had not seen the rules, the other sets or the word lists) are
written the same way and only scored.
The conventions are in ``tests/data/README.md``. Used by ``tests/nlp/test_split_compound_corpus.py``
and ``benchmarks/nlp_accuracy.py``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

DIRECTORY = Path(__file__).resolve().parent / "split_compounds"
SPLITS = ("dev", "dev2", "dev3", "heldout", "heldout2", "heldout3", "heldout4", "heldout5")
TUNING = ("dev", "dev2", "dev3")  # the sets the rules are tuned on; the others are only scored
CLASSES = {
    "nn": "two nouns (blod tryck, hand hygien)",
    "s": "with a linking s (kvälls mat, arbets terapeut)",
    "vowel": "the first part changes its ending (smärt lindring, hälso central, vätske brist)",
    "three": "three parts, or a compound first part (fall risk bedömning, blodtrycks medicin)",
    "particle": "a particle or preposition first (under sköterska, av föring, till syn)",
    "adj": "an adjective first (sjuk gymnast, äldre boende)",
    "adjcomp": "a compound adjective or participle (smärt fri, säng liggande)",
    "verb": "a verb stem first (dusch stol, gå bord, lyft sele)",
    "term": "a glossary term as a part (tryck sår, sond näring)",
    "abbr": "an abbreviation first, joined with a hyphen (KAD påse)",
}
LOOKALIKES = {
    "adjective": "adjective and noun (torr hud, palliativ vård, kall mat)",
    "particle": "a particle verb's particle before its object (tog av förbandet)",
    "preposition": "a preposition and its noun (efter middagen, före frukost)",
    "genitive": "a genitive and its noun (kvällens medicin)",
    "number": "numbers and units (200 ml vatten, typ 2)",
    "measure": "a measure and its substance (ett glas mjölk, en skål fil)",
    "noun-noun": "two nouns in different roles (gav brukaren medicin, kaffe morgon och kväll)",
    "telegraphic": "a noun and its participle or a short list (Sår omlagt, Dusch gjord)",
    "imperative": "an imperative that is also a noun (lås dörren, ring sköterskan)",
    "fixed": "a fixed phrase (god man, ner i vikt)",
}


class SplitCorpusError(ValueError):
    """A line that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Split:
    text: str
    joined: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    text: str
    splits: tuple[Split, ...]
    lookalike: str | None
    source: str


def load(split: str, directory: Path = DIRECTORY) -> list[Sentence]:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}, expected one of {SPLITS}")
    path = directory / f"{split}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        parse_line(line, f"{path.name}:{number}")
        for number, line in enumerate(lines, start=1)
        if line.strip()
    ]


def parse_line(line: str, source: str) -> Sentence:
    try:
        record = json.loads(line)
        return _parse(record, source)
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
        raise SplitCorpusError(f"{source}: {error}") from error


def _parse(record: dict, source: str) -> Sentence:
    if set(record) - {"text", "splits", "lookalike"}:
        raise ValueError(f"unknown fields {sorted(set(record) - {'text', 'splits', 'lookalike'})}")
    text = record["text"]
    if not isinstance(text, str) or not text.strip() or text != text.strip():
        raise ValueError("text must be a non-empty string without surrounding spaces")
    splits = []
    for entry in record["splits"]:
        written, joined, kind = entry["text"], entry["joined"], entry["class"]
        if kind not in CLASSES:
            raise ValueError(f"unknown class {kind!r}")
        if " " not in written or written.replace(" ", "").replace("-", "").lower() != (
            joined.replace("-", "").lower()
        ):
            raise ValueError(f"{joined!r} is not {written!r} written together")
        starts = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(written) + r"(?!\w)", text)]
        if len(starts) != 1:
            raise ValueError(f"{written!r} occurs {len(starts)} times as whole words")
        splits.append(Split(written, joined, kind, starts[0], starts[0] + len(written)))
    lookalike = record.get("lookalike")
    if lookalike is not None and (lookalike not in LOOKALIKES or splits):
        raise ValueError(f"a look-alike is a correct sentence of a known kind, got {lookalike!r}")
    return Sentence(text, tuple(splits), lookalike, source)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    suggestion_hits: int = 0
    missed_by_class: dict[str, int] = field(default_factory=dict)
    false_alarms_by_kind: dict[str, int] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def score(
    predict: Callable[[str], Iterable[tuple[int, int, tuple[str, ...]]]],
    items: Iterable[Sentence],
) -> Score:
    """Compare ``predict(text) -> [(start, end, suggestions), ...]`` with the annotated splits.

    A prediction matches the first unmatched split whose span overlaps it; each split is
    matched at most once, so two findings over a three-part split count one hit and one false
    alarm. The suggestion counts as right when it holds the joined form (case-insensitive).
    """
    result = Score()
    for sentence in items:
        open_gold = list(sentence.splits)
        for start, end, suggestions in predict(sentence.text):
            gold = next((g for g in open_gold if g.start < end and start < g.end), None)
            if gold is None:
                result.fp += 1
                kind = sentence.lookalike or "in a sentence with a split"
                result.false_alarms_by_kind[kind] = result.false_alarms_by_kind.get(kind, 0) + 1
                result.log.append(f"{sentence.source}  false alarm  {sentence.text[start:end]!r}")
                continue
            open_gold.remove(gold)
            result.tp += 1
            result.suggestion_hits += gold.joined.lower() in {s.lower() for s in suggestions}
        for gold in open_gold:
            result.fn += 1
            result.missed_by_class[gold.kind] = result.missed_by_class.get(gold.kind, 0) + 1
            result.log.append(f"{sentence.source}  miss ({gold.kind})  {gold.text!r}")
    return result


def checker_predictions(check: Callable) -> Callable[[str], list[tuple[int, int, tuple[str, ...]]]]:
    """``predict`` over ``nlp.check``: the spans and suggestions of its split_compound findings."""

    def predict(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
        return [
            (f.start, f.end, tuple(f.suggestions))
            for f in check(text, []).findings
            if f.kind == "split_compound"
        ]

    return predict
