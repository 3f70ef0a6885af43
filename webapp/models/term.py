"""The term bank in the database: terms, their search keys, edit history and audio clips.

A term row keeps the whole record (``glossary.model.Term``) in JSON columns, so the record
type stays the package's and the database only adds identity, history and search.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models.time import UTCDateTime, utcnow


class Term(db.Model):
    __tablename__ = "terms"
    __table_args__ = (UniqueConstraint("lemma", "pos", name="uq_terms_lemma_pos"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    lemma: Mapped[str] = mapped_column(String(80), index=True)
    pos: Mapped[str] = mapped_column(String(16))
    area: Mapped[str] = mapped_column(String(40), index=True)
    # The full glossary record (glossary.model.Term.model_dump(mode="json")).
    record: Mapped[dict] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(String(16), default="bundled")  # bundled | teacher
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    keys: Mapped[list[TermKey]] = relationship(back_populates="term", cascade="all, delete-orphan")


class TermKey(db.Model):
    """A folded string a term is found by (a form, abbreviation, translation, or a one-letter
    deletion of one, for typo tolerance); ``rank`` orders exact lemma hits first."""

    __tablename__ = "term_keys"
    __table_args__ = (Index("ix_term_keys_key", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("terms.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(16))  # lemma | form | abbreviation | synonym | ...
    rank: Mapped[int] = mapped_column(Integer, default=0)

    term: Mapped[Term] = relationship(back_populates="keys")


class TermEdit(db.Model):
    """Who changed a term, when, and what it was before and after."""

    __tablename__ = "term_edits"

    id: Mapped[int] = mapped_column(primary_key=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("terms.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    edited_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict] = mapped_column(JSON)


class AudioClip(db.Model):
    """A synthesised clip, made once per (text, engine, voice) and shared by every worker."""

    __tablename__ = "audio_clips"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)  # glossary.audio.clip_key
    text: Mapped[str] = mapped_column(Text)
    engine: Mapped[str] = mapped_column(String(16))
    voice: Mapped[str] = mapped_column(String(32))
    mimetype: Mapped[str] = mapped_column(String(32))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
