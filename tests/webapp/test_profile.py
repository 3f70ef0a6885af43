"""The profile page: name and help language, password (current one required), email
address confirmed by a link to the new address, and logging out everywhere."""

from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from tests.conftest import csrf_token
from tests.factories import PASSWORD, log_in, make_user
from tests.mailbox import smtp_server, use_mail  # noqa: F401 - fixture
from webapp.extensions import db
from webapp.models import AuditEvent, Role, User

NEW_PASSWORD = "ett-nytt-bra-lösenord"


def post(client, url: str, **data):
    data["csrf_token"] = csrf_token(client, "/konto")
    return client.post(url, data=data)


def actions() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


@pytest.fixture
def user(app):
    return make_user(Role.TRAINEE, name="Amina", l1="ar")


@pytest.fixture
def client_in(client, user):
    log_in(client, user)
    return client


def test_profile_page_shows_every_form(client_in, user):
    html = client_in.get("/konto").get_data(as_text=True)
    for text in ("Min profil", "Byt lösenord", "Byt e-postadress", "Logga ut överallt", user.email):
        assert text in html
    assert html.count('<form method="post"') == 5
    assert 'href="/konto"' in client_in.get("/oversikt").get_data(as_text=True)


def test_name_and_help_language_change(client_in, user):
    response = post(
        client_in, "/konto/profil", **{"profil-display_name": "  Amina Y ", "profil-l1": "so"}
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert (user.display_name, user.l1) == ("Amina Y", "so")
    event = db.session.scalar(select(AuditEvent))
    assert event.action == "profile_changed" and event.details == {"fields": ["display_name", "l1"]}
    assert "Amina Y" not in str(event.details)


def test_bad_profile_input_is_explained_and_kept(client_in, user):
    empty = post(client_in, "/konto/profil", **{"profil-display_name": "   ", "profil-l1": "ar"})
    assert empty.status_code == 400 and "Skriv ditt namn." in empty.get_data(as_text=True)
    long_name = "Å" * 81
    too_long = post(
        client_in, "/konto/profil", **{"profil-display_name": long_name, "profil-l1": "ar"}
    )
    assert too_long.status_code == 400
    html = too_long.get_data(as_text=True)
    assert "Namnet är för långt." in html and long_name in html
    forged = post(client_in, "/konto/profil", **{"profil-display_name": "Amina", "profil-l1": "xx"})
    assert forged.status_code == 400 and "Välj ett av språken i listan." in forged.get_data(
        as_text=True
    )
    db.session.refresh(user)
    assert (user.display_name, user.l1) == ("Amina", "ar")
    assert actions() == []


def test_password_change_needs_the_current_password(app, client_in, user):
    wrong = post(
        client_in,
        "/konto/losenord",
        **{
            "losen-current": "fel-lösenord",
            "losen-password": NEW_PASSWORD,
            "losen-confirm": NEW_PASSWORD,
        },
    )
    assert wrong.status_code == 400
    assert "Det nuvarande lösenordet stämmer inte." in wrong.get_data(as_text=True)

    other_device = app.test_client()
    log_in(other_device, user)
    right = post(
        client_in,
        "/konto/losenord",
        **{
            "losen-current": PASSWORD,
            "losen-password": NEW_PASSWORD,
            "losen-confirm": NEW_PASSWORD,
        },
    )
    assert right.status_code == 302
    assert client_in.get("/konto").status_code == 200  # this browser stays logged in
    assert other_device.get("/konto").status_code == 302  # the other one is logged out
    assert log_in(app.test_client(), user, NEW_PASSWORD).status_code == 302
    assert actions() == ["password_changed"]


def test_logout_everywhere_ends_every_session(app, client_in, user):
    phone = app.test_client()
    log_in(phone, user)
    response = post(client_in, "/konto/logga-ut-overallt")
    assert response.status_code == 302 and response.headers["Location"].endswith("/logga-in")
    assert client_in.get("/konto").status_code == 302
    assert phone.get("/oversikt").status_code == 302
    assert log_in(app.test_client(), user).status_code == 302  # the password still works
    assert actions() == ["logged_out_everywhere"]


def test_email_change_without_mail_takes_effect_at_once(client_in, user):
    html = client_in.get("/konto").get_data(as_text=True)
    assert "Bytet gäller direkt" in html
    response = post(
        client_in, "/konto/e-post", **{"epost-email": "Ny@Exempel.se", "epost-current": PASSWORD}
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.email == "ny@exempel.se"
    assert actions() == ["email_changed"]


def test_email_change_is_confirmed_by_a_link_to_the_new_address(app, client_in, user, smtp_server):  # noqa: F811
    use_mail(app, smtp_server.port)
    old = user.email
    response = post(
        client_in, "/konto/e-post", **{"epost-email": "ny@exempel.se", "epost-current": PASSWORD}
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.email == old  # not before the link is opened
    message = smtp_server.mailbox.messages[0]
    assert message["To"] == "ny@exempel.se"
    path = urlsplit(smtp_server.mailbox.link()).path

    anonymous = app.test_client()
    page = anonymous.get(path)
    assert page.status_code == 200 and "ny@exempel.se" in page.get_data(as_text=True)
    token = csrf_token(anonymous, path)
    assert anonymous.post(path, data={"csrf_token": token}).status_code == 302
    db.session.refresh(user)
    assert user.email == "ny@exempel.se"
    again = anonymous.get(path)
    assert again.status_code == 400 and "redan använts" in again.get_data(as_text=True)
    assert actions() == ["email_change_requested", "email_changed"]


def test_email_change_refuses_a_taken_address_and_a_wrong_password(client_in, user):
    other = make_user()
    taken = post(
        client_in, "/konto/e-post", **{"epost-email": other.email, "epost-current": PASSWORD}
    )
    assert taken.status_code == 400
    assert "Det finns redan ett konto med den e-postadressen." in taken.get_data(as_text=True)
    wrong = post(
        client_in, "/konto/e-post", **{"epost-email": "ny@exempel.se", "epost-current": "fel"}
    )
    assert wrong.status_code == 400 and "ny@exempel.se" in wrong.get_data(as_text=True)
    bad = post(
        client_in, "/konto/e-post", **{"epost-email": "inte-en-adress", "epost-current": PASSWORD}
    )
    assert "Skriv en giltig e-postadress" in bad.get_data(as_text=True)
    assert db.session.scalar(select(User.email).where(User.id == user.id)) == user.email


def test_a_forged_confirmation_link_is_refused(client):
    response = client.get("/konto/e-post/bekrafta/inte-en-länk")
    assert response.status_code == 400 and "Länken fungerar inte" in response.get_data(as_text=True)


def test_profile_needs_login(client):
    assert client.get("/konto").status_code == 302
