"""What the simulated trainees and teachers do, as plain functions over an HTTP client.

No locust here: ``scenario.py`` (the locustfile) drives these with locust's HTTP session and
think time, and ``tests/benchmarks/test_load_visits.py`` drives them with Flask's test client,
so the requests of the load test are checked against the app in the ordinary test run.

A *client* has ``get(url, name=...)`` and ``post(url, name=..., data=/json=, headers=, timeout=)``
returning a response with ``status_code`` and ``text`` (``name`` groups URLs in the figures).
``think()`` is the pause between two actions of a person. Every answer and draft the server
acknowledges is written to a :class:`Ledger`, so the fault script can check afterwards that
each is in the database exactly once (:mod:`ledger_check`).
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

TRAINEE_EMAIL = "last-{:04d}@ordvard.example"  # made by accounts.py
TEACHER_EMAIL = "last-larare-{:02d}@ordvard.example"
PASSWORD = "last-test-losenord-2026"

FORM_TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
META_TOKEN = re.compile(r'name="csrf-token" content="([^"]+)"')
LESSON_LINK = re.compile(r'href="/lektioner/([a-z0-9-]+)"')
EXERCISE_LINK = re.compile(r'href="/skriva/([a-z0-9-]+)/([a-z0-9-]+)"')
NOTE_LINK = re.compile(r'href="/larare/granska/(\d+)"')
INSIGHTS_LINK = re.compile(r'href="/larare/granska/insikter/(\d+)"')
DRILL_KIND = re.compile(r'class="drill-item drill-([a-z_]+)"')
DRILL_OPTION = re.compile(r'name="answer" value="([^"]*)"')
HIDDEN = re.compile(r'<input type="hidden" name="(token|done|lesson)" value="([^"]*)"')

SEARCHES = (
    "blodtryck",
    "puls",
    "munvård",
    "sår",
    "förflyttning",
    "dosett",
    "hygien",
    "urin",
    "smärta",
    "sond",
    "insulin",
    "fall",
    "kost",
    "saturation",
    "demens",
    "blod",
    "tryck",
    "blodtrik",
    "lyft",
    "handsprit",
)
TYPED_GUESSES = ("blodtryck", "puls", "tandborste", "rullstol", "förband", "dosett")
NOTE = (
    "Kl. 08.15 mätte jag blodtryck och puls på brukaren i sittande efter fem minuters vila. "
    "Blodtrycket var 148/88 mmHg i höger arm. Pulsen var 84 slag/min och regelbunden. "
    "Brukaren sa att hon sovit dåligt och har ont i huvudet. Inga tecken på andnöd. "
    "Jag informerade sjuksköterskan kl. 08.30 om värdena."
)

Think = Callable[[], None]
TIMEOUT = 60  # seconds a simulated person waits for an answer (gunicorn gives up after 30)


@dataclass
class Ledger:
    """What the server acknowledged: drill-item tokens answered with 200, and per draft (trainee,
    lesson, exercise) the markers of every draft saved with 200. A draft grows as the trainee
    types, so each acknowledged save adds one marker to the text, and the last text saved holds
    every earlier one."""

    answers: list[tuple[str, str]] = field(default_factory=list)  # (email, drill-item token)
    drafts: dict[tuple[str, str, str], list[str]] = field(default_factory=dict)

    def clear(self) -> None:
        self.answers.clear()
        self.drafts.clear()


def parse_json(response) -> dict:
    try:
        body = json.loads(response.text)
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def log_in(client, email: str, password: str = PASSWORD) -> bool:
    """Open the log-in page and log in; True when the dashboard came back."""
    page = client.get("/logga-in", name="/logga-in", timeout=TIMEOUT)
    token = FORM_TOKEN.search(page.text)
    if token is None:
        return False
    response = client.post(
        "/logga-in",
        name="/logga-in [POST]",
        timeout=TIMEOUT,
        data={"email": email, "password": password, "csrf_token": token.group(1)},
    )
    return response.status_code == 200 and "/logga-ut" in response.text


@dataclass
class Trainee:
    """One trainee's session: reads lessons, searches the word list, drills, writes a note."""

    client: object
    email: str
    ledger: Ledger
    think: Think = lambda: None
    rng: random.Random = field(default_factory=random.Random)
    lessons: list[str] = field(default_factory=list)
    exercise: tuple[str, str] | None = None
    draft_text: str = ""
    saves: int = 0

    def read_lesson(self) -> None:
        if not self.lessons:
            page = self.client.get("/lektioner/", name="/lektioner/", timeout=TIMEOUT)
            self.lessons = sorted(set(LESSON_LINK.findall(page.text)))
            self.think()
        if self.lessons:
            slug = self.rng.choice(self.lessons)
            self.client.get(f"/lektioner/{slug}", name="/lektioner/[lektion]", timeout=TIMEOUT)

    def search_terms(self) -> None:
        query = self.rng.choice(SEARCHES)
        self.client.get(f"/ordlista/?q={query}", name="/ordlista/?q=[sökord]", timeout=TIMEOUT)

    def drill(self, answers: int = 3) -> None:
        """Open a drill session of one lesson and answer up to ``answers`` items."""
        if not self.lessons:
            self.read_lesson()
        query = f"?lektion={self.rng.choice(self.lessons)}" if self.lessons else ""
        page = self.client.get(f"/ova/{query}", name="/ova/?lektion=[lektion]", timeout=TIMEOUT)
        for _ in range(answers):
            form = self._drill_form(page.text)
            if form is None:
                return
            self.think()
            page = self.client.post(
                "/ova/svar",
                name="/ova/svar [POST]",
                timeout=TIMEOUT,
                data=form,
                headers={"X-Requested-With": "fetch"},
            )
            if page.status_code != 200 or "data-feedback" not in page.text:
                return  # not recorded (or not by this session): nothing acknowledged
            self.ledger.answers.append((self.email, form["token"]))

    def _drill_form(self, html: str) -> dict | None:
        """The fields a person's answer to the item on ``html`` sends, or None (no item)."""
        kind = DRILL_KIND.search(html)
        token = FORM_TOKEN.search(html)
        if kind is None or token is None:
            return None
        form = dict(HIDDEN.findall(html))
        form["csrf_token"] = token.group(1)
        options = DRILL_OPTION.findall(html)
        if kind.group(1) == "flashcard":
            form["rating"] = str(self.rng.randint(1, 4))
        elif kind.group(1) == "word_order":  # a place for every part, in some order
            parts = html.count('<select id="plats-')
            form["order"] = [str(i) for i in self.rng.sample(range(parts), parts)]
        elif options:
            form["answer"] = self.rng.choice(options)
        elif self.rng.random() < 0.3:
            form["give_up"] = "1"
        else:
            form["answer"] = self.rng.choice(TYPED_GUESSES)
        return form

    def write_note(self) -> None:
        """Open the writing page, have the note checked, then save the grown draft."""
        if self.exercise is None:
            page = self.client.get("/skriva/", name="/skriva/", timeout=TIMEOUT)
            links = sorted(set(EXERCISE_LINK.findall(page.text)))
            if not links:
                return
            self.exercise = self.rng.choice(links)
            self.draft_text = NOTE
            self.think()
        lesson, exercise = self.exercise
        page = self.client.get(
            f"/skriva/{lesson}/{exercise}", name="/skriva/[övning]", timeout=TIMEOUT
        )
        token = META_TOKEN.search(page.text)
        if token is None:
            return
        headers = {"X-CSRFToken": token.group(1)}
        self.saves += 1
        marker = f"[{self.email.split('@')[0]} utkast {self.saves}]"
        text = f"{self.draft_text}\nKl. 09.{self.saves % 60:02d} ny kontroll {marker}: puls 80 slag/min."
        body = {"text": text, "lesson": lesson, "exercise": exercise}
        self.think()
        self.client.post(
            "/api/check", name="/api/check", json=body, headers=headers, timeout=TIMEOUT
        )
        response = self.client.post(
            "/api/draft", name="/api/draft", json=body, headers=headers, timeout=TIMEOUT
        )
        if response.status_code == 200 and "saved_at" in parse_json(response):
            self.ledger.drafts.setdefault((self.email, lesson, exercise), []).append(marker)
        self.draft_text = text  # the next save carries this one too, acknowledged or not

    ACTIONS = (("read_lesson", 3), ("search_terms", 2), ("drill", 3), ("write_note", 2))


@dataclass
class Teacher:
    """A teacher: opens the review queue, a submitted note, and the group's common errors."""

    client: object
    think: Think = lambda: None
    rng: random.Random = field(default_factory=random.Random)
    notes: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)

    def review_queue(self) -> None:
        page = self.client.get("/larare/granska/", name="/larare/granska/", timeout=TIMEOUT)
        self.notes = NOTE_LINK.findall(page.text) or self.notes
        self.groups = INSIGHTS_LINK.findall(page.text) or self.groups

    def open_note(self) -> None:
        if not self.notes:
            self.review_queue()
            self.think()
        if self.notes:
            note = self.rng.choice(self.notes)
            self.client.get(
                f"/larare/granska/{note}", name="/larare/granska/[anteckning]", timeout=TIMEOUT
            )

    def insights(self) -> None:
        if not self.groups:
            self.review_queue()
            self.think()
        if self.groups:
            group = self.rng.choice(self.groups)
            self.client.get(
                f"/larare/granska/insikter/{group}",
                name="/larare/granska/insikter/[grupp]",
                timeout=TIMEOUT,
            )

    ACTIONS = (("review_queue", 2), ("open_note", 1), ("insights", 2))


def worst_checker_texts(length: int = 19_000) -> dict[str, str]:
    """The checker's worst inputs known from issue 11: long runs with no space to split on."""
    return {"parentheses": "(" * length, "emoji": "\U0001f600" * length}


def worst_check(client, headers: dict, lesson: str, exercise: str, text: str, timeout: float):
    """One worst-case ``/api/check``, its body sent as UTF-8 (as a browser does: 4 bytes an
    emoji, not a 12-byte JSON escape, which the size check would refuse before the checker)."""
    body = json.dumps({"text": text, "lesson": lesson, "exercise": exercise}, ensure_ascii=False)
    return client.post(
        "/api/check",
        name="/api/check [värsta fall]",
        data=body.encode(),
        headers={**headers, "Content-Type": "application/json"},
        timeout=timeout,
    )
