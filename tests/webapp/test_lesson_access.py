"""One rule for who may see a lesson, on every page that shows it (``webapp.learn.access``):
a lesson assigned only to group 1 is closed to a trainee of group 2 everywhere."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select

from tests.conftest import csrf_token
from tests.factories import log_in, make_group, make_user
from tests.webapp.test_write import EXERCISE, LESSON, publish_lesson
from webapp.extensions import db
from webapp.models import Assignment, LessonTerm, Role

TITLE = "Puls och blodtryck"
PAGES = [
    f"/lektioner/{LESSON}",
    f"/ova/?lektion={LESSON}",
    f"/skriva/{LESSON}/{EXERCISE}",
    f"/skriva/{LESSON}/{EXERCISE}/respons",
    f"/kompetenskort/{LESSON}",
    f"/ova/paket?lektion={LESSON}",  # the items a phone takes along, with their answers
]
LISTS = ["/lektioner/", "/skriva/", "/kompetenskort"]


@pytest.fixture
def groups(app):
    """The lesson, assigned to group 1 only; a trainee in each group."""
    lesson = publish_lesson()
    first, second = make_group("Solgården"), make_group("Ekbacken")
    db.session.add(Assignment(lesson_id=lesson.id, group_id=first.id))
    db.session.commit()
    return lesson, make_user(Role.TRAINEE, first), make_user(Role.TRAINEE, second)


@pytest.mark.parametrize("url", PAGES)
def test_a_trainee_of_another_group_is_refused_on_every_page_of_the_lesson(client, groups, url):
    _, _, outsider = groups
    log_in(client, outsider)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", PAGES[:3] + PAGES[4:5])
def test_a_lesson_taken_from_the_group_says_so_and_leads_back_to_the_lessons(client, groups, url):
    lesson, member, _ = groups
    log_in(client, member)
    assert client.get(url).status_code == 200
    db.session.execute(delete(Assignment).where(Assignment.lesson_id == lesson.id))
    db.session.add(Assignment(lesson_id=lesson.id, group_id=make_group("Björkhagen").id))
    db.session.commit()
    response = client.get(url)
    html = response.get_data(as_text=True)
    assert response.status_code == 403
    assert "<h1>Lektionen hör inte längre till din grupp</h1>" in html
    assert "Det du redan har gjort i den finns kvar." in html
    assert '<a href="/lektioner/">Till dina lektioner</a>' in html
    assert "Du har inte behörighet" not in html


def test_a_phone_asking_for_a_closed_lesson_s_items_reads_why(client, groups):
    _, _, outsider = groups
    log_in(client, outsider)
    response = client.get(f"/ova/paket?lektion={LESSON}", headers={"Accept": "application/json"})
    assert response.status_code == 403
    assert response.get_json()["error"] == "Lektionen hör inte längre till din grupp"


@pytest.mark.parametrize("url", PAGES[:3] + PAGES[4:])
def test_a_trainee_of_the_assigned_group_opens_every_page_of_the_lesson(client, groups, url):
    _, member, _ = groups
    log_in(client, member)
    assert client.get(url).status_code == 200


def test_the_checker_api_refuses_the_lesson_to_another_group(client, groups):
    _, _, outsider = groups
    log_in(client, outsider)
    body = {"text": "Puls 72 slag/min.", "lesson": LESSON, "exercise": EXERCISE}
    token = csrf_token(client, "/skriva/")
    for url in ("/api/check", "/api/draft"):
        assert client.post(url, json=body, headers={"X-CSRFToken": token}).status_code == 403


@pytest.mark.parametrize("url", LISTS)
def test_lists_leave_out_a_lesson_of_another_group(client, groups, url):
    _, _, outsider = groups
    log_in(client, outsider)
    assert TITLE not in client.get(url).get_data(as_text=True)


def test_a_term_page_links_only_to_lessons_the_trainee_may_see(app, groups):
    lesson, member, outsider = groups
    term_id = db.session.scalar(select(LessonTerm.term_id).where(LessonTerm.lesson_id == lesson.id))
    for user, shown in ((outsider, False), (member, True)):
        client = app.test_client()
        log_in(client, user)
        html = client.get(f"/ordlista/{term_id}").get_data(as_text=True)
        assert (f"/lektioner/{LESSON}" in html) is shown


def test_a_lesson_assigned_to_no_group_is_open_to_every_trainee(client, app):
    publish_lesson()
    log_in(client, make_user(Role.TRAINEE, make_group()))
    for url in PAGES[:3] + PAGES[4:]:
        assert client.get(url).status_code == 200, url
    assert TITLE in client.get("/lektioner/").get_data(as_text=True)


def test_teachers_see_every_published_lesson(client, groups):
    log_in(client, make_user(Role.TEACHER, make_group("Annan grupp")))
    assert client.get(f"/lektioner/{LESSON}").status_code == 200
    assert TITLE in client.get("/lektioner/").get_data(as_text=True)


def test_the_default_drill_queue_takes_no_new_words_from_a_closed_lesson(app, groups):
    from webapp.drills.queue import lessons_for

    lesson, member, outsider = groups
    assert [scope.id for scope in lessons_for(member, None)] == [lesson.id]
    assert lessons_for(outsider, None) == []
