"""A real SMTP server for tests (aiosmtpd on a free localhost port) and its received mail.

The app sends through Flask-Mail exactly as in production; the test reads what arrived.
"""

from __future__ import annotations

import email
import email.policy
import re
import socket
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

LINK = re.compile(r"https?://\S+")


class Mailbox:
    def __init__(self):
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(message)
        return "250 Message accepted"

    def settled(self) -> Mailbox:
        """Wait until the app has handed over every message it queued, then return self."""
        from webapp.outbox import wait_for_sending

        wait_for_sending()
        return self

    def body(self, index: int = -1) -> str:
        return self.messages[index].get_body(preferencelist=("plain",)).get_content()

    def link(self, index: int = -1) -> str:
        """The first link in a received message (waits for queued messages first)."""
        self.settled()
        match = LINK.search(self.body(index))
        assert match, f"no link in: {self.body(index)}"
        return match.group(0)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    """Started for the test and stopped after it; ``.port`` and ``.mailbox``."""
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    controller.mailbox = mailbox
    yield controller
    controller.stop()


def mail_settings(port: int) -> dict:
    return {
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": port,
        "MAIL_USE_TLS": False,
        "MAIL_USE_SSL": False,
        "MAIL_USERNAME": None,
        "MAIL_PASSWORD": None,
        "MAIL_DEFAULT_SENDER": "Ordvård <noreply@ordvard.example>",
        "MAIL_SUPPRESS_SEND": False,
    }


def use_mail(app, port: int) -> None:
    """Point ``app`` at the test SMTP server (Flask-Mail reads its settings at init)."""
    from webapp.extensions import mail

    app.config.update(mail_settings(port))
    mail.init_app(app)
