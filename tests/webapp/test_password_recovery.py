"""Choosing a new password: by a link sent through a real SMTP server, or a link a teacher
makes; links that are used, expired or superseded; no hint whether an address has an
account; the rate limits; the audit trail."""

from urllib.parse import urlsplit

import pytest
from itsdangerous.timed import TimestampSigner
from sqlalchemy import select

from tests.conftest import csrf_token
from tests.factories import PASSWORD, log_in, make_group, make_user
from tests.mailbox import smtp_server, use_mail  # noqa: F401 - fixture
from webapp.extensions import db
from webapp.models import AuditEvent, Role
from webapp.outbox import wait_for_sending

NEW_PASSWORD = "ett-nytt-bra-lösenord"


@pytest.fixture
def mailbox(app, smtp_server):  # noqa: F811
    use_mail(app, smtp_server.port)
    return smtp_server.mailbox


class Clock:
    """The signing clock of the links (itsdangerous), moved by the test; nothing else."""

    def __init__(self, monkeypatch):
        self.now = 1_780_000_000
        monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda signer: self.now)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def ask_for_link(client, email: str):
    token = csrf_token(client, "/glomt-losenord")
    return client.post("/glomt-losenord", data={"email": email, "csrf_token": token})


def choose_password(client, link: str, password: str = NEW_PASSWORD, confirm: str | None = None):
    path = urlsplit(link).path
    token = csrf_token(client, "/logga-in")  # the session's token: the link may be dead
    return client.post(
        path, data={"password": password, "confirm": confirm or password, "csrf_token": token}
    )


def actions() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_reset_by_email_end_to_end(app, client, mailbox):
    user = make_user()
    login_page = client.get("/logga-in").get_data(as_text=True)
    assert 'href="/glomt-losenord"' in login_page

    response = ask_for_link(client, user.email.upper())
    assert response.status_code == 200
    assert "Titta i din e-post" in response.get_data(as_text=True)
    assert len(mailbox.settled().messages) == 1
    message = mailbox.settled().messages[0]
    assert message["To"] == user.email
    assert message["Subject"] == "Välj ett nytt lösenord i Ordvård"
    assert "gäller i en timme" in mailbox.body()
    link = mailbox.link()

    page = client.get(urlsplit(link).path)
    assert page.status_code == 200 and "Välj nytt lösenord" in page.get_data(as_text=True)
    response = choose_password(client, link)
    assert response.status_code == 302 and response.headers["Location"].endswith("/logga-in")

    assert log_in(client, user).status_code == 200  # the old password no longer works
    assert log_in(client, user, NEW_PASSWORD).status_code == 302
    assert actions() == ["reset_email_sent", "password_reset"]
    event = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event.subject_user_id == user.id and event.details == {"link_from": "email"}


def test_a_used_link_is_refused_with_a_clear_message(client, mailbox):
    user = make_user()
    ask_for_link(client, user.email)
    link = mailbox.link()
    choose_password(client, link)

    again = client.get(urlsplit(link).path)
    assert again.status_code == 400
    assert "Länken har redan använts" in again.get_data(as_text=True)
    assert choose_password(client, link, "ännu-ett-lösenord").status_code == 400
    db.session.refresh(user)
    assert user.check_password(NEW_PASSWORD)


def test_a_link_is_superseded_when_the_password_changes(client, mailbox):
    user = make_user()
    ask_for_link(client, user.email)
    ask_for_link(client, user.email)
    first, second = mailbox.link(0), mailbox.link(1)
    assert choose_password(client, second).status_code == 302
    refused = client.get(urlsplit(first).path)
    assert refused.status_code == 400
    assert "har lösenordet bytts sedan länken skapades" in refused.get_data(as_text=True)


def test_an_email_link_expires_after_an_hour(client, mailbox, clock):
    user = make_user()
    ask_for_link(client, user.email)
    link = mailbox.link()
    clock.now += 59 * 60
    assert client.get(urlsplit(link).path).status_code == 200
    clock.now += 2 * 60
    expired = client.get(urlsplit(link).path)
    assert expired.status_code == 400
    assert "Länken har slutat gälla" in expired.get_data(as_text=True)


def test_a_forged_or_cut_link_is_refused(client, mailbox):
    user = make_user()
    ask_for_link(client, user.email)
    path = urlsplit(mailbox.link()).path
    for bad in (path[:-3], path + "x", "/nytt-losenord/inte-en-länk"):
        response = client.get(bad)
        assert response.status_code == 400
        assert "Länken fungerar inte" in response.get_data(as_text=True)


def test_known_and_unknown_addresses_get_the_same_answer(client, mailbox):
    user = make_user()
    known = ask_for_link(client, user.email)
    unknown = ask_for_link(client, "ingen-sadan@exempel.se")
    assert known.status_code == unknown.status_code == 200

    def page(response, email):
        html = response.get_data(as_text=True).replace(email, "ADRESS")
        return html.split("<main", 1)[1].split("</main>", 1)[0]

    assert page(known, user.email) == page(unknown, "ingen-sadan@exempel.se")
    assert len(mailbox.settled().messages) == 1


def test_new_password_must_follow_the_rules_and_keeps_the_link(client, mailbox):
    user = make_user()
    ask_for_link(client, user.email)
    link = mailbox.link()
    short = choose_password(client, link, "kort")
    assert short.status_code == 200
    assert "Lösenordet måste ha minst 10 tecken." in short.get_data(as_text=True)
    mismatch = choose_password(client, link, NEW_PASSWORD, "något-annat-lösenord")
    assert "Lösenorden är inte likadana." in mismatch.get_data(as_text=True)
    assert choose_password(client, link).status_code == 302


def test_without_mail_settings_the_page_points_to_the_teacher(client):
    page = client.get("/glomt-losenord").get_data(as_text=True)
    assert "e-post inte är inställd" in page
    assert "Be din lärare eller handledare" in page
    assert '<form method="post" class="stack"' not in page


def test_bad_input_gets_swedish_messages(client, mailbox):
    response = ask_for_link(client, "inte en adress")
    assert response.status_code == 200
    assert "Skriv en giltig e-postadress" in response.get_data(as_text=True)
    assert "inte en adress" in response.get_data(as_text=True)
    huge = ask_for_link(client, "a" * 300 + "@exempel.se")
    assert "E-postadressen är för lång." in huge.get_data(as_text=True)
    assert mailbox.settled().messages == []


def test_requests_are_limited_per_address(client, mailbox):
    user = make_user()
    statuses = [ask_for_link(client, user.email).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert len(mailbox.settled().messages) == 3
    assert ask_for_link(client, "annan@exempel.se").status_code == 200  # another address


def test_requests_are_limited_per_network_address(client, mailbox):
    statuses = [ask_for_link(client, f"person{n}@exempel.se").status_code for n in range(11)]
    assert statuses == [200] * 10 + [429]


def test_a_failing_mail_server_gives_the_same_answer(app, client):
    user = make_user()
    use_mail(app, 1)  # nothing listens on port 1
    response = ask_for_link(client, user.email)
    assert response.status_code == 200 and "Titta i din e-post" in response.get_data(as_text=True)
    wait_for_sending()  # the failure is logged by the sending thread, never shown
    assert actions() == ["reset_email_sent"]


def make_teacher_link(client, trainee_id: int):
    token = csrf_token(client, "/larare/grupper")
    return client.post(f"/larare/deltagare/{trainee_id}/losenordslank", data={"csrf_token": token})


def test_teacher_makes_a_one_time_link_for_a_trainee_of_their_group(app, client):
    group = make_group()
    teacher = make_user(Role.TEACHER, group)
    trainee = make_user(Role.TRAINEE, group, name="Amina")
    log_in(client, teacher)
    groups_page = client.get("/larare/grupper").get_data(as_text=True)
    assert f"/larare/deltagare/{trainee.id}/losenordslank" in groups_page

    response = make_teacher_link(client, trainee.id)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    html = response.get_data(as_text=True)
    assert "Länk för nytt lösenord till <bdi>Amina</bdi>" in html and "<svg" in html
    link = html.split('class="long-link"><a href="', 1)[1].split('"', 1)[0]

    trainee_client = app.test_client()
    assert choose_password(trainee_client, link).status_code == 302
    assert log_in(trainee_client, trainee, NEW_PASSWORD).status_code == 302
    assert choose_password(app.test_client(), link).status_code == 400  # once only
    assert actions() == ["reset_link_created", "password_reset"]
    created = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).first()
    assert (created.actor_id, created.subject_user_id) == (teacher.id, trainee.id)


def test_a_teacher_link_lasts_a_day(app, client, clock):
    group = make_group()
    teacher = make_user(Role.TEACHER, group)
    trainee = make_user(Role.TRAINEE, group)
    log_in(client, teacher)
    html = make_teacher_link(client, trainee.id).get_data(as_text=True)
    path = urlsplit(html.split('class="long-link"><a href="', 1)[1].split('"', 1)[0]).path
    clock.now += 23 * 3600
    assert app.test_client().get(path).status_code == 200
    clock.now += 3600 + 60
    assert app.test_client().get(path).status_code == 400


def test_teacher_cannot_make_a_link_for_another_groups_trainee(client):
    teacher = make_user(Role.TEACHER, make_group("Egen grupp"))
    stranger = make_user(Role.TRAINEE, make_group("Annan grupp"))
    other_teacher = make_user(Role.TEACHER, make_group("Tredje gruppen"))
    log_in(client, teacher)
    assert make_teacher_link(client, stranger.id).status_code == 403
    assert make_teacher_link(client, other_teacher.id).status_code == 403
    assert make_teacher_link(client, 9999).status_code == 404
    assert actions() == []


def test_admin_makes_a_link_for_anyone_but_themselves(client):
    admin = make_user(Role.ADMIN)
    teacher = make_user(Role.TEACHER, make_group())
    log_in(client, admin)
    assert "losenordslank" in client.get("/admin/anvandare").get_data(as_text=True)
    assert make_teacher_link(client, teacher.id).status_code == 200
    assert make_teacher_link(client, admin.id).status_code == 403


def test_trainee_cannot_make_links(client):
    group = make_group()
    trainee = make_user(Role.TRAINEE, group)
    other = make_user(Role.TRAINEE, group)
    log_in(client, trainee)
    token = csrf_token(client, "/oversikt")
    response = client.post(
        f"/larare/deltagare/{other.id}/losenordslank", data={"csrf_token": token}
    )
    assert response.status_code == 403


def test_old_password_still_works_until_a_link_is_used(client, mailbox):
    user = make_user()
    ask_for_link(client, user.email)
    assert log_in(client, user, PASSWORD).status_code == 302


def test_a_reset_ends_every_old_session(app, client, mailbox):
    user = make_user()
    phone = app.test_client()
    log_in(phone, user)
    assert phone.get("/oversikt").status_code == 200
    ask_for_link(client, user.email)
    choose_password(client, mailbox.link())
    assert phone.get("/oversikt").status_code == 302  # back to the login page
