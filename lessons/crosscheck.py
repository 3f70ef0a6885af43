"""Cross-checks between a lesson and the term bank.

Takes the set of references the bank knows (``TermBank.references()``: each lemma and each
``lemma#pos``), so it works the same for the bundled bank and the web layer's database.
"""

from __future__ import annotations

from collections.abc import Collection

from lessons.model import Lesson


def unknown_term_messages(
    lesson: Lesson, known_terms: Collection[str]
) -> list[tuple[tuple[str | int, ...], str]]:
    """(field path, Swedish message) for every marked, listed or required term not in the bank."""
    return [
        (loc, f"termen ”{reference}” finns inte i termbanken")
        for loc, reference in lesson.term_references()
        if reference not in known_terms
    ]


def unknown_terms(lessons: Collection[Lesson], known_terms: Collection[str]) -> list[str]:
    """``lesson-id: field: message`` lines for all lessons; empty when every term exists."""
    return [
        f"{lesson.id}: {'.'.join(str(p) for p in loc)}: {message}"
        for lesson in lessons
        for loc, message in unknown_term_messages(lesson, known_terms)
    ]
