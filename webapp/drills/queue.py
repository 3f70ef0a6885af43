"""The daily queue: which cards a trainee drills next, in a fixed number of queries.

Order: cards that are due, most overdue first; then new cards in lesson order, up to each
lesson's new-cards-a-day limit (``drills.new_per_day``, or the group's ``new_cards_per_day``
when the teacher set one); then cards in a learning step that come due within
:data:`LEARN_AHEAD`, so a session does not stop while a just-missed word waits ten minutes.

A term's *produce* card (meaning → Swedish) is new only after its *recognise* card has been
answered once: the trainee has seen the word before being asked to write it. A card that was
made but never answered (its item was handed out, or taken along for offline drilling) still
counts as new, in its place among the new words, so taking items along changes no order.

The word-order drill has one card per sentence (``lessons.word_order``): a lesson that allows
``word_order`` offers up to :data:`NEW_SENTENCES_PER_DAY` new sentences a day besides its new
words, placed among the new words (one after every :data:`WORDS_PER_SENTENCE` new words of the
day), so a session meets a sentence early without sentences crowding out the words. Due sentence cards are due
cards like any other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app, g
from sqlalchemy import ColumnElement, func, or_, select

from lessons.model import Drills
from lessons.word_order import lesson_sentences, sentence_key
from webapp.drills.kinds import ORDER, RECOGNISE, WORD_ORDER, directions_for
from webapp.drills.scheduling import DEFAULT_RETENTION
from webapp.extensions import db
from webapp.learn.access import PUBLISHED, open_to, visible_to
from webapp.learn.store import record_of
from webapp.models import Assignment, Card, Group, Lesson, LessonTerm, Membership, User
from webapp.models.group import MemberRole

LEARN_AHEAD = timedelta(minutes=20)
NEW_SENTENCES_PER_DAY = 2
WORDS_PER_SENTENCE = 4


class UnknownLesson(LookupError):
    """No published lesson has this slug."""

    status = 404


class ClosedLesson(LookupError):
    """The lesson is not the trainee's to see (``webapp.learn.access``)."""

    status = 403


@dataclass(frozen=True)
class LessonScope:
    """A lesson the queue draws from, with its drill settings."""

    id: int
    slug: str
    title: str
    kinds: tuple[str, ...]
    new_per_day: int
    version: int


@dataclass(frozen=True)
class Settings:
    """What the trainee's groups set: FSRS retention and a new-cards limit (None: lesson's)."""

    retention: float = DEFAULT_RETENTION
    new_per_day: int | None = None


@dataclass(frozen=True)
class NewCard:
    lesson_id: int
    term_id: int | None
    direction: str
    sentence: str | None = None  # a word-order card's sentence (term_id None)


@dataclass
class Queue:
    lessons: list[LessonScope]
    due: list[Card] = field(default_factory=list)
    new: list[NewCard] = field(default_factory=list)
    soon: list[Card] = field(default_factory=list)
    due_count: int = 0

    def entries(self) -> list[Card | NewCard]:
        return [*self.due, *self.new, *self.soon]

    @property
    def left_today(self) -> int:
        return self.due_count + len(self.new)

    def lesson(self, lesson_id: int | None) -> LessonScope | None:
        return next((scope for scope in self.lessons if scope.id == lesson_id), None)


def local_day_start(now: datetime, days_back: int = 0) -> datetime:
    """Midnight (in the site's time zone, Swedish by default) of today, as UTC."""
    zone = ZoneInfo(current_app.config.get("DRILL_TIMEZONE", "Europe/Stockholm"))
    local = now.astimezone(zone).date() - timedelta(days=days_back)
    return datetime.combine(local, time(0), zone).astimezone(now.tzinfo)


def settings_for(user_id: int) -> Settings:
    """The strictest setting among the trainee's groups: highest retention, lowest limit
    (read once per request: recording an answer and building the next item share it)."""
    cache = g.setdefault("drill_settings", {})
    if user_id not in cache:
        cache[user_id] = _settings_of(user_id)
    return cache[user_id]


def _settings_of(user_id: int) -> Settings:
    retention, limit = db.session.execute(
        select(func.max(Group.desired_retention), func.min(Group.new_cards_per_day))
        .join(Membership, Membership.group_id == Group.id)
        .where(Membership.user_id == user_id, Membership.role == MemberRole.MEMBER)
    ).one()
    return Settings(retention or DEFAULT_RETENTION, limit)


def _scope(row) -> LessonScope:
    drills = Drills.model_validate(row.drills or {})
    return LessonScope(row.id, row.slug, row.title, drills.kinds, drills.new_per_day, row.version)


def lessons_for(user: User, slug: str | None) -> list[LessonScope]:
    """The lesson asked for (UnknownLesson, ClosedLesson if it is not the user's to see), or
    the trainee's lessons: assigned to their groups (earliest assignment first) and any they
    have already drilled and may still see."""
    user_id = user.id
    # Only the drill settings of the body: the whole document is tens of kilobytes.
    columns = (
        Lesson.id,
        Lesson.slug,
        Lesson.title,
        Lesson.body["drills"].label("drills"),
        Lesson.version,
    )
    if slug is not None:
        lesson = db.session.execute(
            select(*columns, open_to(user).label("allowed")).where(
                Lesson.slug == slug, Lesson.status == PUBLISHED
            )
        ).first()
        if lesson is None:
            raise UnknownLesson(slug)
        if not lesson.allowed:
            raise ClosedLesson(slug)
        return [_scope(lesson)]
    assigned = (
        select(Assignment.lesson_id, func.min(Assignment.assigned_at).label("since"))
        .join(Membership, Membership.group_id == Assignment.group_id)
        .where(Membership.user_id == user_id)
        .group_by(Assignment.lesson_id)
        .subquery()
    )
    drilled = select(Card.lesson_id).where(Card.user_id == user_id).distinct()
    rows = db.session.execute(
        select(*columns, assigned.c.since)
        .outerjoin(assigned, assigned.c.lesson_id == Lesson.id)
        .where(visible_to(user), or_(assigned.c.lesson_id.is_not(None), Lesson.id.in_(drilled)))
    ).all()
    rows.sort(key=lambda row: (row.since is None, row.since or 0, row.id))
    return [_scope(row) for row in rows]


def in_reach(user: User) -> ColumnElement[bool]:
    """SQL over ``Card``: the card still belongs to the trainee's drilling — its lesson, or (a
    word's card) any lesson with its word, is one the trainee may see (``webapp.learn.access``).

    A card whose lessons were all taken from the trainee's groups (assigned only to other
    groups now, or withdrawn) is left out of the queue, and an answer to an item of it handed
    out before changes nothing (``service.record_answer``, ``offline.sync``). A lesson left
    with no group at all is open to every trainee, so its cards stay in reach."""
    visible = select(Lesson.id).where(visible_to(user))
    with_word = select(LessonTerm.term_id).where(LessonTerm.lesson_id.in_(visible))
    return or_(Card.lesson_id.in_(visible), Card.term_id.in_(with_word))


def build_queue(
    user: User, slug: str | None, now: datetime, size: int, settings: Settings
) -> Queue:
    """The next ``size`` entries of the trainee's queue and how many are left today."""
    user_id = user.id
    queue = Queue(lessons_for(user, slug))
    if not queue.lessons:
        return queue
    lesson_ids = [scope.id for scope in queue.lessons]
    # a card never answered (its item handed out, or taken along for offline use) waits in
    # the new words' place, not among the due ones
    in_scope = (Card.user_id == user_id) & Card.last_review.is_not(None)
    if slug is None:
        in_scope = in_scope & in_reach(user)
    else:
        in_scope = in_scope & or_(
            Card.term_id.in_(
                select(LessonTerm.term_id).where(LessonTerm.lesson_id.in_(lesson_ids))
            ),
            Card.sentence_key.is_not(None) & Card.lesson_id.in_(lesson_ids),
        )
    queue.due = list(
        db.session.scalars(
            select(Card).where(in_scope, Card.due <= now).order_by(Card.due, Card.id).limit(size)
        )
    )
    queue.due_count = (
        len(queue.due)
        if len(queue.due) < size
        else db.session.scalar(
            select(func.count()).select_from(Card).where(in_scope, Card.due <= now)
        )
    )
    queue.new = _new_cards(user_id, queue.lessons, now, settings)
    if len(queue.due) + len(queue.new) < size:
        queue.soon = list(
            db.session.scalars(
                select(Card)
                .where(in_scope, Card.due > now, Card.due <= now + LEARN_AHEAD)
                .order_by(Card.due, Card.id)
                .limit(size)
            )
        )
    return queue


def _new_cards(
    user_id: int, lessons: list[LessonScope], now: datetime, settings: Settings
) -> list[NewCard]:
    lesson_ids = [scope.id for scope in lessons]
    words = db.session.execute(
        select(LessonTerm.lesson_id, LessonTerm.term_id)
        .where(LessonTerm.lesson_id.in_(lesson_ids))
        .order_by(LessonTerm.position)
    ).all()
    day_start = local_day_start(now)
    existing: dict[tuple[int, str], bool] = {}
    introduced: dict[int | None, int] = {}
    sentences: set[str] = set()
    sentences_introduced: dict[int | None, int] = {}
    for term_id, direction, reviewed, lesson_id, created_at, key in db.session.execute(
        select(
            Card.term_id,
            Card.direction,
            Card.last_review.is_not(None),
            Card.lesson_id,
            Card.created_at,
            Card.sentence_key,
        ).where(Card.user_id == user_id)
    ):
        if not reviewed:  # never answered: still new (see build_queue)
            continue
        today = created_at >= day_start
        if key is not None:
            sentences.add(key)
            if today:
                sentences_introduced[lesson_id] = sentences_introduced.get(lesson_id, 0) + 1
            continue
        existing[(term_id, direction)] = True
        if today:
            introduced[lesson_id] = introduced.get(lesson_id, 0) + 1
    by_lesson: dict[int, list[int]] = {}
    for lesson_id, term_id in words:
        by_lesson.setdefault(lesson_id, []).append(term_id)
    found: list[NewCard] = []
    listed: set[tuple[int, str]] = set()
    for scope in lessons:
        room = (settings.new_per_day or scope.new_per_day) - introduced.get(scope.id, 0)
        directions = directions_for(scope.kinds)
        for term_id in by_lesson.get(scope.id, []):
            for direction in directions:
                key = (term_id, direction)
                if room <= 0 or key in existing or key in listed:
                    continue
                if (
                    direction != RECOGNISE
                    and RECOGNISE in directions
                    and (term_id, RECOGNISE) not in existing
                ):
                    continue
                found.append(NewCard(scope.id, term_id, direction))
                listed.add(key)
                room -= 1
    # A new sentence after every WORDS_PER_SENTENCE new words of the day: counted from the
    # cards made today, as the queue is built anew for every item.
    words_today, sentences_today = sum(introduced.values()), sum(sentences_introduced.values())
    for place, card in enumerate(_new_sentences(lessons, sentences, sentences_introduced)):
        at = max(0, (sentences_today + place + 1) * WORDS_PER_SENTENCE - words_today) + place
        found.insert(min(len(found), at), card)
    return found


def _new_sentences(
    lessons: list[LessonScope], drilled: set[str], introduced: dict[int | None, int]
) -> list[NewCard]:
    found: list[NewCard] = []
    listed: set[str] = set()
    for scope in lessons:
        if WORD_ORDER not in scope.kinds:
            continue
        room = NEW_SENTENCES_PER_DAY - introduced.get(scope.id, 0)
        for sentence, key in _sentences_of(scope):
            if room <= 0:
                break
            if key not in drilled and key not in listed:
                listed.add(key)
                found.append(NewCard(scope.id, None, ORDER, sentence))
                room -= 1
    return found


_lesson_sentences: dict[tuple[int, int], list[tuple[str, str]]] = {}


def _sentences_of(scope: LessonScope) -> list[tuple[str, str]]:
    """(sentence, key) of the lesson's word-order sentences, cached per lesson version (the
    body is read once per process and version)."""
    cache_key = (scope.id, scope.version)
    if cache_key not in _lesson_sentences:
        lesson = db.session.get(Lesson, scope.id)
        _lesson_sentences[cache_key] = [
            (sentence, sentence_key(sentence)) for sentence in lesson_sentences(record_of(lesson))
        ]
    return _lesson_sentences[cache_key]
