"""The locust scenario: trainees and teachers of Ordvård with 3–8 s think time.

``run.py`` and ``faults.py`` drive these classes on a private stack; to watch them in locust's
own web UI against a server seeded by ``accounts.py`` (ports are examples):

    .venv/bin/locust -f benchmarks/load/scenario.py --host http://127.0.0.1:8200 \
        --web-host 127.0.0.1 --web-port 8203 Trainee Teacher

A trainee logs in, then reads lessons, searches the word list, answers drills and writes a
note (checked through ``/api/check`` and saved through ``/api/draft`` with the page's CSRF
token), in the proportions of :attr:`visits.Trainee.ACTIONS`. A teacher opens the review
queue, a submitted note and the group's insights. Each simulated person has their own account
and their own address in ``X-Forwarded-For`` (the app trusts one proxy in this setup), so the
per-address limits see many people, as in production. Every acknowledged answer and draft goes
into :data:`LEDGER`.
"""

from __future__ import annotations

import itertools
import random
import sys
import time
from pathlib import Path

from locust import HttpUser, between, constant, task
from locust.exception import StopUser

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.load import visits

LEDGER = visits.Ledger()
IN_FLIGHT: dict[object, float] = {}  # request → when it was sent, while it waits for its answer
_trainee_numbers = itertools.count()
_teacher_numbers = itertools.count()
_addresses = itertools.count(1)


def next_trainee_email() -> str:
    """A trainee account no other simulated person in this process has used."""
    return visits.TRAINEE_EMAIL.format(next(_trainee_numbers))


def address() -> str:
    n = next(_addresses)
    return f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"


def track_in_flight(session) -> None:
    """Keep each request of ``session`` in :data:`IN_FLIGHT` until it has its outcome, so a
    script can wait for every request sent before a moment (``oldest_in_flight``)."""
    send = session.request

    def request(method, url, *args, **kwargs):
        key = object()
        IN_FLIGHT[key] = time.time()
        try:
            return send(method, url, *args, **kwargs)
        finally:
            del IN_FLIGHT[key]

    session.request = request


def oldest_in_flight() -> float:
    """When the oldest request still waiting was sent (infinity if none is waiting)."""
    return min(IN_FLIGHT.values(), default=float("inf"))


class Person(HttpUser):
    """Logs in on start (and again before the next action if that failed)."""

    abstract = True
    wait_time = between(3, 8)

    def account(self) -> str:
        raise NotImplementedError

    def on_start(self) -> None:
        track_in_flight(self.client)
        self.client.headers["X-Forwarded-For"] = address()
        self.email = self.account()
        self.rng = random.Random()
        self.logged_in = visits.log_in(self.client, self.email)

    def ready(self) -> bool:
        if not self.logged_in:
            self.logged_in = visits.log_in(self.client, self.email)
        return self.logged_in


class Trainee(Person):
    def account(self) -> str:
        return next_trainee_email()

    def on_start(self) -> None:
        super().on_start()
        self.visit = visits.Trainee(self.client, self.email, LEDGER, self.wait, self.rng)

    @task(dict(visits.Trainee.ACTIONS)["read_lesson"])
    def read_lesson(self) -> None:
        if self.ready():
            self.visit.read_lesson()

    @task(dict(visits.Trainee.ACTIONS)["search_terms"])
    def search_terms(self) -> None:
        if self.ready():
            self.visit.search_terms()

    @task(dict(visits.Trainee.ACTIONS)["drill"])
    def drill(self) -> None:
        if self.ready():
            self.visit.drill()

    @task(dict(visits.Trainee.ACTIONS)["write_note"])
    def write_note(self) -> None:
        if self.ready():
            self.visit.write_note()


class Teacher(Person):
    def account(self) -> str:
        return visits.TEACHER_EMAIL.format(next(_teacher_numbers) % 5)

    def on_start(self) -> None:
        super().on_start()
        self.visit = visits.Teacher(self.client, self.wait, self.rng)

    @task(dict(visits.Teacher.ACTIONS)["review_queue"])
    def review_queue(self) -> None:
        if self.ready():
            self.visit.review_queue()

    @task(dict(visits.Teacher.ACTIONS)["open_note"])
    def open_note(self) -> None:
        if self.ready():
            self.visit.open_note()

    @task(dict(visits.Teacher.ACTIONS)["insights"])
    def insights(self) -> None:
        if self.ready():
            self.visit.insights()


class LoggingIn(HttpUser):
    """One log-in (the page, then the form) and nothing else: the login burst."""

    wait_time = constant(0)

    @task
    def log_in(self) -> None:
        self.client.headers["X-Forwarded-For"] = address()
        visits.log_in(self.client, next_trainee_email())
        raise StopUser()
