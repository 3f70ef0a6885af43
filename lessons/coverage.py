"""Does the term bank cover the words of the bundled lessons?

Issue 15's bar: every content word (noun, verb, adjective) of a lesson's procedure steps,
dialogue, exercise situations and model answers that is not among the 3,000 most frequent Swedish
words is a bank term — its lemma, a form, a synonym, an abbreviation or a colloquial variant —
or is listed in ``data/coverage/exclusions.yaml`` with the reason it needs no term.

This module only counts. Which word is a noun, verb or adjective, and its lemma, comes from the
caller (the note checker's tagger and lemmatizer, see ``benchmarks/lesson_coverage.py``), so the
lessons package stays free of the checker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from glossary.bank import TermBank
from lessons.load import DATA_DIR
from lessons.model import Lesson, plain_text

EXCLUSIONS_FILE = DATA_DIR / "coverage" / "exclusions.yaml"
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})
FREQUENT_WORDS = 3000

# (surface, lemma, UPOS) for each word of a text, in order
Tagger = Callable[[str], Iterable[tuple[str, str, str]]]


@dataclass
class Coverage:
    """Distinct content words (by lemma) of the lessons, sorted into what covers them."""

    frequent: set[str] = field(default_factory=set)
    in_bank: set[str] = field(default_factory=set)
    excluded: set[str] = field(default_factory=set)
    uncovered: dict[str, set[str]] = field(default_factory=dict)  # lemma -> lesson ids
    exclusions_used: set[str] = field(default_factory=set)  # entries of the file that matched
    surfaces: dict[str, set[str]] = field(default_factory=dict)  # uncovered lemma -> as written

    @property
    def total(self) -> int:
        return len(self.frequent | self.in_bank | self.excluded | set(self.uncovered))


def lesson_texts(lesson: Lesson) -> list[str]:
    """The texts the bar covers, as a reader sees them (without term markup)."""
    texts = [plain_text(step.text) for step in lesson.procedure]
    texts += [line.text for line in lesson.dialogue]
    for exercise in lesson.exercises:
        texts += [exercise.situation, exercise.model_answer]
    return texts


def load_exclusions(path: Path = EXCLUSIONS_FILE) -> dict[str, str]:
    """Word → reason; a word without a reason is refused (the list must stay honest)."""
    with path.open(encoding="utf-8") as handle:
        entries = yaml.safe_load(handle) or []
    exclusions: dict[str, str] = {}
    for entry in entries:
        word, reason = str(entry.get("word", "")).strip(), str(entry.get("reason", "")).strip()
        if not word or not reason:
            raise ValueError(f"{path.name}: varje undantag behöver ord och skäl: {entry!r}")
        if word.casefold() in exclusions:
            raise ValueError(f"{path.name}: ”{word}” står två gånger")
        exclusions[word.casefold()] = reason
    return exclusions


def bank_words(bank: TermBank) -> tuple[frozenset[str], re.Pattern | None]:
    """Every one-word string the bank knows, and one pattern for its multi-word strings."""
    single, multi = set(), set()
    for term in bank:
        for text in (*term.surface_forms, *term.synonyms, *term.abbreviations, *term.colloquial):
            text = text.casefold().strip()
            (multi if " " in text else single).add(text)
    pattern = None
    if multi:
        alternatives = "|".join(re.escape(m) for m in sorted(multi, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return frozenset(single), pattern


def measure(
    lessons: Iterable[Lesson],
    bank: TermBank,
    tag: Tagger,
    frequent: frozenset[str],
    exclusions: dict[str, str],
) -> Coverage:
    """Sort every content word of ``lessons`` into frequent, bank term, excluded or uncovered.

    A word counts as frequent or as a bank term when either its surface form or its lemma is,
    so a lemmatizer's slip does not make a covered word look uncovered. Words inside a
    multi-word bank term (*nedre toalett*) are bank words there. Tokens without letters, or
    with digits (times, values), are not words.
    """
    single, multi = bank_words(bank)
    result = Coverage()
    for lesson in lessons:
        for text in lesson_texts(lesson):
            phrase_words = set()
            if multi is not None:
                for match in multi.finditer(text.casefold()):
                    phrase_words |= set(match.group().split())
            for surface, lemma, pos in tag(text):
                if pos not in CONTENT_POS or not _is_word(surface):
                    continue
                low, lemma = surface.casefold(), lemma.casefold()
                if low in frequent or lemma in frequent:
                    result.frequent.add(lemma)
                elif low in single or lemma in single or low in phrase_words:
                    result.in_bank.add(lemma)
                elif low in exclusions or lemma in exclusions:
                    result.excluded.add(lemma)
                    result.exclusions_used.add(low if low in exclusions else lemma)
                else:
                    result.uncovered.setdefault(lemma, set()).add(lesson.id)
                    result.surfaces.setdefault(lemma, set()).add(surface)
    return result


def _is_word(surface: str) -> bool:
    return any(ch.isalpha() for ch in surface) and not any(ch.isdigit() for ch in surface)
