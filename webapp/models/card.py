"""Vocabulary review: FSRS cards, every review, and the drill items handed out."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from webapp.extensions import db
from webapp.models.time import UTCDateTime, utcnow


class Card(db.Model):
    """One FSRS card per (trainee, term, direction), or per (trainee, sentence) for the
    word-order drill (``term_id`` empty, direction ``order``); the columns mirror ``fsrs.Card``.

    A sentence card keeps its sentence, so it can be drilled after the lesson is edited."""

    __tablename__ = "cards"
    __table_args__ = (
        UniqueConstraint("user_id", "term_id", "direction", name="uq_cards_user_term_direction"),
        UniqueConstraint("user_id", "sentence_key", name="uq_cards_user_sentence"),
        CheckConstraint("(term_id IS NULL) <> (sentence_key IS NULL)", name="term_or_sentence"),
        Index("ix_cards_user_due", "user_id", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    term_id: Mapped[int | None] = mapped_column(
        ForeignKey("terms.id", ondelete="CASCADE"), index=True
    )
    sentence_key: Mapped[str | None] = mapped_column(String(40))  # lessons.word_order.sentence_key
    sentence: Mapped[str | None] = mapped_column(Text)
    lesson_id: Mapped[int | None] = mapped_column(ForeignKey("lessons.id", ondelete="SET NULL"))
    direction: Mapped[str] = mapped_column(
        String(16)
    )  # recognise (sv→L1) | produce (L1→sv) | order
    state: Mapped[int] = mapped_column(Integer)  # fsrs.State value
    step: Mapped[int | None] = mapped_column(Integer)
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    due: Mapped[datetime] = mapped_column(UTCDateTime())
    last_review: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ReviewLog(db.Model):
    """Every answer, kept so scheduling can be recomputed and the parameters optimised."""

    __tablename__ = "review_logs"
    __table_args__ = (Index("ix_review_logs_user_reviewed", "user_id", "reviewed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    rating: Mapped[int] = mapped_column(Integer)  # fsrs.Rating value
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    review_duration_ms: Mapped[int | None] = mapped_column(Integer)
    drill_kind: Mapped[str] = mapped_column(String(16))
    answer: Mapped[str | None] = mapped_column(String(200))
    correct: Mapped[bool] = mapped_column(Boolean)


class DrillItem(db.Model):
    """An item shown to a trainee; answerable once, by that trainee only (replays change nothing)."""

    __tablename__ = "drill_items"
    __table_args__ = (Index("ix_drill_items_user_answered", "user_id", "answered_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(43), unique=True)  # unguessable, sent with the form
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    prompt: Mapped[dict] = mapped_column(JSON)  # what was shown: question, options, cloze, …
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    answer: Mapped[str | None] = mapped_column(Text)
    # the device's id of the answer that counts, when it was given offline and synced later
    client_id: Mapped[str | None] = mapped_column(String(40), unique=True)
