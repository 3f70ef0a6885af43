"""``python -m glossary [--hunspell] [FILE ...]``: check term files and print every problem.

For content writers: run it before committing a term file. Exit status 1 when anything is wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from glossary.load import bundled_paths, check_files, load_hunspell_exceptions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m glossary", description=__doc__)
    parser.add_argument("files", nargs="*", type=Path, help="term files (default: all bundled)")
    parser.add_argument("--hunspell", action="store_true", help="also check forms with sv_SE")
    args = parser.parse_args(argv)
    terms, problems = check_files(args.files or bundled_paths())
    for problem in problems:
        print(problem)
    if args.hunspell:
        from glossary.spellcheck import load_dictionary, rejected_forms

        rejected = rejected_forms(terms, load_dictionary(), load_hunspell_exceptions())
        for form in rejected:
            print(f"okänd för Hunspell: {form}")
        problems = [*problems, *rejected]
    per_area = Counter(t.area for t in terms)
    summary = ", ".join(f"{area} {count}" for area, count in sorted(per_area.items()))
    print(f"{len(terms)} giltiga termer ({summary}); {len(problems)} problem.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
