"""A teacher reviews submitted notes: the queue of their own groups, the verdict with rubric
scores and passage comments, and *inte ett fel* on a checker finding — and the trainee sees it."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import event, select

from tests.conftest import csrf_token
from tests.factories import log_in, make_group, make_user
from tests.webapp.test_write import (
    COLLOQUIAL_NOTE,
    EXERCISE,
    GOOD_NOTE,
    URL,
    publish_lesson,
)
from webapp.extensions import db
from webapp.models import FindingOverride, Note, Review, ReviewComment, Role
from webapp.review.service import passages
from webapp.write.service import find_exercise, submit_note


@pytest.fixture
def lesson(app):
    return publish_lesson()


@pytest.fixture
def group(app):
    return make_group("Solgården")


@pytest.fixture
def teacher(group):
    return make_user(Role.TEACHER, group, name="Lärare Lena")


def submitted(trainee, lesson, text, minutes_ago=0) -> Note:
    """``trainee`` submits ``text`` (as the write pages do), ``minutes_ago`` minutes ago."""
    version = submit_note(trainee, find_exercise(lesson, EXERCISE), text)
    version.submitted_at -= timedelta(minutes=minutes_ago)
    db.session.commit()
    return version.note


def client_for(app, user):
    client = app.test_client()
    log_in(client, user)
    return client


def review_post(client, note, data, suffix=""):
    url = f"/larare/granska/{note.id}"
    return client.post(url + suffix, data={"csrf_token": csrf_token(client, url), **data})


def test_queue_shows_own_groups_waiting_notes_oldest_first(app, lesson, group, teacher):
    late = submitted(
        make_user(Role.TRAINEE, group, name="Bashir"), lesson, GOOD_NOTE, minutes_ago=5
    )
    early = submitted(
        make_user(Role.TRAINEE, group, name="Amina"), lesson, GOOD_NOTE, minutes_ago=60
    )
    done = submitted(
        make_user(Role.TRAINEE, group, name="Cecilia"), lesson, GOOD_NOTE, minutes_ago=90
    )
    done.status = "approved"
    elsewhere = make_group("Ängsvik")
    submitted(make_user(Role.TRAINEE, elsewhere, name="Dawit"), lesson, GOOD_NOTE, minutes_ago=120)
    db.session.commit()

    html = client_for(app, teacher).get("/larare/granska/").get_data(as_text=True)

    assert html.index("Amina") < html.index("Bashir")
    assert f"/larare/granska/{early.id}" in html and f"/larare/granska/{late.id}" in html
    assert "Cecilia" not in html  # already approved
    # on a phone the queue stacks, the lesson and the time each labelled
    assert '<table class="queue responsive">' in html and '<td data-label="Inlämnad">' in html
    assert "Dawit" not in html  # another teacher's group


def test_teacher_dashboard_counts_the_notes_waiting(app, lesson, group, teacher):
    submitted(make_user(Role.TRAINEE, group, name="Amina"), lesson, GOOD_NOTE)
    html = client_for(app, teacher).get("/oversikt").get_data(as_text=True)
    assert "1 anteckning väntar på din bedömning" in html and "Amina" in html


def test_teacher_cannot_open_or_judge_another_groups_note(app, lesson, teacher):
    stranger = make_user(Role.TRAINEE, make_group("Ängsvik"))
    note = submitted(stranger, lesson, COLLOQUIAL_NOTE)
    client = client_for(app, teacher)
    assert client.get(f"/larare/granska/{note.id}").status_code == 403
    token = csrf_token(client, "/larare/granska/")
    for suffix, data in (
        ("", {"verdict": "approved"}),
        ("/kommentar", {"text": "Bra"}),
        ("/inte-ett-fel", {"finding": 1}),
    ):
        response = client.post(
            f"/larare/granska/{note.id}{suffix}", data={"csrf_token": token, **data}
        )
        assert response.status_code == 403
    assert (
        db.session.scalar(select(Review)) is None
        and db.session.get(Note, note.id).status == "submitted"
    )


def test_review_page_shows_marks_model_answer_and_rubric(app, lesson, group, teacher):
    note = submitted(make_user(Role.TRAINEE, group, name="Amina"), lesson, COLLOQUIAL_NOTE)
    html = client_for(app, teacher).get(f"/larare/granska/{note.id}").get_data(as_text=True)
    assert "Granska: <bdi>Amina</bdi>" in html
    assert 'class="mark mark-split_compound"' in html and "tanten" in html  # the checker's marks
    assert "Modellsvar" in html and "mmHg" in html  # the model answer beside the note
    exercise = find_exercise(lesson, EXERCISE).exercise
    assert all(criterion.criterion in html for criterion in exercise.rubric)
    assert 'Saknas:</span> <strong lang="sv">blodtryck</strong>' in html


def test_returned_then_approved_note_shows_verdicts_scores_and_comments_to_the_trainee(
    app, lesson, group, teacher
):
    trainee = make_user(Role.TRAINEE, group, name="Amina")
    note = submitted(trainee, lesson, COLLOQUIAL_NOTE)
    teaching = client_for(app, teacher)

    first_sentence = "Kl. 08.15 mätte jag blod tryck på tanten efter vila."
    start = COLLOQUIAL_NOTE.index(first_sentence)
    response = review_post(
        teaching,
        note,
        {"passage": f"{start}-{start + len(first_sentence)}", "text": "Skriv brukaren."},
        "/kommentar",
    )
    assert response.status_code == 302
    review_post(teaching, note, {"quote": "blod tryck", "text": "Ett ord."}, "/kommentar")
    response = review_post(
        teaching,
        note,
        {"verdict": "revise", "score_0": "1", "score_1": "2", "comment": "Nästan klart."},
    )
    assert response.status_code == 302
    assert db.session.get(Note, note.id).status == "returned"
    assert [
        c.quote for c in db.session.scalars(select(ReviewComment).order_by(ReviewComment.id))
    ] == [
        first_sentence,
        "blod tryck",
    ]

    trainee_client = client_for(app, trainee)
    feedback = trainee_client.get(URL + "/respons").get_data(as_text=True)
    assert "Lärarens bedömning" in feedback and "<strong>Skriv om</strong>" in feedback
    assert "Nästan klart." in feedback and "1 av 2" in feedback and "2 av 2" in feedback
    assert f'<q lang="sv">{first_sentence}</q>: Skriv brukaren.' in feedback
    # each commented passage is marked in the note itself, with a link to its comment
    marked = feedback.split('class="marked-note"')[1].split("</div>")[0]
    commented = re.findall(
        r'<span class="commented">(.*?)</span><a class="comment-ref" href="#kommentar-(\d)"', marked
    )
    assert [number for _, number in commented] == ["1", "2", "1"]
    assert "blod tryck" in re.sub(r"<[^>]+>", "", commented[1][0])
    assert 'id="kommentar-1"' in feedback and 'id="kommentar-2"' in feedback
    assert "Skriv om och lämna in igen" in feedback

    trainee_client.post(
        URL,
        data={
            "text": GOOD_NOTE,
            "action": "lamna-in",
            "csrf_token": csrf_token(trainee_client, URL),
        },
    )
    assert db.session.get(Note, note.id).status == "submitted"
    assert review_post(teaching, note, {"verdict": "approved"}).status_code == 302
    assert db.session.get(Note, note.id).status == "approved"
    feedback = trainee_client.get(URL + "/respons").get_data(as_text=True)
    assert "Version 2 av 2" in feedback and "<strong>Godkänd</strong>" in feedback
    assert "Skriv om och lämna in igen" not in feedback


def test_a_version_is_judged_once(app, lesson, group, teacher):
    note = submitted(make_user(Role.TRAINEE, group), lesson, GOOD_NOTE)
    teaching = client_for(app, teacher)
    review_post(teaching, note, {"verdict": "approved"})
    response = review_post(teaching, note, {"verdict": "revise"})
    assert response.status_code == 302
    assert db.session.get(Note, note.id).status == "approved"
    assert len(db.session.scalars(select(Review)).all()) == 1


def test_verdict_needs_a_choice_and_scores_within_the_rubric(app, lesson, group, teacher):
    note = submitted(make_user(Role.TRAINEE, group), lesson, GOOD_NOTE)
    response = review_post(
        client_for(app, teacher), note, {"score_0": "7", "score_1": "x", "comment": "Bra mätning"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert (
        "Välj Godkänd eller Skriv om." in html
        and "Ge 0–2 poäng." in html
        and "Skriv ett heltal" in html
    )
    assert "Bra mätning</textarea>" in html  # the comment is kept
    assert db.session.scalar(select(Review)) is None


def test_comment_quote_must_be_in_the_note(app, lesson, group, teacher):
    note = submitted(make_user(Role.TRAINEE, group), lesson, GOOD_NOTE)
    response = review_post(
        client_for(app, teacher), note, {"quote": "finns inte alls", "text": "Hm"}, "/kommentar"
    )
    assert response.status_code == 400
    assert "Orden finns inte i texten" in response.get_data(as_text=True)
    assert db.session.scalar(select(ReviewComment)) is None


def test_override_is_stored_and_shown_to_the_trainee(app, lesson, group, teacher):
    trainee = make_user(Role.TRAINEE, group)
    note = submitted(trainee, lesson, COLLOQUIAL_NOTE)  # finding 2: "tanten"
    teaching = client_for(app, teacher)
    response = review_post(
        teaching, note, {"finding": "2", "reason": "Citat från brukaren."}, "/inte-ett-fel"
    )
    assert response.status_code == 302
    review_post(teaching, note, {"finding": "2", "reason": "igen"}, "/inte-ett-fel")  # not doubled
    overrides = db.session.scalars(select(FindingOverride)).all()
    assert [(o.kind, o.text, o.reason) for o in overrides] == [
        ("colloquial", "tanten", "Citat från brukaren.")
    ]
    assert "Markerat som inte ett fel." in teaching.get(f"/larare/granska/{note.id}").get_data(
        as_text=True
    )

    feedback = client_for(app, trainee).get(URL + "/respons").get_data(as_text=True)
    assert "Läraren: inte ett fel.</strong> Citat från brukaren." in feedback
    listed = len(note.versions[-1].report["findings"])
    assert f"Att titta på ({listed - 1})" in feedback  # the overridden finding no longer counts
    assert "1 markering har din lärare bedömt som inte ett fel." in feedback


def test_override_of_a_finding_that_does_not_exist_is_refused(app, lesson, group, teacher):
    note = submitted(make_user(Role.TRAINEE, group), lesson, GOOD_NOTE)  # no findings
    response = review_post(client_for(app, teacher), note, {"finding": "1"}, "/inte-ett-fel")
    assert response.status_code == 302
    assert db.session.scalar(select(FindingOverride)) is None


def test_comment_passages_are_the_notes_sentences():
    texts = [
        p.text
        for p in passages("Kl. 08.15 mättes blodtryck. Puls 88 slag/min, kl. 08.30.\nS: Karin")
    ]
    assert texts == ["Kl. 08.15 mättes blodtryck.", "Puls 88 slag/min, kl. 08.30.", "S: Karin"]


def queries_for(client, url) -> int:
    counted = []

    def count(*args):
        counted.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(counted)


def test_queue_and_insights_take_as_many_queries_for_six_notes_as_for_two(
    app, lesson, group, teacher
):
    client = client_for(app, teacher)
    pages = ("/larare/granska/", f"/larare/granska/insikter/{group.id}", "/oversikt")
    counts = []
    for more in (2, 4):
        for _ in range(more):
            submitted(make_user(Role.TRAINEE, group), lesson, COLLOQUIAL_NOTE)
        counts.append([queries_for(client, url) for url in pages])
    assert counts[0] == counts[1]
