"""``python -m lessons [FILE ...]``: check lesson files against the schema, the bundled term
bank and the bar for bundled lessons; print every problem. Exit status 1 when anything is wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from glossary.bank import TermBank
from glossary.load import check_bundled
from glossary.problems import ContentError
from lessons.load import bundled_paths, load_file
from lessons.model import bundled_bar


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lessons", description=__doc__)
    parser.add_argument("files", nargs="*", type=Path, help="lesson files (default: all bundled)")
    args = parser.parse_args(argv)
    known = TermBank(check_bundled()[0]).references()
    failures = 0
    for path in args.files or bundled_paths():
        try:
            lesson = load_file(path, known_terms=known)
        except ContentError as exc:
            failures += len(exc.problems)
            print("\n".join(str(p) for p in exc.problems))
            continue
        lacks = bundled_bar(lesson)
        failures += len(lacks)
        status = "saknar " + ", ".join(lacks) if lacks else "ok"
        print(f"{path.name}: {len(lesson.procedure)} steg, {len(set(lesson.words))} ord: {status}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
