"""Choosing a new password through a link: by email, or handed over by a teacher.

A link carries a token signed with the site's secret (``itsdangerous``) that names the user
and a fingerprint of their current password hash. Setting any new password changes the hash,
so every link made before dies at once: a link works once, and a newer password supersedes
it. Tokens also expire (``EMAIL_LINK_MAX_AGE`` / ``TEACHER_LINK_MAX_AGE``) and each kind has
its own salt, so an email-change token can never be used to reset a password.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from flask import current_app, url_for
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from webapp import audit
from webapp.auth.service import find_user_by_email
from webapp.extensions import db
from webapp.models import User
from webapp.outbox import send_mail_later

EMAIL_LINK_MAX_AGE = 60 * 60  # an hour: the message sits in a mailbox others may read
TEACHER_LINK_MAX_AGE = 24 * 60 * 60  # a day: handed over on the floor, used the same shift
_SALT = "ordvard.password-reset"


class ResetLinkError(ValueError):
    """The link cannot be used; the message says why in Swedish and what to do."""


@dataclass(frozen=True)
class ResetLink:
    user: User
    url: str
    max_age: int

    @property
    def hours(self) -> int:
        return self.max_age // 3600


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def _fingerprint(user: User) -> str:
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:20]


def make_link(user: User, *, by_teacher: bool) -> ResetLink:
    """A one-time link for ``user`` to choose a new password."""
    source = "t" if by_teacher else "e"
    token = _serializer().dumps({"u": user.id, "p": _fingerprint(user), "s": source})
    max_age = TEACHER_LINK_MAX_AGE if by_teacher else EMAIL_LINK_MAX_AGE
    return ResetLink(user, url_for("auth.reset_password", token=token, _external=True), max_age)


def user_for_token(token: str) -> tuple[User, str]:
    """The user a valid, unused, unexpired link belongs to, and who made the link
    (``"email"`` or ``"teacher"``); else ``ResetLinkError``."""
    serializer = _serializer()
    try:
        data = serializer.loads(token, max_age=TEACHER_LINK_MAX_AGE)
    except SignatureExpired:
        raise ResetLinkError(
            "Länken har slutat gälla. Be om en ny länk för att välja lösenord."
        ) from None
    except BadSignature:
        raise ResetLinkError(
            "Länken fungerar inte. Kontrollera att du fick med hela länken, eller be om en ny."
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        raise ResetLinkError("Länken fungerar inte. Be om en ny länk.")
    if data.get("s") != "t":
        try:
            serializer.loads(token, max_age=EMAIL_LINK_MAX_AGE)
        except SignatureExpired:
            raise ResetLinkError(
                "Länken har slutat gälla: en länk från e-post gäller i en timme. Be om en ny länk."
            ) from None
    user = db.session.get(User, data["u"])
    if user is None or data.get("p") != _fingerprint(user):
        raise ResetLinkError(
            "Länken har redan använts, eller så har lösenordet bytts sedan länken skapades. "
            "Be om en ny länk om du behöver byta lösenord igen."
        )
    return user, "teacher" if data.get("s") == "t" else "email"


def send_reset_email(email: str) -> None:
    """Email a reset link if ``email`` has an account; do nothing visible otherwise.

    The caller shows the same page either way, and the message goes out in the background
    (``send_mail_later``), so neither the page nor its speed tells whether the address has an
    account. A failing mail server is logged, not shown, for the same reason.
    """
    user = find_user_by_email(email)
    if user is None:
        return
    link = make_link(user, by_teacher=False)
    audit.record("reset_email_sent", actor=None, subject=user)
    db.session.commit()
    send_mail_later(user.email, "Välj ett nytt lösenord i Ordvård", "password_reset", link=link)
