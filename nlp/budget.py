"""One budget for the work of one check: how much of a note the pipeline analyses.

Every stage costs time per token, per sentence and — the first time a process meets a word —
per distinct word (its lemmas, tags, compound splits, dictionary lookups, for a word the
lexicon lacks also its spelling search). A practice note of a few hundred words costs a few
tens of milliseconds; 20,000 characters of random words or ``Ja. `` repeated would cost a
second. So before anything runs, ``plan(text)`` reads the text once with one regular expression
and charges each piece its estimated cost in microseconds of this machine (constants below,
measured with ``benchmarks/nlp_worst_case.py``); where the sum reaches ``BUDGET_US`` the text
is cut, at whitespace, and only the part before the cut is analysed. The estimate depends on
the text alone, never on what earlier checks left in a cache, so the same note always gets the
same report.

What is still looked for in the whole text, because it is cheap and must never be missed:
personnummer (``personal.py``) and the SBAR parts (``structure.py``). The report says how far
the analysis went (``Report.checked``), in Swedish, so the writer knows the rest had no feedback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lemmas import known_form
from .tokens import MAX_PIECE

BUDGET_US = (
    70_000  # per check: the slowest input measured under 200 ms CPU with room for a busy machine
)
TOKEN_US = 34  # every token, through every stage
SENTENCE_US = 35  # every sentence end: sentence-level rules, tagger and negation windows
WORD_US = 260  # a distinct word the lemma lexicon knows, the first time it is met
UNKNOWN_US = 420  # more for a distinct word it lacks (compound analysis, spelling search) …
UNKNOWN_LETTER_US = 25  # … and for each of its letters (the searches grow with the length)
# Spelling suggestions come on top, in dictionary lookups (~4 µs each) rather than estimated:
# their cost differs per word by a factor of 100. A practice note in tests/data/notes needs
# at most ~5,400; past the share, unknown words are flagged without a suggestion.
SUGGESTION_LOOKUPS = 10_000

_PIECE = re.compile(
    rf"(?P<run>\S{{{MAX_PIECE + 1},}})"  # cut into MAX_PIECE-character tokens, no word
    r"|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)"
    r"|(?P<end>[.!?:;…]+)"
    r"|(?P<blank>\s+)"  # one space costs nothing; other whitespace is a token, a line end ends
    r"|\d+|\S"  # a sentence too
)
_LINE_ENDS = frozenset("\n\r\u2028\u2029")


@dataclass(frozen=True)
class Plan:
    """How much of a text one check analyses: ``text[:end]`` (``end == len(text)``: all of it),
    ``words`` of it, at an estimated cost of ``spent_us``."""

    end: int
    words: int
    complete: bool
    spent_us: int


def plan(text: str) -> Plan:
    """The part of ``text`` that fits the budget (see the module docstring)."""
    spent, words, seen = 0, 0, set()
    piece_start = 0  # where the current run of non-space characters began: a cut goes there
    words_before = 0  # words before ``piece_start``
    for match in _PIECE.finditer(text):
        kind = match.lastgroup
        if kind == "blank":
            piece_start, words_before = match.end(), words
            blank = match.group()
            if blank == " ":
                continue
            spent += TOKEN_US + (SENTENCE_US if not _LINE_ENDS.isdisjoint(blank) else 0)
        elif kind == "run":
            spent += TOKEN_US * (len(match.group()) // MAX_PIECE + 1)
        elif kind == "word":
            spent += TOKEN_US
            words += 1
            word = match.group().lower()
            if word not in seen:
                seen.add(word)
                spent += WORD_US
                if not known_form(word):
                    spent += UNKNOWN_US + UNKNOWN_LETTER_US * min(len(word), MAX_PIECE)
        elif kind == "end":
            spent += TOKEN_US + SENTENCE_US
        else:
            spent += TOKEN_US
        if spent > BUDGET_US:
            return Plan(piece_start, words_before, False, spent)
    return Plan(len(text), words, True, spent)
