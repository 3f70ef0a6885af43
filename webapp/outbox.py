"""Email from the site: sending a message, now or in the background, and whether it can.

Flask-Mail does the SMTP work with the ``MAIL_*`` settings (``webapp/config.py``). A site
without ``MAIL_SERVER`` (the quick start) sends nothing, and every page that would send a
message says instead that email is not set up and who can help.

``send_mail_later`` hands the SMTP conversation to a thread, so a page answers in the same
time whether or not it sent anything: the "forgot password" answer must not tell, even by
its speed, whether an address has an account.
"""

from __future__ import annotations

import logging
import threading

from flask import current_app, render_template
from flask_mail import Message

from webapp.extensions import mail

log = logging.getLogger(__name__)
_sending: set[threading.Thread] = set()


def mail_configured() -> bool:
    return bool(current_app.config.get("MAIL_SERVER"))


def _message(to: str, subject: str, template: str, context: dict) -> Message:
    if not mail_configured():
        raise RuntimeError("MAIL_SERVER is not set")
    body = render_template(f"mail/{template}.txt", **context)
    return Message(subject=subject, recipients=[to], body=body)


def send_mail(to: str, subject: str, template: str, **context) -> None:
    """Send the plain-text message ``mail/<template>.txt`` now; SMTP errors propagate.

    Raises ``RuntimeError`` when mail is not set up: callers check ``mail_configured()`` first
    and tell the person what to do instead.
    """
    mail.send(_message(to, subject, template, context))


def send_mail_later(to: str, subject: str, template: str, **context) -> None:
    """Like ``send_mail``, but the SMTP work runs in a thread; a failure is logged."""
    message = _message(to, subject, template, context)
    app = current_app._get_current_object()

    def deliver() -> None:
        try:
            with app.app_context():
                mail.send(message)
        except Exception:
            log.exception("could not send %r", subject)
        finally:
            _sending.discard(thread)

    thread = threading.Thread(target=deliver, name="ordvard-mail", daemon=True)
    _sending.add(thread)
    thread.start()


def wait_for_sending(timeout: float = 10.0) -> None:
    """Wait until messages handed to ``send_mail_later`` are sent (tests, shutdown)."""
    for thread in list(_sending):
        thread.join(timeout)
