"""Fixtures shared by the web and browser tests: a migrated database and a fresh app per test.

The database is SQLite in a temporary file, or PostgreSQL when ``TEST_DATABASE_URL`` is set
(CI runs the suite both ways). The schema is built once per session by the real migrations;
every test then starts from empty tables. Tests that need the whole bundled term bank and lessons
ask for ``bundled_content``: the real loader runs once per session, and each test gets a copy
of its rows (loading the bank takes tens of seconds, copying it well under one).
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
from webapp.learn import cache as learn_cache

CSRF_FIELD = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
)


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


SNAPSHOT = "bundled_snapshot"  # an attached SQLite file, or a PostgreSQL schema


@pytest.fixture(scope="session")
def _bundled_snapshot(database_uri, tmp_path_factory) -> tuple[str, list[str]]:
    """Load the bundled content once with the real loader and keep a copy of every non-empty
    table; returns where the copy lives and the tables, parents first."""
    from webapp.content import load_bundled_content

    path = str(tmp_path_factory.mktemp("snapshot") / "content.db")
    app = create_app(_test_settings(database_uri))
    with app.app_context():
        _empty_tables()
        load_bundled_content()
        tables = [
            table.name
            for table in _db.metadata.sorted_tables
            if _db.session.scalar(text(f'SELECT 1 FROM "{table.name}" LIMIT 1'))
        ]
        with _db.engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text(f"DROP SCHEMA IF EXISTS {SNAPSHOT} CASCADE"))
                connection.execute(text(f"CREATE SCHEMA {SNAPSHOT}"))
            _attach(connection, path)
            for name in tables:
                connection.execute(
                    text(f'CREATE TABLE {SNAPSHOT}."{name}" AS SELECT * FROM "{name}"')
                )
            connection.commit()
            _detach(connection)
        _empty_tables()
        _db.session.remove()
        _db.engine.dispose()
    return path, tables


@pytest.fixture
def bundled_content(app, _bundled_snapshot) -> None:
    """The whole bundled term bank and lessons, as ``webapp.content.load_bundled_content``
    leaves them (rows copied from the session's snapshot)."""
    path, tables = _bundled_snapshot
    postgresql = _db.engine.dialect.name == "postgresql"
    with _db.engine.connect() as connection:
        _attach(connection, path)
        if postgresql and connection.scalar(text("SELECT current_setting('is_superuser')")) == "on":
            # the rows are the loader's own and already consistent: skip a foreign-key check
            # per copied row (halves the copy of 150,000 search keys)
            connection.execute(text("SET LOCAL session_replication_role = replica"))
        for table in _db.metadata.sorted_tables:
            if table.name not in tables:
                continue
            columns = ", ".join(f'"{column.name}"' for column in table.columns)
            connection.execute(
                text(
                    f'INSERT INTO "{table.name}" ({columns}) '
                    f'SELECT {columns} FROM {SNAPSHOT}."{table.name}"'
                )
            )
            if postgresql and "id" in table.columns:  # later inserts continue after the copies
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f'(SELECT max(id) FROM "{table.name}"))'
                    )
                )
        connection.commit()
        _detach(connection)


def _attach(connection, path: str) -> None:
    """Make the snapshot reachable as ``SNAPSHOT.<table>`` on this connection."""
    if connection.dialect.name == "postgresql":
        return
    connection.exec_driver_sql(f"ATTACH DATABASE '{path}' AS {SNAPSHOT}")
    connection.commit()


def _detach(connection) -> None:
    if connection.dialect.name != "postgresql":
        connection.exec_driver_sql(f"DETACH DATABASE {SNAPSHOT}")
        connection.commit()


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
        learn_cache.clear()  # a fresh app is a fresh worker: no lesson page rendered yet
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
