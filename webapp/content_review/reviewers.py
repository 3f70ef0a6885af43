"""Who may review what: an admin makes a teacher or admin a reviewer for help languages and/or
care content. Only teachers and admins can hold the capability (an account that becomes a
trainee keeps its rows but may review nothing)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select

from webapp import audit
from webapp.extensions import db
from webapp.models import ReviewerScope, Role, User
from webapp.review_state import SCOPES


class NotAReviewer(PermissionError):
    """The user may not review this language or care content."""


def scopes_of(user: User) -> set[str]:
    if not user.is_authenticated or not user.is_teacher:
        return set()
    query = select(ReviewerScope.scope).where(ReviewerScope.user_id == user.id)
    return set(db.session.scalars(query))


def may_review(user: User, scope: str) -> bool:
    return scope in scopes_of(user)


def require_scope(user: User, scope: str) -> None:
    if not may_review(user, scope):
        raise NotAReviewer(scope)


@dataclass(frozen=True)
class Candidate:
    user: User
    scopes: frozenset[str]


def candidates() -> list[Candidate]:
    """Every live teacher and admin with the scopes they hold (two queries)."""
    people = list(
        db.session.scalars(
            select(User)
            .where(User.role.in_((Role.TEACHER, Role.ADMIN)), User.erased_at.is_(None))
            .order_by(User.display_name)
        )
    )
    held: dict[int, set[str]] = {}
    rows = db.session.execute(
        select(ReviewerScope.user_id, ReviewerScope.scope).where(
            ReviewerScope.user_id.in_([p.id for p in people])
        )
    )
    for user_id, scope in rows:
        held.setdefault(user_id, set()).add(scope)
    return [Candidate(p, frozenset(held.get(p.id, ()))) for p in people]


def set_scopes(actor: User, user_id: int, scopes: list[str]) -> User | None:
    """Give ``user_id`` exactly ``scopes`` (unknown ones ignored); None if not a live teacher
    or admin. The change is in the audit trail."""
    user = db.session.get(User, user_id)
    if user is None or user.erased_at is not None or not user.is_teacher:
        return None
    wanted = {s for s in scopes if s in SCOPES}
    before = set(
        db.session.scalars(select(ReviewerScope.scope).where(ReviewerScope.user_id == user.id))
    )
    if wanted != before:
        db.session.execute(
            delete(ReviewerScope).where(
                ReviewerScope.user_id == user.id, ReviewerScope.scope.in_(before - wanted)
            )
        )
        db.session.add_all(
            ReviewerScope(user_id=user.id, scope=s, granted_by_id=actor.id)
            for s in sorted(wanted - before)
        )
        audit.record(
            "reviewer_scopes_changed",
            actor=actor,
            subject=user,
            before=",".join(sorted(before)),
            after=",".join(sorted(wanted)),
        )
    db.session.commit()
    return user
