"""Handing out drill items: the queue's next card, as an item with an unguessable token.

Every item handed out is a ``DrillItem`` row; a reloaded page (or a phone that took the item
along) gets the unanswered item already made for its card, so each card has one item waiting
at a time. ``lock_drills`` makes the requests of one trainee run one after the other.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from lessons.model import Lesson as LessonRecord
from lessons.word_order import sentence_key
from webapp.drills import kinds
from webapp.drills.queue import NewCard, Queue, build_queue, settings_for
from webapp.drills.scheduling import new_card_state
from webapp.extensions import db
from webapp.learn.store import record_of as lesson_record
from webapp.models import Card, DrillItem, Lesson, ReviewLog, Term, User
from webapp.words.store import record_of as term_record

REUSE_UNANSWERED = timedelta(hours=12)  # a reloaded page shows the same item, not a new one
RECENT_KINDS = 6

_lesson_records: dict[tuple[int, int], LessonRecord] = {}


def _lesson_record(lesson_id: int | None, version: int | None = None) -> LessonRecord | None:
    """The validated lesson, cached per version (records are frozen; bodies change by version)."""
    if lesson_id is None:
        return None
    if version is None:
        version = db.session.scalar(select(Lesson.version).where(Lesson.id == lesson_id))
        if version is None:
            return None
    key = (lesson_id, version)
    if key not in _lesson_records:
        _lesson_records[key] = lesson_record(db.session.get(Lesson, lesson_id))
    return _lesson_records[key]


def lock_drills(user: User) -> None:
    """Hold the trainee's drilling until this transaction ends: requests that hand out or
    answer items for one trainee (the page, the phone taking items along, a second phone) then
    run one after the other, so each finds the items the other made and hands out the same one
    again, instead of making a second item for a card between the other's look and its commit.
    A no-op UPDATE of the user's row: it locks the row on PostgreSQL and takes SQLite's write
    lock before the first read alike. Taken before any card is locked (no two requests can
    wait for each other) and again at no cost later in the same transaction."""
    db.session.execute(
        update(User)
        .where(User.id == user.id)
        .values(id=User.id)
        .execution_options(synchronize_session=False)
    )


def queue_for(user: User, slug: str | None, now: datetime, size: int) -> Queue:
    return build_queue(user, slug, now, size, settings_for(user.id))


def _waiting_item(user: User, card: Card, now: datetime) -> DrillItem | None:
    """An item for ``card`` handed out recently and not answered (a reloaded page)."""
    return db.session.scalar(
        select(DrillItem)
        .where(
            DrillItem.card_id == card.id,
            DrillItem.user_id == user.id,
            DrillItem.answered_at.is_(None),
            DrillItem.created_at >= now - REUSE_UNANSWERED,
        )
        .order_by(DrillItem.id.desc())
        .limit(1)
    )


def next_item(
    user: User,
    queue: Queue,
    now: datetime,
    skip_card: int | None = None,
    *,
    commit: bool = True,
    reuse: bool = True,
) -> DrillItem | None:
    """The item for the head of the queue (not ``skip_card``, the card just answered, while
    another is waiting): made (and committed, unless ``commit`` is False), or — with ``reuse``,
    for a reloaded page — the unanswered one already handed out."""
    entries = queue.entries()
    if not entries:
        return None
    entry = next(
        (e for e in entries if skip_card is None or getattr(e, "id", None) != skip_card), entries[0]
    )
    item = item_for(user, queue, entry, now, reuse=reuse)
    if commit:
        db.session.commit()
    else:
        db.session.flush()
    return item


def item_for(
    user: User, queue: Queue, entry: Card | NewCard, now: datetime, *, reuse: bool = True
) -> DrillItem:
    """The item for one queue entry, added to the session (not committed): made, or — with
    ``reuse`` — the unanswered one already handed out for that card."""
    card = _card_for(user, entry, now) if isinstance(entry, NewCard) else entry
    waiting = _waiting_item(user, card, now) if reuse else None
    if waiting is not None:
        return waiting
    scope = queue.lesson(card.lesson_id) or (queue.lessons[0] if queue.lessons else None)
    item = DrillItem(
        token=secrets.token_urlsafe(32),
        user_id=user.id,
        card_id=card.id,
        prompt=_prompt(user, card, scope),
        created_at=now,
    )
    item.kind = item.prompt["kind"]
    db.session.add(item)
    db.session.flush()
    return item


def _card_for(user: User, entry: NewCard, now: datetime) -> Card:
    """The card of a new queue entry: made, or the one made before and never answered."""
    key = sentence_key(entry.sentence) if entry.sentence is not None else None
    same = (
        Card.sentence_key == key
        if key is not None
        else (Card.term_id == entry.term_id) & (Card.direction == entry.direction)
    )
    made = db.session.scalar(select(Card).where(Card.user_id == user.id, same))
    if made is not None:
        return made
    card = Card(
        user_id=user.id,
        term_id=entry.term_id,
        sentence_key=key,
        sentence=entry.sentence,
        lesson_id=entry.lesson_id,
        direction=entry.direction,
        created_at=now,
        **new_card_state(now),
    )
    try:
        with db.session.begin_nested():
            db.session.add(card)
    except IntegrityError:  # the same card was just made in another tab: use that one
        card = db.session.scalar(select(Card).where(Card.user_id == user.id, same))
    return card


def _prompt(user: User, card: Card, scope) -> dict:
    if card.sentence is not None:  # a word-order card: one kind, shuffled anew each time
        answered = card.last_review.timestamp() if card.last_review else 0
        return kinds.word_order_prompt(card.sentence, seed=card.id * 1009 + int(answered))
    term_row = db.session.get(Term, card.term_id)
    term = term_record(term_row)
    lesson = _lesson_record(scope.id, scope.version) if scope else _lesson_record(card.lesson_id)
    allowed = scope.kinds if scope else kinds.KINDS_BY_DIRECTION[card.direction]
    distractors = _distractors(term_row)
    candidates = kinds.feasible_kinds(
        card.direction,
        term,
        allowed,
        has_cloze=bool(kinds.cloze_sentences(term, lesson)),
        distractor_count=len(distractors),
    )
    met = dict(
        db.session.execute(
            select(ReviewLog.drill_kind, func.count())
            .where(ReviewLog.card_id == card.id)
            .group_by(ReviewLog.drill_kind)
        ).all()
    )
    recent = list(
        db.session.scalars(
            select(DrillItem.kind)
            .where(DrillItem.user_id == user.id)
            .order_by(DrillItem.id.desc())
            .limit(RECENT_KINDS)
        )
    )
    kind = kinds.choose_kind(candidates, met, recent)
    seed = card.id * 1009 + sum(met.values())
    return kinds.build_prompt(
        kind, card.direction, term, l1=user.l1, seed=seed, lesson=lesson, distractors=distractors
    )


def _distractors(term: Term) -> list[str]:
    """Lemmas of other terms of the same word class from the same care area; other areas
    only fill in when the area has too few."""
    rows = db.session.execute(
        select(Term.lemma, Term.area)
        .where(Term.pos == term.pos, Term.id != term.id, Term.lemma != term.lemma)
        .order_by((Term.area == term.area).desc(), Term.id)
        .limit(12)
    ).all()
    same = [lemma for lemma, area in rows if area == term.area]
    chosen = same if len(same) >= kinds.CHOICE_OPTIONS - 1 else [lemma for lemma, _ in rows]
    return list(dict.fromkeys(chosen))
