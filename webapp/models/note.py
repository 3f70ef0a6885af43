"""Practice care notes: drafts, submitted versions with the checker's report, and reviews."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models.time import UTCDateTime, utcnow


class NoteDraft(db.Model):
    """The text being written; saved on demand and every few seconds, never lost."""

    __tablename__ = "note_drafts"
    __table_args__ = (
        UniqueConstraint(
            "user_id", "lesson_id", "exercise_key", name="uq_note_drafts_user_exercise"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    lesson_id: Mapped[int] = mapped_column(ForeignKey("lessons.id", ondelete="CASCADE"))
    exercise_key: Mapped[str] = mapped_column(String(80))
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Note(db.Model):
    """One trainee's note for one exercise, across its versions."""

    __tablename__ = "notes"
    __table_args__ = (
        UniqueConstraint("user_id", "lesson_id", "exercise_key", name="uq_notes_user_exercise"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    lesson_id: Mapped[int] = mapped_column(ForeignKey("lessons.id", ondelete="CASCADE"), index=True)
    exercise_key: Mapped[str] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(
        String(16), default="submitted"
    )  # submitted | returned | approved
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)

    versions: Mapped[list[NoteVersion]] = relationship(
        back_populates="note", cascade="all, delete-orphan", order_by="NoteVersion.number"
    )


class NoteVersion(db.Model):
    __tablename__ = "note_versions"
    __table_args__ = (UniqueConstraint("note_id", "number", name="uq_note_versions_note_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("notes.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    report: Mapped[dict] = mapped_column(JSON)  # nlp Report.to_dict()
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    note: Mapped[Note] = relationship(back_populates="versions")


class Review(db.Model):
    """A teacher's verdict on one version: Godkänd or Skriv om, with rubric scores."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_version_id: Mapped[int] = mapped_column(
        ForeignKey("note_versions.id", ondelete="CASCADE"), index=True
    )
    teacher_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    verdict: Mapped[str] = mapped_column(String(16))  # approved | revise
    scores: Mapped[dict] = mapped_column(JSON, default=dict)  # rubric criterion index → points
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ReviewComment(db.Model):
    """A teacher's comment attached to a passage (character offsets into the version's text)."""

    __tablename__ = "review_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_version_id: Mapped[int] = mapped_column(
        ForeignKey("note_versions.id", ondelete="CASCADE"), index=True
    )
    teacher_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class FindingOverride(db.Model):
    """A teacher's "inte ett fel" on one checker finding: shown to the trainee and counted."""

    __tablename__ = "finding_overrides"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_version_id: Mapped[int] = mapped_column(
        ForeignKey("note_versions.id", ondelete="CASCADE"), index=True
    )
    teacher_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(24))
    text: Mapped[str] = mapped_column(String(200))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
