"""Names with direction controls or invisible characters: refused or cleaned when typed, and
shown isolated (``<bdi>``) on the pages that list people, so one name cannot turn a row around.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from tests.conftest import csrf_token
from tests.factories import log_in, make_group, make_user
from tests.webapp.test_cards import approve, sign_url
from tests.webapp.test_review import client_for, submitted
from tests.webapp.test_write import GOOD_NOTE, publish_lesson
from webapp.extensions import db
from webapp.models import Group, Role, User
from webapp.names import REORDERED_MESSAGE, clean_name

RLO, LRM, ZWSP, ZWNJ, BOM = "\u202e", "\u200e", "\u200b", "\u200c", "\ufeff"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (f"{RLO}animA", "animA"),
        (f"Fatima{ZWSP}{BOM}", "Fatima"),
        (f"{LRM}أمينة{LRM} Yusuf", "أمينة Yusuf"),
        ("Ami\tna\n  Y\u2028", "Ami na Y"),
        ("a\u030angström", "ångström"),  # one composed å, as a search would type it
        (f"علی{ZWNJ}رضا", f"علی{ZWNJ}رضا"),  # Persian writes the non-joiner inside names
        (f"Ami{ZWNJ}na", "Amina"),  # where it joins nothing, it only makes a look-alike
    ],
)
def test_a_name_keeps_only_its_visible_text(typed, stored):
    assert clean_name(typed) == stored


def register(client, name):
    make_group(join_code="SOLGARDEN")
    data = {
        "join_code": "SOLGARDEN",
        "display_name": name,
        "email": "fatima@exempel.se",
        "l1": "ar",
        "password": "mitt-långa-lösenord",
        "confirm": "mitt-långa-lösenord",
        "csrf_token": csrf_token(client, "/registrera"),
    }
    return client.post("/registrera", data=data)


def test_a_name_with_a_direction_override_is_refused_and_shown_as_it_would_be_stored(client):
    response = register(client, f"{RLO}amitaF")
    html = response.get_data(as_text=True)
    assert REORDERED_MESSAGE in html
    assert 'value="amitaF"' in html and RLO not in html
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_invisible_characters_in_a_name_are_dropped_without_a_word(client):
    assert register(client, f"{ZWSP}Fatima{LRM}").status_code == 302
    assert db.session.scalar(select(User.display_name)) == "Fatima"


def test_the_profile_refuses_an_override_and_keeps_the_old_name(client):
    user = make_user(name="Amina")
    log_in(client, user)
    response = client.post(
        "/konto/profil",
        data={
            "profil-display_name": f"Amina{RLO} Y",
            "profil-l1": "ar",
            "csrf_token": csrf_token(client, "/konto"),
        },
    )
    assert response.status_code == 400 and REORDERED_MESSAGE in response.get_data(as_text=True)
    db.session.refresh(user)
    assert user.display_name == "Amina"


def test_a_group_name_with_an_override_is_refused(client):
    log_in(client, make_user(Role.TEACHER))
    token = csrf_token(client, "/larare/grupper")
    response = client.post("/larare/grupper", data={"name": f"Hem{RLO}tjänst", "csrf_token": token})
    assert response.status_code == 400 and REORDERED_MESSAGE in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Group)) == 0


def store_raw(user: User, name: str) -> None:
    """A name stored before the rule (or by hand): written past the services."""
    db.session.execute(update(User).where(User.id == user.id).values(display_name=name))
    db.session.commit()


def test_teacher_pages_isolate_names_and_drop_stored_overrides(app):
    lesson = publish_lesson()
    group = make_group("Solgården")
    teacher = make_user(Role.TEACHER, group, name="Sköterska Sara")
    spoofer = make_user(Role.TRAINEE, group, name="x")
    store_raw(spoofer, f"Ali{RLO} – nekcalB")
    arabic = make_user(Role.TRAINEE, group, name="أمينة")
    submitted(spoofer, lesson, GOOD_NOTE)
    approve(app, teacher, arabic, lesson)
    client = client_for(app, teacher)
    pages = {
        "/larare/grupper": ["Ali – nekcalB", "أمينة"],
        "/larare/granska/": ["Ali – nekcalB"],
        "/kompetenskort/signera": ["أمينة"],
        sign_url(arabic): ["أمينة"],
    }
    for url, names in pages.items():
        html = client.get(url).get_data(as_text=True)
        assert RLO not in html, url
        for shown in names:
            assert f"<bdi>{shown}</bdi>" in html, (url, shown)


def test_names_stored_before_the_rule_are_cleaned_by_the_migration(tmp_path):
    """Migration 0009 rewrites stored names with ``clean_name``; clean names are untouched."""
    from flask_migrate import upgrade
    from sqlalchemy import text

    from webapp import create_app

    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'old.db'}", "SECRET_KEY": "t"}
    )
    stored = {
        1: f"{RLO}animA",  # shown reversed in every list before
        2: f"Fatima{ZWSP}\tYusuf{BOM}",
        3: f"علی{ZWNJ}رضا",  # Persian's non-joiner stays
        4: f"{LRM}{ZWSP}",  # nothing visible
    }
    with app.app_context():
        upgrade(revision="0008_offline_answers")
        with db.engine.begin() as connection:
            for user_id, name in stored.items():
                connection.execute(
                    text(
                        "INSERT INTO users (id, email, display_name, password_hash, role, l1,"
                        " created_at, session_version) VALUES (:id, :email, :name, 'x',"
                        " 'trainee', 'sv', '2026-01-01 00:00:00', 1)"
                    ),
                    {"id": user_id, "email": f"u{user_id}@example.org", "name": name},
                )
            connection.execute(
                text(
                    "INSERT INTO groups (id, name, join_code, created_at, desired_retention)"
                    " VALUES (1, :name, 'KOD1', '2026-01-01 00:00:00', 0.9)"
                ),
                {"name": f"Sol{ZWSP}gården{RLO}"},
            )
        upgrade()
        with db.engine.connect() as connection:
            users = dict(connection.execute(text("SELECT id, display_name FROM users")).all())
            group = connection.execute(text("SELECT name FROM groups")).scalar_one()
        db.engine.dispose()
    assert users == {1: "animA", 2: "Fatima Yusuf", 3: f"علی{ZWNJ}رضا", 4: "Konto 4"}
    assert group == "Solgården"
