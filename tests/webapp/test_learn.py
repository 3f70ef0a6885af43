"""The trainee's lesson pages: the list with progress, the lesson with its tappable terms."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from tests.factories import log_in, make_group, make_user
from webapp.extensions import db
from webapp.models import Assignment, Card, Lesson, LessonTerm, Role
from webapp.models.time import utcnow

LESSON = "puls-och-blodtryck"


@pytest.fixture
def content(bundled_content):
    """The bundled term bank and lessons (tests/conftest.py)."""


def _lesson(slug: str = LESSON) -> Lesson:
    return db.session.scalar(select(Lesson).where(Lesson.slug == slug))


def test_trainee_sees_published_lessons_per_area_but_not_drafts(client, content):
    draft = _lesson("munvard")
    draft.status = "draft"
    db.session.commit()
    log_in(client, make_user())
    html = client.get("/lektioner/").get_data(as_text=True)
    assert "Puls och blodtryck" in html and "Vitalparametrar" in html
    assert draft.title not in html
    assert client.get("/lektioner/munvard").status_code == 404


def test_assigned_lessons_come_first_with_progress(client, content):
    group = make_group()
    trainee = make_user(group=group)
    lesson = _lesson()
    db.session.add(Assignment(lesson_id=lesson.id, group_id=group.id))
    term_id = db.session.scalars(
        select(LessonTerm.term_id).where(LessonTerm.lesson_id == lesson.id)
    ).first()
    db.session.add(
        Card(
            user_id=trainee.id,
            term_id=term_id,
            direction="recognise",
            state=2,
            due=utcnow(),
            last_review=utcnow(),
        )
    )
    db.session.commit()
    log_in(client, trainee)
    html = client.get("/lektioner/").get_data(as_text=True)
    first_section = html.split("Lektioner från din lärare")[1].split("<h2")[0]
    assert "Puls och blodtryck" in first_section
    words = len(lesson.terms)
    assert f"1 av {words} ord övade" in first_section
    dashboard = client.get("/oversikt").get_data(as_text=True)
    assert "Puls och blodtryck" in dashboard.split('id="lektioner"')[1].split("</section>")[0]


def test_lesson_page_shows_steps_with_term_details_and_audio(client, content):
    log_in(client, make_user(l1="ar"))
    html = client.get(f"/lektioner/{LESSON}").get_data(as_text=True)
    steps = re.findall(r'<li class="step"', html)
    assert len(steps) == len(_lesson().body["procedure"])
    assert '<details class="term"><summary lang="sv">manschetten</summary>' in html
    assert 'preload="none"' in html and 'src="/ljud/' in html
    # The Arabic translation is marked as Arabic, right to left, and not yet reviewed.
    assert re.search(
        r'<span lang="ar" dir="rtl">[^<]+</span> <span class="review-note">\(inte granskad ännu\)',
        html,
    )


def test_dialogue_lines_each_have_a_clip(client, content):
    log_in(client, make_user())
    html = client.get(f"/lektioner/{LESSON}").get_data(as_text=True)
    dialogue = html.split('id="samtal"')[1].split("</section>")[0]
    assert dialogue.count("<audio") == len(_lesson().body["dialogue"]) > 0


def test_hygiene_and_safety_notes_are_labelled(client, content):
    log_in(client, make_user())
    html = client.get("/lektioner/handhygien-och-basala-hygienrutiner").get_data(as_text=True)
    assert (
        '<span class="note-label">Hygien:</span>' in html
        or '<span class="note-label">Säkerhet:</span>' in html
    )


def test_the_page_costs_the_same_queries_however_many_terms(app, client, content):
    from sqlalchemy import event

    log_in(client, make_user())
    queries = []

    def count(*args):
        queries.append(1)

    counts = []
    event.listen(db.engine, "before_cursor_execute", count)
    for slug in (LESSON, "muntlig-rapport-med-sbar", LESSON):
        db.session.remove()  # as a real server starts each request with a fresh session
        queries.clear()
        assert client.get(f"/lektioner/{slug}").status_code == 200
        counts.append(len(queries))
    event.remove(db.engine, "before_cursor_execute", count)
    # First views render the body (user, lesson, terms, body); a repeat is served from cache.
    assert counts[0] == counts[1] <= 4 and counts[2] < counts[0]


def test_teachers_may_read_the_trainee_page_too(client, content):
    log_in(client, make_user(Role.TEACHER))
    assert client.get(f"/lektioner/{LESSON}").status_code == 200


def test_lesson_links_to_its_drills_and_writing_exercise_when_those_pages_exist(
    app, client, content
):
    from flask import url_for

    log_in(client, make_user())
    html = client.get(f"/lektioner/{LESSON}").get_data(as_text=True)
    exercise = _lesson().body["exercises"][0]["id"]
    with app.test_request_context():
        links = {
            "drills.session": lambda: url_for("drills.session", lektion=LESSON),
            "write.exercise": lambda: url_for("write.exercise", lesson=LESSON, exercise=exercise),
        }
        for endpoint, build in links.items():
            if endpoint in app.view_functions:
                assert f'href="{build()}"'.replace("&", "&amp;") in html, endpoint
            else:
                assert endpoint.split(".")[0] not in html


def test_a_first_visit_without_assigned_lessons_suggests_one_and_its_drill(client, content):
    log_in(client, make_user())
    dashboard = client.get("/oversikt").get_data(as_text=True)
    lessons = dashboard.split('id="lektioner"')[1].split("</section>")[0]
    assert "Börja gärna med" in lessons and "Handhygien och basala hygienrutiner" in lessons  # A2
    slug = "handhygien-och-basala-hygienrutiner"
    assert f'href="/ova/?lektion={slug}"' in dashboard
    assert "Du har inga ord att öva just nu" not in dashboard
    assert client.get(f"/ova/?lektion={slug}").status_code == 200


def test_without_assigned_lessons_the_start_page_has_one_drill_button(client, content):
    """The suggested lesson's panel reads the lesson; its words are drilled from "Öva ord i
    dag" (two buttons side by side, "Öva lektionens ord" and "Öva orden i lektionen", did the
    same)."""
    log_in(client, make_user())
    dashboard = client.get("/oversikt").get_data(as_text=True)
    drill_buttons = re.findall(r'class="button[^"]*" href="(/ova/[^"]*)"', dashboard)
    assert drill_buttons == ["/ova/?lektion=handhygien-och-basala-hygienrutiner"]
    assert "Öva orden i lektionen" in dashboard
