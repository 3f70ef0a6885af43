"""Competence cards: signed only when the trainee is ready and only by their own supervisor,
printable with a verification code and QR code, and verifiable on a public page that shows
the name, lesson, date and signer and nothing else."""

from __future__ import annotations

import math
import re
from datetime import timedelta

import pytest
from fsrs import State
from sqlalchemy import select

from tests.conftest import csrf_token
from tests.factories import make_group, make_user
from tests.webapp.test_review import client_for, queries_for, review_post, submitted
from tests.webapp.test_write import GOOD_NOTE, LESSON, publish_lesson
from webapp.extensions import db
from webapp.learn.store import record_of, save_lesson
from webapp.models import AuditEvent, Card, CompetenceCard, CompetenceSignature, LessonTerm, Role
from webapp.models.time import utcnow
from webapp.write import STOCKHOLM

CARD_URL = f"/kompetenskort/{LESSON}"


def master_words(user, lesson, count: int | None = None, stability: float = 30.0) -> None:
    """Write review cards as if ``user`` had drilled the lesson's first ``count`` words (default:
    all): each in FSRS's review state, stable for ``stability`` days (30: for weeks; 11: right
    on day 0 and again when due on day 2)."""
    term_ids = db.session.scalars(
        select(LessonTerm.term_id)
        .where(LessonTerm.lesson_id == lesson.id)
        .order_by(LessonTerm.position)
    ).all()
    drilled = set(db.session.scalars(select(Card.term_id).where(Card.user_id == user.id)))
    now = utcnow()
    for term_id in term_ids[:count]:
        if term_id in drilled:
            continue
        db.session.add(
            Card(
                user_id=user.id,
                term_id=term_id,
                lesson_id=lesson.id,
                direction="recognise",
                state=State.Review.value,
                step=None,
                stability=stability,
                difficulty=5.0,
                due=now + timedelta(days=30),
                last_review=now,
            )
        )
    db.session.commit()


def sign_url(trainee) -> str:
    return f"/kompetenskort/{LESSON}/signera/{trainee.id}"


def post_signature(client, trainee, criteria, workplace="Solgårdens äldreboende"):
    url = sign_url(trainee)
    token = csrf_token(client, "/oversikt")
    return client.post(
        url,
        data={"criteria": [str(c) for c in criteria], "workplace": workplace, "csrf_token": token},
    )


@pytest.fixture
def lesson(app):
    return publish_lesson()


@pytest.fixture
def group(app):
    return make_group("Solgården")


@pytest.fixture
def teacher(group):
    return make_user(Role.TEACHER, group, name="Sköterska Sara")


@pytest.fixture
def trainee(group):
    return make_user(Role.TRAINEE, group, name="Amina Yusuf")


def approve(app, teacher, trainee, lesson):
    note = submitted(trainee, lesson, GOOD_NOTE)
    review_post(client_for(app, teacher), note, {"verdict": "approved"})
    return note


def test_card_cannot_be_signed_before_drills_and_an_approved_note(app, lesson, teacher, trainee):
    supervisor = client_for(app, teacher)
    page = supervisor.get(sign_url(trainee)).get_data(as_text=True)
    assert "Kortet kan inte signeras ännu" in page and "och få en anteckning godkänd." in page
    assert page.index("Kortet kan inte signeras ännu") < page.index('class="competence-card"')

    assert post_signature(supervisor, trainee, [0]).status_code == 409  # nothing done
    approve(app, teacher, trainee, lesson)
    words = len(lesson.terms)
    needed = math.ceil(record_of(lesson).drills.threshold * words)  # 80 % of the words
    master_words(trainee, lesson, count=needed - 1)
    page = supervisor.get(sign_url(trainee)).get_data(as_text=True)
    # the message names exactly what is missing: one word, not the note the checklist shows
    assert f"Deltagaren behöver först öva in 1 ord till ({needed - 1} av {needed} klara)." in page
    assert "anteckning godkänd" not in page.split('role="alert"')[1].split("</p>")[0]
    assert post_signature(supervisor, trainee, [0]).status_code == 409
    assert db.session.scalar(select(CompetenceSignature)) is None

    master_words(trainee, lesson, count=needed)
    assert post_signature(supervisor, trainee, [0, 1]).status_code == 302
    signatures = db.session.scalars(
        select(CompetenceSignature).order_by(CompetenceSignature.criterion_index)
    ).all()
    assert [(s.criterion_index, s.signed_by_id, s.workplace) for s in signatures] == [
        (0, teacher.id, "Solgårdens äldreboende"),
        (1, teacher.id, "Solgårdens äldreboende"),
    ]
    assert db.session.scalar(select(CompetenceCard)).completed_at is None  # 3 of 5 left


def test_card_is_complete_when_every_criterion_is_signed(app, lesson, teacher, trainee):
    approve(app, teacher, trainee, lesson)
    master_words(trainee, lesson)
    supervisor = client_for(app, teacher)
    post_signature(supervisor, trainee, [0, 1], workplace="Avdelning 3")
    post_signature(supervisor, trainee, [2, 3, 4], workplace="Avdelning 4")
    card = db.session.scalar(select(CompetenceCard))
    assert card.completed_at is not None and len(card.signatures) == 5
    assert [s.workplace for s in card.signatures] == ["Avdelning 3"] * 2 + ["Avdelning 4"] * 3
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "card_signed").order_by(AuditEvent.id)
    ).all()
    assert [(e.actor_id, e.subject_user_id, e.details["criteria"]) for e in events] == [
        (teacher.id, trainee.id, [0, 1]),
        (teacher.id, trainee.id, [2, 3, 4]),
    ]
    assert [e.details["complete"] for e in events] == [False, True]

    page = client_for(app, trainee).get(CARD_URL).get_data(as_text=True)
    assert (
        "Klart" in page
        and "Signerat av <bdi>Sköterska Sara</bdi>" in page
        and "Avdelning 4" in page
    )
    assert "Inte signerat ännu" not in page


def test_signing_needs_a_criterion_and_a_workplace(app, lesson, teacher, trainee):
    approve(app, teacher, trainee, lesson)
    master_words(trainee, lesson)
    response = post_signature(client_for(app, teacher), trainee, [], workplace="")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Välj minst ett moment" in html and "Skriv arbetsplatsen." in html
    assert db.session.scalar(select(CompetenceCard)) is None


def test_trainee_cannot_sign_and_other_teachers_cannot_sign(app, lesson, group, teacher, trainee):
    approve(app, teacher, trainee, lesson)
    master_words(trainee, lesson)
    classmate = make_user(Role.TRAINEE, group)
    assert post_signature(client_for(app, classmate), trainee, [0]).status_code == 403
    assert post_signature(client_for(app, trainee), trainee, [0]).status_code == 403
    stranger = make_user(Role.TEACHER, make_group("Ängsvik"))
    assert post_signature(client_for(app, stranger), trainee, [0]).status_code == 403
    assert client_for(app, stranger).get(sign_url(trainee)).status_code == 403
    assert db.session.scalar(select(CompetenceSignature)) is None


def test_trainee_sees_only_their_own_card(app, lesson, group, teacher, trainee):
    approve(app, teacher, trainee, lesson)
    master_words(trainee, lesson)
    post_signature(client_for(app, teacher), trainee, [0])
    classmate = make_user(Role.TRAINEE, group, name="Bashir")
    page = client_for(app, classmate).get(CARD_URL).get_data(as_text=True)
    assert "Bashir" in page and "Amina Yusuf" not in page and "Signerat av" not in page
    code = db.session.scalar(select(CompetenceCard.code))
    assert code not in page


def test_card_page_has_an_unguessable_code_and_a_qr_code_for_the_verify_page(
    app, lesson, teacher, trainee
):
    approve(app, teacher, trainee, lesson)
    master_words(trainee, lesson)
    post_signature(client_for(app, teacher), trainee, [0, 1, 2, 3, 4])
    code = db.session.scalar(select(CompetenceCard.code))
    assert len(code) >= 40 and re.fullmatch(r"[A-Za-z0-9_-]+", code)
    page = client_for(app, trainee).get(CARD_URL).get_data(as_text=True)
    assert f'data-url="http://localhost/verifiera/{code}"' in page
    assert '<svg viewBox="0 0 ' in page and 'class="segno"' in page and code in page


def verify_page(app, teacher, trainee, lesson):
    approve(app, teacher, trainee, lesson)
    master_words(trainee, lesson)
    post_signature(client_for(app, teacher), trainee, [0, 1, 2, 3, 4])
    return db.session.scalar(select(CompetenceCard))


def test_verify_page_shows_name_lesson_date_and_signer_and_nothing_else(
    app, lesson, teacher, trainee
):
    card = verify_page(app, teacher, trainee, lesson)
    response = app.test_client().get(f"/verifiera/{card.code}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Kortet är äkta" in html
    assert "Amina Yusuf" in html and "Puls och blodtryck" in html and "Sköterska Sara" in html
    assert card.completed_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d") in html
    for secret in (
        trainee.email,
        teacher.email,
        "Solgården",
        "Solgårdens äldreboende",
        GOOD_NOTE[:30],
        "manschett",
    ):
        assert secret not in html


def test_revoked_card_says_so_on_the_verify_page(app, lesson, teacher, trainee):
    card = verify_page(app, teacher, trainee, lesson)
    supervisor = client_for(app, teacher)
    url = f"/kompetenskort/{LESSON}/aterkalla/{trainee.id}"
    response = supervisor.post(
        url,
        data={
            "reason": "Fel person signerade.",
            "csrf_token": csrf_token(supervisor, sign_url(trainee)),
        },
    )
    assert response.status_code == 302
    html = app.test_client().get(f"/verifiera/{card.code}").get_data(as_text=True)
    assert "Kortet är återkallat" in html and "Kortet är äkta" not in html
    assert "Fel person signerade." not in html  # the reason is not public
    revoked = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "card_revoked"))
    assert (revoked.actor_id, revoked.subject_user_id) == (teacher.id, trainee.id)
    assert revoked.details == {"card_id": card.id}  # the free-text reason stays out of the trail
    assert "Återkallat" in client_for(app, trainee).get(CARD_URL).get_data(as_text=True)


def test_unknown_code_is_not_found_and_hints_at_nothing(app, lesson, teacher, trainee):
    card = verify_page(app, teacher, trainee, lesson)
    response = app.test_client().get(f"/verifiera/{card.code[:-1]}")
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "Kortet finns inte" in html
    assert "Amina" not in html and "Puls och blodtryck" not in html


def test_verify_page_is_rate_limited(app):
    client = app.test_client()
    statuses = [client.get("/verifiera/gissning").status_code for _ in range(31)]
    assert statuses[:30] == [404] * 30 and statuses[30] == 429


def test_trainee_card_list_says_what_is_left(app, lesson, teacher, trainee):
    master_words(trainee, lesson, count=3)
    html = client_for(app, trainee).get("/kompetenskort").get_data(as_text=True)
    assert "Puls och blodtryck" in html
    assert "✗ Inte klart: öva orden" in html and "✗ Inte klart: en godkänd anteckning" in html
    assert f'lektion={LESSON}">Öva orden<span class="visually-hidden"> i Puls och blodtryck' in html

    note = submitted(trainee, lesson, GOOD_NOTE)  # the note is written: it waits for the teacher
    html = client_for(app, trainee).get("/kompetenskort").get_data(as_text=True)
    assert "en godkänd anteckning (din anteckning väntar på att läraren läser den)" in html
    returned = {"verdict": "revise", "score_0": "1", "score_1": "2", "comment": "Skriv tiden."}
    assert review_post(client_for(app, teacher), note, returned).status_code == 302
    html = client_for(app, trainee).get("/kompetenskort").get_data(as_text=True)
    assert "(läraren har lämnat tillbaka din anteckning: skriv om den och lämna in igen)" in html


def test_revoked_card_takes_no_more_signatures(app, lesson, teacher, trainee):
    approve(app, teacher, trainee, lesson)
    master_words(trainee, lesson)
    supervisor = client_for(app, teacher)
    post_signature(supervisor, trainee, [0])
    token = csrf_token(supervisor, sign_url(trainee))
    supervisor.post(
        f"/kompetenskort/{LESSON}/aterkalla/{trainee.id}",
        data={"reason": "Fel", "csrf_token": token},
    )
    assert post_signature(supervisor, trainee, [1]).status_code == 409
    assert len(db.session.scalars(select(CompetenceSignature)).all()) == 1


def test_cards_to_sign_take_as_many_queries_for_three_trainees_as_for_one(
    app, lesson, group, teacher
):
    client = client_for(app, teacher)
    counts = []
    for more in (1, 2):
        for _ in range(more):
            someone = make_user(Role.TRAINEE, group)
            approve(app, teacher, someone, lesson)
            master_words(someone, lesson, count=2)
        counts.append(queries_for(client, "/kompetenskort/signera"))
    assert counts[0] == counts[1]
    assert (
        client.get("/kompetenskort/signera").get_data(as_text=True).count("0 av 5 moment signerade")
        == 3
    )


def test_words_count_as_done_by_the_lessons_own_rule(app, lesson, teacher, trainee):
    """Two right answers a few days apart are enough under the default rule (a week), so a
    card is within reach in a course of weeks; a lesson that asks for three weeks says so."""
    master_words(trainee, lesson, stability=11.0)
    words = len(lesson.terms)
    needed = math.ceil(0.8 * words)
    page = client_for(app, trainee).get(CARD_URL).get_data(as_text=True)
    assert f"✓ Klart: öva lektionens ord: {words} av {words} ord klara ({needed} behövs)." in page
    assert "troligen minns det om 7 dagar" in page

    record = record_of(lesson)
    strict = record.model_copy(
        update={"drills": record.drills.model_copy(update={"mastery_days": 21})}
    )
    save_lesson(strict, status="published")
    db.session.commit()
    page = client_for(app, teacher).get(sign_url(trainee)).get_data(as_text=True)
    assert f"✗ Inte klart: orden, 0 av {words} ord klara ({needed} behövs)." in page
    assert "troligen minns det om 21 dagar" in page


def test_progress_page_knows_a_word_when_its_card_counts_it_done(app, lesson, trainee):
    """The progress page's "Kan" follows the same rule as the card (the lesson's days, a week by
    default), and says what it means; a lesson that asks for three weeks counts none yet."""
    master_words(trainee, lesson, stability=11.0)
    words = len(lesson.terms)

    def known() -> tuple[int, int, str]:
        page = client_for(app, trainee).get("/ova/framsteg").get_data(as_text=True)
        rows = re.findall(r"</th><td>(\d+)</td><td>(\d+)</td></tr>", page)
        return sum(int(k) for k, _ in rows), sum(int(p) for _, p in rows), page

    done, practised, page = known()
    assert (done, practised) == (words, words)
    assert "troligen minns det om 7 dagar. Samma regel gäller för kompetenskorten." in page

    record = record_of(lesson)
    strict = record.model_copy(
        update={"drills": record.drills.model_copy(update={"mastery_days": 21})}
    )
    save_lesson(strict, status="published")
    db.session.commit()
    done, practised, page = known()
    assert (done, practised) == (0, words)
    assert "troligen minns det om 21 dagar." in page


def test_trainee_card_list_puts_the_card_closest_to_done_first(app, lesson, teacher, trainee):
    other = publish_lesson("munvard")  # "Munvård" comes first by title
    approve(app, teacher, trainee, lesson)
    master_words(trainee, lesson, count=4)
    html = client_for(app, trainee).get("/kompetenskort").get_data(as_text=True)
    assert html.index(lesson.title) < html.index(other.title)
    assert f"4 av {len(lesson.terms)} ord klara" in html and "<progress" in html


@pytest.mark.parametrize(
    ("mastered", "said"),
    [
        (0, "öva in 8 ord (0 av 8 klara)"),
        (6, "öva in 2 ord till (6 av 8 klara)"),
        (7, "öva in 1 ord till (7 av 8 klara)"),
    ],
)
def test_what_is_missing_reads_as_swedish_whatever_the_count(mastered, said):
    from webapp.cards.service import Readiness

    readiness = Readiness(mastered, 10, 0.8, approved_note=True, mastery_days=3)
    assert readiness.missing == [said]
