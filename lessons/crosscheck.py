"""Cross-checks between a lesson and the term bank.

Takes the set of references the bank knows (``TermBank.references()``: each lemma and each
``lemma#pos``), so it works the same for the bundled bank and the web layer's database.
"""

from __future__ import annotations

from collections.abc import Collection

from glossary.bank import TermBank
from glossary.lexicon import term_spec
from lessons.model import Draft


def unknown_term_messages(
    lesson: Draft, known_terms: Collection[str]
) -> list[tuple[tuple[str | int, ...], str]]:
    """(field path, Swedish message) for every marked, listed or required term not in the bank."""
    return [
        (loc, f"termen ”{reference}” finns inte i termbanken")
        for loc, reference in lesson.term_references()
        if reference not in known_terms
    ]


def exercise_term_specs(required_terms: Collection[str], bank: TermBank) -> list[dict]:
    """One checker spec (``glossary.lexicon.term_spec`` shape) per required term.

    A plain lemma that exists in two word classes becomes one spec with the forms of both,
    so either use counts; an unknown reference raises KeyError (the loader rejects those).
    """
    specs = []
    for reference in required_terms:
        terms = bank.resolve(reference)
        if not terms:
            raise KeyError(reference)
        merged = dict(term_spec(terms[0]))
        for other in terms[1:]:
            for key, value in term_spec(other).items():
                if key != "lemma":
                    merged[key] = tuple(dict.fromkeys((*merged[key], *value)))
        specs.append(merged)
    return specs
