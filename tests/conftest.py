"""Fixtures shared by the web and browser tests: a migrated database and a fresh app per test.

The database is SQLite in a temporary file, or PostgreSQL when ``TEST_DATABASE_URL`` is set
(CI runs the suite both ways). The schema is built once per session by the real migrations;
every test then starts from empty tables.
"""

from __future__ import annotations

import os
import re

import pytest
from flask import g
from sqlalchemy import create_engine, text

from webapp import create_app
from webapp.config import database_url
from webapp.extensions import db as _db

CSRF_FIELD = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


@pytest.fixture(scope="session")
def database_uri(tmp_path_factory) -> str:
    raw = os.environ.get("TEST_DATABASE_URL")
    uri = database_url(raw) if raw else f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    if uri.startswith("postgresql"):
        engine = create_engine(uri)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    app = create_app(_test_settings(uri))
    with app.app_context():
        from flask_migrate import upgrade

        upgrade(revision="heads")
        _db.engine.dispose()
    return uri


def _test_settings(uri: str) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": uri,
        "RATELIMIT_STORAGE_URI": "memory://",
        "SERVER_NAME": None,
        "MAIL_SERVER": None,  # no email unless a test starts its own SMTP server (tests/mailbox.py)
        # a trainee's phone saves the assigned lessons for offline use in the background; only
        # the offline browser tests want that work (tests/browser/test_offline.py)
        "OFFLINE_PREFETCH": False,
    }


def _empty_tables() -> None:
    tables = list(reversed(_db.metadata.sorted_tables))
    if _db.engine.dialect.name == "postgresql":
        names = ", ".join(f'"{table.name}"' for table in tables)
        _db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            _db.session.execute(table.delete())
    _db.session.commit()


@pytest.fixture
def app(database_uri):
    app = create_app(_test_settings(database_uri))

    # The test holds one app context open and requests reuse it; empty ``g`` after each
    # request (logged-in user, CSRF token), as a real server's per-request context does.
    @app.teardown_request
    def _fresh_g(exc):
        for key in list(g):
            g.pop(key)

    with app.app_context():
        _empty_tables()
        yield app
        _db.session.remove()
        _db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def csrf_token(client, url: str) -> str:
    """The CSRF token a real browser would get from the form on ``url``."""
    html = client.get(url).get_data(as_text=True)
    match = CSRF_FIELD.search(html)
    assert match, f"no CSRF token on {url}"
    return match.group(1) or match.group(2)


def pytest_collection_modifyitems(items):
    """Mark tests that never touch the database, so CI's PostgreSQL pass can skip them."""
    for item in items:
        if "database_uri" not in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.nodb)
