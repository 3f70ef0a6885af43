"""Lessons in the database: the validated document, its versions, its terms, assignments."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models.time import UTCDateTime, utcnow


class Lesson(db.Model):
    __tablename__ = "lessons"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    area: Mapped[str] = mapped_column(String(40), index=True)
    level: Mapped[str] = mapped_column(String(4))
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft | published
    source: Mapped[str] = mapped_column(String(16), default="teacher")  # bundled | teacher
    shared: Mapped[bool] = mapped_column(Boolean, default=True)  # editable by the organisation
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # The whole lesson document (lessons.model.Lesson.model_dump(mode="json")).
    body: Mapped[dict] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1)  # optimistic concurrency
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    terms: Mapped[list[LessonTerm]] = relationship(
        back_populates="lesson", cascade="all, delete-orphan", order_by="LessonTerm.position"
    )


class LessonVersion(db.Model):
    """A previous state of a lesson, restorable; one row per saved edit."""

    __tablename__ = "lesson_versions"
    __table_args__ = (
        UniqueConstraint("lesson_id", "version", name="uq_lesson_versions_lesson_version"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    lesson_id: Mapped[int] = mapped_column(ForeignKey("lessons.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[dict] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16))
    edited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    edited_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class LessonTerm(db.Model):
    """The lesson's word list in order (derived from the body on save): drills and term pages
    query it instead of parsing JSON."""

    __tablename__ = "lesson_terms"
    __table_args__ = (UniqueConstraint("lesson_id", "term_id", name="uq_lesson_terms_lesson_term"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    lesson_id: Mapped[int] = mapped_column(ForeignKey("lessons.id", ondelete="CASCADE"), index=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("terms.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)

    lesson: Mapped[Lesson] = relationship(back_populates="terms")


class Assignment(db.Model):
    __tablename__ = "assignments"
    __table_args__ = (
        UniqueConstraint("lesson_id", "group_id", name="uq_assignments_lesson_group"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    lesson_id: Mapped[int] = mapped_column(ForeignKey("lessons.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    assigned_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    assigned_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
