"""A drill session: handing out the next item and recording an answer.

Every item handed out is a ``DrillItem`` row with an unguessable token; an answer counts only
for an unanswered item of the user who sends it, and is marked answered by one conditional
UPDATE, so a replayed or doubled post changes nothing even when two arrive at once. Each
answer — the card's new FSRS state and its review log — is committed on its own, so a
session can stop at any moment without losing what was answered.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from fsrs import Rating
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from lessons.model import Lesson as LessonRecord
from lessons.word_order import sentence_key
from nlp.personal import contains_personal_id
from webapp.drills import answers, kinds
from webapp.drills.queue import (
    NewCard,
    Queue,
    build_queue,
    in_reach,
    local_day_start,
    settings_for,
)
from webapp.drills.scheduling import new_card_state, review
from webapp.extensions import db
from webapp.free_text import PERSONAL_ID_MESSAGE
from webapp.learn.store import record_of as lesson_record
from webapp.models import Card, DrillItem, Lesson, ReviewLog, Term, User
from webapp.words.store import record_of as term_record

REUSE_UNANSWERED = timedelta(hours=12)  # a reloaded page shows the same item, not a new one
RECENT_KINDS = 6
MAX_DURATION_MS = 5 * 60 * 1000
RATING_NAMES = {Rating.Again: "Igen", Rating.Hard: "Svårt", Rating.Good: "Bra", Rating.Easy: "Lätt"}

UNKNOWN = "Den här frågan finns inte, eller så är den inte din. Inget sparades. Här är en ny fråga."
CLOSED = (
    "Den här frågan hör till en lektion som din grupp inte har längre. "
    "Svaret räknades inte och ändrar inte när orden kommer tillbaka."
)
CLOSED_HEADING = "Lektionen hör inte längre till din grupp"
REPLAYED = "Du har redan svarat på den här frågan. Svaret räknades bara en gång."
EMPTY = answers.MESSAGES["empty"]
TOO_LONG = answers.MESSAGES["too_long"].format(max=answers.MAX_ANSWER)
NO_RATING = answers.MESSAGES["no_rating"]

_lesson_records: dict[tuple[int, int], LessonRecord] = {}


@dataclass(frozen=True)
class Outcome:
    """What happened to a posted answer: ``status`` is recorded, unknown, closed (its lesson is
    no longer the trainee's: ``queue.in_reach``), replayed or invalid."""

    status: str
    message: str | None = None
    item: DrillItem | None = None
    verdict: answers.Verdict | None = None
    rating: Rating | None = None
    next_due: datetime | None = None
    given: str | None = None  # what the trainee typed or picked, shown beside the right answer
    order: tuple = ()  # the parts' order as posted (a word-order item shown again keeps it)
    typed: str = ""  # an invalid answer as typed, put back in the field to be corrected

    @property
    def recorded(self) -> bool:
        return self.status == "recorded"


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


def record_answer(
    user: User,
    token: str,
    now: datetime,
    *,
    answer: str = "",
    rating: int | None = None,
    give_up: bool = False,
    order: list[int | None] | None = None,
    commit: bool = True,
) -> Outcome:
    """Check and store one answer (see the module docstring for what is refused).

    ``commit=False`` leaves the commit to the caller, who then commits the answer together
    with the next item in one transaction (one disk flush per answer instead of two).
    """
    lock_drills(user)
    found = db.session.execute(
        select(DrillItem, Card)
        .join(Card, Card.id == DrillItem.card_id)
        .where(DrillItem.token == token[:64])
        .with_for_update(of=Card)
    ).first()
    if found is None or found.DrillItem.user_id != user.id:
        return Outcome("unknown", UNKNOWN)
    item, card = found
    if item.answered_at is not None:
        return Outcome("replayed", REPLAYED, item)
    if not still_in_reach(user, card):
        return Outcome("closed", CLOSED)
    if item.kind == kinds.WORD_ORDER and not give_up:
        answer = answers.ordered_text(item.prompt["parts"], order or [])
    verdict, chosen, problem = judge(item.prompt, answer, rating, give_up, order)
    if problem:
        return Outcome(
            "invalid", problem, item, order=tuple(order or ()), typed=answer[: answers.MAX_TYPED]
        )
    marked = db.session.execute(
        update(DrillItem)
        .where(
            DrillItem.id == item.id, DrillItem.user_id == user.id, DrillItem.answered_at.is_(None)
        )
        .values(answered_at=now, answer=answer.strip()[: answers.MAX_ANSWER])
        .execution_options(synchronize_session=False)
    )
    if marked.rowcount != 1:
        db.session.rollback()
        return Outcome("replayed", REPLAYED, item)
    review(card, chosen, now, settings_for(user.id).retention)
    db.session.add(answer_log(card, item, chosen, now, answer.strip()[: answers.MAX_ANSWER]))
    if commit:
        db.session.commit()
    else:
        db.session.flush()
    given = None if give_up or verdict is None else answer.strip()[: answers.MAX_ANSWER] or None
    return Outcome("recorded", None, item, verdict, chosen, card.due, given)


def still_in_reach(user: User, card: Card) -> bool:
    """Whether an answer to ``card`` may still count (``queue.in_reach``)."""
    return bool(db.session.scalar(select(in_reach(user)).where(Card.id == card.id)))


def _commit_keeping_loaded() -> None:
    """Commit without expiring the loaded rows: the page about to render shows exactly what
    was just written, so reading it all back would only cost queries."""
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True


def keep_answer() -> None:
    """Commit an answer recorded with ``commit=False`` when no next item follows it."""
    db.session.commit()


def judge(prompt: dict, answer: str, rating: int | None, give_up: bool, order=None):
    """(verdict or None, rating, problem message or None) for an answer to ``prompt``."""
    expected = prompt["expected"]
    if contains_personal_id(answer):  # refused whatever the kind: every answer text is stored
        return None, None, PERSONAL_ID_MESSAGE
    if prompt["kind"] == kinds.WORD_ORDER and not give_up:
        problem = answers.order_problem(prompt["parts"], order or [])
        if problem:
            return None, None, problem
        verdict = answers.check_order(prompt, order)
        return verdict, verdict.rating, None
    if prompt["kind"] == "flashcard":
        if rating not in {r.value for r in Rating}:
            return None, None, NO_RATING
        return None, Rating(rating), None
    if give_up:
        verdict = answers.gave_up(expected)
        return verdict, verdict.rating, None
    if not answer.strip():
        return None, None, EMPTY
    if len(answer) > answers.MAX_ANSWER:
        return None, None, TOO_LONG
    if prompt["kind"] in ("choice", "gender"):
        verdict = answers.check_choice(answer, expected)
    else:
        verdict = answers.check_typed(
            answer,
            expected,
            accepted=tuple(prompt.get("accepted", ())),
            other_forms=prompt.get("other_forms"),
        )
    return verdict, verdict.rating, None


def until(due: datetime, now: datetime) -> str:
    """When the word comes back, in plain Swedish."""
    minutes = max(1, round((due - now).total_seconds() / 60))
    if minutes < 60:
        return f"om {minutes} minut{'er' if minutes != 1 else ''}"
    hours = round(minutes / 60)
    if hours < 24:
        return f"om {hours} timm{'ar' if hours != 1 else 'e'}"
    days = round(hours / 24)
    return "i morgon" if days == 1 else f"om {days} dagar"


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


def answer_log(
    card: Card, item: DrillItem, rating: Rating, when: datetime, answer: str
) -> ReviewLog:
    """The review log row of one answer, the same whether it was given online or synced from a
    phone later: the time spent is counted from when the item was handed out, capped."""
    duration = min(int((when - item.created_at).total_seconds() * 1000), MAX_DURATION_MS)
    return ReviewLog(
        card_id=card.id,
        user_id=card.user_id,
        rating=rating.value,
        reviewed_at=when,
        review_duration_ms=max(duration, 0),
        drill_kind=item.kind,
        answer=answer or None,
        correct=rating is not Rating.Again,
    )
