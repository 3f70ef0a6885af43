"""The Ordvård web site: ``create_app`` builds a configured Flask app."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from glossary.problems import counted
from webapp import config as config_module
from webapp import names
from webapp.extensions import csrf, db, limiter, login_manager, mail, migrate
from webapp.languages import text_direction
from webapp.models.time import render_migration_type

MIGRATIONS = Path(__file__).parent / "migrations"


def create_app(overrides: dict | None = None) -> Flask:
    """Make the app. ``overrides`` replace environment settings (tests pass their own)."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(config_module.from_environment(Path(app.instance_path)))
    if overrides:
        app.config.update(overrides)
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = config_module.engine_options(
        app.config["SQLALCHEMY_DATABASE_URI"], app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {})
    )
    if app.config["TRUST_PROXY"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)

    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(MIGRATIONS), render_as_batch=True, render_item=render_migration_type
    )
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    mail.init_app(app)

    from webapp import errors, input_guard, security
    from webapp.account import bp as account_bp
    from webapp.admin import bp as admin_bp
    from webapp.api import bp as api_bp
    from webapp.audio import bp as audio_bp
    from webapp.auth import bp as auth_bp
    from webapp.author import bp as author_bp
    from webapp.cards import bp as cards_bp
    from webapp.cli import register_commands
    from webapp.content_review import bp as content_review_bp
    from webapp.drills import bp as drills_bp
    from webapp.home import bp as home_bp
    from webapp.learn import bp as learn_bp
    from webapp.offline import bp as offline_bp
    from webapp.review import bp as review_bp
    from webapp.teach import bp as teach_bp
    from webapp.words import bp as words_bp
    from webapp.write import bp as write_bp

    for blueprint in (
        home_bp,
        auth_bp,
        account_bp,
        teach_bp,
        admin_bp,
        words_bp,
        learn_bp,
        audio_bp,
        author_bp,
        write_bp,
        api_bp,
        drills_bp,
        review_bp,
        cards_bp,
        content_review_bp,
        offline_bp,
    ):
        app.register_blueprint(blueprint)
    app.jinja_env.filters["text_direction"] = text_direction
    app.jinja_env.filters["name"] = names.name
    app.jinja_env.filters["plain_name"] = names.plain_name
    app.jinja_env.globals["counted"] = counted
    input_guard.register(app)
    errors.register(app)
    security.register(app)
    register_commands(app)
    return app
