"""A drill session as its page and the dashboard show it: the next item after an answer,
when the word comes back, and the day's summary.

Items are handed out by ``items`` and answers recorded by ``recording``; the page after an
answer commits both together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from glossary.problems import counted
from webapp.drills.items import lock_drills, next_item, queue_for
from webapp.drills.queue import local_day_start
from webapp.drills.recording import Outcome
from webapp.extensions import db
from webapp.models import DrillItem, ReviewLog, User


def _commit_keeping_loaded() -> None:
    """Commit without expiring the loaded rows: the page about to render shows exactly what
    was just written, so reading it all back would only cost queries."""
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True


def until(due: datetime, now: datetime) -> str:
    """When the word comes back, in plain Swedish."""
    minutes = max(1, round((due - now).total_seconds() / 60))
    if minutes < 60:
        return f"om {counted(minutes, 'minut', 'minuter')}"
    hours = round(minutes / 60)
    if hours < 24:
        return f"om {counted(hours, 'timme', 'timmar')}"
    days = round(hours / 24)
    return "i morgon" if days == 1 else f"om {counted(days, 'dag', 'dagar')}"


@dataclass(frozen=True)
class SessionView:
    """Everything the session page shows: feedback on the last answer, then the next item."""

    slug: str | None
    lesson_title: str | None
    done: int
    size: int
    left_today: int
    item: DrillItem | None
    outcome: Outcome | None = None
    comes_back: str | None = None

    @property
    def finished(self) -> bool:
        return self.item is None


def session_view(
    user: User,
    slug: str | None,
    now: datetime,
    size: int,
    done: int = 0,
    outcome: Outcome | None = None,
) -> SessionView:
    """The page after ``done`` answers in this session (UnknownLesson for a bad slug, ClosedLesson for one not the user's); commits
    the answer just recorded (if any) and the item handed out, together."""
    done = max(0, min(done, size))
    lock_drills(user)
    queue = queue_for(user, slug, now, size)
    if outcome is not None and outcome.status == "invalid":
        item = outcome.item
    elif done >= size:
        item = None
    else:
        just_answered = outcome.item.card_id if outcome and outcome.recorded else None
        # an item already handed out for the card (a reloaded page, or one a phone took along
        # for offline use) is shown again, so each card has one item waiting at a time
        item = next_item(user, queue, now, skip_card=just_answered, commit=False)
    _commit_keeping_loaded()
    return SessionView(
        slug=slug,
        lesson_title=queue.lessons[0].title if slug and queue.lessons else None,
        done=done,
        size=size,
        left_today=queue.left_today,
        item=item,
        outcome=outcome,
        comes_back=until(outcome.next_due, now) if outcome and outcome.recorded else None,
    )


@dataclass(frozen=True)
class Today:
    """The dashboard's "Öva ord i dag": words waiting now, new words left, answers so far."""

    due: int
    new: int
    answered: int
    sentences: int = 0  # new word-order sentences

    @property
    def waiting(self) -> int:
        return self.due + self.new + self.sentences


def today_summary(user: User, now: datetime) -> Today:
    queue = queue_for(user, None, now, 1)
    answered = db.session.scalar(
        select(func.count())
        .select_from(ReviewLog)
        .where(ReviewLog.user_id == user.id, ReviewLog.reviewed_at >= local_day_start(now))
    )
    sentences = sum(1 for entry in queue.new if entry.sentence is not None)
    return Today(queue.due_count, len(queue.new) - sentences, answered, sentences)
