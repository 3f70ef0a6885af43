"""Speed and memory of the care-note checker, each figure printed beside its target (issue 4).

    .venv/bin/python benchmarks/nlp_speed.py

Every time is given as wall time (the target's measure) and as CPU time of the measured
process: on a shared machine (the load average is printed first) the wall time includes
waiting for a core, the CPU time does not.

Measures: cold start in a fresh process (import + ``nlp.load()`` + the first ``check``, which
loads the lazily read data), in-process ``check`` p50/p95 on a 100-word note with 20 terms,
one 2,000-word text, one ``python -m nlp check`` call (wall time), and peak RSS of a process
that loads the pipeline and checks both texts. The dictionary index is built into the user
cache first if it is missing (a one-time cost per install, reported separately).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOTE = (
    "Kl. 08.15 mätte jag blodtrycket på brukaren i sittande. Blodtryck 142/86 mmHg, puls 76 "
    "slag/min, regelbunden. Temp 37,2 °C och saturation 96 %. Brukaren förnekar yrsel och "
    "huvudvärk men har lite ont i vänster knä. Hon åt halva portionen gröt och drack två glas "
    "vatten. Huden på hälarna är hel, ingen rodnad. Jag hjälpte henne med munvården och tvättade "
    "eltandborsten. Sjuk sköterskan informerades om trycksårsrisken. Hon var gnällig och ville "
    "inte gå till toaletten. Lungröntgen är planerad till i morgon på hälsocentralen. Vi fortsätter "
    "med vändschema var tredje timme och följer upp smärtan i kväll."
)
TERMS = [
    "blodtryck",
    "puls",
    "mäta",
    "yrsel",
    "huvudvärk",
    "smärta",
    "äta",
    "dricka",
    "vatten",
    "hud",
    "häl",
    "rodnad",
    "munvård",
    "tand",
    "trycksår",
    "lunga",
    "hälsa",
    "sjuksköterska",
    "toalett",
    "temperatur",
]
TARGETS = {
    "cold": 1.5,
    "p50": 0.005,
    "p95": 0.015,
    "long": 0.100,
    "cli": 2.0,
    "rss": 300.0,
}
CHILD = """
import time
t0, c0 = time.perf_counter(), time.process_time()
import nlp
nlp.load()
t1 = time.perf_counter()
nlp.check("Patienten förnekar smärta.", ["smärta"])
print(t1 - t0, time.perf_counter() - t0, time.process_time() - c0)
"""
RSS_CHILD = """
import resource, sys
import nlp
note, long_text, terms = sys.argv[1], sys.argv[2], sys.argv[3].split(";")
for _ in range(20):
    nlp.check(note, terms)
nlp.check(long_text, terms)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def long_text(words: int = 2000) -> str:
    sentences = NOTE.split(". ")
    out, n, k = [], 0, 0
    while n < words:
        sentence = sentences[k % len(sentences)] + f" Dag {k // len(sentences) + 1}."
        out.append(sentence)
        n += len(sentence.split())
        k += 1
    return " ".join(out)


def line(label: str, wall: float, cpu: float | None, unit: str, target: float) -> None:
    verdict = "ok" if wall <= target else "OVER"
    cpu_text = f"  (CPU {cpu:8.3f})" if cpu is not None else " " * 17
    print(f"{label:<42} {wall:9.3f} {unit:<3}{cpu_text}  target ≤ {target:g} {unit}  {verdict}")


def cold_start(python: str) -> None:
    runs = [
        subprocess.run([python, "-c", CHILD], capture_output=True, text=True, check=True)
        for _ in range(3)
    ]
    figures = [tuple(map(float, r.stdout.split())) for r in runs]
    load_only, ready, cpu = (statistics.median(f[k] for f in figures) for k in range(3))
    print(f"cold import + nlp.load() in a fresh process: {load_only:.3f} s (median of 3)")
    line("cold start: import + load + first check", ready, cpu, "s", TARGETS["cold"])


def timed(function) -> tuple[float, float]:
    t, c = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - t, time.process_time() - c


def note_checks() -> None:
    import nlp

    nlp.check(NOTE, TERMS)
    runs = [timed(lambda: nlp.check(NOTE, TERMS)) for _ in range(300)]
    walls, cpus = sorted(r[0] for r in runs), sorted(r[1] for r in runs)
    print(f"note: {len(NOTE.split())} words, {len(TERMS)} terms, 300 checks")
    p50, p95 = len(runs) // 2, int(len(runs) * 0.95)
    label = "check {}, 100-word note, 20 terms"
    line(label.format("p50"), walls[p50] * 1000, cpus[p50] * 1000, "ms", TARGETS["p50"] * 1000)
    line(label.format("p95"), walls[p95] * 1000, cpus[p95] * 1000, "ms", TARGETS["p95"] * 1000)


def long_check(text: str) -> None:
    import nlp

    first = timed(lambda: nlp.check(text, TERMS))
    runs = sorted(timed(lambda: nlp.check(text, TERMS)) for _ in range(5))
    wall, cpu = runs[len(runs) // 2]
    checked = nlp.check(text, TERMS).checked
    print(
        f"long text: {len(text.split())} words, {checked['words']} analysed within one check's "
        f"budget (nlp/budget.py); first check {first[0] * 1000:.1f} ms"
    )
    line(
        "check, 2,000-word text (median of 5)",
        wall * 1000,
        cpu * 1000,
        "ms",
        TARGETS["long"] * 1000,
    )


def cli_call(python: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "note.txt"
        path.write_text(NOTE, encoding="utf-8")
        command = [python, "-m", "nlp", "check", "--terms", ";".join(TERMS), "--format", "json"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        result = subprocess.run([*command, str(path)], capture_output=True, text=True, check=True)
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        json.loads(result.stdout)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    line("one CLI call", wall, cpu, "s", TARGETS["cli"])


def peak_rss(python: str, text: str) -> None:
    rss = subprocess.run(
        [python, "-c", RSS_CHILD, NOTE, text, ";".join(TERMS)],
        capture_output=True,
        text=True,
        check=True,
    )
    line("peak RSS (load + checks of both texts)", float(rss.stdout), None, "MB", TARGETS["rss"])


def main() -> None:
    python = sys.executable
    load1, load5, _ = os.getloadavg()
    print(f"machine: {os.cpu_count()} CPUs, load average {load1:.1f} (1 min) {load5:.1f} (5 min)")
    t = time.perf_counter()
    from nlp.dictionary import load_index

    load_index()
    print(f"dictionary index ready (built if missing): {time.perf_counter() - t:.2f} s")
    cold_start(python)
    note_checks()
    text = long_text()
    long_check(text)
    cli_call(python)
    peak_rss(python, text)


if __name__ == "__main__":
    main()
