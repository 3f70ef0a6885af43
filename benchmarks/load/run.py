"""Load figures of issue 11 on a private stack (PostgreSQL, Redis, gunicorn as the Procfile
starts it), each printed beside its target and beside the load generator's own CPU share:

    .venv/bin/python benchmarks/load/run.py            # full run, at most about 10 minutes
    .venv/bin/python benchmarks/load/run.py --quick    # smoke test, a couple of minutes
    .venv/bin/python benchmarks/load/run.py --only burst   # one phase: steady, step or burst

1. Steady load: 100 trainees (and 5 teachers) with 3–8 s think time → p95 and errors
   (targets p95 ≤ 300 ms, 0 errors). Logins happen while the people arrive (10 a second);
   p95 is taken over the steady window after that, errors over the whole phase.
2. Step load: the same actions with 0.5–2 s think time, more people at each step; the highest
   request rate at which p95 stays ≤ 500 ms. Each step is measured after its people have
   arrived (and logged in) and settled; the steps stop at the first p95 over 500 ms.
3. Login burst: 50 people log in within 10 s on an idle server → p95 of the log-in POST
   (target ≤ 1 s).

Before the first phase both gunicorn workers are warmed up (the note checker loaded, a few
pages read), as after a few minutes of real use. Ports: gunicorn ``--port-base``, PostgreSQL +1, Redis +2 (default 8200–8202), all on
127.0.0.1. Everything stops by itself and removes its temporary folder. The machine's load
average is printed before and after: figures from a busy shared machine are noisy.
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
from locust import between

from benchmarks.load import scenario
from benchmarks.load.stack import Stack

STEADY_P95_MS, STEP_P95_MS, LOGIN_P95_MS = 300.0, 500.0, 1000.0
LOGIN = "/logga-in [POST]"


@dataclass(frozen=True)
class Plan:
    trainees: int
    teachers: int
    steady_seconds: float
    step_people: tuple[int, ...]
    step_seconds: float
    burst: int
    burst_seconds: float

    @property
    def accounts(self) -> int:
        return self.trainees + max(self.step_people) + self.burst + 10


FULL = Plan(100, 5, 90, (5, 10, 20, 35, 50, 70, 100, 140, 200), 25, 50, 10)
QUICK = Plan(30, 2, 15, (5, 15), 10, 50, 10)


class BusyTrainee(scenario.Trainee):
    """A trainee in a hurry: the same actions, 0.5–2 s between them."""

    wait_time = between(0.5, 2)


def figure(label: str, stats: dict, usage: str, target: str, ok: bool) -> None:
    print(
        f"{label}: {stats['n']} requests, {stats['rate']:.1f}/s, p50 {stats['p50']:.0f} ms, "
        f"p95 {stats['p95']:.0f} ms, max {stats['max']:.0f} ms, errors {stats['errors']} "
        f"({target}) {'OK' if ok else 'MISSED'}\n    {usage}",
        flush=True,
    )


def per_endpoint(requests: list[harness.Request]) -> None:
    names = sorted({r.name for r in requests})
    for name in names:
        mine = [r for r in requests if r.name == name]
        stats = harness.summary(mine, 1)
        print(
            f"      {name:<40} n={stats['n']:<5} p50 {stats['p50']:>5.0f} ms  "
            f"p95 {stats['p95']:>5.0f} ms  errors {stats['errors']}"
        )


def steady(stack: Stack, plan: Plan, recorder: harness.Recorder) -> bool:
    started = time.time()
    logins_before = recorder.count(LOGIN)
    phase = harness.start(
        stack.base_url,
        {scenario.Trainee: plan.trainees, scenario.Teacher: plan.teachers},
        10,
        recorder,
    )
    harness.wait_spawned(phase, 120)
    people = plan.trainees + plan.teachers
    harness.wait_for(lambda: recorder.count(LOGIN) >= logins_before + people, 180)
    gevent.sleep(3)
    window_start, meter = time.time(), harness.Meter(stack)
    gevent.sleep(plan.steady_seconds)
    window_end = time.time()
    usage = meter.line()
    phase.stop()
    window = recorder.window(window_start, window_end)
    stats = harness.summary(window, window_end - window_start)
    stats["errors"] = sum(r.failed for r in recorder.window(started, time.time()))
    ok = stats["p95"] <= STEADY_P95_MS and stats["errors"] == 0
    figure(
        f"1. steady: {plan.trainees} trainees + {plan.teachers} teachers, 3–8 s think time, "
        f"{plan.steady_seconds:.0f} s window",
        stats,
        usage,
        f"target p95 ≤ {STEADY_P95_MS:.0f} ms, 0 errors",
        ok,
    )
    logins = [r for r in recorder.window(started, window_start) if r.name == LOGIN]
    print(
        f"    logins while they arrived (before the window): {len(logins)}, "
        f"p95 {harness.p95([r.ms for r in logins]):.0f} ms"
    )
    per_endpoint(window)
    if stats["errors"]:
        failed = [r for r in recorder.window(started, time.time()) if r.failed]
        print(f"    failed: {harness.status_line(failed)}")
    return ok


def step_load(stack: Stack, plan: Plan, recorder: harness.Recorder) -> bool:
    print(
        f"2. step load: 0.5–2 s think time, {plan.step_seconds:.0f} s a step, people "
        f"{', '.join(map(str, plan.step_people))} until p95 > {STEP_P95_MS:.0f} ms",
        flush=True,
    )
    best = None
    phase = None
    for people in plan.step_people:
        logins_before = recorder.count(LOGIN)
        arriving = people - (phase.environment.runner.user_count if phase else 0)
        if phase is None:
            phase = harness.start(stack.base_url, {BusyTrainee: people}, 10, recorder)
        else:
            harness.add_people(phase, BusyTrainee, people, 10)
        harness.wait_spawned(phase, 120)
        wanted = logins_before + arriving
        harness.wait_for(lambda wanted=wanted: recorder.count(LOGIN) >= wanted, 180)
        gevent.sleep(3)
        start, meter = time.time(), harness.Meter(stack)
        gevent.sleep(plan.step_seconds)
        end = time.time()
        stats = harness.summary(recorder.window(start, end), end - start)
        within = stats["p95"] <= STEP_P95_MS
        print(
            f"    {phase.environment.runner.user_count:>4} people: {stats['rate']:5.1f} requests/s, p50 {stats['p50']:4.0f} ms, "
            f"p95 {stats['p95']:5.0f} ms, errors {stats['errors']}\n      {meter.line()}",
            flush=True,
        )
        if stats["errors"]:
            failed = [r for r in recorder.window(start, end) if r.failed]
            print(f"      failed: {harness.status_line(failed)}", flush=True)
        if not within:
            break
        if best is None or stats["rate"] > best[1]["rate"]:
            best = (people, stats)
    if phase is not None:
        phase.stop()
    if best is None:
        print(f"    no step kept p95 ≤ {STEP_P95_MS:.0f} ms")
        return False
    people, stats = best
    print(
        f"    highest rate with p95 ≤ {STEP_P95_MS:.0f} ms: {stats['rate']:.1f} requests/s "
        f"({people} people, p95 {stats['p95']:.0f} ms)"
        + ("" if people < max(plan.step_people) else " — the last step; the limit is higher")
    )
    return True


def login_burst(stack: Stack, plan: Plan, recorder: harness.Recorder) -> bool:
    started, meter = time.time(), harness.Meter(stack)
    logins_before = recorder.count(LOGIN)
    phase = harness.start(
        stack.base_url,
        {scenario.LoggingIn: plan.burst},
        plan.burst / plan.burst_seconds,
        recorder,
    )
    harness.wait_for(
        lambda: recorder.count(LOGIN) >= logins_before + plan.burst, plan.burst_seconds + 90
    )
    end = time.time()
    usage = meter.line()
    phase.stop()
    logins = sorted(
        (r for r in recorder.window(started, end + 1) if r.name == LOGIN and r.start >= started),
        key=lambda r: r.start,
    )[: plan.burst]
    stats = harness.summary(logins, end - started)
    ok = stats["p95"] <= LOGIN_P95_MS and stats["errors"] == 0 and stats["n"] == plan.burst
    figure(
        f"3. login burst: {plan.burst} logins in {plan.burst_seconds:.0f} s (log-in POST only)",
        stats,
        usage,
        f"target p95 ≤ {LOGIN_P95_MS:.0f} ms",
        ok,
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="short windows, two load steps")
    parser.add_argument("--port-base", type=int, default=8200)
    parser.add_argument(
        "--only", choices=("steady", "step", "burst"), help="run one phase (after the warm-up)"
    )
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop the servers on kill too
    print(harness.machine_line() + " before the run", flush=True)
    recorder = harness.Recorder()
    with Stack(args.port_base, args.port_base + 1, args.port_base + 2) as stack:
        stack.start(trainees=plan.accounts, teachers=5)
        harness.warm_up(stack.base_url)
        results = []
        phases = {"steady": steady, "step": step_load, "burst": login_burst}
        for phase in [phases[args.only]] if args.only else phases.values():
            results.append(phase(stack, plan, recorder))
            waited = harness.settle(stack.base_url)
            if waited > 5:
                print(f"    (the server took {waited:.0f} s to work off the queued requests)")
    print(harness.machine_line() + " after the run")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
