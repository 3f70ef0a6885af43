"""Scheduling: 60 days of answers replayed through FSRS's own Scheduler, the queue's order,
and the teacher's settings taking effect."""

import random
from datetime import UTC, datetime, timedelta
from itertools import permutations

import pytest
from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler
from fsrs import ReviewLog as FsrsLog
from sqlalchemy import select

from tests.factories import make_group, make_user
from tests.webapp.drill_content import load_lesson
from webapp.drills import items, recording
from webapp.drills.answers import ordered_text
from webapp.drills.queue import NewCard
from webapp.extensions import db
from webapp.models import Assignment, Card, LessonTerm, ReviewLog, Role

START = datetime(2026, 1, 5, 7, 0, tzinfo=UTC)


@pytest.fixture
def lesson(app):
    return load_lesson()


def assigned_trainee(lesson, retention=0.9, new_per_day=None, name="Amina"):
    group = make_group(f"Grupp {name}")
    group.desired_retention, group.new_cards_per_day = retention, new_per_day
    db.session.add(Assignment(lesson_id=lesson.id, group_id=group.id))
    db.session.commit()
    return make_user(Role.TRAINEE, group, name=name)


def answer_seeded(user, item, now, rng):
    """A plausible trainee: usually right, sometimes nearly or not at all."""
    prompt = item.prompt
    if prompt["kind"] == "word_order":
        order = right_order(prompt) if rng.random() < 0.8 else list(range(len(prompt["parts"])))
        return recording.record_answer(user, item.token, now, order=order)
    if prompt["kind"] == "flashcard":
        return recording.record_answer(
            user, item.token, now, rating=rng.choices([1, 2, 3, 4], [15, 15, 60, 10])[0]
        )
    roll = rng.random()
    if roll < 0.15:
        return recording.record_answer(user, item.token, now, answer="fel ord")
    if (
        roll < 0.25
        and prompt["kind"] in ("listen", "spelling", "cloze")
        and len(prompt["expected"]) > 6
    ):
        return recording.record_answer(user, item.token, now, answer=prompt["expected"][:-1])
    return recording.record_answer(user, item.token, now, answer=prompt["expected"])


def right_order(prompt) -> list[int]:
    """The parts' order that gives the lesson's own sentence."""
    return next(
        list(order)
        for order in permutations(range(len(prompt["parts"])))
        if ordered_text(prompt["parts"], list(order)) == prompt["expected"]
    )


def drill_for(user, days, sessions=((7, 10), (18, 5)), seed=7):
    rng = random.Random(seed)
    answered = 0
    for day in range(days):
        for hour, size in sessions:
            now = START + timedelta(days=day, hours=hour - 7)
            for _ in range(size):
                queue = items.queue_for(user, None, now, 15)
                item = items.next_item(user, queue, now)
                if item is None:
                    break
                now += timedelta(seconds=rng.randint(5, 40))
                assert answer_seeded(user, item, now, rng).recorded
                answered += 1
    return answered


def test_sixty_days_of_due_dates_are_exactly_what_fsrs_gives(lesson):
    user = assigned_trainee(lesson, retention=0.9)
    answered = drill_for(user, 60)
    assert answered > 500
    scheduler = Scheduler(desired_retention=0.9, enable_fuzzing=False)
    cards = db.session.scalars(select(Card).where(Card.user_id == user.id)).all()
    logs = db.session.scalars(select(ReviewLog).order_by(ReviewLog.reviewed_at, ReviewLog.id)).all()
    assert len(logs) == answered and len(cards) > 20
    by_card = {}
    for log in logs:
        by_card.setdefault(log.card_id, []).append(
            FsrsLog(
                card_id=log.card_id,
                rating=Rating(log.rating),
                review_datetime=log.reviewed_at,
                review_duration=None,
            )
        )
    mismatches = []
    for card in cards:
        expected = scheduler.reschedule_card(
            FsrsCard(card_id=card.id, due=card.created_at), by_card.get(card.id, [])
        )
        stored = (card.due, card.state, card.step, card.last_review)
        wanted = (expected.due, expected.state.value, expected.step, expected.last_review)
        if stored != wanted or card.stability != pytest.approx(expected.stability):
            mismatches.append((card.id, stored, wanted))
    assert mismatches == []
    assert any(
        card.due - card.last_review > timedelta(days=20) for card in cards if card.last_review
    )


def test_queue_puts_the_most_overdue_first_then_new_words_in_lesson_order(lesson):
    user = assigned_trainee(lesson)
    now = START
    terms = db.session.scalars(
        select(LessonTerm.term_id)
        .where(LessonTerm.lesson_id == lesson.id)
        .order_by(LessonTerm.position)
    ).all()
    cards = {}
    for term_id, overdue in (
        (terms[5], timedelta(hours=1)),
        (terms[6], timedelta(days=2)),
        (terms[7], -timedelta(days=1)),
    ):
        card = items._card_for(
            user, NewCard(lesson.id, term_id, "recognise"), now - timedelta(days=5)
        )
        card.due, card.last_review, card.state = now - overdue, now - timedelta(days=5), 2
        cards[term_id] = card
    db.session.commit()
    queue = items.queue_for(user, None, now, 15)
    assert [c.term_id for c in queue.due] == [terms[6], terms[5]]
    # new cards in lesson order, ten a day; a word already seen now comes to be written
    expected = [(t, "produce" if t in cards else "recognise") for t in terms][:10]
    assert [(entry.term_id, entry.direction) for entry in queue.new if entry.term_id] == expected


def test_group_limit_on_new_words_replaces_the_lessons(lesson):
    user = assigned_trainee(lesson, new_per_day=3)
    new = items.queue_for(user, None, START, 15).new
    assert len([entry for entry in new if entry.term_id]) == 3  # sentences have their own limit


def test_a_stricter_retention_brings_words_back_sooner(lesson):
    relaxed = assigned_trainee(lesson, retention=0.8, name="Dawit")
    strict = assigned_trainee(lesson, retention=0.97, name="Amina")
    dues = {}
    for user in (relaxed, strict):
        now = START
        for _ in range(4):  # the first word, answered right each time it comes back
            queue = items.queue_for(user, None, now, 15)
            item = items.next_item(user, queue, now)
            first_card = item.card_id if user.id not in dues else dues[user.id][0]
            while item.card_id != first_card:
                now += timedelta(minutes=1)
                item = items.next_item(user, items.queue_for(user, None, now, 15), now)
            outcome = recording.record_answer(
                user, item.token, now, rating=3, answer=item.prompt["expected"]
            )
            dues[user.id] = (first_card, outcome.next_due - now)
            now = outcome.next_due
    assert dues[strict.id][1] < dues[relaxed.id][1]
