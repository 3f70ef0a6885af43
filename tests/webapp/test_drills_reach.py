"""Drilling where the trainee's groups set the bounds: an item handed out before its lesson was
taken from the trainee's group no longer counts (online or synced from a phone), and a script
posting answers or asking for packs is slowed down in Swedish, as syncing is."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select

from tests.conftest import csrf_token
from tests.factories import make_group
from tests.webapp.test_offline_sync import (  # noqa: F401 - clock, group, trainee: fixtures
    LESSON,
    answer,
    clock,
    group,
    reviews,
    send,
    take_along,
    trainee,
)
from webapp.drills import routes
from webapp.extensions import db
from webapp.models import Assignment, Card, DrillItem, Lesson

pytestmark = pytest.mark.usefixtures("trainee")  # logged in on ``client``


@pytest.fixture
def assigned(request):
    """The lesson, assigned to the trainee's group."""
    members = request.getfixturevalue("group")
    lesson = db.session.scalar(select(Lesson).where(Lesson.slug == LESSON))
    db.session.add(Assignment(lesson_id=lesson.id, group_id=members.id))
    db.session.commit()
    return lesson


def take_from_group(lesson) -> None:
    """The teacher unassigns the lesson; it goes on with another group only."""
    db.session.execute(delete(Assignment).where(Assignment.lesson_id == lesson.id))
    db.session.add(Assignment(lesson_id=lesson.id, group_id=make_group("Ekbacken").id))
    db.session.commit()


def post(client, item: dict, lesson: str = LESSON, **headers):
    fields = {k: v for k, v in answer(item, 0).items() if k not in ("id", "answered_at")}
    data = {"csrf_token": csrf_token(client, "/oversikt"), "lesson": lesson, "done": "0"}
    data.update({k: str(v) for k, v in fields.items() if not isinstance(v, list)})
    return client.post("/ova/svar", data=data, headers=headers)


def flashcard(items: list[dict]) -> dict:
    return next(i for i in items if i["prompt"]["kind"] == "flashcard")


def test_an_answer_after_the_lesson_left_the_group_is_refused_and_changes_no_schedule(
    client, assigned
):
    item = flashcard(take_along(client))
    take_from_group(assigned)
    response = post(client, item)
    assert response.status_code == 403
    html = response.get_data(as_text=True)
    assert "<h1>Lektionen hör inte längre till din grupp</h1>" in html
    assert "hör till en lektion som din grupp inte har längre" in html
    assert "Du har inte behörighet" not in html
    part = post(client, item, **{"X-Requested-With": "fetch"}).get_data(as_text=True)
    assert '<h2 tabindex="-1">Lektionen hör inte längre till din grupp</h2>' in part  # drills.js
    assert reviews() == 0
    assert db.session.scalar(select(Card.last_review)) is None  # the card is still new
    answered = db.session.scalar(
        select(DrillItem.answered_at).where(DrillItem.token == item["token"])
    )
    assert answered is None


def test_from_the_day_s_drills_the_refused_answer_is_said_and_no_word_of_the_lesson_follows(
    client, assigned
):
    item = flashcard(take_along(client))
    take_from_group(assigned)
    response = post(client, item, lesson="", **{"X-Requested-With": "fetch"})
    html = response.get_data(as_text=True)
    assert response.status_code == 403
    assert "Svaret räknades inte" in html
    assert "Inga ord att öva just nu." in html  # the lesson's words are out of the queue
    assert reviews() == 0


def test_an_answer_synced_after_the_lesson_left_the_group_does_not_count(client, assigned):
    items = take_along(client)
    kept = answer(items[0], 0)
    take_from_group(assigned)
    response = send(client, [kept])
    result = response.get_json()["results"][0]
    assert response.status_code == 403
    assert result["status"] == "closed"
    assert "Svaret räknades inte" in result["message"]
    assert reviews() == 0


def test_a_lesson_left_with_no_group_is_open_to_all_so_its_answers_count(client, assigned):
    item = flashcard(take_along(client))
    db.session.execute(delete(Assignment))
    db.session.commit()
    assert post(client, item).status_code == 200
    assert reviews() == 1


def test_a_script_posting_answers_is_slowed_down_in_swedish(client):
    item = flashcard(take_along(client))
    limit = int(routes.ANSWER_LIMIT.split()[0])
    token = csrf_token(client, "/oversikt")
    data = {"csrf_token": token, "token": item["token"], "lesson": LESSON, "rating": "3"}
    statuses = [client.post("/ova/svar", data=data).status_code for _ in range(limit)]
    assert 429 not in statuses and reviews() == 1  # the first counted, the rest were replays
    refused = client.post("/ova/svar", data=data, headers={"X-Requested-With": "fetch"})
    assert refused.status_code == 429
    html = refused.get_data(as_text=True)
    assert "<html" not in html and "Vänta en minut" in html  # the page shows it in place


def test_a_script_asking_for_packs_is_slowed_down_in_swedish(client):
    limit = int(routes.PACK_LIMIT.split()[0])
    assert all(client.get(f"/ova/paket?lektion={LESSON}").status_code == 200 for _ in range(limit))
    refused = client.get(f"/ova/paket?lektion={LESSON}", headers={"Accept": "application/json"})
    assert refused.status_code == 429
    assert "Vänta en minut" in refused.get_json()["message"]
