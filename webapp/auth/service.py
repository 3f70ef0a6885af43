"""Registration and login, testable without a request."""

from __future__ import annotations

from sqlalchemy import func, select

from webapp import audit, passwords
from webapp.extensions import db
from webapp.models import Group, Membership, Role, User
from webapp.models.group import normalise_join_code
from webapp.names import clean_name


class RegistrationError(ValueError):
    """A registration that must not be saved; ``field`` names the form field to blame."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def group_by_join_code(code: str) -> Group | None:
    return db.session.scalar(select(Group).where(Group.join_code == normalise_join_code(code)))


UNKNOWN_CODE = "Det finns ingen grupp med den koden. Kontrollera koden."


def join_group(user: User, join_code: str) -> tuple[Group, bool]:
    """Make ``user`` a member of the group the code names: (the group, whether they joined now
    — False when they already were). RegistrationError for an unknown code."""
    group = group_by_join_code(join_code)
    if group is None:
        raise RegistrationError("join_code", UNKNOWN_CODE)
    member = db.session.scalar(
        select(Membership).where(Membership.group_id == group.id, Membership.user_id == user.id)
    )
    if member is not None:
        return group, False
    db.session.add(Membership(user_id=user.id, group_id=group.id))
    audit.record("group_joined", actor=user, subject=user, group_id=group.id)
    db.session.commit()
    return group, True


def registration_problems(*, join_code: str, email: str) -> dict[str, str]:
    """What stops a registration apart from the form's own checks: field name → message. The
    registration page shows these together with the form's other errors, all at once."""
    problems = {}
    if join_code.strip() and group_by_join_code(join_code) is None:
        problems["join_code"] = UNKNOWN_CODE
    if email.strip() and find_user_by_email(email) is not None:
        problems["email"] = "Det finns redan ett konto med den e-postadressen. Logga in i stället."
    return problems


def register_trainee(
    *, email: str, display_name: str, password: str, l1: str, join_code: str
) -> User:
    """Create a trainee in the group the join code names — all of it, or nothing."""
    for field, problem in registration_problems(join_code=join_code, email=email).items():
        raise RegistrationError(field, problem)
    group = group_by_join_code(join_code)
    user = User(
        email=normalise_email(email),
        display_name=clean_name(display_name),
        role=Role.TRAINEE,
        l1=l1,
    )
    user.set_password(password)
    user.memberships.append(Membership(group=group))
    db.session.add(user)
    db.session.commit()
    return user


def authenticate(email: str, password: str) -> User | None:
    user = find_user_by_email(email)
    if user is None:
        # as long as a wrong password for a real account: the answer's time must not tell
        # whether an address has an account
        passwords.verify_nothing(password)
        return None
    if not user.check_password(password):
        return None
    db.session.commit()  # check_password may have upgraded the hash
    return user


def end_all_sessions(user: User) -> None:
    """Log ``user`` out everywhere: every session cookie issued to them so far stops working
    on its next request, on every device (see ``webapp.security``). Commits.

    Logout calls it too, so a copied cookie dies with the logout. A caller that wants the
    current browser to stay logged in (e.g. after a password change) calls ``login_user(user)``
    afterwards, which issues a cookie with the new version.
    """
    user.session_version = User.session_version + 1  # in SQL: two at once both count
    db.session.commit()


def count_users() -> int:
    return db.session.scalar(select(func.count()).select_from(User))


def set_new_password(
    user: User, password: str, *, actor: User | None, action: str, **details
) -> None:
    """Store ``password`` for ``user``, end every session of theirs and note ``action`` in
    the audit trail, in one commit. Every reset link made before stops working (links are
    bound to the old hash). A caller that keeps the current browser logged in calls
    ``login_user(user)`` afterwards."""
    user.set_password(password)
    audit.record(action, actor=actor, subject=user, **details)
    end_all_sessions(user)
