"""Everything stored about one user, as a ZIP of JSON files (GDPR articles 15 and 20).

One file per kind of data, each a list of plain records with ISO 8601 UTC times, plus a
README in Swedish. Only rows that belong to the user are read: every query is filtered by
their id, so another trainee's notes can never end up in the file.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from webapp.audit import ACTIONS
from webapp.extensions import db
from webapp.models import (
    AuditEvent,
    Card,
    CompetenceCard,
    Group,
    Lesson,
    LessonReview,
    Membership,
    Note,
    NoteDraft,
    Review,
    ReviewComment,
    ReviewLog,
    Term,
    TranslationReview,
    User,
)
from webapp.rights.verdicts import note_verdicts

README = """Dina uppgifter i Ordvård
========================

Filerna är i JSON-format och kan öppnas i en textredigerare eller läsas av ett program.
Tider är i UTC (svensk tid minus en eller två timmar).

profil.json             ditt konto: namn, e-postadress, roll, språk för hjälp
grupper.json            grupperna du är med i
anteckningar.json       dina anteckningar, varje version med textgranskningens svar,
                        lärarens bedömning och kommentarer
utkast.json             utkast som inte är inlämnade
ordkort.json            dina ordkort i övningarna och varje svar du har gett
kompetenskort.json      dina kompetenskort och vem som signerade dem
granskningar.json       dina beslut som granskare av innehåll: översättningar och lektioner
                        du har godkänt eller skickat tillbaka, med kommentarer (de beslut
                        som gäller nu), och när du har fattat varje beslut (historik);
                        tom om du inte granskar innehåll
bedomningar.json        som lärare: dina bedömningar och kommentarer på deltagares
                        anteckningar (lektion, övning och version, inte deltagarens text;
                        deltagarens namn om du fortfarande är lärare i hens grupp);
                        tom om du inte har bedömt någon anteckning
logg.json               händelser i loggen som gäller ditt konto (till exempel byte av lösenord)

Lösenordet finns inte med: det sparas bara i en form som inte går att läsa.
"""


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _names(ids: set[int | None]) -> dict[int, str]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return dict(
        db.session.execute(select(User.id, User.display_name).where(User.id.in_(ids))).all()
    )


def profile(user: User) -> dict:
    return {
        "id": user.id,
        "namn": user.display_name,
        "e-post": user.email,
        "roll": user.role.value,
        "språk_för_hjälp": user.l1,
        "skapat": _time(user.created_at),
    }


def memberships(user: User) -> list[dict]:
    rows = db.session.execute(
        select(Group.id, Group.name, Membership.role, Membership.joined_at)
        .join(Membership, Membership.group_id == Group.id)
        .where(Membership.user_id == user.id)
        .order_by(Membership.joined_at)
    )
    return [
        {"grupp_id": gid, "grupp": name, "roll": role.value, "med_sedan": _time(joined)}
        for gid, name, role, joined in rows
    ]


def notes(user: User) -> list[dict]:
    found = list(
        db.session.scalars(
            select(Note)
            .where(Note.user_id == user.id)
            .options(selectinload(Note.versions))
            .order_by(Note.id)
        )
    )
    version_ids = [v.id for n in found for v in n.versions]
    reviews = (
        list(db.session.scalars(select(Review).where(Review.note_version_id.in_(version_ids))))
        if version_ids
        else []
    )
    comments = (
        list(
            db.session.scalars(
                select(ReviewComment).where(ReviewComment.note_version_id.in_(version_ids))
            )
        )
        if version_ids
        else []
    )
    names = _names({r.teacher_id for r in reviews} | {c.teacher_id for c in comments})
    lessons = (
        dict(
            db.session.execute(
                select(Lesson.id, Lesson.slug).where(Lesson.id.in_({n.lesson_id for n in found}))
            ).all()
        )
        if found
        else {}
    )
    out = []
    for note in found:
        versions = []
        for version in note.versions:
            versions.append(
                {
                    "version": version.number,
                    "inlämnad": _time(version.submitted_at),
                    "text": version.text,
                    "granskning": version.report,
                    "bedömningar": [
                        {
                            "lärare": names.get(r.teacher_id),
                            "bedömning": r.verdict,
                            "poäng": r.scores,
                            "kommentar": r.comment,
                            "tid": _time(r.created_at),
                        }
                        for r in reviews
                        if r.note_version_id == version.id
                    ],
                    "kommentarer": [
                        {
                            "lärare": names.get(c.teacher_id),
                            "citat": c.quote,
                            "kommentar": c.text,
                            "tid": _time(c.created_at),
                        }
                        for c in comments
                        if c.note_version_id == version.id
                    ],
                }
            )
        out.append(
            {
                "lektion": lessons.get(note.lesson_id),
                "övning": note.exercise_key,
                "status": note.status,
                "skapad": _time(note.created_at),
                "versioner": versions,
            }
        )
    return out


def drafts(user: User) -> list[dict]:
    rows = db.session.execute(
        select(Lesson.slug, NoteDraft.exercise_key, NoteDraft.text, NoteDraft.updated_at)
        .join(Lesson, Lesson.id == NoteDraft.lesson_id)
        .where(NoteDraft.user_id == user.id)
    )
    return [
        {"lektion": slug, "övning": key, "text": text, "sparat": _time(at)}
        for slug, key, text, at in rows
    ]


def drill_cards(user: User) -> list[dict]:
    cards = list(db.session.scalars(select(Card).where(Card.user_id == user.id).order_by(Card.id)))
    logs = list(
        db.session.scalars(
            select(ReviewLog).where(ReviewLog.user_id == user.id).order_by(ReviewLog.reviewed_at)
        )
    )
    lemmas = (
        dict(
            db.session.execute(
                select(Term.id, Term.lemma).where(Term.id.in_({c.term_id for c in cards}))
            ).all()
        )
        if cards
        else {}
    )
    by_card: dict[int, list[dict]] = {}
    for log in logs:
        by_card.setdefault(log.card_id, []).append(
            {
                "tid": _time(log.reviewed_at),
                "betyg": log.rating,
                "övningstyp": log.drill_kind,
                "svar": log.answer,
                "rätt": log.correct,
                "tid_ms": log.review_duration_ms,
            }
        )
    return [
        {
            "ord": lemmas.get(card.term_id),
            **({"mening": card.sentence} if card.sentence is not None else {}),  # word order
            "riktning": card.direction,
            "tillstånd": card.state,
            "stabilitet": card.stability,
            "svårighet": card.difficulty,
            "nästa_gång": _time(card.due),
            "senast": _time(card.last_review),
            "svar": by_card.get(card.id, []),
        }
        for card in cards
    ]


def competence_cards(user: User) -> list[dict]:
    cards = list(
        db.session.scalars(
            select(CompetenceCard)
            .where(CompetenceCard.user_id == user.id)
            .options(selectinload(CompetenceCard.signatures))
        )
    )
    names = _names({s.signed_by_id for c in cards for s in c.signatures})
    lessons = (
        dict(
            db.session.execute(
                select(Lesson.id, Lesson.slug).where(Lesson.id.in_({c.lesson_id for c in cards}))
            ).all()
        )
        if cards
        else {}
    )
    return [
        {
            "lektion": lessons.get(card.lesson_id),
            "kontrollkod": card.code,
            "arbetsplats": card.workplace,
            "klart": _time(card.completed_at),
            "återkallat": _time(card.revoked_at),
            "signaturer": [
                {
                    "kriterium": s.criterion,
                    "signerat_av": names.get(s.signed_by_id),
                    "tid": _time(s.signed_at),
                    "arbetsplats": s.workplace,
                }
                for s in card.signatures
            ],
        }
        for card in cards
    ]


def _lemmas(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(db.session.execute(select(Term.id, Term.lemma).where(Term.id.in_(ids))).all())


def _slugs(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(db.session.execute(select(Lesson.id, Lesson.slug).where(Lesson.id.in_(ids))).all())


def content_reviews(user: User) -> dict:
    """The user's decisions as a content reviewer: those that still stand (with the text they
    judged and their comment) and, from the audit trail, every decision they made — a
    standing decision is deleted when the content changes, its audit row stays."""
    translations = list(
        db.session.scalars(
            select(TranslationReview)
            .where(TranslationReview.reviewer_id == user.id)
            .order_by(TranslationReview.reviewed_at)
        )
    )
    lesson_reviews = list(
        db.session.scalars(
            select(LessonReview)
            .where(LessonReview.reviewer_id == user.id)
            .order_by(LessonReview.reviewed_at)
        )
    )
    history = list(
        db.session.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.actor_id == user.id,
                AuditEvent.action.in_(("translation_reviewed", "lesson_reviewed")),
            )
            .order_by(AuditEvent.id)
        )
    )
    term_ids = {r.term_id for r in translations} | {e.details.get("term_id") for e in history}
    lesson_ids = {r.lesson_id for r in lesson_reviews} | {
        e.details.get("lesson_id") for e in history
    }
    lemmas, slugs = _lemmas(term_ids - {None}), _slugs(lesson_ids - {None})
    return {
        "översättningar": [
            {
                "ord": lemmas.get(r.term_id),
                "språk": r.lang,
                "beslut": r.status,
                "granskad_text": r.text,
                "kommentar": r.comment,
                "tid": _time(r.reviewed_at),
            }
            for r in translations
        ],
        "lektioner": [
            {
                "lektion": slugs.get(r.lesson_id),
                "version": r.version,
                "beslut": r.status,
                "kommentar": r.comment,
                "tid": _time(r.reviewed_at),
            }
            for r in lesson_reviews
        ],
        "historik": [
            {
                "tid": _time(e.occurred_at),
                "händelse": ACTIONS[e.action],
                **(
                    {"ord": lemmas.get(e.details.get("term_id")), "språk": e.details.get("lang")}
                    if e.action == "translation_reviewed"
                    else {
                        "lektion": slugs.get(e.details.get("lesson_id")),
                        "version": e.details.get("version"),
                    }
                ),
                "beslut": e.details.get("decision"),
            }
            for e in history
        ],
    }


def audit_events(user: User) -> list[dict]:
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.subject_user_id == user.id).order_by(AuditEvent.id)
    )
    return [
        {
            "tid": _time(e.occurred_at),
            "händelse": ACTIONS.get(e.action, e.action),
            "detaljer": e.details,
        }
        for e in events
    ]


def export_zip(user: User) -> bytes:
    """The ZIP file's bytes."""
    files = {
        "profil.json": profile(user),
        "grupper.json": memberships(user),
        "anteckningar.json": notes(user),
        "utkast.json": drafts(user),
        "ordkort.json": drill_cards(user),
        "kompetenskort.json": competence_cards(user),
        "granskningar.json": content_reviews(user),
        "bedomningar.json": note_verdicts(user),
        "logg.json": audit_events(user),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("LASMIG.txt", README)
        for name, data in files.items():
            archive.writestr(name, json.dumps(data, ensure_ascii=False, indent=2))
    return buffer.getvalue()
