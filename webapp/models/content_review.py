"""Review of content by people the admin trusts: who may review what, and their decisions.

A decision row exists only while it still holds: when the reviewed text changes (a
translation) or the lesson body changes, ``webapp.review_state`` deletes it, so the content is
a draft again. Every decision is also in the audit trail, which keeps the history.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from webapp.extensions import db
from webapp.models.time import UTCDateTime, utcnow


class ReviewerScope(db.Model):
    """One thing a teacher or admin may review: a help language (``ar``) or ``care`` content."""

    __tablename__ = "reviewer_scopes"
    __table_args__ = (UniqueConstraint("user_id", "scope", name="uq_reviewer_scopes_user_scope"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    scope: Mapped[str] = mapped_column(String(8))
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class TranslationReview(db.Model):
    """A reviewer's decision on one translation of a term, for exactly the text in ``text``."""

    __tablename__ = "translation_reviews"
    __table_args__ = (
        UniqueConstraint("term_id", "lang", name="uq_translation_reviews_term_lang"),
        Index("ix_translation_reviews_lang_status", "lang", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("terms.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16))  # reviewed | needs_change
    text: Mapped[str] = mapped_column(Text)
    comment: Mapped[str] = mapped_column(Text, default="")
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class LessonReview(db.Model):
    """A care-content reviewer's sign-off (or request for change) of one lesson version."""

    __tablename__ = "lesson_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    lesson_id: Mapped[int] = mapped_column(
        ForeignKey("lessons.id", ondelete="CASCADE"), unique=True
    )
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))  # reviewed | needs_change
    comment: Mapped[str] = mapped_column(Text, default="")
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
