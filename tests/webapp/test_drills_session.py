"""A trainee drills the words of a lesson: items, answers, feedback, and what cannot be forged."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from tests.conftest import csrf_token
from tests.factories import log_in, make_group, make_user
from tests.webapp.drill_content import load_lesson
from webapp.drills import items, service
from webapp.extensions import db
from webapp.models import Card, DrillItem, ReviewLog, Role

LESSON = "puls-och-blodtryck"
TOKEN = re.compile(r'name="token" value="([^"]+)"')


@pytest.fixture
def content(app):
    load_lesson()


@pytest.fixture
def trainee(content, client):
    user = make_user(Role.TRAINEE, make_group(), name="Amina", l1="ar")
    log_in(client, user)
    return user


def current_item(client, lesson=LESSON):
    html = client.get(f"/ova/?lektion={lesson}").get_data(as_text=True)
    token = TOKEN.search(html).group(1)
    return db.session.scalar(select(DrillItem).where(DrillItem.token == token)), html


def right_answer(item):
    prompt = item.prompt
    if prompt["kind"] == "flashcard":
        return {"rating": "3"}
    return {"answer": prompt["expected"]}


def post_answer(client, item, **fields):
    data = {
        "csrf_token": csrf_token(client, "/oversikt"),
        "token": item.token,
        "lesson": LESSON,
        "done": "0",
    }
    data.update(fields)
    return client.post("/ova/svar", data=data)


def reviews():
    return db.session.scalar(select(func.count()).select_from(ReviewLog))


def test_first_item_is_the_first_word_of_the_lesson(trainee, client):
    item, html = current_item(client)
    assert item.prompt["lemma"] == "blodtryck"
    assert "Fråga 1 av 12" in html


def test_reloading_the_page_shows_the_same_item(trainee, client):
    first, _ = current_item(client)
    again, _ = current_item(client)
    assert first.id == again.id


def test_a_right_answer_is_praised_and_the_next_item_follows(trainee, client):
    item, _ = current_item(client)
    response = post_answer(client, item, **right_answer(item))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert ("Rätt!" in html) or ("Sparat: Bra" in html)
    assert "Du får ordet igen om 10 minuter" in html
    assert "Fråga 2 av 12" in html
    assert reviews() == 1


def test_the_same_answer_posted_twice_counts_once(trainee, client):
    item, _ = current_item(client)
    post_answer(client, item, **right_answer(item))
    card_before = db.session.scalar(select(Card.due).where(Card.id == item.card_id))
    response = post_answer(client, item, **right_answer(item))
    assert response.status_code == 409
    assert "Du har redan svarat på den här frågan" in response.get_data(as_text=True)
    assert reviews() == 1
    db.session.expire_all()
    assert db.session.scalar(select(Card.due).where(Card.id == item.card_id)) == card_before


def test_a_forged_token_changes_nothing(trainee, client):
    item, _ = current_item(client)
    forged = DrillItem(token="x" * 43, prompt=item.prompt)
    response = post_answer(client, forged, answer="blodtryck", rating="3")
    assert response.status_code == 404
    assert "Den här frågan finns inte, eller så är den inte din" in response.get_data(as_text=True)
    assert reviews() == 0


def test_another_trainees_item_cannot_be_answered(trainee, client, app):
    item, _ = current_item(client)
    other = app.test_client()
    log_in(other, make_user(Role.TRAINEE, make_group("Annan grupp")))
    response = post_answer(other, item, **right_answer(item))
    assert response.status_code == 404
    assert reviews() == 0
    db.session.expire_all()
    assert db.session.get(DrillItem, item.id).answered_at is None


def test_an_empty_or_very_long_answer_keeps_the_item(trainee, client):
    item = _item_of_kind(trainee, "listen")
    for answer, message in (("   ", "Skriv ett svar först"), ("a" * 5000, "Svaret är för långt")):
        response = post_answer(client, item, answer=answer)
        html = response.get_data(as_text=True)
        assert response.status_code == 400
        assert message in html
        assert item.token in html  # the same question is still there to answer
    assert reviews() == 0


def test_i_dont_know_shows_the_answer_and_counts_as_again(trainee, client):
    item = _item_of_kind(trainee, "spelling")
    html = post_answer(client, item, give_up="1").get_data(as_text=True)
    assert "Rätt svar är ”" in html
    assert db.session.scalar(select(ReviewLog.rating)) == 1


def test_a_near_miss_in_spelling_names_the_letter(trainee, client):
    item = _item_of_kind(trainee, "spelling", lemma="blodtrycksmätare")
    html = post_answer(client, item, answer="Blodtrycksmatare").get_data(as_text=True)
    assert "Nästan rätt: det stavas med ä." in html
    assert db.session.scalar(select(ReviewLog.rating)) == 2  # Svårt


def test_a_wrong_answer_is_shown_beside_the_right_one_with_its_audio(trainee, client):
    item = _item_of_kind(trainee, "listen")
    html = post_answer(client, item, answer="hjärta").get_data(as_text=True)
    compare = re.sub(r"\s+", " ", html.split('<dl class="compare">')[1].split("</dl>")[0])
    assert re.search(r"<dt>Ditt svar</dt><dd lang=\"sv\">hjärta</dd>", compare)
    assert f'<dt>Rätt svar</dt><dd lang="sv">{item.prompt["expected"]}</dd>' in compare
    assert "/ljud/" in html
    assert db.session.scalar(select(ReviewLog.rating)) == 1


def test_cloze_names_the_right_word_in_the_wrong_form(trainee, client):
    item = _item_of_kind(trainee, "cloze", lemma="manschett")
    wrong_form = next(iter(item.prompt["other_forms"]))
    html = post_answer(client, item, answer=wrong_form).get_data(as_text=True)
    assert "Rätt ord, men fel form" in html
    assert f"Här behövs ”{item.prompt['expected']}”" in html


def test_flashcard_needs_a_rating(trainee, client):
    item = _item_of_kind(trainee, "flashcard")
    response = post_answer(client, item)
    assert response.status_code == 400
    assert "Välj hur det gick" in response.get_data(as_text=True)


def test_javascript_gets_only_the_changing_part(trainee, client):
    item, _ = current_item(client)
    data = {
        "csrf_token": csrf_token(client, "/oversikt"),
        "token": item.token,
        "lesson": LESSON,
        "done": "3",
    }
    data.update(right_answer(item))
    response = client.post("/ova/svar", data=data, headers={"X-Requested-With": "fetch"})
    html = response.get_data(as_text=True)
    assert "<html" not in html
    assert "Fråga 5 av 12" in html


def test_session_ends_after_its_items_and_answers_are_kept(trainee, client, app):
    app.config["DRILL_SESSION_ITEMS"] = 3
    for done in range(3):
        item, _ = current_item(client)
        response = post_answer(client, item, done=str(done), **right_answer(item))
    html = response.get_data(as_text=True)
    assert "Bra jobbat! Passet är klart." in html
    assert "Du svarade på 3 frågor" in html
    assert reviews() == 3


def test_unknown_lesson_is_not_found(trainee, client):
    assert client.get("/ova/?lektion=finns-inte").status_code == 404


def test_without_lessons_the_trainee_is_told_how_to_start(trainee, client):
    html = client.get("/ova/").get_data(as_text=True)
    assert "Inga ord att öva just nu." in html


def _item_of_kind(user, kind, lemma=None):
    """An item of ``kind`` handed out the way the service does, for a word of the lesson."""
    from webapp.drills import kinds
    from webapp.drills.queue import NewCard
    from webapp.learn.store import record_of as lesson_record
    from webapp.models import Lesson, LessonTerm, Term
    from webapp.words.store import record_of as term_record

    lesson = db.session.scalar(select(Lesson).where(Lesson.slug == LESSON))
    terms = db.session.scalars(
        select(Term)
        .join(LessonTerm, LessonTerm.term_id == Term.id)
        .where(LessonTerm.lesson_id == lesson.id)
        .order_by(LessonTerm.position)
    )
    term = next(t for t in terms if lemma in (None, t.lemma))
    direction = "recognise" if kind in ("choice", "gender") else "produce"
    now = datetime.now(UTC)
    card = items._card_for(user, NewCard(lesson.id, term.id, direction), now)
    prompt = kinds.build_prompt(
        kind,
        direction,
        term_record(term),
        l1=user.l1,
        seed=1,
        lesson=lesson_record(lesson),
        distractors=items._distractors(term),
    )
    item = DrillItem(
        token=f"t-{kind}-{card.id}",
        user_id=user.id,
        card_id=card.id,
        kind=kind,
        prompt=prompt,
        created_at=now - timedelta(seconds=5),
    )
    db.session.add(item)
    db.session.commit()
    return item


def test_drills_say_whether_the_translation_shown_is_reviewed(trainee, client, app):
    """As in the term help: the Arabic meaning an item shows is "(granskad)" once a reviewer of
    Arabic approved it and "(inte granskad ännu)" before, on the session page and in the items
    a phone takes along for offline drilling."""
    from tests.webapp.test_content_review import client_for, decide
    from webapp.models import Term

    reviewer, _ = client_for(app, Role.TEACHER, "ar")
    reviewed = db.session.scalar(select(Term).where(Term.lemma == "blodtryck"))
    assert decide(reviewer, reviewed).status_code == 302
    first, page = current_item(client)
    pack = client.get(f"/ova/paket?lektion={LESSON}").get_json()["items"]
    shown = [(first.prompt, page.split('class="drill"')[1])] + [
        (item["prompt"], item["html"]) for item in pack
    ]
    marked = {
        prompt["lemma"]: "(granskad)" if "(granskad)" in html else "(inte granskad ännu)"
        for prompt, html in shown
        if prompt.get("meaning_lang") == "ar"
        and re.search(r'dir="rtl">[^<]+</span> <span class="review-note">\(', html)
    }
    assert marked["blodtryck"] == "(granskad)"
    assert len(marked) > 3 and set(marked.values()) == {"(granskad)", "(inte granskad ännu)"}
    assert list(marked.values()).count("(granskad)") == 1


def test_the_feedback_says_when_the_word_comes_back_in_the_right_number():
    now = datetime(2026, 12, 7, 13, 0, tzinfo=UTC)
    later = [timedelta(seconds=50), timedelta(minutes=5), timedelta(minutes=65)]
    later += [timedelta(hours=3), timedelta(hours=30), timedelta(days=4)]
    assert [service.until(now + wait, now) for wait in later] == [
        "om 1 minut",
        "om 5 minuter",
        "om 1 timme",
        "om 3 timmar",
        "i morgon",
        "om 4 dagar",
    ]
