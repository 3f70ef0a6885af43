"""Swedish compounds: splitting a written word into dictionary parts.

A compound is valid the way Hunspell sv_SE defines it: 2-4 parts of at least two letters, the
first allowed to begin a compound, middle parts to stand in the middle and the last to end one
(the dictionary's COMPOUNDBEGIN/MIDDLE/END and its linking forms such as *lung-*, *hälso-*,
*trycksårs-*). A hyphen always separates parts (*el-tandborste*, *hälso-*). Compounds written
apart (särskrivning) are found by ``split_compounds``.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from .caches import LOOKUPS
from .dictionary import BEGIN, END, MIDDLE, load_index
from .resources import endings

MIN_PART = 2
MAX_PARTS = 4
MAX_LENGTH = 40  # longer "words" are not compounds (and would cost O(n²) lookups)


@lru_cache(maxsize=LOOKUPS)
def splits(word: str) -> tuple[tuple[str, ...], ...]:
    """All valid splits of the lower-case ``word`` into two or more parts (may be empty)."""
    if "-" in word:
        pieces = tuple(p for p in word.split("-") if p)
        return (pieces,) if len(pieces) > 1 else ()
    n = len(word)
    if not 2 * MIN_PART <= n <= MAX_LENGTH or not word.isalpha():
        return ()
    # Parts are looked up only where a split can reach: from the start, then from the end of
    # each known part, one batch of lookups per position. Most words (and every random string)
    # stop after the first batch: O(n) lookups instead of the O(n²) of all substrings.
    index = load_index()
    known: dict[int, dict[int, int]] = {}

    def parts_from(start: int) -> dict[int, int]:
        if start not in known:
            ends = [e for e in range(start + MIN_PART, n + 1) if (start, e) != (0, n)]
            roles = index.known_many([word[start:e] for e in ends])
            known[start] = {e: int(r) for e, r in zip(ends, roles) if r}
        return known[start]

    found: list[tuple[str, ...]] = []

    def extend(start: int, parts: tuple[str, ...]) -> None:
        if len(parts) >= MAX_PARTS:
            return
        for end, r in sorted(parts_from(start).items()):
            piece = word[start:end]
            if end == n:
                if parts and r & END:
                    found.append(parts + (piece,))
            elif r & (BEGIN if not parts else MIDDLE):
                extend(end, parts + (piece,))

    extend(0, ())
    return tuple(found)


@lru_cache(maxsize=10_000)
def linking_forms(lemma: str) -> frozenset[str]:
    """Forms ``lemma`` can take as a non-final compound part, by the dictionary (*lunga → lung*)."""
    index = load_index()
    stem = lemma[:-1] if lemma.endswith(endings("linking_strip")) else lemma
    candidates = {lemma, lemma + "s"} | {stem + e for e in endings("linking_add")}
    return frozenset(
        c for c in candidates if len(c) >= MIN_PART and index.roles(c) & (BEGIN | MIDDLE)
    ) | {lemma}


def valid_split(first: str, second: str) -> bool:
    """Whether ``first`` + ``second`` is a valid dictionary compound split at that point."""
    return any(
        parts[-1] == second and "".join(parts[:-1]) == first for parts in splits(first + second)
    )


def splits_at(first: str, rest: str) -> bool:
    """Whether ``first`` + ``rest`` is a valid compound whose parts begin with ``first`` as a
    part or inside the first part (*rull* + *stolsbunden*: rullstols|bunden)."""
    for parts in splits(first + rest):
        ends = list(itertools.accumulate(len(part) for part in parts))
        if len(first) in ends or parts[0].startswith(first):
            return True
    return False
