"""The trainee's lessons: which ones they see, in which order, how far they have come, and
everything one lesson page needs — in a fixed number of queries, never one per term.

A teacher's preview uses :func:`lesson_page` too, so it shows exactly what a trainee sees.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import defer, load_only

from glossary.load import load_areas
from glossary.model import LANGUAGE_NAMES
from lessons.model import Lesson as LessonRecord
from webapp import review_state
from webapp.extensions import db
from webapp.learn.access import open_to, refuse_unless_open, visible_to
from webapp.learn.store import record_of
from webapp.models import (
    Assignment,
    Card,
    Lesson,
    LessonReview,
    LessonTerm,
    Membership,
    Term,
    User,
)


@dataclass(frozen=True)
class LessonItem:
    """One row of a lesson list: the lesson and the trainee's progress in it."""

    lesson: Lesson
    words: int
    practised: int
    assigned: bool

    @property
    def percent(self) -> int:
        return round(100 * self.practised / self.words) if self.words else 0


@dataclass(frozen=True)
class AreaLessons:
    slug: str
    name: str
    items: list[LessonItem]


@dataclass(frozen=True)
class LessonList:
    assigned: list[LessonItem]
    areas: list[AreaLessons] = field(default_factory=list)


def _assigned_ids(user: User) -> set[int]:
    query = (
        select(Assignment.lesson_id)
        .join(Membership, Membership.group_id == Assignment.group_id)
        .where(Membership.user_id == user.id)
    )
    return set(db.session.scalars(query))


def _progress(user: User, lesson_ids: list[int]) -> dict[int, tuple[int, int]]:
    """lesson id → (words in the lesson, words with a review card that is no longer new)."""
    if not lesson_ids:
        return {}
    totals = dict(
        db.session.execute(
            select(LessonTerm.lesson_id, func.count())
            .where(LessonTerm.lesson_id.in_(lesson_ids))
            .group_by(LessonTerm.lesson_id)
        ).all()
    )
    practised = dict(
        db.session.execute(
            select(LessonTerm.lesson_id, func.count(distinct(LessonTerm.term_id)))
            .join(Card, Card.term_id == LessonTerm.term_id)
            .where(
                LessonTerm.lesson_id.in_(lesson_ids),
                Card.user_id == user.id,
                Card.last_review.is_not(None),
            )
            .group_by(LessonTerm.lesson_id)
        ).all()
    )
    return {i: (totals.get(i, 0), practised.get(i, 0)) for i in lesson_ids}


def _visible_lessons(user: User) -> list[Lesson]:
    columns = (Lesson.id, Lesson.slug, Lesson.title, Lesson.area, Lesson.level, Lesson.status)
    query = select(Lesson).options(load_only(*columns)).where(visible_to(user))
    return list(db.session.scalars(query.order_by(Lesson.title)))


def lesson_list(user: User) -> LessonList:
    """The lessons the user may see (``webapp.learn.access``) per care area with the user's
    progress; assigned ones also first."""
    lessons = _visible_lessons(user)
    assigned_ids = _assigned_ids(user)
    progress = _progress(user, [lesson.id for lesson in lessons])
    items = [
        LessonItem(lesson, *progress[lesson.id], assigned=lesson.id in assigned_ids)
        for lesson in lessons
    ]
    areas = [
        AreaLessons(slug, name, [item for item in items if item.lesson.area == slug])
        for slug, name in load_areas().items()
    ]
    return LessonList(
        assigned=[item for item in items if item.assigned],
        areas=[area for area in areas if area.items],
    )


LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")


def suggested_lesson(lessons: LessonList) -> LessonItem | None:
    """A first lesson for a trainee whom no teacher has given one: the one already begun, else
    the easiest (by level, then in the care areas' order — basal hygiene comes first)."""
    items = [item for area in lessons.areas for item in area.items]
    begun = [item for item in items if item.practised]
    if begun:
        return max(begun, key=lambda item: item.practised)
    level = {name: rank for rank, name in enumerate(LEVELS)}
    return min(items, key=lambda item: level.get(item.lesson.level, len(LEVELS)), default=None)


@dataclass(frozen=True)
class TermHelp:
    """What tapping a marked term shows: the explanation, the viewer's language, the clip."""

    lemma: str
    definition: str
    translation: str | None
    translation_status: str | None


@dataclass(frozen=True)
class LessonPage:
    lesson: Lesson
    record: LessonRecord
    terms: dict[str, TermHelp]
    language: str
    language_name: str
    area_name: str
    review_status: str  # webapp.review_state: a care-content reviewer signed this text off

    def help_for(self, reference: str) -> TermHelp | None:
        return self.terms.get(reference)


def _term_help(lesson: Lesson, language: str) -> dict[str, TermHelp]:
    """Every term of the lesson by its references (``lemma`` and ``lemma#pos``): one query."""
    rows = db.session.execute(
        select(Term.lemma, Term.pos, Term.record)
        .join(LessonTerm, LessonTerm.term_id == Term.id)
        .where(LessonTerm.lesson_id == lesson.id)
        .order_by(LessonTerm.position)
    ).all()
    found: dict[str, TermHelp] = {}
    for lemma, pos, record in rows:
        translation = (record.get("translations") or {}).get(language) or {}
        help_ = TermHelp(
            lemma=lemma,
            definition=record.get("definition", ""),
            translation=translation.get("text"),
            translation_status=translation.get("status"),
        )
        found.setdefault(lemma, help_)
        found[f"{lemma}#{pos}"] = help_
    return found


def find_lesson(slug: str) -> Lesson | None:
    return db.session.scalar(select(Lesson).where(Lesson.slug == slug))


def open_lesson_with_stamp(slug: str, viewer: User) -> tuple[Lesson, object, str]:
    """The lesson if ``viewer`` may see it (else aborts 404 or 403, ``webapp.learn.access``),
    the time its terms were last saved and its review status (for the page cache): one query.
    The body is left in the database until a page is rendered (a cached page needs none)."""
    newest_term = (
        select(func.max(Term.updated_at))
        .join(LessonTerm, LessonTerm.term_id == Term.id)
        .where(LessonTerm.lesson_id == Lesson.id)
        .scalar_subquery()
    )
    review = (
        select(LessonReview.status).where(LessonReview.lesson_id == Lesson.id).scalar_subquery()
    )
    query = (
        select(Lesson, newest_term, open_to(viewer), review)
        .options(defer(Lesson.body))
        .where(Lesson.slug == slug)
    )
    lesson, stamp, allowed, reviewed = db.session.execute(query).first() or (
        None,
        None,
        False,
        None,
    )
    return refuse_unless_open(lesson, allowed), stamp, reviewed or review_state.DRAFT


def lesson_page(lesson: Lesson, viewer: User, review_status: str | None = None) -> LessonPage:
    """The page of ``lesson`` as ``viewer`` sees it (their help language); the review status
    is looked up unless the caller has it."""
    return LessonPage(
        lesson=lesson,
        record=record_of(lesson),
        terms=_term_help(lesson, viewer.l1),
        language=viewer.l1,
        language_name=LANGUAGE_NAMES.get(viewer.l1, viewer.l1),
        area_name=load_areas().get(lesson.area, lesson.area),
        review_status=review_status or review_state.lesson_status(lesson.id)[0],
    )
