"""A person's own account: name, help language, password, email address, sessions.

Every change writes its audit row in the same commit. An email change is confirmed by a
link sent to the new address when the site can send email (the link is signed with
``itsdangerous``, lasts a day and dies once the address changes); without email the change
takes effect at once, after the current password.
"""

from __future__ import annotations

import hashlib
import logging

from flask import current_app, url_for
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from webapp import audit
from webapp.auth.service import (
    end_all_sessions,
    find_user_by_email,
    normalise_email,
    set_new_password,
)
from webapp.extensions import db
from webapp.languages import HELP_LANGUAGES
from webapp.models import Role, User
from webapp.names import clean_name
from webapp.outbox import mail_configured, send_mail
from webapp.rights.erasure import erase_account
from webapp.rights.export import export_zip

EMAIL_CHANGE_MAX_AGE = 24 * 60 * 60
_EMAIL_SALT = "ordvard.email-change"

log = logging.getLogger(__name__)


class AccountError(ValueError):
    """A change that must not be saved; ``field`` names the form field to blame."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def update_profile(user: User, display_name: str, l1: str) -> list[str]:
    """Save name and help language; returns the fields that changed (for the message)."""
    if l1 not in {lang.code for lang in HELP_LANGUAGES}:
        raise AccountError("l1", "Välj ett av språken i listan.")
    name = clean_name(display_name)
    if not name:
        raise AccountError("display_name", "Skriv ditt namn.")
    changed = [
        field
        for field, old, new in (("display_name", user.display_name, name), ("l1", user.l1, l1))
        if old != new
    ]
    if changed:
        user.display_name, user.l1 = name, l1
        audit.record("profile_changed", actor=user, subject=user, fields=changed)
        db.session.commit()
    return changed


def _check_current(user: User, password: str) -> None:
    if not user.check_password(password):
        raise AccountError("current", "Det nuvarande lösenordet stämmer inte.")


def change_password(user: User, current: str, new: str) -> None:
    """Set ``new`` after checking ``current``; every session of the user ends (the caller
    logs this browser in again)."""
    _check_current(user, current)
    set_new_password(user, new, actor=user, action="password_changed")


def logout_everywhere(user: User) -> None:
    audit.record("logged_out_everywhere", actor=user, subject=user)
    end_all_sessions(user)


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_EMAIL_SALT)


def _email_fingerprint(email: str) -> str:
    return hashlib.sha256(email.encode()).hexdigest()[:20]


def request_email_change(user: User, new_email: str, current: str) -> bool:
    """Start changing ``user``'s address to ``new_email``. Returns True when a confirmation
    link was sent (email is set up), False when the address changed at once."""
    _check_current(user, current)
    address = normalise_email(new_email)
    if address == user.email:
        raise AccountError("email", "Det är redan din e-postadress.")
    if find_user_by_email(address) is not None:
        raise AccountError("email", "Det finns redan ett konto med den e-postadressen.")
    if not mail_configured():
        _set_email(user, address)
        return False
    token = _serializer().dumps(
        {"u": user.id, "from": _email_fingerprint(user.email), "to": address}
    )
    link = url_for("account.confirm_email", token=token, _external=True)
    try:
        send_mail(
            address, "Bekräfta din nya e-postadress i Ordvård", "email_change", user=user, link=link
        )
    except Exception:
        log.exception("could not send the email change link to user %s", user.id)
        raise AccountError(
            "email", "Meddelandet kunde inte skickas just nu. Försök igen om en stund."
        ) from None
    audit.record("email_change_requested", actor=user, subject=user)
    db.session.commit()
    return True


def pending_change(token: str) -> tuple[User, str]:
    """The user and new address of a valid confirmation link; else ``AccountError``."""
    try:
        data = _serializer().loads(token, max_age=EMAIL_CHANGE_MAX_AGE)
    except SignatureExpired:
        raise AccountError(
            "", "Länken har slutat gälla (den gäller i ett dygn). Byt adress igen i din profil."
        ) from None
    except BadSignature:
        raise AccountError(
            "", "Länken fungerar inte. Kontrollera att du fick med hela länken."
        ) from None
    user = db.session.get(User, data.get("u")) if isinstance(data, dict) else None
    if user is None or data.get("from") != _email_fingerprint(user.email):
        raise AccountError(
            "", "Länken har redan använts, eller så har e-postadressen bytts sedan dess."
        )
    if find_user_by_email(data["to"]) is not None:
        raise AccountError("", "Det finns redan ett konto med den nya e-postadressen.")
    return user, data["to"]


def confirm_email_change(token: str) -> User:
    user, address = pending_change(token)
    _set_email(user, address)
    return user


def _set_email(user: User, address: str) -> None:
    user.email = address
    audit.record("email_changed", actor=user, subject=user)
    db.session.commit()


def export_own(user: User) -> bytes:
    data = export_zip(user)
    audit.record("data_exported", actor=user, subject=user)
    db.session.commit()
    return data


def erase_own(user: User, current: str) -> None:
    """Erase the account after checking the password. An admin cannot erase themselves here
    (another admin does it), so a site never loses its last admin by mistake."""
    _check_current(user, current)
    if user.role is Role.ADMIN:
        raise AccountError("current", "Ett administratörskonto raderas av en annan administratör.")
    erase_account(user, actor=user)
