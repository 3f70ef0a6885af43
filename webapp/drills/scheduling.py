"""FSRS at the database boundary: a ``Card`` row to ``fsrs.Card`` and back, and the scheduler
for a trainee's desired retention.

Fuzzing is off: the intervals FSRS gives are then a pure function of a card's review history,
so every stored due date can be recomputed from the review logs (and checked, as the tests do)
and rescheduled after a teacher changes the target retention.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State

from webapp.models import Card

DEFAULT_RETENTION = 0.9
MIN_RETENTION, MAX_RETENTION = 0.70, 0.97


@lru_cache(maxsize=32)
def scheduler_for(desired_retention: float = DEFAULT_RETENTION) -> Scheduler:
    return Scheduler(desired_retention=round(desired_retention, 2), enable_fuzzing=False)


def new_card_state(now: datetime) -> dict:
    """The columns of a card never reviewed: FSRS's fresh card, due now."""
    fresh = FsrsCard(card_id=0, due=now)
    return {
        "state": fresh.state.value,
        "step": fresh.step,
        "stability": None,
        "difficulty": None,
        "due": now,
        "last_review": None,
    }


def to_fsrs(card: Card) -> FsrsCard:
    return FsrsCard(
        card_id=card.id,
        state=State(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
    )


def review(card: Card, rating: Rating, when: datetime, retention: float) -> FsrsCard:
    """Apply one answer to ``card`` (the row is updated in place) and return FSRS's card."""
    updated, _ = scheduler_for(retention).review_card(to_fsrs(card), rating, review_datetime=when)
    card.state = updated.state.value
    card.step = updated.step
    card.stability = updated.stability
    card.difficulty = updated.difficulty
    card.due = updated.due
    card.last_review = updated.last_review
    return updated


def replay(card: Card, history: list[tuple[Rating, datetime]], retention: float) -> None:
    """Recompute ``card`` from its reviews, (rating, time) in time order, starting from a
    fresh card: an answer synced late lands where it belongs in time, and the schedule is
    what it would have been had every answer arrived at once (fuzzing is off)."""
    for column, value in new_card_state(card.created_at).items():
        setattr(card, column, value)
    for rating, when in sorted(history, key=lambda review_: review_[1]):
        review(card, rating, when, retention)
