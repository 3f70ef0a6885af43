"""The progress page, the dashboard's drill summary, and the teacher's group drill page."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import csrf_token
from tests.factories import log_in, make_group, make_user
from tests.webapp.drill_content import load_lesson
from webapp.drills import items, recording
from webapp.drills.queue import settings_for
from webapp.extensions import db
from webapp.models import Assignment, Group, Role
from webapp.models.time import utcnow

AFTERNOON = datetime(2026, 12, 7, 13, 0, tzinfo=UTC)  # 14:00 in Stockholm, far from midnight


class Clock:
    """The server's clock, set by the test: pages and answers share one "now", never the wall
    clock's, so a test of "today" means the same day at any hour CI runs it."""

    def __init__(self, at: datetime):
        self.at = at

    def now(self) -> datetime:
        return self.at


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(AFTERNOON)
    for page in ("webapp.drills.routes", "webapp.home.service"):
        monkeypatch.setattr(f"{page}.utcnow", clock.now)
    return clock


@pytest.fixture
def lesson(app):
    return load_lesson()


@pytest.fixture
def group(lesson):
    group = make_group("Solgården")
    db.session.add(Assignment(lesson_id=lesson.id, group_id=group.id))
    db.session.commit()
    return group


def answer_some(user, count, now, wrong_every=3):
    for n in range(count):
        item = items.next_item(user, items.queue_for(user, None, now, 15), now)
        wrong = n % wrong_every == 0
        if item.prompt["kind"] == "flashcard":
            recording.record_answer(user, item.token, now, rating=1 if wrong else 3)
        else:
            recording.record_answer(
                user, item.token, now, answer="fel" if wrong else item.prompt["expected"]
            )
        now += timedelta(seconds=20)


def test_progress_page_shows_todays_answers_streak_and_chart(group, client, clock):
    trainee = make_user(Role.TRAINEE, group, name="Amina")
    answer_some(trainee, 4, clock.at - timedelta(days=1))
    answer_some(trainee, 6, clock.at - timedelta(minutes=30))
    log_in(client, trainee)
    html = client.get("/ova/framsteg").get_data(as_text=True)
    assert '<span class="stat-value">2</span> <span class="stat-label">dagar i rad</span>' in html
    assert '<span class="stat-value">6</span> <span class="stat-label">svar i dag</span>' in html
    assert "(10 svar)" in html
    assert 'role="img" aria-labelledby="diagram-titel diagram-beskrivning"' in html
    assert 'fill="url(#randig)"' in html  # missed answers are hatched, not just coloured
    assert "Visa siffrorna som tabell" in html
    assert "Vitalparametrar" in html


def test_an_answer_at_ten_to_midnight_counts_for_that_stockholm_day(group, client, clock):
    trainee = make_user(Role.TRAINEE, group)
    ten_to_midnight = datetime(2026, 12, 7, 22, 50, tzinfo=UTC)  # 23:50 in Stockholm (CET)
    answer_some(trainee, 3, ten_to_midnight)  # the last at 23:50:40
    log_in(client, trainee)

    clock.at = datetime(2026, 12, 7, 22, 59, tzinfo=UTC)  # 23:59 the same evening
    html = client.get("/ova/framsteg").get_data(as_text=True)
    assert '<span class="stat-value">3</span> <span class="stat-label">svar i dag</span>' in html
    assert "Du har svarat 3 gånger i dag." in client.get("/oversikt").get_data(as_text=True)

    clock.at = datetime(2026, 12, 7, 23, 10, tzinfo=UTC)  # 00:10 on 8 December in Stockholm
    html = client.get("/ova/framsteg").get_data(as_text=True)
    assert '<span class="stat-value">0</span> <span class="stat-label">svar i dag</span>' in html
    assert '<span class="stat-value">1</span> <span class="stat-label">dag i rad</span>' in html
    assert "Du har svarat" not in client.get("/oversikt").get_data(as_text=True)


def test_progress_page_for_a_new_trainee_explains_itself(group, client):
    log_in(client, make_user(Role.TRAINEE, group))
    html = client.get("/ova/framsteg").get_data(as_text=True)
    assert "Du har inte övat de senaste 30 dagarna." in html
    assert "Du har inte övat några ord ännu." in html


def test_dashboard_says_how_many_words_wait_today(group, client, clock):
    trainee = make_user(Role.TRAINEE, group)
    log_in(client, trainee)
    html = client.get("/oversikt").get_data(as_text=True)
    assert "10 nya ord väntar på dig." in html
    answer_some(trainee, 1, clock.at - timedelta(minutes=5))
    assert "Du har svarat 1 gång i dag." in client.get("/oversikt").get_data(as_text=True)
    answer_some(trainee, 1, clock.at - timedelta(minutes=4))
    html = client.get("/oversikt").get_data(as_text=True)
    assert "Du har svarat 2 gånger i dag." in html


def test_teacher_sees_each_trainees_activity_and_the_weakest_words(group, client, clock):
    teacher = make_user(Role.TEACHER, group, name="Karin")
    amina = make_user(Role.TRAINEE, group, name="Amina")
    make_user(Role.TRAINEE, group, name="Dawit")
    now = clock.at - timedelta(hours=1)
    for day in range(3):  # the same first words again and again, often wrong
        answer_some(amina, 6, now - timedelta(days=3 - day), wrong_every=2)
    log_in(client, teacher)
    html = client.get(f"/ova/grupper/{group.id}").get_data(as_text=True)
    week = '<td data-label="Svar senaste 7 dagarna">'  # each count says what it is on a phone
    assert f'<th scope="row"><bdi>Amina</bdi></th>\n        {week}18</td>' in html
    assert f'<th scope="row"><bdi>Dawit</bdi></th>\n        {week}0</td>' in html
    assert '<table class="responsive">' in html
    assert "Ord som gruppen har svårast för" in html
    weakest = html.split("Ord som gruppen har svårast för")[1]
    assert "blodtryck</a>" in weakest


def test_teacher_sets_retention_and_new_words_and_scheduling_follows(group, client):
    teacher = make_user(Role.TEACHER, group)
    trainee = make_user(Role.TRAINEE, group)
    log_in(client, teacher)
    url = f"/ova/grupper/{group.id}"
    response = client.post(
        url, data={"csrf_token": csrf_token(client, url), "retention": "95", "new_per_day": "4"}
    )
    assert response.status_code == 302
    assert "Inställningarna är sparade" in client.get(url).get_data(as_text=True)
    db.session.expire_all()
    stored = db.session.get(Group, group.id)
    assert (stored.desired_retention, stored.new_cards_per_day) == (0.95, 4)
    queue = items.queue_for(trainee, None, utcnow(), 15)
    assert len([entry for entry in queue.new if entry.term_id]) == 4  # new words; sentences apart
    assert settings_for(trainee.id).retention == 0.95


@pytest.mark.parametrize(
    ("retention", "message"),
    [
        ("50", "Målet ska vara mellan 70 och 97 procent."),
        ("nittio", "Skriv ett heltal, till exempel 90."),
        ("", "Skriv ett mål i procent, till exempel 90."),
    ],
)
def test_teacher_gets_a_swedish_message_for_a_bad_setting(group, client, retention, message):
    log_in(client, make_user(Role.TEACHER, group))
    url = f"/ova/grupper/{group.id}"
    response = client.post(
        url, data={"csrf_token": csrf_token(client, url), "retention": retention}
    )
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Group, group.id).desired_retention == 0.9


def test_teacher_cannot_open_or_change_another_teachers_group(group, client):
    other = make_group("Annan grupp")
    log_in(client, make_user(Role.TEACHER, other))
    url = f"/ova/grupper/{group.id}"
    assert client.get(url).status_code == 403
    token = csrf_token(client, f"/ova/grupper/{other.id}")
    assert client.post(url, data={"csrf_token": token, "retention": "80"}).status_code == 403
    db.session.expire_all()
    assert db.session.get(Group, group.id).desired_retention == 0.9


def test_missing_group_is_not_found(group, client):
    log_in(client, make_user(Role.ADMIN))
    assert client.get("/ova/grupper/999").status_code == 404


def test_teachers_group_list_links_to_the_drill_page(group, client):
    log_in(client, make_user(Role.TEACHER, group))
    assert f'href="/ova/grupper/{group.id}"' in client.get("/larare/grupper").get_data(as_text=True)
