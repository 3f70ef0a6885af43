"""Settings from the environment, with defaults that make a fresh checkout run on SQLite.

Production (``ORDVARD_ENV=production``) refuses to start without a real ``SECRET_KEY`` and
``DATABASE_URL``: a generated key or a throwaway SQLite file there would silently log everyone
out on every deploy, or lose data.
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
            return "postgresql+psycopg://" + raw[len(prefix):]
    return raw


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
                "ORDVARD_ENV=production needs " + " and ".join(missing)
                + " in the environment; refusing to start with development defaults."
            )
    instance_path.mkdir(parents=True, exist_ok=True)
    redis_url = env.get("REDIS_URL")
    return {
        "ORDVARD_ENV": "production" if production else "development",
        "SECRET_KEY": env.get("SECRET_KEY") or _persisted_secret(instance_path),
        "SQLALCHEMY_DATABASE_URI": database_url(
            env.get("DATABASE_URL") or f"sqlite:///{instance_path / 'ordvard.db'}"
        ),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "RATELIMIT_STORAGE_URI": redis_url or "memory://",
        "RATELIMIT_HEADERS_ENABLED": True,
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
