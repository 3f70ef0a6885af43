"""A teacher's groups: listing them with members, creating new ones."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from webapp import audit
from webapp.extensions import db
from webapp.models import Group, Membership, Role, User
from webapp.models.group import MemberRole, new_join_code


def groups_led_by(user: User) -> list[Group]:
    """The groups a teacher leads (an admin sees every group), members loaded in one query."""
    query = select(Group).options(selectinload(Group.memberships).selectinload(Membership.user))
    if user.role is not Role.ADMIN:
        query = query.join(Membership).where(
            Membership.user_id == user.id, Membership.role == MemberRole.LEADER
        )
    return list(db.session.scalars(query.order_by(Group.name)).unique())


def create_group(leader: User, name: str, attempts: int = 5) -> Group:
    """A new group led by ``leader``, with a fresh join code (retried on the rare collision)."""
    for _ in range(attempts):
        group = Group(name=name.strip(), join_code=new_join_code())
        group.memberships.append(Membership(user=leader, role=MemberRole.LEADER))
        db.session.add(group)
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            continue
        return group
    raise RuntimeError("could not find a free join code")


def may_reset_password(actor: User, user: User) -> bool:
    """An admin may help anyone; a teacher only a trainee in a group they lead."""
    from webapp.review.scope import supervises  # review's routes import this module

    if actor.role is Role.ADMIN:
        return True
    return user.role is Role.TRAINEE and supervises(actor, user.id)


def record_reset_link(actor: User, user: User) -> None:
    """Nothing is stored for the link itself (it is signed); the audit trail notes it."""
    audit.record("reset_link_created", actor=actor, subject=user)
    db.session.commit()
