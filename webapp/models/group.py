"""Groups — a class or a workplace — and who belongs to or leads them."""

from __future__ import annotations

import enum
import secrets
from datetime import datetime

from sqlalchemy import Enum, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models.time import UTCDateTime, utcnow

# No 0/O, 1/I/L: a join code is read aloud and typed on a phone.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(raw: str) -> str:
    """What a person typed, as stored: spaces and dashes dropped, upper case."""
    return "".join(ch for ch in raw.upper() if ch.isalnum())


class MemberRole(enum.StrEnum):
    MEMBER = "member"
    LEADER = "leader"


class Group(db.Model):
    __tablename__ = "groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    join_code: Mapped[str] = mapped_column(String(16), unique=True, default=new_join_code)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Set by the group's teacher: FSRS's target recall, and new cards a day (None: the lesson's).
    desired_retention: Mapped[float] = mapped_column(Float, default=0.9, server_default="0.9")
    new_cards_per_day: Mapped[int | None] = mapped_column(Integer)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="group", cascade="all, delete-orphan"
    )


class Membership(db.Model):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("user_id", "group_id", name="uq_memberships_user_group"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    role: Mapped[MemberRole] = mapped_column(
        Enum(
            MemberRole, name="member_role", values_callable=lambda roles: [r.value for r in roles]
        ),
        default=MemberRole.MEMBER,
    )
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    user: Mapped[User] = relationship(back_populates="memberships")  # noqa: F821
    group: Mapped[Group] = relationship(back_populates="memberships")
