"""When a trainee knows a word: one rule for the competence cards ("klar") and the progress page
("kan"), so the two never disagree.

A word is *done* for a lesson when every answered card of it is in FSRS's review state with a
stability of at least the lesson's ``drills.mastery_days`` (``lessons.model.Drills``, a week
by default): the trainee would likely still remember it that many days on. The progress page
counts words by care area, not by lesson: there a word is known once it is done for one of
the published lessons it belongs to (the lesson asking fewest days).
"""

from __future__ import annotations

from collections.abc import Iterable

from fsrs import State
from sqlalchemy import select

from lessons.model import Drills
from webapp.extensions import db
from webapp.learn.store import record_of
from webapp.models import Card, Lesson, LessonTerm

DEFAULT_DAYS = Drills().mastery_days


def firmness(user_ids: Iterable[int], term_ids: Iterable[int]) -> dict[tuple[int, int], float]:
    """(user, term) → days the word holds: its least stable answered card's stability (0 for a
    card not in review state); words never answered are absent. One query."""
    weakest: dict[tuple[int, int], float] = {}
    for user_id, term_id, state, stability in db.session.execute(
        select(Card.user_id, Card.term_id, Card.state, Card.stability).where(
            Card.user_id.in_(list(user_ids)),
            Card.term_id.in_(list(term_ids)),
            Card.last_review.is_not(None),
        )
    ):
        held = (stability or 0.0) if state == State.Review.value else 0.0
        weakest[user_id, term_id] = min(weakest.get((user_id, term_id), held), held)
    return weakest


def is_done(held: float, days: int) -> bool:
    return held >= days


def days_per_term(term_ids: Iterable[int]) -> dict[int, int]:
    """term → the fewest ``mastery_days`` among the published lessons holding it (the default
    for a word in none). One query; each lesson is read once."""
    term_ids = list(term_ids)
    rows = db.session.execute(
        select(LessonTerm.term_id, Lesson)
        .join(Lesson, Lesson.id == LessonTerm.lesson_id)
        .where(LessonTerm.term_id.in_(term_ids), Lesson.status == "published")
    ).all()
    lesson_days = {lesson.id: record_of(lesson).drills.mastery_days for _, lesson in rows}
    days: dict[int, int] = {}
    for term_id, lesson in rows:
        days[term_id] = min(days.get(term_id, lesson_days[lesson.id]), lesson_days[lesson.id])
    return {term_id: days.get(term_id, DEFAULT_DAYS) for term_id in term_ids}
