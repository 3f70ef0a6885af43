"""Rate limits when Redis is away: each worker counts in memory instead of answering 500
(``webapp.config`` says why), and with a real Redis the counts are kept there."""

import os
import socket

import pytest

from tests.conftest import _test_settings, csrf_token
from tests.factories import PASSWORD, log_in, make_group, make_user
from tests.webapp.test_write import EXERCISE, LESSON, URL, publish_lesson
from webapp import create_app
from webapp.extensions import db, limiter
from webapp.models import Role


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the socket is


@pytest.fixture
def redis_away(database_uri):
    """An app whose Redis URL points at a closed port; the shared limiter is told afterwards
    that its storage is alive again, as a fresh worker would be."""
    app = create_app(
        {
            **_test_settings(database_uri),
            "RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{closed_port()}/0",
        }
    )
    with app.app_context():
        yield app
        db.session.remove()
    limiter._storage_dead = False


def test_with_redis_away_login_still_works_and_still_counts_wrong_passwords(redis_away):
    user = make_user()
    client = redis_away.test_client()
    assert log_in(client, user).status_code == 302
    client.post("/logga-ut", data={"csrf_token": csrf_token(client, "/oversikt")})
    token = csrf_token(client, "/logga-in")
    statuses = [
        client.post(
            "/logga-in", data={"email": user.email, "password": "fel", "csrf_token": token}
        ).status_code
        for _ in range(11)
    ]
    assert statuses == [200] * 10 + [429]


def test_with_redis_away_the_checker_drafts_and_card_check_answer(redis_away):
    publish_lesson()
    trainee = make_user(Role.TRAINEE, make_group())
    client = redis_away.test_client()
    log_in(client, trainee)
    token = csrf_token(client, URL)
    body = {"text": "Puls 72 slag/min.", "lesson": LESSON, "exercise": EXERCISE}
    headers = {"X-CSRFToken": token}
    assert client.post("/api/check", json=body, headers=headers).status_code == 200
    assert client.post("/api/draft", json=body, headers=headers).status_code == 200
    assert redis_away.test_client().get("/verifiera/okand-kod").status_code == 404


@pytest.mark.skipif(not os.environ.get("TEST_REDIS_URL"), reason="needs TEST_REDIS_URL (Redis)")
def test_with_real_redis_both_login_forms_spend_one_budget_kept_in_redis(database_uri):
    import redis

    url = os.environ["TEST_REDIS_URL"]
    redis.Redis.from_url(url).flushdb()
    app = create_app({**_test_settings(database_uri), "RATELIMIT_STORAGE_URI": url})
    with app.app_context():
        user = make_user()
        client = app.test_client()
        token = csrf_token(client, "/logga-in")
        resume = f"{URL}/logga-in"
        statuses = [
            client.post(
                url_,
                data={"email": user.email, "password": "fel", "csrf_token": token, "text": "x"},
            ).status_code
            for url_ in [resume] * 5 + ["/logga-in"] * 5 + [resume, "/logga-in"]
        ]
        assert log_in(client, user, PASSWORD).status_code == 429
        email = user.email
        db.session.remove()
    assert statuses == [200] * 10 + [429, 429]
    keys = b" ".join(redis.Redis.from_url(url).keys("*"))
    assert b"login-address" in keys and b"login-account" in keys
    assert email.encode() not in keys  # the account is a digest, not the address
