"""Whose work a teacher may see: the members of the groups they lead (an admin: everyone).

One rule for the review queue, the review page, the group insights and the signing of
competence cards, so a teacher never reaches another group's trainee by any of them.
"""

from __future__ import annotations

from sqlalchemy import Select, select

from webapp.extensions import db
from webapp.models import Group, Membership, Role, User
from webapp.models.group import MemberRole


def led_groups(teacher: User) -> Select:
    """Ids of the groups ``teacher`` leads (an admin: every group), as a subquery."""
    if teacher.role is Role.ADMIN:
        return select(Group.id)
    return select(Membership.group_id).where(
        Membership.user_id == teacher.id, Membership.role == MemberRole.LEADER
    )


def supervised_members(teacher: User) -> Select:
    """(user id, group id) of every trainee membership in the teacher's groups."""
    return select(Membership.user_id, Membership.group_id).where(
        Membership.role == MemberRole.MEMBER, Membership.group_id.in_(led_groups(teacher))
    )


def supervises(teacher: User, trainee_id: int) -> bool:
    """Whether ``trainee_id`` is a member of a group ``teacher`` leads (admin: always)."""
    if teacher.role is Role.ADMIN:
        return True
    query = supervised_members(teacher).where(Membership.user_id == trainee_id).limit(1)
    return db.session.execute(query).first() is not None


def leads(teacher: User, group_id: int) -> bool:
    """Whether ``teacher`` leads group ``group_id`` (admin: any group that exists)."""
    query = select(Group.id).where(Group.id == group_id, Group.id.in_(led_groups(teacher)))
    return db.session.execute(query).first() is not None
