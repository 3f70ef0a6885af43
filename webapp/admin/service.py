"""User administration."""

from __future__ import annotations

from sqlalchemy import select

from webapp import audit, review_state
from webapp.extensions import db
from webapp.models import Role, User
from webapp.rights.export import export_zip


class AdminError(ValueError):
    pass


def all_users() -> list[User]:
    """Every account that is not erased (an erased one is only an anonymous stand-in)."""
    return list(
        db.session.scalars(
            select(User).where(User.erased_at.is_(None)).order_by(User.role, User.display_name)
        )
    )


def user_to_manage(actor: User, user_id: int) -> User:
    """A live account other than the admin's own; else ``AdminError``."""
    user = db.session.get(User, user_id)
    if user is None or user.erased_at is not None:
        raise AdminError("Användaren finns inte.")
    if user.id == actor.id:
        raise AdminError("Ditt eget konto hanterar du i din profil.")
    return user


def export_user(actor: User, user: User) -> bytes:
    data = export_zip(user)
    audit.record("data_exported", actor=actor, subject=user)
    db.session.commit()
    return data


def change_role(actor: User, user_id: int, role: Role) -> User:
    user = db.session.get(User, user_id)
    if user is None or user.erased_at is not None:
        raise AdminError("Användaren finns inte.")
    if user.id == actor.id:
        raise AdminError("Du kan inte ändra din egen roll. Be en annan administratör.")
    if user.role is not role:
        audit.record(
            "role_changed", actor=actor, subject=user, before=user.role.value, after=role.value
        )
        user.role = role
        if role is Role.TRAINEE:
            review_state.drop_scopes(user.id)
    db.session.commit()
    return user
