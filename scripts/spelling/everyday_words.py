"""Write nlp/data/everyday_words.txt: wordfreq's most frequent Swedish words that the
dictionary index knows, which spelling suggestions offer two edits away (*jogurt* → *yoghurt*).

Computing the list at start-up cost 0.7 s of a 1.4 s ``nlp.load()`` (importing wordfreq and
unpacking its Swedish frequency list); the checker now reads this file (~220 KB) instead.
The list depends on the installed ``wordfreq`` and ``hunspell-sv``: rerun after upgrading them.

    .venv/bin/python scripts/spelling/everyday_words.py           # rewrite the file
    .venv/bin/python scripts/spelling/everyday_words.py --check   # exit 1 if it is stale
"""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import version
from pathlib import Path

from nlp.dictionary import WORD, load_index
from nlp.spelling import _SWEDISH_WORD, EVERYDAY_WORDS, EVERYDAY_WORDS_FILE, _everyday_words

ROOT = Path(__file__).resolve().parents[2]

HEADER = """\
# wordfreq's {count:,} most frequent Swedish words (top_n_list("sv", {count})), keeping those of
# three letters or more written in Swedish letters that the sv_SE dictionary index accepts as
# words; most frequent first. Spelling suggestions offer these two edits away.
# Made by scripts/spelling/everyday_words.py from wordfreq {wordfreq} and hunspell-sv {hunspell}.
#
# Derived from wordfreq's data (Robyn Speer et al., https://github.com/rspeer/wordfreq), which is
# licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); this list is shared
# under the same licence.
"""


def everyday_words() -> list[str]:
    """The list as the checker computed it at start-up before this file existed."""
    from wordfreq import top_n_list

    words = [
        w for w in top_n_list("sv", EVERYDAY_WORDS) if _SWEDISH_WORD.fullmatch(w) and len(w) > 2
    ]
    return [w for w, roles in zip(words, load_index().known_many(words)) if roles & WORD]


def file_text(words: list[str]) -> str:
    header = HEADER.format(
        count=EVERYDAY_WORDS, wordfreq=version("wordfreq"), hunspell=version("hunspell-sv")
    )
    return header + "".join(w + "\n" for w in words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the file")
    args = parser.parse_args()
    words = everyday_words()
    if args.check:
        same = list(_everyday_words()) == words
        print("up to date" if same else f"{EVERYDAY_WORDS_FILE.name} is stale: rerun the script")
        sys.exit(0 if same else 1)
    EVERYDAY_WORDS_FILE.write_text(file_text(words), encoding="utf-8")
    print(f"wrote {EVERYDAY_WORDS_FILE.relative_to(ROOT)}: {len(words):,} words")


if __name__ == "__main__":
    main()
