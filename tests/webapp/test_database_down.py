"""The database unreachable: a Swedish 503 with Retry-After (HTML for pages, JSON under
/api/), and the site reconnects by itself when the database is back."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import _test_settings
from tests.factories import log_in, make_user
from webapp import create_app
from webapp.extensions import db
from webapp.models import Role

CLOSED_PORT = "postgresql+psycopg://postgres@127.0.0.1:8119/ordvard_robust_nowhere"


def _unreachable_uri(database_uri: str, tmp_path) -> str:
    if database_uri.startswith("postgresql"):
        return CLOSED_PORT  # nothing listens there (this run's own port range)
    return f"sqlite:///{tmp_path / 'no-such-folder' / 'ordvard.db'}"


@pytest.fixture
def logged_in_cookie(app, client):
    """A trainee's session cookie, made while the database was up."""
    log_in(client, make_user(Role.TRAINEE))
    return client.get_cookie("session").value


@pytest.fixture
def app_without_database(database_uri, tmp_path):
    down = create_app(_test_settings(_unreachable_uri(database_uri, tmp_path)))
    down.config["PROPAGATE_EXCEPTIONS"] = False  # as in production: the handlers answer
    return down


def test_a_page_says_503_in_swedish_with_retry_after(app_without_database, logged_in_cookie):
    client = app_without_database.test_client()
    client.set_cookie("session", logged_in_cookie)
    with app_without_database.app_context():
        response = client.get("/oversikt")
    html = response.get_data(as_text=True)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert "Ordvård är inte tillgängligt just nu" in html and 'lang="sv"' in html


def test_the_api_says_503_in_json(app_without_database, logged_in_cookie):
    # no CSRF token can be had without the database; the API's token check itself reads the
    # user, and that failure must still answer 503
    client = app_without_database.test_client()
    client.set_cookie("session", logged_in_cookie)
    with app_without_database.app_context():
        response = client.post("/api/check", json={"text": "x", "lesson": "a", "exercise": "b"})
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert "databasen" in response.get_json()["message"]


def test_a_form_post_during_the_outage_shows_the_typed_text(app_without_database, logged_in_cookie):
    app_without_database.config["WTF_CSRF_ENABLED"] = False
    client = app_without_database.test_client()
    client.set_cookie("session", logged_in_cookie)
    with app_without_database.app_context():
        response = client.post(
            "/skriva/puls-och-blodtryck/puls-och-blodtryck-anteckning",
            data={"text": "Anteckningen som inte får försvinna.", "action": "spara"},
        )
    html = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "Anteckningen som inte får försvinna.</textarea>" in html


def test_the_site_reconnects_after_its_connections_are_cut(app, client, database_uri):
    if not database_uri.startswith("postgresql"):
        pytest.skip("cutting server connections needs PostgreSQL (TEST_DATABASE_URL)")
    log_in(client, make_user(Role.TRAINEE))
    assert client.get("/oversikt").status_code == 200
    db.session.remove()  # the app's connection goes back to its pool, still open
    # cut every connection to this test database (only ours) from a separate engine
    outside = create_engine(database_uri)
    with outside.begin() as connection:
        cut = connection.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        ).scalar()
    outside.dispose()
    assert cut >= 1  # the app's pooled connection was among them
    app.config["PROPAGATE_EXCEPTIONS"] = False
    assert client.get("/oversikt").status_code == 200  # no restart needed


def test_a_page_made_before_the_database_went_away_still_arrives(
    app, logged_in_cookie, database_uri, monkeypatch
):
    """A restart cuts the connection after the page was made: closing the session at the end
    of the request fails, and the page must still be sent (not gunicorn's English 500)."""
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import Session

    served = create_app(_test_settings(database_uri))  # its own app context per request
    served.config["PROPAGATE_EXCEPTIONS"] = False  # as in production
    client = served.test_client()
    client.set_cookie("session", logged_in_cookie)
    real_close = Session.close

    def connection_gone(self):
        monkeypatch.setattr(Session, "close", real_close)
        raise OperationalError("ROLLBACK", {}, Exception("server closed the connection"))

    monkeypatch.setattr(Session, "close", connection_gone)
    response = client.get("/oversikt")
    assert response.status_code == 200 and "Logga ut" in response.get_data(as_text=True)
    assert client.get("/oversikt").status_code == 200  # and the next request is served too
    with served.app_context():  # the dropped session gave its connection up: none is left
        held = db.engine.pool.checkedout()  # holding a transaction open (that would block the
        db.engine.dispose()  # next TRUNCATE or migration, and here the next test's fixture)
    assert held == 0
