"""Configuration from the environment, migrations, and the setup commands."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import inspect

from webapp import create_app
from webapp.config import ConfigError, database_url, from_environment
from webapp.extensions import db


def test_production_refuses_to_start_without_secret_key_and_database(tmp_path):
    with pytest.raises(ConfigError, match="SECRET_KEY and DATABASE_URL"):
        from_environment(tmp_path, {"ORDVARD_ENV": "production"})
    with pytest.raises(ConfigError, match="DATABASE_URL"):
        from_environment(tmp_path, {"ORDVARD_ENV": "production", "SECRET_KEY": "x" * 40})


def test_production_cookies_are_secure(tmp_path):
    settings = from_environment(
        tmp_path,
        {"ORDVARD_ENV": "production", "SECRET_KEY": "k" * 40, "DATABASE_URL": "postgres://h/db"},
    )
    assert settings["SESSION_COOKIE_SECURE"] and settings["REMEMBER_COOKIE_SECURE"]
    assert settings["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://h/db"


def test_development_defaults_to_sqlite_and_keeps_its_generated_key(tmp_path):
    first = from_environment(tmp_path, {})
    second = from_environment(tmp_path, {})
    assert first["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'ordvard.db'}"
    assert len(first["SECRET_KEY"]) == 64 and first["SECRET_KEY"] == second["SECRET_KEY"]
    assert not first["SESSION_COOKIE_SECURE"]


def test_redis_url_becomes_rate_limit_storage(tmp_path):
    settings = from_environment(tmp_path, {"REDIS_URL": "redis://127.0.0.1:6379/0"})
    assert settings["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/0"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("postgres://u@h:5432/d", "postgresql+psycopg://u@h:5432/d"),
        ("postgresql://u@h/d", "postgresql+psycopg://u@h/d"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_database_urls_from_hosts_are_normalised(raw, expected):
    assert database_url(raw) == expected


def test_migrations_build_an_empty_sqlite_file_and_match_the_models(tmp_path):
    uri = f"sqlite:///{tmp_path / 'fresh.db'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": uri, "SECRET_KEY": "t"})
    with app.app_context():
        upgrade()
        assert {"users", "groups", "memberships"} <= set(inspect(db.engine).get_table_names())
        with db.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
        db.engine.dispose()
    assert differences == [], "models changed without a migration: run flask db migrate"


def test_migrated_test_database_matches_the_models(app):
    """Runs on PostgreSQL too when TEST_DATABASE_URL is set."""
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == []


def test_setup_creates_demo_accounts_once(runner):
    first = runner.invoke(args=["create-demo"])
    assert first.exit_code == 0, first.output
    assert "larare@ordvard.example" in first.output and "(skapad)" in first.output
    second = runner.invoke(args=["create-demo"])
    assert "(skapad)" not in second.output and second.output.count("(fanns redan)") == 4


def test_demo_teacher_leads_the_demo_group_with_both_trainees(app, runner):
    runner.invoke(args=["create-demo"])
    client = app.test_client()
    from tests.conftest import csrf_token

    token = csrf_token(client, "/logga-in")
    client.post(
        "/logga-in",
        data={
            "email": "larare@ordvard.example",
            "password": "demo-larare-ordvard",
            "csrf_token": token,
        },
    )
    page = client.get("/larare/grupper").get_data(as_text=True)
    assert "Demogruppen Solgården" in page and "Amina" in page and "Dawit" in page
