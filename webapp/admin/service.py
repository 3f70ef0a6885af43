"""User administration."""

from __future__ import annotations

from sqlalchemy import select

from webapp import audit
from webapp.extensions import db
from webapp.models import Role, User


class AdminError(ValueError):
    pass


def all_users() -> list[User]:
    return list(db.session.scalars(select(User).order_by(User.role, User.display_name)))


def change_role(actor: User, user_id: int, role: Role) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        raise AdminError("Användaren finns inte.")
    if user.id == actor.id:
        raise AdminError("Du kan inte ändra din egen roll. Be en annan administratör.")
    if user.role is not role:
        audit.record("role_changed", actor=actor, subject=user, before=user.role.value, after=role.value)
        user.role = role
    db.session.commit()
    return user
