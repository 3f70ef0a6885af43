"""The lesson editor attacked: a status the form does not offer, and another teacher's private
draft opened, exported, restored or assigned by its address."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.conftest import csrf_token
from tests.factories import log_in, make_group, make_user
from tests.webapp.test_author import NEW, content, create, lesson_form  # noqa: F401
from webapp.extensions import db
from webapp.models import Assignment, Lesson, LessonVersion, Role


@pytest.fixture
def teacher(client, content):  # noqa: F811
    log_in(client, make_user(Role.TEACHER, name="Lena Lärare"))


@pytest.mark.usefixtures("teacher")
@pytest.mark.parametrize("status", ["archived", "PUBLISHED", "published "])
def test_a_status_the_editor_does_not_offer_is_refused_and_the_lesson_kept(client, status):
    before = db.session.scalar(select(func.count()).select_from(Lesson))
    response = client.post(NEW, data=lesson_form(client, NEW, status=status))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Välj Utkast eller Publicerad." in html
    assert "Blodtryck på kvällen" in html  # what was typed is still in the form
    assert db.session.scalar(select(func.count()).select_from(Lesson)) == before


def test_another_teachers_private_draft_cannot_be_reached_by_its_address(app, client, content):  # noqa: F811
    log_in(client, make_user(Role.TEACHER, name="Lena Lärare"))
    private = create(client, title="Lenas utkast", shared=None)
    assert not private.shared and private.status == "draft"
    versions = db.session.scalar(select(func.count()).select_from(LessonVersion))

    other = app.test_client()
    log_in(other, make_user(Role.TEACHER, make_group("Annan grupp"), name="Olle Annan"))
    base = f"/larare/lektioner/{private.slug}"
    for path in ("/andra", "/forhandsgranska", "/export.yaml", "/versioner", "/grupper"):
        assert other.get(base + path).status_code == 403, path
    token = csrf_token(other, "/larare/lektioner/")
    group = db.session.scalar(select(Assignment.group_id))  # none yet
    posts = {
        "/andra": lesson_form(other, NEW, title="Kapad"),
        "/versioner/1/aterstall": {"csrf_token": token, "current": "1"},
        "/grupper": {"csrf_token": token, "group": str(group or 1), "action": "assign"},
    }
    for path, data in posts.items():
        assert other.post(base + path, data=data).status_code == 403, path
    db.session.expire_all()
    assert db.session.get(Lesson, private.id).title == "Lenas utkast"
    assert db.session.scalar(select(func.count()).select_from(LessonVersion)) == versions
    assert db.session.scalar(select(Assignment)) is None
