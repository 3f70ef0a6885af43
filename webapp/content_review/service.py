"""The reviewers' queues and decisions: translations per help language, lessons per version.

A decision names the exact text (a translation) or version (a lesson) the reviewer read: if it
changed meanwhile the decision is refused, so nobody approves a text they never saw. Each
decision is stored with who and when, put in the audit trail, and committed with the status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from lessons.model import Lesson as LessonRecord
from webapp import audit
from webapp.content_review.reviewers import require_scope
from webapp.extensions import db
from webapp.learn.store import record_of
from webapp.models import Lesson, LessonReview, Term, TranslationReview, User
from webapp.models.time import utcnow
from webapp.review_state import (
    CARE,
    DRAFT,
    NEEDS_CHANGE,
    REVIEWED,
    status_column,
    text_column,
)

PAGE_SIZE = 20
ALL = "all"
STATUS_FILTERS = {
    DRAFT: "Ej granskade",
    NEEDS_CHANGE: "Behöver ändras",
    REVIEWED: "Granskade",
    ALL: "Alla",
}


class ChangedMeanwhile(RuntimeError):
    """The text or lesson version changed after the reviewer opened it."""


@dataclass(frozen=True)
class ReviewInfo:
    reviewer: str
    at: datetime
    comment: str
    version: int | None = None


@dataclass(frozen=True)
class TranslationItem:
    term_id: int
    lemma: str
    pos: str
    area: str
    definition: str
    example: str
    text: str
    status: str
    review: ReviewInfo | None


def _info(review, name: str | None) -> ReviewInfo:
    return ReviewInfo(
        reviewer=name or "okänd granskare",
        at=review.reviewed_at,
        comment=review.comment or "",
        version=getattr(review, "version", None),
    )


def translation_reviews(lang: str, term_ids: list[int] | None = None) -> dict[int, ReviewInfo]:
    """term id → the standing review of its ``lang`` translation (one query)."""
    query = (
        select(TranslationReview, User.display_name)
        .outerjoin(User, User.id == TranslationReview.reviewer_id)
        .where(TranslationReview.lang == lang)
    )
    if term_ids is not None:
        query = query.where(TranslationReview.term_id.in_(term_ids))
    return {review.term_id: _info(review, name) for review, name in db.session.execute(query)}


def translation_items(
    lang: str, status: str = DRAFT, area: str = "", page: int = 1
) -> tuple[list[TranslationItem], int]:
    """One page of the ``lang`` translations with ``status`` (``all``: every one), by area and
    lemma, and how many there are in all (three queries, whatever the size of the bank)."""
    status_of, text_of = status_column(lang), text_column(lang)
    matching = select(Term.id).where(status_of.is_not(None))
    if status != ALL:
        matching = matching.where(status_of == status)
    if area:
        matching = matching.where(Term.area == area)
    total = db.session.scalar(select(func.count()).select_from(matching.subquery()))
    query = (
        select(
            Term.id,
            Term.lemma,
            Term.pos,
            Term.area,
            Term.record["definition"].as_string(),
            Term.record["example"].as_string(),
            text_of,
            status_of,
        )
        .where(Term.id.in_(matching))
        .order_by(Term.area, Term.lemma, Term.pos)
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
    )
    rows = db.session.execute(query).all()
    reviews = translation_reviews(lang, [row[0] for row in rows])
    return [TranslationItem(*row, reviews.get(row[0])) for row in rows], total


def review_translation(
    reviewer: User, term_id: int, lang: str, decision: str, comment: str, seen_text: str
) -> Term | None:
    """Store ``reviewer``'s decision on the translation they read; None if there is none.

    NotAReviewer unless they review ``lang``; ChangedMeanwhile if the text is not ``seen_text``.
    """
    require_scope(reviewer, lang)
    term = db.session.get(Term, term_id)
    translation = (term.record.get("translations") or {}).get(lang) if term else None
    if translation is None:
        return None
    if translation["text"] != seen_text:
        raise ChangedMeanwhile(term.lemma)
    review = db.session.scalar(
        select(TranslationReview).where(
            TranslationReview.term_id == term.id, TranslationReview.lang == lang
        )
    ) or TranslationReview(term_id=term.id, lang=lang)
    review.status, review.text, review.comment = decision, translation["text"], comment.strip()
    review.reviewer_id, review.reviewed_at = reviewer.id, utcnow()
    db.session.add(review)
    translations = {**term.record["translations"], lang: {**translation, "status": decision}}
    term.record = {**term.record, "translations": translations}
    term.updated_at = utcnow()  # a new key for cached lesson pages that show the status
    audit.record(
        "translation_reviewed", actor=reviewer, term_id=term.id, lang=lang, decision=decision
    )
    _commit_or_changed(term.lemma)
    return term


def _commit_or_changed(name: str) -> None:
    try:
        db.session.commit()
    except IntegrityError as exc:  # another reviewer's first decision won the race
        db.session.rollback()
        raise ChangedMeanwhile(name) from exc


@dataclass(frozen=True)
class LessonItem:
    lesson: Lesson
    status: str
    review: ReviewInfo | None


def lesson_reviews(lesson_ids: list[int] | None = None) -> dict[int, tuple[str, ReviewInfo]]:
    """lesson id → (status, its standing review with the version it signed): one query."""
    query = select(LessonReview, User.display_name).outerjoin(
        User, User.id == LessonReview.reviewer_id
    )
    if lesson_ids is not None:
        query = query.where(LessonReview.lesson_id.in_(lesson_ids))
    found = db.session.execute(query)
    return {review.lesson_id: (review.status, _info(review, name)) for review, name in found}


def lesson_items(status: str = DRAFT) -> list[LessonItem]:
    lessons = list(db.session.scalars(select(Lesson).order_by(Lesson.area, Lesson.title)))
    reviews = lesson_reviews()
    items = []
    for lesson in lessons:
        lesson_status, info = reviews.get(lesson.id, (DRAFT, None))
        if status in (ALL, lesson_status):
            items.append(LessonItem(lesson, lesson_status, info))
    return items


@dataclass(frozen=True)
class LessonUnderReview:
    lesson: Lesson
    record: LessonRecord
    status: str
    review: ReviewInfo | None


def lesson_under_review(slug: str) -> LessonUnderReview | None:
    lesson = db.session.scalar(select(Lesson).where(Lesson.slug == slug))
    if lesson is None:
        return None
    status, info = lesson_reviews([lesson.id]).get(lesson.id, (DRAFT, None))
    return LessonUnderReview(lesson, record_of(lesson), status, info)


def review_lesson(
    reviewer: User, slug: str, version: int, decision: str, comment: str
) -> Lesson | None:
    """Sign off (or send back) the lesson ``version`` the reviewer read; None if no lesson.

    NotAReviewer unless they review care content; ChangedMeanwhile if the lesson has moved on.
    """
    require_scope(reviewer, CARE)
    lesson = db.session.scalar(select(Lesson).where(Lesson.slug == slug))
    if lesson is None:
        return None
    if lesson.version != version:
        raise ChangedMeanwhile(lesson.title)
    review = db.session.scalar(
        select(LessonReview).where(LessonReview.lesson_id == lesson.id)
    ) or LessonReview(lesson_id=lesson.id)
    review.version, review.status, review.comment = lesson.version, decision, comment.strip()
    review.reviewer_id, review.reviewed_at = reviewer.id, utcnow()
    db.session.add(review)
    audit.record(
        "lesson_reviewed",
        actor=reviewer,
        lesson_id=lesson.id,
        version=lesson.version,
        decision=decision,
    )
    _commit_or_changed(lesson.title)
    return lesson
