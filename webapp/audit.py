"""Writing to and reading the audit trail (``AuditEvent``).

``record`` adds a row to the caller's session, so the event commits with the change it
describes, or not at all. Details hold ids, role names and counts — never a name, an email,
note text or a password. The admin page filters by action, actor, person and date, and
exports the same rows as CSV.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Select, or_, select

from webapp.extensions import db
from webapp.models import AuditEvent, User
from webapp.names import clean_name

# action → how the admin page says it
ACTIONS = {
    "role_changed": "Roll ändrad",
    "reset_email_sent": "Länk för nytt lösenord begärd med e-post",
    "reset_link_created": "Länk för nytt lösenord skapad av lärare",
    "password_reset": "Nytt lösenord valt via länk",
    "password_changed": "Lösenord bytt i profilen",
    "profile_changed": "Profil ändrad",
    "email_change_requested": "Byte av e-postadress begärt",
    "email_changed": "E-postadress bytt",
    "logged_out_everywhere": "Utloggad överallt",
    "join_code_renewed": "Ny gruppkod",
    "group_joined": "Gick med i grupp med gruppkod",
    "member_moved": "Deltagare flyttad till annan grupp",
    "member_removed": "Deltagare borttagen ur grupp",
    "data_exported": "Uppgifter exporterade",
    "account_erased": "Konto raderat",
    "card_signed": "Kompetenskort signerat",
    "card_revoked": "Kompetenskort återkallat",
    "notes_purged": "Gamla anteckningstexter raderade",
    "reviewer_scopes_changed": "Granskaruppdrag ändrade",
    "translation_reviewed": "Översättning granskad",
    "lesson_reviewed": "Lektion granskad",
    "review_reset": "Granskning upphävd: texten ändrades",
}
PAGE_ROWS = 200
CSV_ROWS = 100_000


def record(
    action: str,
    *,
    actor: User | None,
    subject: User | int | None = None,
    group_id: int | None = None,
    **details,
) -> AuditEvent:
    """Add an audit row to the session; the caller's commit writes it with the change."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    event = AuditEvent(
        action=action,
        actor_id=actor.id if actor is not None else None,
        subject_user_id=subject.id if isinstance(subject, User) else subject,
        group_id=group_id,
        details=details,
    )
    db.session.add(event)
    return event


@dataclass(frozen=True)
class Filters:
    action: str = ""
    actor: str = ""  # part of a name or email
    subject: str = ""
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class Row:
    event: AuditEvent
    label: str
    actor: str
    subject: str


def _people_matching(text: str) -> Select:
    pattern = f"%{text.strip().lower()}%"
    return select(User.id).where(or_(User.email.ilike(pattern), User.display_name.ilike(pattern)))


def _query(filters: Filters) -> Select:
    query = select(AuditEvent)
    if filters.action:
        query = query.where(AuditEvent.action == filters.action)
    if filters.actor.strip():
        query = query.where(AuditEvent.actor_id.in_(_people_matching(filters.actor)))
    if filters.subject.strip():
        query = query.where(AuditEvent.subject_user_id.in_(_people_matching(filters.subject)))
    if filters.since:
        query = query.where(AuditEvent.occurred_at >= datetime.combine(filters.since, time(), UTC))
    if filters.until:
        end = datetime.combine(filters.until + timedelta(days=1), time(), UTC)
        query = query.where(AuditEvent.occurred_at < end)
    return query.order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())


def _who(user_id: int | None, names: dict[int, str]) -> str:
    if user_id is None:
        return "–"
    return names.get(user_id, f"okänt konto nr {user_id}")


def events(filters: Filters, limit: int = PAGE_ROWS) -> list[Row]:
    """The newest matching events with the people named (two queries)."""
    found = list(db.session.scalars(_query(filters).limit(limit)))
    ids = {e.actor_id for e in found} | {e.subject_user_id for e in found}
    ids.discard(None)
    names = (
        {
            user_id: f"{clean_name(name)} ({email})"
            for user_id, name, email in db.session.execute(
                select(User.id, User.display_name, User.email).where(User.id.in_(ids))
            )
        }
        if ids
        else {}
    )
    return [
        Row(
            e,
            ACTIONS.get(e.action, e.action),
            _who(e.actor_id, names),
            _who(e.subject_user_id, names),
        )
        for e in found
    ]


def _details_text(details: dict) -> str:
    return ", ".join(f"{key}={value}" for key, value in sorted(details.items()))


def events_csv(filters: Filters) -> bytes:
    """The matching events for Swedish Excel: UTF-8 with BOM, semicolons; no formula cells."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Tid (UTC)", "Händelse", "Vem", "På vem", "Grupp", "Detaljer"])
    for row in events(filters, limit=CSV_ROWS):
        cells = [
            row.event.occurred_at.strftime("%Y-%m-%d %H:%M:%S"),
            row.label,
            row.actor,
            row.subject,
            row.event.group_id or "",
            _details_text(row.event.details),
        ]
        writer.writerow(
            ["'" + c if isinstance(c, str) and c[:1] in "=+-@\t\r" else c for c in cells]
        )
    return out.getvalue().encode("utf-8-sig")
