"""Faults during load (issue 11), on a private stack (PostgreSQL, Redis, gunicorn as the
Procfile starts it):

    .venv/bin/python benchmarks/load/faults.py            # full run, about 5 minutes
    .venv/bin/python benchmarks/load/faults.py --quick    # smoke test, a couple of minutes

While 100 trainees and 5 teachers (3–8 s think time) use the site, one after another:

1. two worst-case checker requests: two streams of ``/api/check`` with 19,000 × "(" and
   19,000 emoji, each sending its next request when the last one is answered, for
   ``hog_seconds``; the other people's p95 meanwhile is compared with their p95 in the same
   length of time just before (target: within 2×);
2. a gunicorn worker killed with ``kill -9``;
3. PostgreSQL restarted (``pg_ctl restart -m fast``: every connection cut);
4. Redis stopped, and started again ``redis_down_seconds`` later.

For each fault: the status codes the people saw from its start until the end of its window
(with what a failure showed: a Swedish page or JSON, English text, or no answer at all, and
whether a 503 carried ``Retry-After``), and the recovery time — from the fault's start to the
end of the last failed request in its window (0 if nothing failed). At the end, with the
people stopped: every drill answer and draft the server acknowledged is looked up in the
database (:mod:`ledger_check`): "N written, N found, 0 lost, 0 doubled" is the target.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.load import harness  # noqa: I001 - first: locust patches the standard library

import argparse
import signal
import time
from dataclasses import dataclass

import gevent
from locust.clients import HttpSession
from sqlalchemy import create_engine

from benchmarks.load import ledger_check, scenario, visits
from benchmarks.load.stack import Stack

WORST = "/api/check [värsta fall]"
LOGIN = "/logga-in [POST]"
HOG_RATIO_TARGET = 2.0


@dataclass(frozen=True)
class Plan:
    trainees: int
    teachers: int
    baseline_seconds: float
    hog_seconds: float
    fault_window: float
    redis_down_seconds: float
    gap_seconds: float


FULL = Plan(100, 5, 30, 30, 30, 10, 20)
QUICK = Plan(30, 2, 10, 10, 12, 5, 5)


def hog_stream(session: HttpSession, token: str, text: str, until: float, results: list) -> None:
    """Send the worst-case text, again and again, until ``until`` (each answered or failed)."""
    lesson, exercise = session.exercise
    while time.time() < until:
        begin = time.time()
        response = visits.worst_check(
            session, {"X-CSRFToken": token}, lesson, exercise, text, timeout=visits.TIMEOUT
        )
        results.append((response.status_code, time.time() - begin))


def hog_session(stack: Stack, environment, email: str) -> tuple[HttpSession, str]:
    """A logged-in trainee's session on a writing page, and the page's CSRF token."""
    session = HttpSession(stack.base_url, environment.events.request, None)
    session.headers["X-Forwarded-For"] = scenario.address()
    assert visits.log_in(session, email), f"{email} could not log in"
    index = session.get("/skriva/", name="/skriva/", timeout=visits.TIMEOUT)
    session.exercise = visits.EXERCISE_LINK.findall(index.text)[0]
    lesson, exercise = session.exercise
    page = session.get(f"/skriva/{lesson}/{exercise}", name="/skriva/[övning]", timeout=60)
    return session, visits.META_TOKEN.search(page.text).group(1)


def worst_case_checks(stack, phase, recorder, plan) -> bool:
    before_end = time.time()
    baseline = recorder.window(before_end - plan.hog_seconds, before_end)
    sessions = [
        hog_session(stack, phase.environment, scenario.next_trainee_email()) for _ in (0, 1)
    ]
    results: dict[str, list] = {}
    started = time.time()
    streams = []
    for (session, token), (label, text) in zip(
        sessions, visits.worst_checker_texts().items(), strict=True
    ):
        results[label] = []
        streams.append(
            gevent.spawn(
                hog_stream, session, token, text, started + plan.hog_seconds, results[label]
            )
        )
    gevent.joinall(streams, timeout=plan.hog_seconds + 2 * visits.TIMEOUT)
    ended = time.time()
    # Requests that waited behind the worst cases answer late: count them too, once every
    # request sent during the window has its outcome (a person gives up after visits.TIMEOUT).
    harness.wait_for(lambda: scenario.oldest_in_flight() > ended, visits.TIMEOUT + 5)
    during = recorder.overlapping(started, ended, exclude=(WORST,))
    base = harness.summary(baseline, plan.hog_seconds)
    hogged = harness.summary(during, ended - started)
    ratio = hogged["p95"] / base["p95"] if base["n"] and hogged["n"] else float("nan")
    ok = ratio <= HOG_RATIO_TARGET and hogged["errors"] == 0
    print(f"1. two worst-case checker requests ({', '.join(results)}; 19,000 characters each)")
    for label, answers in results.items():
        slowest = max((t for _, t in answers), default=0)
        print(f"    {label}: {len(answers)} requests one after another, slowest {slowest:.2f} s")
    worst = [r for r in recorder.overlapping(started, ended) if r.name == WORST]
    print(f"    the worst-case requests got: {harness.status_line(worst)}")
    print(
        f"    other people's p95: {hogged['p95']:.0f} ms over {hogged['n']} requests waiting during "
        f"({ended - started:.0f} s) vs {base['p95']:.0f} ms over {base['n']} requests the "
        f"{plan.hog_seconds:.0f} s before: {ratio:.1f}× (target ≤ {HOG_RATIO_TARGET:.0f}×) "
        f"{'OK' if ok else 'MISSED'}; errors during: {hogged['errors']}"
    )
    print(f"    statuses the others saw: {harness.status_line(during)}")
    return ok


def report_fault(title: str, recorder, started: float, window_end: float, note: str) -> bool:
    seen = recorder.window(started, window_end)
    failed = [r for r in seen if r.failed]
    last_failure = max((r.end for r in failed), default=started)
    recovered = any(not r.failed and r.start > last_failure for r in seen)
    if not failed:
        recovery = "0 s (nothing failed)"
    elif recovered:
        recovery = f"{last_failure - started:.1f} s (to the end of the last failed request)"
    else:
        recovery = f"not within the {window_end - started:.0f} s window"
    english = [
        r for r in failed if r.status >= 500 and r.seen not in ("svensk sida", "svensk JSON")
    ]
    ok = recovered or not failed
    ok = ok and bool(seen) and not any(r.status == 500 for r in seen) and not english
    verdict = "OK: no 500, no English error page" if ok else "NOT OK"
    print(
        f"{title}: {note}\n"
        f"    statuses seen: {harness.status_line(seen)}\n"
        f"    recovery: {recovery}; {verdict}",
        flush=True,
    )
    return ok


def kill_worker(stack, recorder, plan) -> bool:
    harness.wait_for(lambda: len(stack.workers()) > 0, 30)
    started = time.time()
    pid = stack.kill_worker()
    gevent.sleep(plan.fault_window)
    return report_fault(
        "2. gunicorn worker killed (kill -9)",
        recorder,
        started,
        time.time(),
        f"worker {pid} killed; gunicorn now has {len(stack.workers())} workers",
    )


def restart_postgres(stack, recorder, plan) -> bool:
    started = time.time()
    stack.restart_postgres()
    down = time.time() - started
    gevent.sleep(plan.fault_window)
    return report_fault(
        "3. PostgreSQL restarted",
        recorder,
        started,
        time.time(),
        f"pg_ctl stop -m fast + start took {down:.1f} s",
    )


def stop_redis(stack, recorder, plan) -> bool:
    started = time.time()
    stack.stop_redis()
    gevent.sleep(plan.redis_down_seconds)
    stack.start_redis()
    gevent.sleep(plan.fault_window)
    return report_fault(
        "4. Redis stopped, then started",
        recorder,
        started,
        time.time(),
        f"down for {plan.redis_down_seconds:.0f} s",
    )


def verify(stack: Stack) -> bool:
    engine = create_engine(stack.database_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as connection:
            counts = ledger_check.check(connection, scenario.LEDGER)
    finally:
        engine.dispose()
    total = counts["total"]
    ok = total.lost == 0 and total.doubled == 0 and total.written > 0
    print(
        f"{total.line('acknowledged answers and drafts')} {'OK' if ok else 'NOT OK'}\n"
        f"    ({counts['answers'].line('drill answers')}; {counts['drafts'].line('draft saves')})"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="30 trainees, short windows")
    parser.add_argument("--port-base", type=int, default=8200)
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop the servers on kill too
    print(harness.machine_line() + " before the run", flush=True)
    recorder = harness.Recorder()
    results = []
    with Stack(args.port_base, args.port_base + 1, args.port_base + 2) as stack:
        stack.start(trainees=plan.trainees + 10, teachers=5)
        harness.warm_up(stack.base_url)
        meter = harness.Meter(stack)
        phase = harness.start(
            stack.base_url,
            {scenario.Trainee: plan.trainees, scenario.Teacher: plan.teachers},
            10,
            recorder,
        )
        try:
            harness.wait_spawned(phase, 120)
            people = plan.trainees + plan.teachers
            harness.wait_for(lambda: recorder.count(LOGIN) >= people, 180)
            print(
                f"load: {plan.trainees} trainees + {plan.teachers} teachers, 3–8 s think time; "
                f"{harness.machine_line()}",
                flush=True,
            )
            gevent.sleep(plan.baseline_seconds)
            results.append(worst_case_checks(stack, phase, recorder, plan))
            for fault in (kill_worker, restart_postgres, stop_redis):
                gevent.sleep(plan.gap_seconds)  # back to steady load before the next fault
                results.append(fault(stack, recorder, plan))
        finally:
            usage = meter.line(servers=False)
            phase.stop()
        print(f"over the whole load: {usage}")
        harness.settle(stack.base_url)
        results.append(verify(stack))
    print(harness.machine_line() + " after the run")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
