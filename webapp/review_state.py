"""The review status of content, and the one rule every save obeys: only a reviewer's decision
inside Ordvård makes a text reviewed, and changing a reviewed text makes it a draft again.

``webapp.words.store.save_term`` and ``webapp.learn.store.save_lesson`` call these on every
write (bundled files, teachers' forms, imports), so no path — least of all an import that says
``status: reviewed`` — can mark something reviewed by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from glossary.model import LANGUAGE_NAMES, LANGUAGES
from webapp import audit
from webapp.extensions import db
from webapp.models import Lesson, LessonReview, ReviewerScope, Term, TranslationReview, User

DRAFT, REVIEWED, NEEDS_CHANGE = "draft", "reviewed", "needs_change"
DECISIONS = (REVIEWED, NEEDS_CHANGE)
CARE = "care"
SCOPES = (*LANGUAGES, CARE)
SCOPE_NAMES = {
    **{lang: name.capitalize() for lang, name in LANGUAGE_NAMES.items()},
    CARE: "Vårdinnehåll",
}
# How a reviewer or teacher reads a status (trainees see only granskad / ej granskad).
STATUS_NAMES = {DRAFT: "ej granskad", REVIEWED: "granskad", NEEDS_CHANGE: "behöver ändras"}


def drop_scopes(user_id: int) -> int:
    """End every review scope of an account that can no longer review (made a trainee, or
    erased), so a later promotion does not silently bring them back; returns how many."""
    return db.session.execute(
        delete(ReviewerScope).where(ReviewerScope.user_id == user_id)
    ).rowcount


def settle_translations(term: Term | None, dumped: dict) -> tuple[dict, list[TranslationReview]]:
    """The term record as it may be stored, and the reviews that no longer hold.

    Each translation's status comes from a review of exactly its text, never from the incoming
    record; the reviewer and time a file may claim are dropped. A review whose text changed, or
    whose translation is gone, is returned as stale for :func:`drop_stale`.
    """
    reviews: dict[str, TranslationReview] = {}
    if term is not None and term.id is not None:
        query = select(TranslationReview).where(TranslationReview.term_id == term.id)
        reviews = {review.lang: review for review in db.session.scalars(query)}
    translations, stale = {}, []
    for lang, translation in (dumped.get("translations") or {}).items():
        review = reviews.pop(lang, None)
        if review is not None and review.text != translation["text"]:
            stale.append(review)
            review = None
        translations[lang] = {
            "text": translation["text"],
            "status": review.status if review else DRAFT,
        }
    stale.extend(reviews.values())
    return {**dumped, "translations": translations}, stale


def drop_stale(stale: list[TranslationReview], actor: User | None) -> None:
    """Delete reviews whose text changed (the audit trail keeps that they were reset)."""
    for review in stale:
        audit.record(
            "review_reset", actor=actor, term_id=review.term_id, lang=review.lang, was=review.status
        )
        db.session.delete(review)


def lesson_body_changed(lesson: Lesson, actor: User | None) -> None:
    """A lesson whose body changes is a draft again (publishing alone changes no text)."""
    review = db.session.scalar(select(LessonReview).where(LessonReview.lesson_id == lesson.id))
    if review is not None:
        audit.record(
            "review_reset", actor=actor, lesson_id=lesson.id, scope=CARE, was=review.status
        )
        db.session.delete(review)


def lesson_status(lesson_id: int) -> tuple[str, LessonReview | None]:
    review = db.session.scalar(select(LessonReview).where(LessonReview.lesson_id == lesson_id))
    return (review.status if review else DRAFT), review


def lesson_statuses() -> dict[int, str]:
    """lesson id → its review status, for lessons with a standing decision (one query)."""
    return dict(db.session.execute(select(LessonReview.lesson_id, LessonReview.status)).all())


def translation_reviewers() -> dict[tuple[int, str], tuple[str, str]]:
    """(term id, language) → (reviewer's name, date) of every standing decision, for exports."""
    rows = db.session.execute(
        select(TranslationReview, User.display_name).outerjoin(
            User, User.id == TranslationReview.reviewer_id
        )
    )
    return {
        (review.term_id, review.lang): (
            name or "okänd granskare",
            review.reviewed_at.date().isoformat(),
        )
        for review, name in rows
    }


def lesson_review_claim(lesson_id: int) -> dict | None:
    """The standing decision on a lesson as an export states it (``lessons.model.ReviewClaim``)."""
    row = db.session.execute(
        select(LessonReview, User.display_name)
        .outerjoin(User, User.id == LessonReview.reviewer_id)
        .where(LessonReview.lesson_id == lesson_id)
    ).first()
    if row is None:
        return None
    review, name = row
    return {
        "status": review.status,
        "reviewer": name or "okänd granskare",
        "reviewed_at": review.reviewed_at.date().isoformat(),
        "version": review.version,
    }


@dataclass(frozen=True)
class Decision:
    status: str
    reviewer: str
    at: datetime
    comment: str


def term_decisions(term_id: int) -> dict[str, Decision]:
    """language → the standing decision on the term's translation (one query)."""
    rows = db.session.execute(
        select(TranslationReview, User.display_name)
        .outerjoin(User, User.id == TranslationReview.reviewer_id)
        .where(TranslationReview.term_id == term_id)
    )
    return {
        review.lang: Decision(
            review.status, name or "okänd granskare", review.reviewed_at, review.comment
        )
        for review, name in rows
    }


def status_column(lang: str):
    """The SQL expression of a term's ``lang`` translation status (NULL: no translation), the
    same JSON path on SQLite and PostgreSQL; lets lists and counts skip the whole record."""
    return Term.record[("translations", lang, "status")].as_string()


def text_column(lang: str):
    return Term.record[("translations", lang, "text")].as_string()


def translation_status(record: dict, lang: str) -> str | None:
    """The status of a stored record's ``lang`` translation; None if it has none."""
    translation = (record.get("translations") or {}).get(lang)
    return translation["status"] if translation else None
