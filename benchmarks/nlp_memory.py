"""A long-running worker's memory over thousands of hostile checks: it must stay flat.

    .venv/bin/python benchmarks/nlp_memory.py [--rounds 8] [--per-round 500] [--seed 100]

Loads the checker, checks the worst cases of ``tests/data/worst_inputs.py`` once, then
``--rounds`` rounds of ``--per-round`` fuzzed strings of up to 20,000 characters, each round
with a new seed, so no input repeats (a worker serving the public never sees the same hostile
note twice). After each round it prints the process's resident memory now and at its peak,
the entries its caches hold and the memory blocks Python has allocated (when both level off
and RSS still creeps, the allocator's fragmentation is the cause, not a growing structure),
and at the end how full each cache is (``nlp/caches.py``). Target: peak RSS ≤ 300 MB
(``benchmarks/nlp_speed.py``) and no growth over the last half of the rounds beyond the
allocator's noise (≤ 10 MB).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.data.worst_inputs import TERMS, fuzzed, worst_cases

PEAK_TARGET_MB = 300.0
GROWTH_TARGET_MB = 10.0


def rss_now() -> float:
    """Resident memory of this process now, in MB (Linux)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def rss_peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cache_fill() -> list[tuple[str, int, int]]:
    """(name, entries, bound) of every cache of the checker's modules that holds entries."""
    import nlp
    from nlp.dictionary import load_index
    from nlp.tagger import load_tagger

    found: dict[int, tuple[str, object]] = {}
    for module_name, module in list(sys.modules.items()):
        if module_name.startswith("nlp"):
            for name, value in vars(module).items():
                if hasattr(value, "cache_info"):
                    found.setdefault(id(value), (f"{module_name}.{name}", value))
    tagger = load_tagger()
    for name in ("_word_ids", "_neighbour_ids", "_context_ids"):
        found[id(getattr(tagger, name))] = (f"nlp.tagger.Tagger.{name}", getattr(tagger, name))
    found[id(load_index().roles)] = ("nlp.dictionary.WordIndex.roles", load_index().roles)
    assert nlp  # imported for its modules
    rows = []
    for name, function in found.values():
        info = function.cache_info()
        if info.currsize > 1:
            rows.append((name, info.currsize, info.maxsize))
    return sorted(rows, key=lambda row: -row[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--per-round", type=int, default=500)
    parser.add_argument("--seed", type=int, default=100, help="seed of the first round")
    args = parser.parse_args()

    import nlp

    t = time.perf_counter()
    nlp.check("Patienten förnekar smärta.", TERMS)
    print(f"loaded in {time.perf_counter() - t:.1f} s: RSS {rss_now():.0f} MB")
    checks = 0
    for text in worst_cases().values():
        nlp.check(text, TERMS)
        checks += 1
    print(
        f"{checks:>6} checks (the worst cases): RSS {rss_now():4.0f} MB, peak {rss_peak():4.0f} MB"
    )
    after_round = []
    for round_ in range(args.rounds):
        for text in fuzzed(args.per_round, args.seed + round_):
            nlp.check(text, TERMS)
        checks += args.per_round
        after_round.append(rss_now())
        print(
            f"{checks:>6} checks: RSS {after_round[-1]:4.0f} MB, peak {rss_peak():4.0f} MB, "
            f"cache entries {sum(row[1] for row in cache_fill()):,}, "
            f"Python blocks {sys.getallocatedblocks():,}"
        )

    half = after_round[(len(after_round) - 1) // 2]
    growth = after_round[-1] - half
    peak = rss_peak()
    print(
        f"\nafter {checks:,} hostile checks: peak RSS {peak:.0f} MB (target ≤ "
        f"{PEAK_TARGET_MB:g}) {'ok' if peak <= PEAK_TARGET_MB else 'OVER'}; growth over the last "
        f"half {growth:+.0f} MB (target ≤ {GROWTH_TARGET_MB:g}) "
        f"{'ok' if growth <= GROWTH_TARGET_MB else 'OVER'}"
    )
    print("\ncaches holding most entries (entries / bound):")
    for name, entries, bound in cache_fill()[:12]:
        limit = f"{bound:,}" if bound is not None else "unbounded"
        print(f"  {name:<44} {entries:>7,} / {limit}")


if __name__ == "__main__":
    main()
