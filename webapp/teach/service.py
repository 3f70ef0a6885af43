"""A teacher's groups: listing them with members, creating new ones, their join codes and
invitations, and moving or removing a trainee. A trainee's history (notes, drills, cards)
belongs to the trainee, not to a group, so moving or removing them changes only the
membership."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from webapp import audit
from webapp.extensions import db
from webapp.models import Group, Membership, Role, User
from webapp.models.group import MemberRole, new_join_code
from webapp.names import clean_name


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
        group = Group(name=clean_name(name), join_code=new_join_code())
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


class GroupError(ValueError):
    """A group change that cannot be made; the message says why in Swedish."""


def led_group(teacher: User, group_id: int) -> Group | None:
    """The group if ``teacher`` leads it (an admin: any group), else None."""
    from webapp.review.scope import leads  # review's routes import this module

    return db.session.get(Group, group_id) if leads(teacher, group_id) else None


def renew_join_code(teacher: User, group: Group, attempts: int = 5) -> str:
    """A fresh join code for ``group``; the old one stops working at once."""
    old = group.join_code
    for _ in range(attempts):
        group.join_code = new_join_code()
        audit.record("join_code_renewed", actor=teacher, group_id=group.id)
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            group.join_code = old
            continue
        return group.join_code
    raise RuntimeError("could not find a free join code")


def _member(group: Group, user_id: int) -> Membership:
    membership = db.session.scalar(
        select(Membership).where(
            Membership.group_id == group.id,
            Membership.user_id == user_id,
            Membership.role == MemberRole.MEMBER,
        )
    )
    if membership is None:
        raise GroupError("Deltagaren finns inte i gruppen.")
    return membership


def move_member(teacher: User, source: Group, target: Group, user_id: int) -> User:
    """Move a trainee from ``source`` to ``target`` (both led by ``teacher``), in one commit.
    Already in ``target``: only the ``source`` membership goes."""
    if source.id == target.id:
        raise GroupError("Välj en annan grupp än den deltagaren redan är i.")
    membership = _member(source, user_id)
    user = membership.user
    already = db.session.scalar(
        select(Membership).where(Membership.group_id == target.id, Membership.user_id == user_id)
    )
    db.session.delete(membership)
    if already is None:
        db.session.add(Membership(user_id=user_id, group_id=target.id, role=MemberRole.MEMBER))
    audit.record(
        "member_moved", actor=teacher, subject=user, group_id=source.id, to_group=target.id
    )
    db.session.commit()
    return user


def remove_member(teacher: User, group: Group, user_id: int) -> User:
    """Take a trainee out of ``group``; their account and history stay."""
    membership = _member(group, user_id)
    user = membership.user
    db.session.delete(membership)
    audit.record("member_removed", actor=teacher, subject=user, group_id=group.id)
    db.session.commit()
    return user
