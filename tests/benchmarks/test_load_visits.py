"""The load test's simulated people (``benchmarks/load/visits.py``) against the real app: every
request they send succeeds, and the ledger check finds each acknowledged answer and draft in
the database exactly once — and notices when one is missing or doubled."""

from __future__ import annotations

import random

import pytest

from benchmarks.load import accounts, ledger_check, visits
from webapp.demo import create_demo_accounts
from webapp.extensions import db


class FlaskSession:
    """Flask's test client with the small interface the visits use; records every response."""

    def __init__(self, client):
        self.client = client
        self.seen: list[tuple[str, str, int]] = []

    def get(self, url, *, name=None, timeout=None):
        return self._keep("GET", url, self.client.get(url, follow_redirects=True))

    def post(self, url, *, name=None, data=None, json=None, headers=None, timeout=None):
        response = self.client.post(
            url, data=data, json=json, headers=headers or {}, follow_redirects=True
        )
        return self._keep("POST", url, response)

    def _keep(self, method, url, response):
        self.seen.append((method, url, response.status_code))
        return response


@pytest.fixture
def people(app, bundled_content):
    create_demo_accounts()
    accounts.add_accounts(trainees=2, teachers=1, submitted_notes=2)


def test_simulated_trainee_and_teacher_requests_all_succeed_and_are_all_stored(app, people):
    ledger = visits.Ledger()
    session = FlaskSession(app.test_client())
    email = visits.TRAINEE_EMAIL.format(0)
    assert visits.log_in(session, email)
    trainee = visits.Trainee(session, email, ledger, rng=random.Random(7))
    trainee.read_lesson()
    trainee.search_terms()
    trainee.drill(answers=4)
    trainee.write_note()
    trainee.write_note()

    teacher_session = FlaskSession(app.test_client())
    assert visits.log_in(teacher_session, visits.TEACHER_EMAIL.format(0))
    teacher = visits.Teacher(teacher_session, rng=random.Random(7))
    teacher.review_queue()
    teacher.open_note()
    teacher.insights()

    failed = [seen for seen in session.seen + teacher_session.seen if seen[2] != 200]
    assert failed == []
    assert teacher.notes and teacher.groups  # the queue listed the submitted notes and group
    assert len(ledger.answers) == 4
    assert sum(len(markers) for markers in ledger.drafts.values()) == 2

    with db.engine.connect() as connection:
        counts = ledger_check.check(connection, ledger)
    assert counts["total"].as_tuple() == (6, 6, 0, 0)

    # The check can fail: an answer never stored and a draft marker that was overwritten.
    ledger.answers.append((email, "no-such-token"))
    key = next(iter(ledger.drafts))
    ledger.drafts[key].append("[never saved]")
    with db.engine.connect() as connection:
        counts = ledger_check.check(connection, ledger)
    assert counts["answers"].as_tuple() == (5, 4, 1, 0)
    assert counts["drafts"].as_tuple() == (3, 2, 1, 0)
