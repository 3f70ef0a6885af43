"""People who use Ordvård and what they may do."""

from __future__ import annotations

import enum
from datetime import datetime

from argon2.exceptions import InvalidHashError, VerificationError
from flask_login import UserMixin
from sqlalchemy import Enum, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models.time import UTCDateTime, utcnow
from webapp.passwords import HASHER


class Role(enum.StrEnum):
    TRAINEE = "trainee"
    TEACHER = "teacher"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return {"trainee": "deltagare", "teacher": "lärare", "admin": "administratör"}[self.value]


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(
        Enum(Role, name="user_role", values_callable=lambda roles: [r.value for r in roles]),
        default=Role.TRAINEE,
    )
    l1: Mapped[str] = mapped_column(String(8), default="en")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Part of the id kept in the session cookie (see ``get_id``): raising it ends every session.
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")
    # Set when the account was erased: the row stays only as an anonymous stand-in, so the
    # group counts it took part in stay whole (see ``webapp.rights.erasure``).
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    memberships: Mapped[list[Membership]] = relationship(  # noqa: F821
        back_populates="user", cascade="all, delete-orphan"
    )

    def get_id(self) -> str:
        """What Flask-Login keeps in the session (and the remember cookie): ``"<id>.<version>"``.

        ``webapp.security.load_user`` accepts it only while the version is still the user's, so
        a cookie issued before ``webapp.auth.service.end_all_sessions`` (logout, "log out
        everywhere") is anonymous.
        """
        return f"{self.id}.{self.session_version}"

    def set_password(self, password: str) -> None:
        self.password_hash = HASHER.hash(password)

    def check_password(self, password: str) -> bool:
        try:
            HASHER.verify(self.password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
        if HASHER.check_needs_rehash(self.password_hash):
            self.set_password(password)
        return True

    @property
    def is_teacher(self) -> bool:
        return self.role in (Role.TEACHER, Role.ADMIN)

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN
