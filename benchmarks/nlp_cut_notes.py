"""Notes cut anywhere: the checker on every stretch a live check can send (no crash allowed).

    .venv/bin/python benchmarks/nlp_cut_notes.py [--random 20000] [--seed 7]

The live check sends a note while it is typed, so the checker meets sentences cut after any
word (*Hon var trött men*) and the rest of them after an edit (*be kvällspersonalen om
hjälp*). Each grammar rule looks at the words around the one it checks, and such stretches
are where a rule reads past an end (both examples raised an error, a 500, in session 6). This
runs every prefix and suffix, at word boundaries, of each sentence of the grammar and split-
compound tuning sets through ``nlp.check``, then ``--random`` seeded sequences of 1-12 of
their words, and prints how many checks it made and each crash by its place in the code with
one input that causes it. Exits 1 when anything crashed. About 80 s of CPU (80,000 checks).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "data"))

import grammar_corpus
import split_compound_corpus

TERMS = ["blodtryck", "smärta", "sår"]


def tuning_sentences() -> list[str]:
    texts = [s.text for split in grammar_corpus.TUNING for s in grammar_corpus.load(split)]
    texts += [
        s.text for split in split_compound_corpus.TUNING for s in split_compound_corpus.load(split)
    ]
    return texts


def stretches(texts: list[str], extra: int, seed: int):
    """Every prefix and suffix of each text at word boundaries, then random word sequences."""
    for text in texts:
        words = text.split()
        for cut in range(1, len(words)):
            yield " ".join(words[:cut])
            yield " ".join(words[cut:])
    rng = random.Random(seed)
    vocabulary = [word for text in texts for word in text.split()]
    for _ in range(extra):
        yield " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 12)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--random", type=int, default=20_000, help="random word sequences")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    import nlp

    crashes: Counter = Counter()
    examples: dict[tuple, str] = {}
    checks, start = 0, time.process_time()
    for text in stretches(tuning_sentences(), args.random, args.seed):
        checks += 1
        try:
            nlp.check(text, TERMS)
        except Exception as error:  # noqa: BLE001 — counted and shown: finding them is the point
            frame = traceback.extract_tb(error.__traceback__)[-1]
            place = (type(error).__name__, Path(frame.filename).name, frame.lineno)
            crashes[place] += 1
            examples.setdefault(place, text)
    seconds = time.process_time() - start
    print(f"{checks:,} checks of cut notes in {seconds:.0f} s CPU: {sum(crashes.values())} crashed")
    for (kind, file, line), count in crashes.most_common():
        print(f"  {count:>5} × {kind} at {file}:{line}, e.g. {examples[(kind, file, line)]!r}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
