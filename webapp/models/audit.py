"""The audit trail: who did what to whose account, and when. Rows are only ever added.

People are named by id only, never by name, email, note text or password, so the trail can
stay whole after an account is erased: the id then names nobody. There are no foreign keys
for the same reason: removing or anonymising a user never touches a row here.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Integer, String, event
from sqlalchemy.orm import Mapped, Session, mapped_column

from webapp.extensions import db
from webapp.models.time import UTCDateTime, utcnow


class AuditEvent(db.Model):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    actor_id: Mapped[int | None] = mapped_column(
        Integer, index=True
    )  # None: the system, or anonymous
    subject_user_id: Mapped[int | None] = mapped_column(Integer, index=True)
    group_id: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict] = mapped_column(
        JSON, default=dict
    )  # ids, role names, counts: no free text


class AuditTrailIsAppendOnly(RuntimeError):
    pass


@event.listens_for(Session, "before_flush")
def _refuse_changes(session: Session, flush_context, instances) -> None:
    """No code path may edit or delete an audit row (the database refuses too, on PostgreSQL
    updates and deletes, on SQLite updates: see the migration)."""
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditEvent) and (obj in session.deleted or session.is_modified(obj)):
            raise AuditTrailIsAppendOnly("audit events cannot be changed or deleted")
