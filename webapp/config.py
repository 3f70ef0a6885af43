"""Settings from the environment, with defaults that make a fresh checkout run on SQLite.

Production (``ORDVARD_ENV=production``) refuses to start without a real ``SECRET_KEY`` and
``DATABASE_URL``: a generated key or a throwaway SQLite file there would silently log everyone
out on every deploy, or lose data.

Rate limits when Redis is away (``REDIS_URL`` set but unreachable): each worker keeps counting
**in its own memory** (Flask-Limiter's in-memory fallback) and goes back to Redis once it
answers again (checked with a growing pause). Chosen over ``swallow_errors`` alone, which would
stop counting altogether: the login budget is what stands between a password and guessing, and
it must hold while Redis restarts. The price: while Redis is away each gunicorn worker has its
own counters (with 2 workers, at most twice the budget), and counts made before the switch are
forgotten. ``swallow_errors`` is on as well, but only catches what the fallback cannot: Redis
dying between a request's check and its after-the-response deduction (that one attempt goes
uncounted instead of answering 500). Short socket timeouts make a Redis that hangs count as away
within half a second instead of holding the request.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


class ConfigError(RuntimeError):
    """The environment cannot run the app; the message says what to set."""


def database_url(raw: str) -> str:
    """Normalise a database URL so SQLAlchemy uses psycopg 3 for PostgreSQL.

    Heroku-style hosts hand out ``postgres://``, which SQLAlchemy no longer accepts.
    """
    for prefix in ("postgres://", "postgresql://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix) :]
    return raw


CONNECT_TIMEOUT_SECONDS = 5


def engine_options(uri: str, options: dict) -> dict:
    """Engine options for ``uri``: every connection is checked before use (``pool_pre_ping``)
    so the site reconnects by itself after the database restarts, and a PostgreSQL connection
    attempt gives up after ``CONNECT_TIMEOUT_SECONDS`` (the error page then says 503) instead
    of hanging until the worker is killed."""
    merged = {"pool_pre_ping": True, **options}
    if uri.startswith("postgresql"):
        connect_args = {"connect_timeout": CONNECT_TIMEOUT_SECONDS}
        merged["connect_args"] = connect_args | merged.get("connect_args", {})
    return merged


def _persisted_secret(instance_path: Path) -> str:
    """A development key kept in the instance folder, so sessions survive restarts."""
    key_file = instance_path / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key = secrets.token_hex(32)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


def from_environment(instance_path: Path, env: os._Environ | dict | None = None) -> dict:
    """Build the Flask config mapping for this process's environment."""
    env = os.environ if env is None else env
    production = env.get("ORDVARD_ENV", "development") == "production"
    if production:
        missing = [name for name in ("SECRET_KEY", "DATABASE_URL") if not env.get(name)]
        if missing:
            raise ConfigError(
                "ORDVARD_ENV=production needs "
                + " and ".join(missing)
                + " in the environment; refusing to start with development defaults."
            )
    instance_path.mkdir(parents=True, exist_ok=True)
    redis_url = env.get("REDIS_URL")
    return mail_settings(env) | {
        "ORDVARD_ENV": "production" if production else "development",
        "SECRET_KEY": env.get("SECRET_KEY") or _persisted_secret(instance_path),
        "SQLALCHEMY_DATABASE_URI": database_url(
            env.get("DATABASE_URL") or f"sqlite:///{instance_path / 'ordvard.db'}"
        ),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "RATELIMIT_STORAGE_URI": redis_url or "memory://",
        "RATELIMIT_HEADERS_ENABLED": True,
        # Redis away: count in memory, never 500 (see the module's docstring).
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        "RATELIMIT_SWALLOW_ERRORS": True,
        "RATELIMIT_STORAGE_OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": production,
        "PREFERRED_URL_SCHEME": "https" if production else "http",
        "TRUST_PROXY": env.get("TRUST_PROXY", "1" if production else "0") == "1",
        "WTF_CSRF_TIME_LIMIT": None,
        "MAX_CONTENT_LENGTH": int(env.get("MAX_CONTENT_LENGTH", 8 * 1024 * 1024)),
    }


def mail_settings(env: os._Environ | dict) -> dict:
    """Flask-Mail's settings from ``MAIL_*``. Without ``MAIL_SERVER`` the site sends no email
    and says so where a person would expect one (the quick start needs none of these).

    Sending is never suppressed by ``TESTING``: a test that wants email starts its own SMTP
    server and sets ``MAIL_SERVER``; one that does not leaves it unset.
    """
    server = env.get("MAIL_SERVER") or None
    if server and not env.get("MAIL_FROM"):
        raise ConfigError("MAIL_SERVER is set but MAIL_FROM is not: set the sender address too.")
    return {
        "MAIL_SERVER": server,
        "MAIL_PORT": int(env.get("MAIL_PORT") or (587 if env.get("MAIL_USE_TLS") == "1" else 25)),
        "MAIL_USE_TLS": env.get("MAIL_USE_TLS", "0") == "1",
        "MAIL_USE_SSL": env.get("MAIL_USE_SSL", "0") == "1",
        "MAIL_USERNAME": env.get("MAIL_USERNAME") or None,
        "MAIL_PASSWORD": env.get("MAIL_PASSWORD") or None,
        "MAIL_DEFAULT_SENDER": env.get("MAIL_FROM") or None,
        "MAIL_SUPPRESS_SEND": False,
    }
