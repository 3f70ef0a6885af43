"""Running the scenario's people with locust as a library, and reading the figures back.

Import this module before anything that opens sockets: importing locust patches the standard
library for gevent, and the load and the script's own steps (starting, stopping and killing
servers) then share one process without blocking each other.

Every request is recorded (end time, name, status, duration, and for failures what the person
saw: a Swedish page, English text, or no answer), so any window of the run — a load step, the
seconds around a fault — can be summarised afterwards.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field

import gevent
from locust.env import Environment

SWEDISH_WORDS = ("försök", "inte", "igen", "sidan", "tyvärr", "stund")


@dataclass(frozen=True)
class Request:
    end: float  # time.time() when the answer (or the error) came
    name: str
    status: int  # 0: no answer (refused, reset, timed out)
    ms: float
    failed: bool
    seen: str  # for failures: "svensk sida", "svensk JSON", "engelsk text", "inget svar", …
    retry_after: bool

    @property
    def start(self) -> float:
        return self.end - self.ms / 1000


def what_was_seen(response, status: int) -> str:
    """What a person saw on a failed request, in a word or two."""
    if status == 0:
        return "inget svar"
    body = getattr(response, "text", "") or ""
    if 'lang="sv"' in body:
        return "svensk sida"
    try:
        message = json.loads(body).get("message", "")
    except (ValueError, AttributeError):
        message = None
    if message is not None:
        swedish = any(ch in message for ch in "åäöÅÄÖ") or any(
            word in message.lower() for word in SWEDISH_WORDS
        )
        return "svensk JSON" if swedish else "JSON på annat språk"
    if "Internal Server Error" in body or "Bad Gateway" in body or "Service Unavailable" in body:
        return "engelsk text"
    return "annat"


@dataclass
class Recorder:
    requests: list[Request] = field(default_factory=list)

    def on_request(self, name, response_time, response=None, exception=None, **_):
        status = getattr(response, "status_code", 0) or 0
        failed = exception is not None
        headers = getattr(response, "headers", None) or {}
        self.requests.append(
            Request(
                end=time.time(),
                name=name,
                status=status,
                ms=float(response_time or 0),
                failed=failed,
                seen=what_was_seen(response, status) if failed else "",
                retry_after=status in (429, 503) and "Retry-After" in headers,
            )
        )

    def count(self, name: str) -> int:
        return sum(r.name == name for r in self.requests)

    def window(self, start: float, end: float, *, exclude: tuple[str, ...] = ()) -> list[Request]:
        """Requests answered between ``start`` and ``end``."""
        return [r for r in self.requests if start <= r.end < end and r.name not in exclude]

    def overlapping(self, start: float, end: float, *, exclude: tuple[str, ...] = ()):
        """Requests that were waiting at some moment between ``start`` and ``end``."""
        return [
            r for r in self.requests if r.start < end and r.end >= start and r.name not in exclude
        ]


def p95(values: list[float]) -> float:
    if not values:
        return float("nan")
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[94]


def summary(requests: list[Request], seconds: float) -> dict:
    times = [r.ms for r in requests]
    return {
        "n": len(requests),
        "rate": len(requests) / seconds if seconds > 0 else float("nan"),
        "p50": statistics.median(times) if times else float("nan"),
        "p95": p95(times),
        "max": max(times) if times else float("nan"),
        "errors": sum(r.failed for r in requests),
    }


def status_line(requests: list[Request]) -> str:
    """``200×812, 503×4 (svensk sida, Retry-After), 0×2 (inget svar)``."""
    counts = Counter((r.status, r.seen, r.retry_after) for r in requests)
    parts = []
    for (status, seen, retry_after), n in sorted(counts.items()):
        notes = [note for note in (seen, "Retry-After" if retry_after else "") if note]
        parts.append(f"{status}×{n}" + (f" ({', '.join(notes)})" if notes else ""))
    return ", ".join(parts) or "no requests"


def cpu_seconds() -> float:
    """This process's CPU time (user + system): the load generator's own work."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Meter:
    """CPU shares over a stretch of time: this process (the load generator), gunicorn and
    PostgreSQL of ``stack``, each as a share of one core, beside the machine's load average."""

    def __init__(self, stack):
        self.stack = stack
        self.started = time.time()
        self.readings = self._read()

    def _read(self) -> tuple[float, float, float]:
        stack = self.stack
        return cpu_seconds(), stack.server_cpu_seconds(), stack.postgres_cpu_seconds()

    def line(self, *, servers: bool = True) -> str:
        """The shares so far. ``servers=False`` when processes were killed or restarted
        meanwhile (their CPU time is gone with them): the load generator's share only."""
        wall = time.time() - self.started
        shares = [
            (now - then) / wall for now, then in zip(self._read(), self.readings, strict=True)
        ]
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        text = f"CPU, share of one core: load generator {shares[0]:.0%}"
        if servers:
            text += f", gunicorn {shares[1]:.0%}, PostgreSQL {shares[2]:.0%}"
        return f"{text}; load average {load} (1, 5, 15 min), {os.cpu_count()} CPUs"


@dataclass
class Phase:
    """A running group of simulated people; stop it with :meth:`stop` (bounded)."""

    environment: Environment

    def stop(self) -> None:
        """Stop every person; print the exceptions their own code raised (a bug here, not in
        the app: locust counts them apart from the requests)."""
        runner = self.environment.runner
        with gevent.Timeout(30, False):
            runner.quit()
        for row in runner.exceptions.values():
            print(f"    simulated people's code raised {row['count']}×:\n{row['traceback']}")


def start(host: str, people: dict[type, int], spawn_rate: float, recorder: Recorder) -> Phase:
    """Start ``people`` (user class → how many), adding ``spawn_rate`` a second."""
    classes = []
    for user_class, count in people.items():
        classes.append(type(user_class.__name__, (user_class,), {"fixed_count": count}))
    environment = Environment(user_classes=classes, host=host)
    environment.events.request.add_listener(recorder.on_request)
    runner = environment.create_local_runner()
    phase = Phase(environment)
    runner.start(sum(people.values()), spawn_rate=spawn_rate, user_classes=classes)
    return phase


def add_people(phase: Phase, user_class: type, total: int, spawn_rate: float) -> None:
    """Grow a running phase to ``total`` people of ``user_class`` (one of the phase's
    classes), ``spawn_rate`` a second. (``runner.start`` again keeps the first fixed counts.)"""
    runner = phase.environment.runner
    name = next(c.__name__ for c in phase.environment.user_classes if issubclass(c, user_class))
    step = max(1, round(spawn_rate))
    for _ in range(total):  # at most one round a person, even if some die at once
        if runner.user_count >= total:
            break
        runner.spawn_users({name: min(step, total - runner.user_count)})
        gevent.sleep(1)


def wait_spawned(phase: Phase, timeout: float) -> None:
    """Until every person of the phase has been started (or ``timeout`` seconds)."""
    deadline = time.time() + timeout
    runner = phase.environment.runner
    while time.time() < deadline and (
        runner.spawning_greenlet is not None and not runner.spawning_greenlet.ready()
    ):
        gevent.sleep(0.2)


def wait_for(condition, timeout: float, interval: float = 0.2) -> bool:
    """Poll ``condition()`` until true or ``timeout`` seconds; whether it came true."""
    deadline = time.time() + timeout
    while not condition():
        if time.time() > deadline:
            return False
        gevent.sleep(interval)
    return True


def settle(base_url: str, timeout: float = 90) -> float:
    """After a phase: until the server answers a page in under 0.3 s three times in a row
    (requests of stopped people may still be queued in gunicorn); the seconds it took."""
    import requests

    started, quick = time.time(), 0
    while quick < 3 and time.time() - started < timeout:
        begin = time.time()
        try:
            requests.get(base_url + "/logga-in", timeout=30)
            quick = quick + 1 if time.time() - begin < 0.3 else 0
        except requests.RequestException:
            quick = 0
        gevent.sleep(0.5)
    return time.time() - started


DEMO_TRAINEE = ("amina@ordvard.example", "demo-deltagare-1")  # made by `ordvard setup`


def warm_up(base_url: str, email: str = DEMO_TRAINEE[0], password: str = DEMO_TRAINEE[1]):
    """Have both gunicorn workers load what the first request of each kind loads (the note
    checker, templates, connections), as after any minutes of real use; nothing recorded."""
    from locust.clients import HttpSession
    from locust.event import EventHook

    from benchmarks.load import visits

    session = HttpSession(base_url, EventHook(), None)
    if not visits.log_in(session, email, password):
        raise RuntimeError(f"warm-up: {email} could not log in")
    index = session.get("/skriva/", timeout=visits.TIMEOUT)
    lesson, exercise = visits.EXERCISE_LINK.findall(index.text)[0]
    page = session.get(f"/skriva/{lesson}/{exercise}", timeout=visits.TIMEOUT)
    headers = {"X-CSRFToken": visits.META_TOKEN.search(page.text).group(1)}
    body = {"text": visits.NOTE, "lesson": lesson, "exercise": exercise}

    def check_and_read() -> None:
        session.post("/api/check", json=body, headers=headers, timeout=visits.TIMEOUT)
        session.get(f"/lektioner/{lesson}", timeout=visits.TIMEOUT)
        session.get("/ordlista/?q=blodtryck", timeout=visits.TIMEOUT)

    for _ in range(3):  # concurrent, so that both workers get some
        gevent.joinall([gevent.spawn(check_and_read) for _ in range(4)], timeout=120)


def machine_line() -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"machine: {os.cpu_count()} CPUs, load average {load} (1, 5, 15 min)"
