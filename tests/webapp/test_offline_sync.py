"""Drilling offline: the items a phone takes along, and the answers it sends back later — each
counted once, only the trainee's own, in answer-time order, with the schedule the same answers
given online would have made (a twin account answers online to compare)."""

import re
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from tests.conftest import csrf_token
from tests.factories import log_in, make_group, make_user
from tests.webapp.drill_content import load_lesson
from webapp.drills import items, offline, recording
from webapp.drills.queue import settings_for
from webapp.extensions import db
from webapp.models import Card, DrillItem, ReviewLog, Role

LESSON = "puls-och-blodtryck"
START = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
LATER = START + timedelta(hours=3)  # when the phone is online again
NOW = {"at": START}  # the server's clock


@pytest.fixture
def clock(monkeypatch):
    """The server's clock: items are handed out at START, answers sent at LATER."""
    NOW["at"] = START
    monkeypatch.setattr("webapp.drills.routes.utcnow", lambda: NOW["at"])


@pytest.fixture
def group(app, clock):
    load_lesson()
    return make_group()


@pytest.fixture
def trainee(group, client):
    user = make_user(Role.TRAINEE, group, name="Amina", l1="ar")
    log_in(client, user)
    return user


def take_along(client):
    NOW["at"] = START
    response = client.get(f"/ova/paket?lektion={LESSON}")
    assert response.status_code == 200
    return response.get_json()["items"]


def given(prompt: dict, how: str) -> dict:
    """An answer to ``prompt``: right, a slip (typed kinds), or "Jag vet inte"."""
    if prompt["kind"] == "flashcard":
        return {"rating": {"right": 3, "slip": 2, "give_up": 1}[how]}
    if how == "give_up":
        return {"give_up": True}
    if prompt["kind"] == "word_order":
        from tests.webapp.test_word_order_drill import order_for

        return {"order": order_for(prompt, prompt["expected"])}
    expected = prompt["expected"]
    if how == "slip" and prompt["kind"] not in ("choice", "gender"):
        return {"answer": expected[:-1]}
    return {"answer": expected}


def answer(
    item, n: int, how: str = "right", client_id: str | None = None, at: datetime | None = None
) -> dict:
    return {
        "id": client_id or f"enhet-a-{n:04d}",
        "token": item["token"],
        "answered_at": (at or START + timedelta(minutes=n)).isoformat(),
        **given(item["prompt"], how),
    }


def send(client, answers):
    token = csrf_token(client, "/oversikt")
    NOW["at"] = LATER
    return client.post("/ova/synka", json={"answers": answers}, headers={"X-CSRFToken": token})


def schedule(user) -> dict:
    """Each reviewed card's FSRS state, keyed by what the card is for."""
    db.session.expire_all()
    cards = db.session.scalars(
        select(Card).where(Card.user_id == user.id, Card.last_review.is_not(None))
    )
    return {
        (c.term_id, c.direction, c.sentence_key): (
            c.state,
            c.step,
            c.stability,
            c.difficulty,
            c.due,
            c.last_review,
        )
        for c in cards
    }


def reviews(user=None) -> int:
    query = select(func.count()).select_from(ReviewLog)
    if user is not None:
        query = query.where(ReviewLog.user_id == user.id)
    return db.session.scalar(query)


def answer_online(user, items, answers, hows):
    """The twin: the same answers at the same times, through the online drill's service (a
    word-order item's parts are shuffled differently: the same sentence is built)."""
    for item, sent, how in zip(items, answers, hows, strict=True):
        answer_one_online(
            user, item["token"], item["prompt"], how, datetime.fromisoformat(sent["answered_at"])
        )


def answer_one_online(user, token, prompt, how, at):
    fields = given(prompt, how)
    outcome = recording.record_answer(
        user,
        token,
        at,
        answer=fields.get("answer", ""),
        rating=fields.get("rating"),
        give_up=bool(fields.get("give_up")),
        order=fields.get("order"),
    )
    assert outcome.recorded


def twin_items(app, group):
    twin = make_user(Role.TRAINEE, group, name="Tvilling", l1="ar")
    with app.test_client() as other:
        log_in(other, twin)
        return twin, take_along(other)


def test_a_session_hands_out_the_days_items_as_data(trainee, client):
    page = client.get(f"/ova/?lektion={LESSON}").get_data(as_text=True)
    items = take_along(client)
    assert len(items) >= 10
    assert items[0]["token"] in page  # the item on the page is the first one taken along
    first = items[0]
    assert first["prompt"]["expected"] and 'name="token"' in first["html"]
    cards = db.session.scalars(
        select(DrillItem.card_id).where(DrillItem.token.in_([i["token"] for i in items]))
    )
    assert len(set(cards)) == len(items)  # one item per card


def test_offline_answers_count_once_and_schedule_as_online(app, group, trainee, client):
    items = take_along(client)[:10]
    hows = [
        "right",
        "slip",
        "give_up",
        "right",
        "right",
        "slip",
        "right",
        "give_up",
        "right",
        "right",
    ]
    sent = [answer(item, n, how) for n, (item, how) in enumerate(zip(items, hows, strict=True))]
    response = send(client, list(reversed(sent)))  # any order: recorded in answer-time order
    assert response.status_code == 200
    assert {r["status"] for r in response.get_json()["results"]} == {"recorded"}
    assert reviews(trainee) == 10

    again = send(client, sent)  # the phone did not hear the answer and sends the batch again
    assert again.status_code == 200
    assert {r["status"] for r in again.get_json()["results"]} == {"duplicate"}
    assert reviews(trainee) == 10

    twin, twins = twin_items(app, group)
    asked = [(i["prompt"]["kind"], i["prompt"]["expected"]) for i in items]
    assert [(i["prompt"]["kind"], i["prompt"]["expected"]) for i in twins[:10]] == asked
    answer_online(twin, twins[:10], sent, hows)
    assert schedule(trainee) == schedule(twin)
    ratings = select(ReviewLog.rating).order_by(ReviewLog.reviewed_at)
    assert list(db.session.scalars(ratings.where(ReviewLog.user_id == trainee.id))) == list(
        db.session.scalars(ratings.where(ReviewLog.user_id == twin.id))
    )


def test_another_trainees_item_is_refused_and_nothing_recorded(group, trainee, client, app):
    other = make_user(Role.TRAINEE, group, name="Dawit")
    with app.test_client() as theirs:
        log_in(theirs, other)
        their_item = take_along(theirs)[0]
    response = send(client, [answer(their_item, 1)])
    assert response.status_code == 404
    assert response.get_json()["results"][0]["status"] == "unknown"
    made_up = send(client, [answer({"token": "finns-inte", "prompt": their_item["prompt"]}, 2)])
    assert made_up.status_code == 404
    assert reviews() == 0


def test_an_answer_older_than_the_cards_last_review_takes_its_place_in_time(
    app, group, trainee, client
):
    item = take_along(client)[0]
    card = db.session.scalar(select(Card).join(DrillItem).where(DrillItem.token == item["token"]))
    # online, on another phone, an hour after the offline answer: a second item for the card
    queue = items.queue_for(trainee, LESSON, START, 12)
    later = items.item_for(trainee, queue, card, START, reuse=False)
    db.session.commit()
    answer_one_online(trainee, later.token, later.prompt, "right", START + timedelta(hours=1))
    response = send(client, [answer(item, 0, "give_up", at=START + timedelta(minutes=5))])
    assert response.status_code == 200 and reviews(trainee) == 2

    twin, twins = twin_items(app, group)  # the twin answers in time order, online
    twin_card = db.session.scalar(
        select(Card).join(DrillItem).where(DrillItem.token == twins[0]["token"])
    )
    answer_one_online(
        twin, twins[0]["token"], twins[0]["prompt"], "give_up", START + timedelta(minutes=5)
    )
    second = items.item_for(
        twin, items.queue_for(twin, LESSON, START, 12), twin_card, START, reuse=False
    )
    db.session.commit()
    answer_one_online(twin, second.token, second.prompt, "right", START + timedelta(hours=1))
    assert schedule(trainee) == schedule(twin)


@pytest.mark.parametrize("arrival", ["earlier first", "later first"])
def test_one_item_answered_on_two_phones_keeps_the_earlier_answer(
    app, group, trainee, client, arrival
):
    item = take_along(client)[0]
    phone_a = answer(item, 10, "right", client_id="telefon-a-0001")
    phone_b = answer(item, 3, "give_up", client_id="telefon-b-0001")  # given earlier
    first, second = (phone_b, phone_a) if arrival == "earlier first" else (phone_a, phone_b)
    send(client, [first])
    send(client, [second])
    # whatever the order of arrival, phone B's answer counts and phone A's is refused
    results = send(client, [phone_a, phone_b]).get_json()["results"]
    assert [r["status"] for r in results] == ["answered", "duplicate"]
    assert "annan enhet" in results[0]["message"]
    db.session.expire_all()
    logs = db.session.scalars(select(ReviewLog).where(ReviewLog.user_id == trainee.id)).all()
    assert [(log.rating, log.reviewed_at) for log in logs] == [(1, START + timedelta(minutes=3))]
    twin, twins = twin_items(app, group)
    answer_online(twin, twins[:1], [phone_b], ["give_up"])
    assert schedule(trainee) == schedule(twin)


@pytest.mark.parametrize("word", ["new", "due again"])
def test_a_page_opened_while_the_phone_takes_items_along_shows_the_item_taken_along(
    app, trainee, client, monkeypatch, word
):
    """The phone takes the day's items along while the drill page opens (on it, or on a second
    phone): the word at the head of the queue gets one item, shown on the page and taken along,
    so answering it on both counts once. The phone is held just after it looked for the word's
    waiting item and found none; a page that made its own item meanwhile would be answered as a
    second item of the same word."""
    if word == "due again":
        send(client, [answer(take_along(client)[0], 0)])  # answered; due again three hours on
    phone = app.test_client()
    log_in(phone, trainee)
    looked, go_on = threading.Event(), threading.Event()
    waiting_item = items._waiting_item

    def phone_held_after_looking(user, card, now):
        found = waiting_item(user, card, now)
        if threading.current_thread().name == "pack" and not looked.is_set():
            looked.set()
            go_on.wait(30)
        return found

    monkeypatch.setattr(items, "_waiting_item", phone_held_after_looking)
    got = {}
    pack = threading.Thread(
        name="pack", target=lambda: got.update(pack=phone.get(f"/ova/paket?lektion={LESSON}"))
    )
    page = threading.Thread(target=lambda: got.update(page=client.get(f"/ova/?lektion={LESSON}")))
    pack.start()
    assert looked.wait(30)
    page.start()
    page.join(timeout=2)  # the page may open now, or wait for the phone's items: not make its own
    go_on.set()
    pack.join()
    page.join()
    shown = re.search(r'name="token" value="([^"]+)"', got["page"].get_data(as_text=True))[1]
    taken = got["pack"].get_json()["items"][0]["token"]
    assert shown == taken
    db.session.expire_all()
    card = db.session.scalar(select(DrillItem.card_id).where(DrillItem.token == taken))
    unanswered = select(func.count()).where(
        DrillItem.card_id == card, DrillItem.answered_at.is_(None)
    )
    assert db.session.scalar(unanswered) == 1


def test_an_answer_from_a_phone_with_its_clock_ahead_counts_as_now(trainee, client):
    item = take_along(client)[0]
    response = send(client, [answer(item, 0, at=LATER + timedelta(days=30))])
    assert response.status_code == 200
    assert db.session.scalar(select(ReviewLog.reviewed_at)) == LATER


def test_a_batch_over_the_limit_is_refused_in_swedish(trainee, client):
    items = take_along(client)
    batch = [answer(items[n % len(items)], n) for n in range(offline.MAX_BATCH + 1)]
    response = send(client, batch)
    assert response.status_code == 413
    assert f"högst {offline.MAX_BATCH} svar" in response.get_json()["message"]
    assert reviews() == 0


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"answers": []},
        {"answers": [{"id": "x"}]},
        {"answers": [{"id": "kort-id-1", "token": "t", "answered_at": "i går"}]},
    ],
)
def test_a_body_that_is_not_a_batch_gets_a_swedish_400(trainee, client, body):
    token = csrf_token(client, "/oversikt")
    response = client.post("/ova/synka", json=body, headers={"X-CSRFToken": token})
    assert response.status_code == 400
    assert "Svaren kunde inte läsas" in response.get_json()["message"]


def test_a_personnummer_in_an_offline_answer_is_not_stored(trainee, client):
    """The phone refuses it at once (the pack carries the rule and the message: see the browser
    test of answers.js); the server, the authority, refuses it again at sync, alike."""
    items = take_along(client)
    rule = client.get(f"/ova/paket?lektion={LESSON}").get_json()["rules"]["personal_id"]
    typed = next(i for i in items if i["prompt"]["kind"] not in ("flashcard", "word_order"))
    sent = answer(typed, 0)
    sent["answer"] = "19121212-1212"
    response = send(client, [sent])
    assert response.get_json()["results"][0]["status"] == "invalid"
    assert response.get_json()["results"][0]["message"] == rule["message"]
    assert {"shape", "prefixed"} <= set(rule)
    assert reviews() == 0
    assert settings_for(trainee.id)  # the session still works
