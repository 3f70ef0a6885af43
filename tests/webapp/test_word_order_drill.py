"""The word-order drill in the drill session: one FSRS card per trainee and sentence, offered
among the new words, answered with the place selects (no JavaScript), right in every order
the V2 rule allows, wrong with a hint, and scheduled like every other card."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from tests.conftest import csrf_token
from tests.factories import log_in, make_group, make_user
from tests.webapp.drill_content import load_lesson
from webapp.drills import items, recording
from webapp.drills.answers import check_order
from webapp.drills.kinds import ORDER, word_order_prompt
from webapp.drills.queue import WORDS_PER_SENTENCE, NewCard
from webapp.extensions import db
from webapp.models import Assignment, Card, DrillItem, ReviewLog, Role
from webapp.models.time import utcnow

SENTENCE = "Sedan sätter jag manschetten på överarmen."  # the lesson's dialogue
ALTERNATIVE = "Jag sätter sedan manschetten på överarmen."


@pytest.fixture
def lesson(app):
    return load_lesson()


@pytest.fixture
def trainee(lesson):
    group = make_group("Solgården")
    db.session.add(Assignment(lesson_id=lesson.id, group_id=group.id))
    db.session.commit()
    return make_user(Role.TRAINEE, group)


def order_for(prompt: dict, sentence: str) -> list[int]:
    """The places of the parts shown in ``prompt`` that spell ``sentence``."""
    words = sentence[:-1].split()
    order, position = [], 0
    while position < len(words):
        for i, part in enumerate(prompt["parts"]):
            size = len(part.split())
            if (
                i not in order
                and " ".join(words[position : position + size]).lower() == part.lower()
            ):
                order.append(i)
                position += size
                break
        else:
            raise AssertionError(f"no part for {words[position]!r}")
    return order


def due_sentence_item(client, trainee, lesson):
    """A due sentence card, opened as the session's first item (due before new)."""
    now = utcnow()
    card = items._card_for(
        trainee, NewCard(lesson.id, None, ORDER, SENTENCE), now - timedelta(days=1)
    )
    card.due, card.last_review = now - timedelta(minutes=1), now - timedelta(days=1)
    db.session.commit()
    log_in(client, trainee)
    html = client.get("/ova/").get_data(as_text=True)
    item = db.session.scalars(select(DrillItem).where(DrillItem.card_id == card.id)).one()
    return card, item, html


def answer(client, item, order, **extra):
    data = {"csrf_token": csrf_token(client, "/ova/"), "token": item.token, "done": "0", **extra}
    data["order"] = [str(i) for i in order]
    return client.post("/ova/svar", data=data)


def test_a_sentence_card_comes_among_the_new_words_once_per_sentence(lesson, trainee):
    queue = items.queue_for(trainee, None, utcnow(), 15)
    sentences = [entry for entry in queue.new if entry.sentence is not None]
    assert [entry.sentence for entry in sentences] == [SENTENCE]
    assert queue.new.index(sentences[0]) == WORDS_PER_SENTENCE
    item, answered = None, -1
    for _ in range(WORDS_PER_SENTENCE + 1):  # as a session goes: the next card, not the last
        queue = items.queue_for(trainee, None, utcnow(), 15)
        item = items.next_item(trainee, queue, utcnow(), skip_card=answered)
        if item.kind == "word_order":
            break
        recording.record_answer(trainee, item.token, utcnow(), rating=3, give_up=True, answer="x")
        answered = item.card_id
    assert item.kind == "word_order" and sorted(item.prompt["parts"]) == sorted(
        ["sedan", "sätter", "jag", "manschetten", "på överarmen"]
    )
    card = db.session.get(Card, item.card_id)
    assert (card.term_id, card.direction, card.sentence) == (None, ORDER, SENTENCE)
    # handed out but not answered (or taken along for offline use), the sentence is still the
    # day's one new sentence, and handing it out again gives the same card and item
    again = items.queue_for(trainee, None, utcnow(), 15)
    assert [entry.sentence for entry in again.new if entry.sentence is not None] == [SENTENCE]
    entry = next(entry for entry in again.new if entry.sentence is not None)
    assert items.item_for(trainee, again, entry, utcnow()).id == item.id
    assert (
        db.session.scalar(
            select(func.count()).select_from(Card).where(Card.sentence_key.is_not(None))
        )
        == 1
    )


def test_without_javascript_the_places_are_selects_and_the_right_order_is_scheduled(
    client, lesson, trainee
):
    card, item, html = due_sentence_item(client, trainee, lesson)
    assert "Ordföljd: bygg meningen" in html
    assert html.count('name="order"') == 5 and '<label for="plats-1">Plats 1</label>' in html
    response = answer(client, item, order_for(item.prompt, SENTENCE))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Rätt!" in page and "Du får meningen igen" in page
    db.session.expire_all()
    card = db.session.get(Card, card.id)
    log = db.session.scalars(select(ReviewLog).where(ReviewLog.card_id == card.id)).one()
    assert (log.drill_kind, log.rating, log.correct, log.answer) == (
        "word_order",
        3,
        True,
        SENTENCE,
    )
    assert card.last_review is not None and card.due > utcnow()


def test_another_right_order_is_accepted_and_the_lessons_is_shown(client, lesson, trainee):
    _, item, _ = due_sentence_item(client, trainee, lesson)
    page = answer(client, item, order_for(item.prompt, ALTERNATIVE)).get_data(as_text=True)
    assert "Din ordning är också rätt. I lektionen står meningen så här:" in page
    assert f'<span lang="sv">{SENTENCE}</span>' in page


def test_a_wrong_order_is_igen_with_a_hint_about_the_verb(client, lesson, trainee):
    card, item, _ = due_sentence_item(client, trainee, lesson)
    wrong = "Sedan jag sätter manschetten på överarmen."
    page = answer(client, item, order_for(item.prompt, wrong)).get_data(as_text=True)
    assert "Verbet ”sätter” ska stå på plats två." in page
    assert "Ditt svar" in page and "Sedan jag sätter manschetten på överarmen." in page
    log = db.session.scalars(select(ReviewLog).where(ReviewLog.card_id == card.id)).one()
    assert (log.rating, log.correct) == (1, False)


@pytest.mark.parametrize(
    ("places", "message"),
    [
        (lambda right: right[:4] + [None], "Välj en del för varje plats."),
        (lambda right: right[:4] + [right[0]], "Använd varje del en gång"),
        (lambda right: [], "Välj en del för varje plats."),
    ],
)
def test_an_unfinished_order_is_refused_and_the_choices_are_kept(
    client, lesson, trainee, places, message
):
    _card, item, _ = due_sentence_item(client, trainee, lesson)
    chosen = places(order_for(item.prompt, SENTENCE))
    response = answer(client, item, ["" if i is None else i for i in chosen])
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and message in page
    if chosen:
        first = item.prompt["parts"][chosen[0]]
        assert f'<option value="{chosen[0]}" selected>{first}</option>' in page
    assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 0


def test_forged_places_are_refused_not_an_error(client, lesson, trainee):
    _, item, _ = due_sentence_item(client, trainee, lesson)
    response = answer(client, item, ["9", "-1", "x", "0", "1"])
    assert response.status_code == 400 and "Välj en del för varje plats." in response.get_data(
        as_text=True
    )


def test_the_lessons_session_includes_its_due_sentences(client, lesson, trainee):
    _card, _, _ = due_sentence_item(client, trainee, lesson)
    html = client.get("/ova/?lektion=puls-och-blodtryck").get_data(as_text=True)
    assert "Ordföljd: bygg meningen" in html


def test_a_lesson_without_the_word_order_kind_offers_no_sentences(lesson, trainee):
    body = dict(lesson.body)
    body["drills"] = {**body["drills"], "kinds": ["flashcard", "choice"]}
    lesson.body, lesson.version = body, lesson.version + 1
    db.session.commit()
    queue = items.queue_for(trainee, None, utcnow(), 15)
    assert queue.new and all(entry.sentence is None for entry in queue.new)


def test_the_shown_order_is_never_already_right_and_the_hint_names_the_subject():
    for seed in range(30):
        prompt = word_order_prompt(SENTENCE, seed)
        assert f"{' '.join(prompt['parts'])}." not in {a.lower() for a in prompt["accepted"]}
    prompt = word_order_prompt(SENTENCE, 1)
    order = order_for(prompt, "Sedan sätter manschetten jag på överarmen.")
    verdict = check_order(prompt, order)
    assert verdict.message.startswith(
        "När meningen inte börjar med ”jag”, kommer ”jag” direkt efter verbet."
    )


def test_a_trainees_own_data_holds_the_sentence_cards(client, lesson, trainee):
    from webapp.rights.export import drill_cards

    _card, item, _ = due_sentence_item(client, trainee, lesson)
    answer(client, item, order_for(item.prompt, SENTENCE))
    exported = [c for c in drill_cards(trainee) if c["riktning"] == ORDER]
    assert [(c["ord"], c["mening"], len(c["svar"])) for c in exported] == [(None, SENTENCE, 1)]
