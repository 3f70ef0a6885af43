"""Swedish compounds: splitting a written word into dictionary parts.

A compound is valid the way Hunspell sv_SE defines it: 2-4 parts of at least two letters, the
first allowed to begin a compound, middle parts to stand in the middle and the last to end one
(the dictionary's COMPOUNDBEGIN/MIDDLE/END and its linking forms such as *lung-*, *hälso-*,
*trycksårs-*). A hyphen always separates parts (*el-tandborste*, *hälso-*). Compounds written
apart (särskrivning) are found by ``split_compounds``.
"""

from __future__ import annotations

from functools import lru_cache

from .dictionary import BEGIN, END, MIDDLE, load_index
from .resources import endings

MIN_PART = 2
MAX_PARTS = 4
MAX_LENGTH = 40  # longer "words" are not compounds (and would cost O(n²) lookups)


@lru_cache(maxsize=100_000)
def splits(word: str) -> tuple[tuple[str, ...], ...]:
    """All valid splits of the lower-case ``word`` into two or more parts (may be empty)."""
    if "-" in word:
        pieces = tuple(p for p in word.split("-") if p)
        return (pieces,) if len(pieces) > 1 else ()
    n = len(word)
    if not 2 * MIN_PART <= n <= MAX_LENGTH or not word.isalpha():
        return ()
    substrings = [(i, j) for i in range(n) for j in range(i + MIN_PART, n + 1) if (i, j) != (0, n)]
    roles = load_index().known_many([word[i:j] for i, j in substrings])
    role_at = {span: int(r) for span, r in zip(substrings, roles) if r}
    found: list[tuple[str, ...]] = []

    def extend(start: int, parts: tuple[str, ...]) -> None:
        if len(parts) >= MAX_PARTS:
            return
        for end in range(start + MIN_PART, n + 1):
            r = role_at.get((start, end), 0)
            if not r:
                continue
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
