"""Forgot password → the message read from a real SMTP server → a new password → logged in,
on a phone-sized screen, with axe on every page."""

import pytest

from tests.browser.conftest import AccessiblePage
from tests.factories import make_user
from tests.mailbox import mail_settings, smtp_server, use_mail  # noqa: F401 - fixture
from webapp.extensions import mail

pytestmark = pytest.mark.browser


@pytest.fixture
def server_mail(server_app, smtp_server):  # noqa: F811
    """The shared live server sends through the test's SMTP server, for this test only."""
    before = {key: server_app.config.get(key) for key in mail_settings(0)}
    use_mail(server_app, smtp_server.port)
    yield smtp_server.mailbox
    server_app.config.update(before)
    mail.init_app(server_app)


def test_trainee_resets_a_forgotten_password_by_email(page: AccessiblePage, server_mail):
    user = make_user(name="Amina")
    p = page.page
    page.goto("/logga-in")
    p.get_by_role("link", name="Glömt lösenordet?").click()
    page.check_accessibility()
    p.get_by_label("E-postadress").fill(user.email)
    p.get_by_role("button", name="Skicka länk").click()
    page.check_accessibility()
    assert p.get_by_role("heading", level=1).inner_text() == "Titta i din e-post"

    p.goto(server_mail.link())
    page.check_accessibility()
    p.get_by_label("Nytt lösenord").fill("mitt-nya-lösenord")
    p.get_by_label("Skriv lösenordet igen").fill("mitt-nya-lösenord")
    p.get_by_role("button", name="Spara nytt lösenord").click()
    page.check_accessibility()
    assert "Ditt nya lösenord är sparat." in p.content()

    page.log_in(user, "mitt-nya-lösenord")
    assert p.get_by_role("heading", level=1).inner_text() == "Hej Amina!"
