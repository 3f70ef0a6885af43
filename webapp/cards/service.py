"""Competence cards (*kompetenskort*): a lesson's competence criteria, signed in practice by a
supervisor once the trainee is ready, and verifiable by anyone with the card's code.

A trainee is **ready** for a lesson's card when
- their drills for the lesson are done to the lesson's threshold (``drills.threshold``): that
  share of the lesson's words is *done* (``webapp.mastery``: every card of the word stable for
  at least the lesson's ``drills.mastery_days``, a setting in the lesson editor, a week by
  default, so a card is within reach in a course of weeks); a lesson without words needs no
  drills; and
- a note for one of the lesson's exercises is approved by a teacher.

A **supervisor** is a teacher who leads one of the trainee's groups (or an admin); only they
may sign or revoke. A card is **complete** when every criterion is signed. Its code is made
with :func:`secrets.token_urlsafe` (32 bytes), so it cannot be guessed.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from glossary.problems import counted
from lessons.model import Lesson as LessonRecord
from webapp import audit, mastery
from webapp.extensions import db
from webapp.learn.store import record_of
from webapp.models import CompetenceCard, CompetenceSignature, Lesson, LessonTerm, Note, User
from webapp.models.time import utcnow
from webapp.review.scope import supervised_members

CODE_BYTES = 32
APPROVED = "approved"


class NotReady(ValueError):
    """The trainee has not finished the drills or has no approved note for the lesson."""


class CardRevoked(ValueError):
    """The card was revoked: it takes no more signatures."""


@dataclass(frozen=True)
class Readiness:
    mastered: int
    words: int
    threshold: float
    approved_note: bool
    mastery_days: int

    @property
    def drills_done(self) -> bool:
        return self.words == 0 or self.mastered / self.words >= self.threshold

    @property
    def needed(self) -> int:
        """How many words must be mastered to reach the threshold."""
        return math.ceil(self.threshold * self.words)

    @property
    def ready(self) -> bool:
        return self.drills_done and self.approved_note

    @property
    def missing(self) -> list[str]:
        """Exactly what still stands between the trainee and a signable card, in Swedish."""
        left = []
        if not self.drills_done:
            # "till" (more) only after some are done: "öva in 1 ord till", "öva in 4 ord"
            more = counted(self.needed - self.mastered, "ord", "ord")
            left.append(
                f"öva in {more}{' till' if self.mastered else ''}"
                f" ({self.mastered} av {self.needed} klara)"
            )
        if not self.approved_note:
            left.append("få en anteckning godkänd")
        return left

    @property
    def share(self) -> float:
        """How far along the drills and the note are, 0–1, for ordering a card list."""
        words = min(self.mastered, self.needed) / self.needed if self.needed else 1.0
        return (words + self.approved_note) / 2


def mastered_words(
    user_ids: list[int], mastery_days: dict[int, int]
) -> dict[tuple[int, int], tuple[int, int]]:
    """(user, lesson) → (words done, words in the lesson) for the lessons in ``mastery_days``
    (lesson id → the lesson's ``drills.mastery_days``): two queries in all."""
    words: dict[int, set[int]] = {}
    for lesson_id, term_id in db.session.execute(
        select(LessonTerm.lesson_id, LessonTerm.term_id).where(
            LessonTerm.lesson_id.in_(list(mastery_days))
        )
    ):
        words.setdefault(lesson_id, set()).add(term_id)
    all_terms = set().union(*words.values()) if words else set()
    held = mastery.firmness(user_ids, all_terms)
    return {
        (user_id, lesson_id): (
            sum(
                mastery.is_done(held.get((user_id, t), 0.0), days) for t in words.get(lesson_id, ())
            ),
            len(words.get(lesson_id, ())),
        )
        for user_id in user_ids
        for lesson_id, days in mastery_days.items()
    }


def approved_notes(user_ids: list[int], lesson_ids: list[int]) -> set[tuple[int, int]]:
    """(user, lesson) pairs with an approved note: one query."""
    return set(
        db.session.execute(
            select(Note.user_id, Note.lesson_id).where(
                Note.user_id.in_(user_ids), Note.lesson_id.in_(lesson_ids), Note.status == APPROVED
            )
        ).all()
    )


NOTE_ORDER = (APPROVED, "submitted", "returned")  # the note that says most about the card


def note_states(user_id: int, lesson_ids: list[int]) -> dict[int, str]:
    """lesson → where the trainee's notes for it stand: approved if one is, else submitted
    (waiting for the teacher) if one is, else returned. One query."""
    states: dict[int, str] = {}
    for lesson_id, status in db.session.execute(
        select(Note.lesson_id, Note.status).where(
            Note.user_id == user_id, Note.lesson_id.in_(lesson_ids)
        )
    ):
        known = states.get(lesson_id)
        if status in NOTE_ORDER and (
            known is None or NOTE_ORDER.index(status) < NOTE_ORDER.index(known)
        ):
            states[lesson_id] = status
    return states


def readiness(user_id: int, lesson: Lesson, record: LessonRecord) -> Readiness:
    days = record.drills.mastery_days
    mastered, words = mastered_words([user_id], {lesson.id: days})[user_id, lesson.id]
    approved = (user_id, lesson.id) in approved_notes([user_id], [lesson.id])
    return Readiness(mastered, words, record.drills.threshold, approved, days)


@dataclass(frozen=True)
class CriterionRow:
    index: int
    text: str
    signature: CompetenceSignature | None


@dataclass
class CardView:
    trainee: User
    lesson: Lesson
    record: LessonRecord
    card: CompetenceCard | None
    criteria: list[CriterionRow]
    readiness: Readiness
    signers: dict[int, str]

    @property
    def complete(self) -> bool:
        return bool(self.card and self.card.completed_at)

    @property
    def unsigned(self) -> list[CriterionRow]:
        return [row for row in self.criteria if row.signature is None]


def card_of(user_id: int, lesson_id: int) -> CompetenceCard | None:
    return db.session.scalar(
        select(CompetenceCard).where(
            CompetenceCard.user_id == user_id, CompetenceCard.lesson_id == lesson_id
        )
    )


def _signer_names(signatures: list[CompetenceSignature]) -> dict[int, str]:
    ids = {s.signed_by_id for s in signatures if s.signed_by_id is not None}
    if not ids:
        return {}
    return dict(
        db.session.execute(select(User.id, User.display_name).where(User.id.in_(ids))).all()
    )


def card_view(trainee: User, lesson: Lesson) -> CardView:
    record = record_of(lesson)
    card = card_of(trainee.id, lesson.id)
    signed = {s.criterion_index: s for s in card.signatures} if card else {}
    criteria = [CriterionRow(i, text, signed.get(i)) for i, text in enumerate(record.competence)]
    return CardView(
        trainee,
        lesson,
        record,
        card,
        criteria,
        readiness(trainee.id, lesson, record),
        _signer_names(list(signed.values())),
    )


def sign(supervisor: User, view: CardView, indexes: list[int], workplace: str) -> CompetenceCard:
    """Sign the criteria ``indexes`` (those not signed yet) for ``workplace``, in one
    transaction; the card is made on the first signature and completed with the last.
    Raises :class:`NotReady` before the drills and the approved note are done, and
    :class:`CardRevoked` on a revoked card."""
    if not view.readiness.ready:
        raise NotReady(view.lesson.slug)
    if view.card is not None and view.card.revoked_at is not None:
        raise CardRevoked(view.card.id)
    card = view.card
    if card is None:
        card = CompetenceCard(
            code=secrets.token_urlsafe(CODE_BYTES),
            user_id=view.trainee.id,
            lesson_id=view.lesson.id,
        )
        db.session.add(card)
    now = utcnow()
    open_rows = {row.index: row for row in view.unsigned}
    for index in sorted(set(indexes) & set(open_rows)):
        card.signatures.append(
            CompetenceSignature(
                criterion_index=index,
                criterion=open_rows[index].text,
                signed_by_id=supervisor.id,
                signed_at=now,
                workplace=workplace.strip(),
            )
        )
    card.workplace = workplace.strip()
    if len(card.signatures) >= len(view.criteria) and card.completed_at is None:
        card.completed_at = now
    try:
        db.session.flush()
        audit.record(
            "card_signed",
            actor=supervisor,
            subject=view.trainee,
            card_id=card.id,
            lesson=view.lesson.slug,
            criteria=sorted(set(indexes) & set(open_rows)),
            complete=card.completed_at is not None,
        )
        db.session.commit()
    except IntegrityError:  # another supervisor signed the same criterion at the same moment
        db.session.rollback()
        raise
    return card


def revoke(card: CompetenceCard, reason: str, *, actor: User | None) -> None:
    """Revoke ``card``; ``actor`` None means the system did (an erased account's cards)."""
    card.revoked_at, card.revoked_reason = utcnow(), reason.strip()
    audit.record("card_revoked", actor=actor, subject=card.user_id, card_id=card.id)
    db.session.commit()


@dataclass(frozen=True)
class Verification:
    """All the public verify page may show: nothing about the trainee but the name."""

    name: str
    lesson: str
    completed_at: datetime | None
    signers: list[str]
    revoked_at: datetime | None


def verification(code: str) -> Verification | None:
    card = db.session.scalar(select(CompetenceCard).where(CompetenceCard.code == code))
    if card is None:
        return None
    name = db.session.scalar(select(User.display_name).where(User.id == card.user_id))
    lesson = db.session.scalar(select(Lesson.title).where(Lesson.id == card.lesson_id))
    names = _signer_names(list(card.signatures))
    signers = list(
        dict.fromkeys(names[s.signed_by_id] for s in card.signatures if s.signed_by_id in names)
    )
    return Verification(name, lesson, card.completed_at, signers, card.revoked_at)


@dataclass(frozen=True)
class CardSummary:
    lesson: Lesson
    criteria: int
    signed: int
    complete: bool
    revoked: bool
    readiness: Readiness
    note: str | None = None  # note_states: approved, submitted (waiting), returned, or none

    @property
    def order(self) -> tuple[int, float]:
        """Sort key: open cards first, the one closest to done at the top; then complete
        cards; revoked ones last."""
        if self.revoked:
            return (2, 0.0)
        if self.complete:
            return (1, 0.0)
        signed = self.signed / self.criteria if self.criteria else 0.0
        return (0, -(self.readiness.share * 2 + signed) / 3)


def cards_of(trainee: User, lessons: list[Lesson]) -> list[CardSummary]:
    """The trainee's card status for each lesson with competence criteria, the cards closest
    to done first (:attr:`CardSummary.order`): four queries."""
    records = {lesson.id: record_of(lesson) for lesson in lessons}
    lessons = [lesson for lesson in lessons if records[lesson.id].competence]
    ids = [lesson.id for lesson in lessons]
    days = {lesson.id: records[lesson.id].drills.mastery_days for lesson in lessons}
    mastery = mastered_words([trainee.id], days)
    notes = note_states(trainee.id, ids)
    cards = {
        card.lesson_id: card
        for card in db.session.scalars(
            select(CompetenceCard)
            .options(selectinload(CompetenceCard.signatures))
            .where(CompetenceCard.user_id == trainee.id, CompetenceCard.lesson_id.in_(ids))
        )
    }
    summaries = []
    for lesson in lessons:
        record, card = records[lesson.id], cards.get(lesson.id)
        ready = Readiness(
            *mastery[trainee.id, lesson.id],
            record.drills.threshold,
            notes.get(lesson.id) == APPROVED,
            record.drills.mastery_days,
        )
        summaries.append(
            CardSummary(
                lesson,
                len(record.competence),
                len(card.signatures) if card else 0,
                bool(card and card.completed_at),
                bool(card and card.revoked_at),
                ready,
                notes.get(lesson.id),
            )
        )
    return sorted(summaries, key=lambda summary: summary.order)


@dataclass(frozen=True)
class SignItem:
    trainee_id: int
    trainee: str
    lesson_slug: str
    lesson_title: str
    signed: int
    criteria: int
    readiness: Readiness


def to_sign(supervisor: User) -> list[SignItem]:
    """The supervisor's trainees with an approved note for a lesson with competence criteria,
    and how far their card has come: five queries."""
    members = supervised_members(supervisor).subquery()
    rows = db.session.execute(
        select(Note.user_id, User.display_name, Lesson)
        .join(members, members.c.user_id == Note.user_id)
        .join(User, User.id == Note.user_id)
        .join(Lesson, Lesson.id == Note.lesson_id)
        .where(Note.status == APPROVED)
        .order_by(User.display_name, Lesson.title)
    ).all()
    pairs = {(user_id, lesson.id): (name, lesson) for user_id, name, lesson in rows}
    user_ids = sorted({u for u, _ in pairs})
    lesson_ids = sorted({lesson_id for _, lesson_id in pairs})
    records = {lesson.id: record_of(lesson) for _, lesson in pairs.values()}
    days = {lesson_id: record.drills.mastery_days for lesson_id, record in records.items()}
    mastery = mastered_words(user_ids, days)
    signed = {
        (card.user_id, card.lesson_id): len(card.signatures)
        for card in db.session.scalars(
            select(CompetenceCard)
            .options(selectinload(CompetenceCard.signatures))
            .where(CompetenceCard.user_id.in_(user_ids), CompetenceCard.lesson_id.in_(lesson_ids))
        )
    }
    items = []
    for (user_id, lesson_id), (name, lesson) in pairs.items():
        record = records[lesson_id]
        if not record.competence:
            continue
        drills = record.drills
        ready = Readiness(*mastery[user_id, lesson_id], drills.threshold, True, drills.mastery_days)
        items.append(
            SignItem(
                user_id,
                name,
                lesson.slug,
                lesson.title,
                signed.get((user_id, lesson_id), 0),
                len(record.competence),
                ready,
            )
        )
    return items
