"""Making users and groups for tests, and logging them in like a browser would."""

from __future__ import annotations

import itertools

from webapp.extensions import db
from webapp.models import Group, Membership, ReviewerScope, Role, User
from webapp.models.group import MemberRole

PASSWORD = "ett-bra-lösenord"
_serial = itertools.count(1)


def make_user(
    role: Role = Role.TRAINEE,
    group: Group | None = None,
    *,
    name: str | None = None,
    l1: str = "en",
) -> User:
    n = next(_serial)
    user = User(email=f"person{n}@exempel.se", display_name=name or f"Person {n}", role=role, l1=l1)
    user.set_password(PASSWORD)
    if group is not None:
        leader = role in (Role.TEACHER, Role.ADMIN)
        user.memberships.append(
            Membership(group=group, role=MemberRole.LEADER if leader else MemberRole.MEMBER)
        )
    db.session.add(user)
    db.session.commit()
    return user


def make_group(name: str = "Solgården", join_code: str | None = None) -> Group:
    group = Group(name=name, **({"join_code": join_code} if join_code else {}))
    db.session.add(group)
    db.session.commit()
    return group


def make_reviewer(user: User, *scopes: str) -> User:
    """Give a teacher or admin review scopes (help-language codes, or ``care``)."""
    db.session.add_all(ReviewerScope(user_id=user.id, scope=scope) for scope in scopes)
    db.session.commit()
    return user


def log_in(client, user: User, password: str = PASSWORD):
    from tests.conftest import csrf_token

    token = csrf_token(client, "/logga-in")
    return client.post(
        "/logga-in", data={"email": user.email, "password": password, "csrf_token": token}
    )
