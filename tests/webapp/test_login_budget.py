"""One budget of wrong passwords per address and per account, shared by every login form."""

import pytest
from flask import request

from tests.conftest import csrf_token
from tests.factories import PASSWORD, make_user
from webapp.auth.login_budget import authenticate

RESUME = "/skriva/puls-och-blodtryck/puls-och-blodtryck-anteckning/logga-in"


def wrong_login(client, email: str, url: str = "/logga-in", **extra):
    token = csrf_token(client, "/logga-in")
    return client.post(url, data={"email": email, "password": "fel", "csrf_token": token, **extra})


def from_address(app, address: str):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_after_429_on_the_login_page_the_log_in_again_form_takes_no_more_guesses(client):
    user = make_user()
    assert [wrong_login(client, user.email).status_code for _ in range(10)] == [200] * 10
    assert wrong_login(client, user.email).status_code == 429

    refused = wrong_login(client, user.email, RESUME, text="Brukaren vilade.")
    assert refused.status_code == 429
    html = refused.get_data(as_text=True)
    assert "för många gånger" in html and "Brukaren vilade." in html  # the note is kept
    right = client.post(
        RESUME,
        data={
            "email": user.email,
            "password": PASSWORD,
            "text": "x",
            "csrf_token": csrf_token(client, "/logga-in"),
        },
    )
    assert right.status_code == 429


def test_guesses_through_the_log_in_again_form_count_on_the_login_page(client):
    user = make_user()
    for _ in range(10):
        assert wrong_login(client, user.email, RESUME, text="x").status_code == 200
    assert wrong_login(client, user.email).status_code == 429


def test_an_account_takes_ten_wrong_passwords_a_minute_from_all_addresses_together(app):
    victim, other = make_user(), make_user()
    for n in range(10):
        assert wrong_login(from_address(app, f"10.0.0.{n}"), victim.email).status_code == 200
    fresh = from_address(app, "10.0.1.1")
    assert wrong_login(fresh, victim.email.upper()).status_code == 429  # same account
    assert wrong_login(fresh, other.email).status_code == 200  # that address is not spent


def test_an_address_takes_ten_wrong_passwords_a_minute_over_all_accounts(app, client):
    users = [make_user() for _ in range(11)]
    statuses = [wrong_login(client, user.email).status_code for user in users]
    assert statuses == [200] * 10 + [429]
    assert wrong_login(from_address(app, "10.0.2.1"), users[-1].email).status_code == 200


def test_right_passwords_cost_nothing(client):
    user = make_user()
    for _ in range(12):
        token = csrf_token(client, "/logga-in")
        response = client.post(
            "/logga-in", data={"email": user.email, "password": PASSWORD, "csrf_token": token}
        )
        assert response.status_code == 302
        client.post("/logga-ut", data={"csrf_token": csrf_token(client, "/oversikt")})


def test_a_view_that_checks_passwords_without_the_budget_is_refused(app, client):
    @app.post("/prov-inloggning")
    def unbudgeted():
        authenticate(request.form["email"], request.form["password"])
        return "ok"

    app.config["WTF_CSRF_ENABLED"] = False
    with pytest.raises(RuntimeError, match="outside the login budget"):
        app.test_client().post("/prov-inloggning", data={"email": "a@b.se", "password": "x"})
