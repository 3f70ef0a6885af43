"""A benchmark database: migrated, with the bundled content and one trainee to log in as."""

from __future__ import annotations


def seed_database(settings: dict, *, email: str, password: str, display_name: str, l1: str) -> None:
    from flask_migrate import upgrade

    from webapp import create_app
    from webapp.content import load_bundled_content
    from webapp.extensions import db
    from webapp.models import Role, User

    app = create_app(settings)
    with app.app_context():
        upgrade(revision="heads")
        load_bundled_content()
        user = User(email=email, display_name=display_name, role=Role.TRAINEE, l1=l1)
        user.set_password(password)
        db.session.add(user)
        db.session.commit()
        db.engine.dispose()
