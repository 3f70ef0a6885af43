"""Offline practice attacked: forged, replayed and malformed ``/ova/synka`` batches. Each is
refused with a Swedish message (never a 500) and leaves the trainee's schedule as it was, or is
recorded only within what an honest phone could have sent."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from tests.conftest import csrf_token
from tests.webapp.test_offline_sync import (  # noqa: F401 - clock, group, trainee: fixtures
    START,
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
from webapp.models import ReviewLog

pytestmark = pytest.mark.usefixtures("trainee")  # logged in on ``client``


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"])
def test_an_answer_dated_at_the_edge_of_the_calendar_gets_a_swedish_400(client, when):
    sent = answer(take_along(client)[0], 0)
    sent["answered_at"] = when
    response = send(client, [sent])
    assert response.status_code == 400
    assert "Svaren kunde inte läsas" in response.get_json()["message"]
    assert reviews() == 0


def test_an_answer_dated_long_before_its_item_counts_when_the_item_was_handed_out(client):
    """Backdating cannot stretch the interval FSRS sees: the time is clamped to the item's issue."""
    sent = answer(take_along(client)[0], 0)
    sent["answered_at"] = "2001-01-01T00:00:00+00:00"
    assert send(client, [sent]).status_code == 200
    assert db.session.scalar(select(ReviewLog.reviewed_at)) == START


@pytest.mark.parametrize(
    ("kind", "field", "value"),
    [
        ("flashcard", "rating", 5),
        ("flashcard", "rating", 10**30),
        ("word_order", "order", [10**30, -1]),
        ("word_order", "order", [None] * 12),
    ],
)
def test_a_forged_rating_or_word_order_is_refused_and_nothing_counts(client, kind, field, value):
    item = next(i for i in take_along(client) if i["prompt"]["kind"] == kind)
    sent = {**answer(item, 0), field: value}
    response = send(client, [sent])
    assert response.status_code == 400
    assert response.get_json()["results"][0]["status"] == "invalid"
    assert reviews() == 0


def test_a_batch_without_its_csrf_token_or_as_plain_text_changes_nothing(client):
    batch = {"answers": [answer(take_along(client)[0], 0)]}
    forged = client.post("/ova/synka", json=batch)  # from another site: no token
    assert forged.status_code == 400
    assert "inte kom från Ordvård" in forged.get_json()["message"]
    token = csrf_token(client, "/oversikt")
    plain = client.post(
        "/ova/synka",
        data=json.dumps(batch),
        headers={"X-CSRFToken": token, "Content-Type": "text/plain"},
    )
    assert plain.status_code == 400
    assert "Svaren kunde inte läsas" in plain.get_json()["message"]
    assert reviews() == 0


def test_a_script_replaying_batches_is_slowed_down_in_swedish(client):
    item = take_along(client)[0]
    token = csrf_token(client, "/oversikt")
    limit = int(routes.SYNC_LIMIT.split()[0])
    statuses = [
        client.post(
            "/ova/synka",
            json={"answers": [answer(item, n, client_id=f"skript-{n:06d}")]},
            headers={"X-CSRFToken": token},
        ).status_code
        for n in range(limit)
    ]
    assert 429 not in statuses and reviews() == 1  # the first counted, the rest were answered
    refused = client.post(
        "/ova/synka",
        json={"answers": [answer(item, 99, client_id="skript-extra1")]},
        headers={"X-CSRFToken": token},
    )
    assert refused.status_code == 429
    assert "Vänta en minut" in refused.get_json()["message"]
    assert reviews() == 1
