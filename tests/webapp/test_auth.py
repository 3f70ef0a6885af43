"""Registering with a join code, logging in and out, and what bad input gets."""

from sqlalchemy import func, select

from tests.conftest import csrf_token
from tests.factories import PASSWORD, log_in, make_group, make_user
from webapp.extensions import db
from webapp.models import Membership, Role, User


def register(client, **fields):
    data = {
        "join_code": "SOLGARDEN",
        "display_name": "Fatima",
        "email": "fatima@exempel.se",
        "l1": "ar",
        "password": "mitt-långa-lösenord",
        "confirm": "mitt-långa-lösenord",
        "csrf_token": csrf_token(client, "/registrera"),
    }
    data.update(fields)
    return client.post("/registrera", data=data)


def user_count() -> int:
    return db.session.scalar(select(func.count()).select_from(User))


def test_trainee_registers_with_join_code_and_lands_in_the_group(client):
    group = make_group(join_code="SOLGARDEN")
    response = register(client, join_code=" solgarden ")
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "fatima@exempel.se"))
    assert user.role is Role.TRAINEE and user.l1 == "ar"
    assert [m.group_id for m in user.memberships] == [group.id]
    assert user.password_hash.startswith("$argon2")
    dashboard = client.get("/oversikt").get_data(as_text=True)
    assert "Hej <bdi>Fatima</bdi>!" in dashboard and "Solgården" in dashboard


def test_wrong_join_code_is_refused_in_swedish_and_writes_nothing(client):
    make_group(join_code="SOLGARDEN")
    response = register(client, join_code="FELKOD99")
    assert response.status_code == 200
    assert "Det finns ingen grupp med den koden" in response.get_data(as_text=True)
    assert user_count() == 0


def test_a_wrong_join_code_is_said_together_with_the_password_problems(client):
    make_group(join_code="SOLGARDEN")
    html = register(client, join_code="FELKOD99", password="kort", confirm="annat").get_data(
        as_text=True
    )
    assert "Det finns ingen grupp med den koden" in html
    assert "Lösenordet måste ha minst" in html
    assert user_count() == 0


def test_duplicate_email_is_refused(client):
    group = make_group(join_code="SOLGARDEN")
    make_user(group=group)
    existing = db.session.scalar(select(User))
    response = register(client, email=existing.email.upper())
    assert "Det finns redan ett konto med den e-postadressen" in response.get_data(as_text=True)
    assert user_count() == 1


def test_too_short_password_is_refused_and_other_fields_are_kept(client):
    make_group(join_code="SOLGARDEN")
    response = register(client, password="kort", confirm="kort")
    html = response.get_data(as_text=True)
    assert "Lösenordet måste ha minst 10 tecken" in html
    assert 'value="fatima@exempel.se"' in html and 'value="Fatima"' in html
    assert user_count() == 0


def test_forged_registration_without_csrf_token_writes_nothing(client):
    make_group(join_code="SOLGARDEN")
    response = register(client, csrf_token="")
    assert response.status_code == 400
    assert "Formuläret kunde inte skickas" in response.get_data(as_text=True)
    assert user_count() == 0


def test_login_and_logout(client):
    user = make_user(name="Amina")
    assert log_in(client, user).headers["Location"] == "/oversikt"
    assert "Hej <bdi>Amina</bdi>!" in client.get("/oversikt").get_data(as_text=True)
    token = csrf_token(client, "/oversikt")
    client.post("/logga-ut", data={"csrf_token": token})
    assert client.get("/oversikt").status_code == 302


def test_wrong_password_gets_swedish_message(client):
    user = make_user()
    response = log_in(client, user, password="fel-lösenord")
    assert response.status_code == 200
    assert "Fel e-postadress eller lösenord." in response.get_data(as_text=True)


def test_an_unknown_address_costs_a_password_check_like_a_known_one(client, monkeypatch):
    """Else the answer's speed tells an attacker which addresses have accounts."""
    from webapp import passwords

    checked = []
    hasher = type(passwords.HASHER)
    real_verify = hasher.verify
    monkeypatch.setattr(hasher, "verify", lambda *a: checked.append(1) or real_verify(*a))
    user = make_user()
    token = csrf_token(client, "/logga-in")
    for email in (user.email, "ingen-alls@example.se"):
        response = client.post(
            "/logga-in", data={"email": email, "password": "fel", "csrf_token": token}
        )
        assert "Fel e-postadress eller lösenord." in response.get_data(as_text=True)
    assert len(checked) == 2


def test_eleventh_failed_login_within_a_minute_is_refused(client):
    user = make_user()
    token = csrf_token(client, "/logga-in")
    statuses = [
        client.post(
            "/logga-in", data={"email": user.email, "password": "fel", "csrf_token": token}
        ).status_code
        for _ in range(11)
    ]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429
    refused = client.post(
        "/logga-in", data={"email": user.email, "password": PASSWORD, "csrf_token": token}
    )
    assert refused.status_code == 429
    assert "För många försök" in refused.get_data(as_text=True)


def test_login_redirect_never_leaves_the_site(client):
    user = make_user()
    token = csrf_token(client, "/logga-in")
    response = client.post(
        "/logga-in?next=//evil.example/",
        data={"email": user.email, "password": PASSWORD, "csrf_token": token},
    )
    assert response.headers["Location"] == "/oversikt"


def test_membership_is_not_duplicated_on_failed_registration(client):
    make_group(join_code="SOLGARDEN")
    register(client, password="kort", confirm="kort")
    assert db.session.scalar(select(func.count()).select_from(Membership)) == 0


def _cookie(client) -> str:
    return client.get_cookie("session").value


def test_a_session_cookie_copied_before_logout_opens_nothing_after_it(app, client):
    user = make_user(name="Amina")
    log_in(client, user)
    copied = _cookie(client)
    client.post("/logga-ut", data={"csrf_token": csrf_token(client, "/oversikt")})

    thief = app.test_client()
    thief.set_cookie("session", copied)
    response = thief.get("/oversikt")
    assert response.status_code == 302 and response.headers["Location"].startswith("/logga-in")
    assert thief.post("/api/check", json={}).status_code == 401


def test_logging_in_again_after_logout_works_and_old_cookie_stays_dead(app, client):
    user = make_user(name="Amina")
    log_in(client, user)
    copied = _cookie(client)
    client.post("/logga-ut", data={"csrf_token": csrf_token(client, "/oversikt")})
    log_in(client, user)
    assert "Hej <bdi>Amina</bdi>!" in client.get("/oversikt").get_data(as_text=True)
    thief = app.test_client()
    thief.set_cookie("session", copied)
    assert thief.get("/oversikt").status_code == 302


def test_ending_all_sessions_logs_out_every_browser(app):
    from webapp.auth.service import end_all_sessions

    user = make_user(name="Amina")
    phone, workstation = app.test_client(), app.test_client()
    log_in(phone, user)
    log_in(workstation, user)
    assert phone.get("/oversikt").status_code == 200
    end_all_sessions(user)
    assert phone.get("/oversikt").status_code == 302
    assert workstation.get("/oversikt").status_code == 302


def test_a_cookie_from_before_session_versions_is_anonymous(app, client):
    user = make_user()
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)  # the old shape: the id alone
        session["_fresh"] = True
    assert client.get("/oversikt").status_code == 302


def test_pages_of_a_logged_in_user_are_never_stored(client):
    user = make_user()
    log_in(client, user)
    for url in ("/oversikt", "/lektioner/", "/ord/", "/ova/", "/ingen-sida"):
        assert client.get(url).headers["Cache-Control"] == "no-store", url
    assert client.post("/api/check", json={}).headers["Cache-Control"] == "no-store"


def test_a_page_with_typed_personal_data_is_not_stored_either(client):
    response = log_in(client, make_user(), password="fel-lösenord")
    assert response.headers["Cache-Control"] == "no-store"


def test_static_files_keep_their_own_cache_policy(client):
    assert client.get("/static/css/site.css").headers["Cache-Control"] == "no-cache"


def test_a_hash_with_the_old_parameters_is_replaced_at_the_next_login(client):
    from argon2 import PasswordHasher

    from webapp import passwords

    user = make_user()
    user.password_hash = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4).hash(
        PASSWORD
    )
    db.session.commit()
    assert log_in(client, user).status_code == 302
    db.session.refresh(user)
    assert (
        f"m={passwords.MEMORY_KIB},t={passwords.TIME_COST},p={passwords.PARALLELISM}"
        in user.password_hash
    )
    assert user.check_password(PASSWORD)
