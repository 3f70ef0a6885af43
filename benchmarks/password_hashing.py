"""argon2id parameters against login throughput on this machine (issue 11).

    .venv/bin/python benchmarks/password_hashing.py            # ~2 minutes on a quiet machine
    .venv/bin/python benchmarks/password_hashing.py --quick    # no measured burst

For each candidate — OWASP's five equivalent argon2id settings and RFC 9106's second
recommended option (its first, 2 GiB per hash, is out of reach for a web server) — it prints:

1. one hash: wall time and **CPU time** (median of ``--repeats``; a login's verify costs the
   same). CPU time is what a hash costs the machine whatever else runs on it; wall time grows
   with the load average, which is printed beside the figures.
2. the login burst the issue asks for — 50 logins arriving evenly over 10 s at gunicorn's
   2 sync workers on 2 cores, p95 from arrival to answer:
   - *predicted*: the burst replayed on an otherwise idle 2-core machine from the measured CPU
     time (each login uses up to ``p`` cores, at most 2 at once; the rest wait in order);
   - *measured*: the same burst run here with 2 worker processes (only meaningful on a quiet
     machine). Only the hashing is in it: the rest of a login (form, database, redirect) is a
     few milliseconds and is measured by ``benchmarks/load/``.

   - *all at once*: the worst case beside it, 50 logins in the same instant (a class starting).

It then names the setting to use — the most memory per guess (what slows GPU guessing most;
OWASP rates its five settings an equal defence that trades CPU for memory) among those whose
predicted burst p95 stays within half of the 1 s budget and whose burst takes at most 1/8 of
the 2 cores (5 logins a second × CPU time ≤ 1/4 core): on this shared machine the load suite
measured the whole login at p95 3.5 s with m=46 MiB (17 % of the cores), as other work left
the server about half a core — and the setting the app uses (``webapp.passwords``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher, Type

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from webapp import passwords

PASSWORD = "ett-bra-lösenord-för-mätning"
BURST, SECONDS, WORKERS, P95_BUDGET = 50, 10.0, 2, 1.0
MAX_SHARE = 1 / 8  # of the 2 cores that the burst's hashing may take


@dataclass(frozen=True)
class Setting:
    source: str
    memory_kib: int
    time_cost: int
    parallelism: int

    @property
    def label(self) -> str:
        return f"m={self.memory_kib // 1024} MiB, t={self.time_cost}, p={self.parallelism}"

    @property
    def attacker_cost(self) -> int:
        return self.memory_kib * self.time_cost

    def hasher(self) -> PasswordHasher:
        return PasswordHasher(
            time_cost=self.time_cost,
            memory_cost=self.memory_kib,
            parallelism=self.parallelism,
            type=Type.ID,
        )


SETTINGS = [
    Setting("OWASP", 46 * 1024, 1, 1),
    Setting("OWASP", 19 * 1024, 2, 1),
    Setting("OWASP", 12 * 1024, 3, 1),
    Setting("OWASP", 9 * 1024, 4, 1),
    Setting("OWASP", 7 * 1024, 5, 1),
    Setting("RFC 9106 (2nd)", 64 * 1024, 3, 4),
]


def hash_time(setting: Setting, repeats: int) -> tuple[float, float]:
    """Median wall and CPU seconds of one hash."""
    hasher = setting.hasher()
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        hasher.hash(PASSWORD)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def predicted_burst(
    cpu_seconds: float, parallelism: int, seconds: float = SECONDS, cores: int = 2
) -> tuple[float, float]:
    """p50 and p95 (s) of ``BURST`` logins spread evenly over ``seconds`` on an idle machine:
    at most ``WORKERS`` at once, sharing ``cores`` fairly, each using at most ``parallelism``
    of them (1 ms steps)."""
    step, gap = 0.001, seconds / BURST
    arrivals = [n * gap for n in range(BURST)]
    left = [cpu_seconds] * BURST
    done: list[float] = [0.0] * BURST
    now, waiting, running, n = 0.0, [], [], 0
    while n < BURST or waiting or running:
        while n < BURST and arrivals[n] <= now:
            waiting.append(n)
            n += 1
        while waiting and len(running) < WORKERS:
            running.append(waiting.pop(0))
        if running:
            share = min(parallelism, cores / len(running))
            for job in list(running):
                left[job] -= share * step
                if left[job] <= 0:
                    done[job] = now + step - arrivals[job]
                    running.remove(job)
        now += step
    waits = sorted(done)
    return statistics.median(waits), waits[int(0.95 * len(waits)) - 1]


_worker_hasher: PasswordHasher | None = None
_worker_hash = ""


def _start_worker(setting: Setting) -> None:
    global _worker_hasher, _worker_hash
    _worker_hasher = setting.hasher()
    _worker_hash = _worker_hasher.hash(PASSWORD)


def _verify(_: int) -> float:
    _worker_hasher.verify(_worker_hash, PASSWORD)
    return time.perf_counter()


def burst(setting: Setting) -> tuple[float, float]:
    """p50 and p95 (s) of 50 logins arriving evenly over 10 s at 2 workers."""
    gap = SECONDS / BURST
    with ProcessPoolExecutor(WORKERS, initializer=_start_worker, initargs=(setting,)) as pool:
        list(pool.map(_verify, range(WORKERS)))  # both workers up and warm
        start = time.perf_counter()
        pending = []
        for n in range(BURST):
            arrival = start + n * gap
            time.sleep(max(0.0, arrival - time.perf_counter()))
            pending.append((arrival, pool.submit(_verify, n)))
        waits = sorted(future.result() - arrival for arrival, future in pending)
    return statistics.median(waits), waits[int(0.95 * len(waits)) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="no measured burst (predicted only)")
    args = parser.parse_args()

    print(f"cores: {os.cpu_count()}, load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"burst: {BURST} logins evenly over {SECONDS:.0f} s, {WORKERS} workers; budget p95 ≤ {P95_BUDGET:.1f} s"
    )
    print(
        f"{'setting':<22} {'source':<15} {'hash wall':>9} {'hash CPU':>9} "
        f"{'CPU share':>9} {'predicted p50/p95':>18} {'all at once p95':>15} {'measured p50/p95':>17}"
    )
    fitting = []
    for setting in SETTINGS:
        wall, cpu = hash_time(setting, args.repeats)
        p50, p95 = predicted_burst(cpu, setting.parallelism)
        worst = predicted_burst(cpu, setting.parallelism, seconds=0.0)[1]
        share = BURST / SECONDS * cpu / 2  # of the 2 cores, during the burst
        line = (
            f"{setting.label:<22} {setting.source:<15} {wall * 1000:6.0f} ms {cpu * 1000:6.0f} ms"
            f" {share:8.0%} {p50 * 1000:8.0f} /{p95 * 1000:5.0f} ms {worst * 1000:12.0f} ms"
        )
        if p95 <= P95_BUDGET / 2 and share <= MAX_SHARE:
            fitting.append(setting)
        if not args.quick:
            p50, p95 = burst(setting)
            line += f" {p50 * 1000:7.0f} /{p95 * 1000:5.0f} ms"
        print(line, flush=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if fitting:
        best = max(fitting, key=lambda s: (s.source == "OWASP", s.memory_kib, s.attacker_cost))
        print(
            f"most memory with predicted p95 ≤ {P95_BUDGET / 2:.1f} s and CPU share ≤ {MAX_SHARE:.1%}: "
            f"{best.label} ({best.source})"
        )
    else:
        print(
            f"no setting keeps predicted p95 ≤ {P95_BUDGET / 2:.1f} s and CPU share ≤ {MAX_SHARE:.1%}"
        )
    print(
        f"in use (webapp/passwords.py): m={passwords.MEMORY_KIB // 1024} MiB, "
        f"t={passwords.TIME_COST}, p={passwords.PARALLELISM}"
    )


if __name__ == "__main__":
    main()
