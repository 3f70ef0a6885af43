"""Instructions the checker executes, counted by valgrind: before/after figures for a change
that the load of a shared machine does not move.

    .venv/bin/python benchmarks/nlp_instructions.py [--checks 30]

On the project's shared 2-core machine, wall time and even CPU time of the same cold start
vary by ±30 % with what others run (``nlp_speed.py`` prints both); the number of instructions
varies by well under 1 %. So compare a change by its instructions, and keep ``nlp_speed.py``
for the targets, which are times. Prints the instructions of a cold start (import + load +
first check, as ``nlp_speed.py`` times it) and, for its 100-word note and its 2,000-word
text, of the first check of the text and of each later one: differences between runs with no,
one and many checks, averaged over 30 later checks of the note and 6 of the text (the
collector's full collections come only now and then). Needs valgrind (Debian package
``valgrind``), which runs Python ~50 times slower: the six runs take 5-10 minutes. String
hashes are fixed (``PYTHONHASHSEED=0``) and the bytecode caches are written first, so that no
run counts compiling the sources.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COLD = """
import nlp
nlp.load()
nlp.check("Patienten förnekar smärta.", ["smärta"])
"""
CHECKS = """
import sys
sys.path.insert(0, "benchmarks")
from nlp_speed import NOTE, TERMS, long_text
import nlp
nlp.load()
nlp.check("Patienten förnekar smärta.", ["smärta"])
what, n = sys.argv[1], int(sys.argv[2])
if what != "none":
    text = NOTE if what == "note" else long_text()
    for _ in range(1 + n):  # the first check of the text, then n more
        nlp.check(text, TERMS)
"""
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(child: str, *args: object) -> int:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            "-c",
            child,
            *map(str, args),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(_REFS.search(result.stderr).group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--checks", type=int, default=30, help="later checks of the note (of the text: a fifth)"
    )
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    # write the bytecode caches, even where PYTHONDONTWRITEBYTECODE is set
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", CHECKS, "long", "0"], cwd=ROOT, env=env, check=True)

    cold = instructions(COLD)
    print(f"cold start: import + load + first check   {cold / 1e9:8.3f} G instructions")
    loaded = instructions(CHECKS, "none", 0)
    texts = (("note", "100-word note, 20 terms", 1), ("long", "2,000-word text", 5))
    for what, label, share in texts:
        checks = max(1, args.checks // share)
        first = instructions(CHECKS, what, 0)
        more = instructions(CHECKS, what, checks)
        print(f"first check, {label:<27} {(first - loaded) / 1e6:8.1f} M instructions")
        per = (more - first) / checks
        print(f"each later check, {label:<22} {per / 1e6:8.1f} M instructions")


if __name__ == "__main__":
    main()
