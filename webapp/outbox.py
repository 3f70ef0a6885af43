"""Email from the site: one function that sends, and one that says whether it can.

Flask-Mail does the SMTP work with the ``MAIL_*`` settings (``webapp/config.py``). A site
without ``MAIL_SERVER`` (the quick start) sends nothing, and every page that would send a
message says instead that email is not set up and who can help.
"""

from __future__ import annotations

from flask import current_app, render_template
from flask_mail import Message

from webapp.extensions import mail


def mail_configured() -> bool:
    return bool(current_app.config.get("MAIL_SERVER"))


def send_mail(to: str, subject: str, template: str, **context) -> None:
    """Send the plain-text message ``mail/<template>.txt`` rendered with ``context``.

    Raises ``RuntimeError`` when mail is not set up: callers check ``mail_configured()`` first
    and tell the person what to do instead.
    """
    if not mail_configured():
        raise RuntimeError("MAIL_SERVER is not set")
    body = render_template(f"mail/{template}.txt", **context)
    mail.send(Message(subject=subject, recipients=[to], body=body))
