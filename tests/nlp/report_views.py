"""Small readers over ``nlp.check`` reports for the tests."""

from __future__ import annotations

import nlp


def mentions(text: str, terms) -> list[tuple[str, str, bool]]:
    """(term, text, negated) of every mention, in order."""
    return [(m.term, m.text, m.negated) for m in nlp.check(text, terms).found]


def found_texts(text: str, term: str) -> list[str]:
    return [m.text for m in nlp.check(text, [term]).found]


def negated(text: str, term: str) -> list[bool]:
    return [m.negated for m in nlp.check(text, [term]).found]


def findings(text: str, kind: str) -> list[tuple[str, tuple[str, ...]]]:
    """(text, suggestions) of the findings of one kind."""
    return [(f.text, f.suggestions) for f in nlp.check(text, []).findings if f.kind == kind]


def grammar_findings(text: str, rule: str) -> list[tuple[str, tuple[str, ...]]]:
    """(text, suggestions) of the grammar findings of one rule."""
    return [
        (f.text, f.suggestions)
        for f in nlp.check(text, []).findings
        if f.kind == "grammar" and f.rule == rule
    ]


def flagged(text: str, kind: str) -> list[str]:
    return [t for t, _ in findings(text, kind)]
