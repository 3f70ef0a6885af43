"""``POST /api/check`` and ``POST /api/draft``: what the writing page's script relies on, and
what keeps the endpoints from being misused."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.conftest import csrf_token
from tests.factories import log_in, make_group, make_user
from tests.webapp.test_write import COLLOQUIAL_NOTE, EXERCISE, LESSON, URL, publish_lesson
from webapp.extensions import db
from webapp.models import Assignment, NoteDraft, Role


@pytest.fixture
def trainee(app):
    publish_lesson()
    return make_user(Role.TRAINEE, make_group())


@pytest.fixture
def api(client, trainee):
    """A logged-in trainee's client and the CSRF token the writing page hands the script."""
    log_in(client, trainee)
    return client, csrf_token(client, URL)


def body(text=COLLOQUIAL_NOTE, **extra):
    return {"text": text, "lesson": LESSON, "exercise": EXERCISE, **extra}


def check(client, token, payload):
    return client.post("/api/check", json=payload, headers={"X-CSRFToken": token} if token else {})


def test_check_returns_the_report_for_the_exercises_terms(api):
    client, token = api
    response = check(client, token, body())
    report = response.get_json()
    assert response.status_code == 200
    kinds = {f["kind"]: f["text"] for f in report["findings"]}
    assert kinds["split_compound"] == "blod tryck" and kinds["colloquial"] == "tanten"
    assert report["terms"]["missing"] == ["blodtryck"]
    assert {"lix", "words"} <= set(report["readability"])


def test_check_refuses_more_than_20000_characters_with_a_swedish_message(api):
    client, token = api
    response = check(client, token, body("a" * 20_001))
    assert response.status_code == 413
    assert "högst 20 000 tecken" in response.get_json()["message"]
    assert check(client, token, body("a " * 10_000)).status_code == 200  # exactly 20 000


def test_check_needs_a_logged_in_session(client, trainee):
    token = csrf_token(client, "/logga-in")
    response = check(client, token, body())
    assert response.status_code == 401 and "inte inloggad" in response.get_json()["message"]
    assert check(client, None, body()).status_code == 401


def test_check_after_the_session_ran_out_says_so(api):
    client, token = api
    client.delete_cookie("session")
    response = check(client, token, body())
    assert response.status_code == 401 and "Logga in igen" in response.get_json()["message"]


def test_check_needs_the_csrf_token(api):
    client, _ = api
    response = check(client, None, body())
    assert response.status_code == 400 and response.is_json
    assert check(client, "fel-token", body()).status_code == 400


def test_check_is_rate_limited_per_user(app, api):
    client, token = api
    app.config["API_CHECK_LIMIT"] = "3 per minute"
    assert [check(client, token, body()).status_code for _ in range(4)] == [200, 200, 200, 429]
    refused = check(client, token, body()).get_json()
    assert "För många" in refused["error"] and "Vänta en minut" in refused["message"]
    other = app.test_client()
    log_in(other, make_user(Role.TRAINEE, make_group("Annan")))
    assert check(other, csrf_token(other, URL), body()).status_code == 200  # their own limit


def test_check_against_another_groups_exercise_is_refused(api):
    client, token = api
    from webapp.models import Lesson

    lesson = db.session.scalar(select(Lesson).where(Lesson.slug == LESSON))
    db.session.add(Assignment(lesson_id=lesson.id, group_id=make_group("Annan grupp").id))
    db.session.commit()
    assert check(client, token, body()).status_code == 403
    assert client.post("/api/draft", json=body(), headers={"X-CSRFToken": token}).status_code == 403


def test_check_of_unknown_exercise_or_malformed_body_is_refused(api):
    client, token = api
    assert check(client, token, body(exercise="finns-inte")).status_code == 404
    assert check(client, token, {"text": 5}).status_code == 400


def test_teacher_cannot_use_the_trainee_api(client, trainee):
    log_in(client, make_user(Role.TEACHER))
    assert check(client, csrf_token(client, "/oversikt"), body()).status_code == 403


def test_autosave_keeps_the_draft_but_never_a_personnummer(api):
    client, token = api
    saved = client.post("/api/draft", json=body("Utkast ett."), headers={"X-CSRFToken": token})
    assert saved.status_code == 200 and "saved_at" in saved.get_json()
    refused = client.post(
        "/api/draft", json=body("Brukaren 19450101-1235."), headers={"X-CSRFToken": token}
    )
    assert refused.status_code == 422 and "personnummer" in refused.get_json()["message"]
    assert db.session.scalar(select(NoteDraft)).text == "Utkast ett."


LONG_UNKNOWN = (
    " ".join("qzx" + "".join(chr(97 + n // 26**k % 26) for k in range(3)) for n in range(600))
    + " Ring 19450101-1235."
)


def test_a_text_too_long_to_check_whole_says_how_far_it_was_checked(api):
    client, token = api
    report = check(client, token, body(LONG_UNKNOWN)).get_json()
    assert report["checked"]["complete"] is False
    assert report["checked"]["message"].startswith("Bara början av texten är granskad")
    assert (
        max(f["end"] for f in report["findings"] if f["kind"] == "spelling")
        <= report["checked"]["end"]
    )
    # a personnummer after the cut is still found, so the draft is still refused
    assert any(f["kind"] == "personal_data" for f in report["findings"])
    saved = client.post("/api/draft", json=body(LONG_UNKNOWN), headers={"X-CSRFToken": token})
    assert saved.status_code == 422
