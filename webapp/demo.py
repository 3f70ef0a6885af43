"""Demo accounts for trying Ordvård locally. The credentials are in the README."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from webapp.extensions import db
from webapp.models import Group, Membership, ReviewerScope, Role, User
from webapp.models.group import MemberRole

DEMO_GROUP_NAME = "Demogruppen Solgården"
DEMO_JOIN_CODE = "SOLGARDEN"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    password: str
    display_name: str
    role: Role
    l1: str
    group_role: MemberRole | None
    review_scopes: tuple[str, ...] = ()  # help languages and/or "care" (webapp.review_state)


DEMO_ACCOUNTS = (
    DemoAccount(
        "admin@ordvard.example", "demo-admin-ordvard", "Alex Administratör", Role.ADMIN, "en", None
    ),
    DemoAccount(
        "larare@ordvard.example",
        "demo-larare-ordvard",
        "Karin Lärare",
        Role.TEACHER,
        "en",
        MemberRole.LEADER,
        ("ar", "care"),
    ),
    DemoAccount(
        "amina@ordvard.example", "demo-deltagare-1", "Amina", Role.TRAINEE, "ar", MemberRole.MEMBER
    ),
    DemoAccount(
        "dawit@ordvard.example", "demo-deltagare-2", "Dawit", Role.TRAINEE, "ti", MemberRole.MEMBER
    ),
)


def create_demo_accounts() -> list[tuple[DemoAccount, bool]]:
    """Make the demo group and accounts that are missing; returns (account, created) pairs."""
    group = db.session.scalar(select(Group).where(Group.join_code == DEMO_JOIN_CODE))
    if group is None:
        group = Group(name=DEMO_GROUP_NAME, join_code=DEMO_JOIN_CODE)
        db.session.add(group)
    results = []
    for account in DEMO_ACCOUNTS:
        user = db.session.scalar(select(User).where(User.email == account.email))
        created = user is None
        if created:
            user = User(
                email=account.email,
                display_name=account.display_name,
                role=account.role,
                l1=account.l1,
            )
            user.set_password(account.password)
            if account.group_role is not None:
                user.memberships.append(Membership(group=group, role=account.group_role))
            db.session.add(user)
            db.session.flush()
            db.session.add_all(
                ReviewerScope(user_id=user.id, scope=s) for s in account.review_scopes
            )
        results.append((account, created))
    db.session.commit()
    return results
