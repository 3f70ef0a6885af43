"""Competence cards (kompetenskort): criteria signed in practice, verifiable by a code."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models.time import UTCDateTime, utcnow


class CompetenceCard(db.Model):
    __tablename__ = "competence_cards"
    __table_args__ = (
        UniqueConstraint("user_id", "lesson_id", name="uq_competence_cards_user_lesson"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)  # unguessable verification code
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    lesson_id: Mapped[int] = mapped_column(ForeignKey("lessons.id", ondelete="CASCADE"))
    workplace: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_reason: Mapped[str] = mapped_column(Text, default="")

    signatures: Mapped[list[CompetenceSignature]] = relationship(
        back_populates="card",
        cascade="all, delete-orphan",
        order_by="CompetenceSignature.criterion_index",
    )


class CompetenceSignature(db.Model):
    """One criterion observed and signed by a supervisor."""

    __tablename__ = "competence_signatures"
    __table_args__ = (
        UniqueConstraint(
            "card_id", "criterion_index", name="uq_competence_signatures_card_criterion"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(
        ForeignKey("competence_cards.id", ondelete="CASCADE"), index=True
    )
    criterion_index: Mapped[int] = mapped_column(Integer)
    criterion: Mapped[str] = mapped_column(Text)
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    workplace: Mapped[str] = mapped_column(String(200))

    card: Mapped[CompetenceCard] = relationship(back_populates="signatures")
