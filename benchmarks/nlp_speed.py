"""Speed and memory of the care-note checker, each figure printed beside its target (issue 4).

    .venv/bin/python benchmarks/nlp_speed.py

Measures: cold start in a fresh process (import + ``nlp.load()`` + the first ``check``, which
loads the lazily read data), in-process ``check`` p50/p95 on a 100-word note with 20 terms,
one 2,000-word text, one ``python -m nlp check`` call (wall time), and peak RSS of a process
that loads the pipeline and checks both texts. The dictionary index is built into the user
cache first if it is missing (a one-time cost per install, reported separately).
"""

from __future__ import annotations

import json
import os
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
import resource, sys, time
t0 = time.perf_counter()
import nlp
nlp.load()
t1 = time.perf_counter()
nlp.check("Patienten förnekar smärta.", ["smärta"])
t2 = time.perf_counter()
print(t1 - t0, t2 - t0)
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


def line(label: str, value: float, unit: str, target: float) -> None:
    verdict = "ok" if value <= target else "OVER"
    print(f"{label:<46} {value:9.3f} {unit:<3} (target ≤ {target:g} {unit})  {verdict}")


def main() -> None:
    python = sys.executable
    load1, load5, _ = os.getloadavg()
    print(f"machine: {os.cpu_count()} CPUs, load average {load1:.1f} (1 min) {load5:.1f} (5 min)")
    t = time.perf_counter()
    from nlp.dictionary import load_index

    load_index()
    print(f"dictionary index ready (built if missing): {time.perf_counter() - t:.2f} s")

    runs = [
        subprocess.run([python, "-c", CHILD], capture_output=True, text=True, check=True)
        for _ in range(3)
    ]
    loads = sorted(tuple(map(float, r.stdout.split())) for r in runs)
    load_only, ready = (
        statistics.median(x[0] for x in loads),
        statistics.median(x[1] for x in loads),
    )
    print(f"cold import + nlp.load() in a fresh process: {load_only:.3f} s (median of 3)")
    line("cold start: import + load + first check", ready, "s", TARGETS["cold"])

    import nlp

    nlp.check(NOTE, TERMS)
    times, cpu = [], []
    for _ in range(300):
        t, c = time.perf_counter(), time.process_time()
        nlp.check(NOTE, TERMS)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    times.sort()
    print(
        f"CPU time per check (not waiting for a core): median {statistics.median(cpu) * 1000:.2f} ms"
    )
    print(f"note: {len(NOTE.split())} words, {len(TERMS)} terms, 300 checks")
    line(
        "check p50, 100-word note, 20 terms",
        times[len(times) // 2] * 1000,
        "ms",
        TARGETS["p50"] * 1000,
    )
    line(
        "check p95, 100-word note, 20 terms",
        times[int(len(times) * 0.95)] * 1000,
        "ms",
        TARGETS["p95"] * 1000,
    )

    text = long_text()
    t = time.perf_counter()
    nlp.check(text, TERMS)
    first = time.perf_counter() - t
    repeat = []
    for _ in range(5):
        t = time.perf_counter()
        nlp.check(text, TERMS)
        repeat.append(time.perf_counter() - t)
    print(f"long text: {len(text.split())} words; first check {first * 1000:.1f} ms")
    line(
        "check, 2,000-word text (median of 5)",
        statistics.median(repeat) * 1000,
        "ms",
        TARGETS["long"] * 1000,
    )

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "note.txt"
        path.write_text(NOTE, encoding="utf-8")
        t = time.perf_counter()
        result = subprocess.run(
            [
                python,
                "-m",
                "nlp",
                "check",
                "--terms",
                ";".join(TERMS),
                "--format",
                "json",
                str(path),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        cli = time.perf_counter() - t
        json.loads(result.stdout)
    line("one CLI call, wall time", cli, "s", TARGETS["cli"])

    rss = subprocess.run(
        [python, "-c", RSS_CHILD, NOTE, text, ";".join(TERMS)],
        capture_output=True,
        text=True,
        check=True,
    )
    line("peak RSS (load + checks of both texts)", float(rss.stdout), "MB", TARGETS["rss"])


if __name__ == "__main__":
    main()
