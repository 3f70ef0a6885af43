"""Search keys for the term bank: what a trainee may type to find a term.

:func:`fold` makes the key: case-folded, accents and diacritics removed, punctuation turned
into spaces. That deliberately folds å→a, ä→a and ö→o: trainees on a phone with a foreign
keyboard type "blodtryck" fine but "sarvard" for "sårvård", and the search should still find
it. The price is a few extra hits ("far" finds "får"), which ranking puts after exact matches.
The web layer stores :func:`search_keys` in a table and queries it with SQL; :func:`rank` is
the same ordering in pure Python (used for small lists and as the reference in tests).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from rapidfuzz.distance import DamerauLevenshtein

from glossary.model import Term

# Weights: lower ranks first. The lemma itself beats an inflected form, which beats
# abbreviations, synonyms, colloquial words and translations.
KIND_WEIGHTS = {
    "lemma": 0,
    "form": 1,
    "abbreviation": 2,
    "synonym": 3,
    "colloquial": 4,
    "translation": 5,
}
_SPECIAL = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d"})


class SearchKey(NamedTuple):
    key: str
    kind: str


def fold(text: str) -> str:
    """The search form of a text: casefold, no diacritics, single spaces between words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Arabic tatweel and punctuation of any script become word breaks.
    words = re.findall(r"[^\W_]+", bare.replace("\u0640", ""))
    return " ".join(words)


def search_keys(term: Term) -> list[SearchKey]:
    """Every folded string the term should be found by, once each, with its strongest kind."""
    sources = [(term.lemma, "lemma")]
    sources += [(f, "form") for f in term.surface_forms]
    sources += [(a, "abbreviation") for a in term.abbreviations]
    sources += [(s, "synonym") for s in term.synonyms]
    sources += [(c, "colloquial") for c in term.colloquial]
    sources += [(t.text, "translation") for t in term.translations.values()]
    keys: dict[str, str] = {}
    for text, kind in sources:
        key = fold(text)
        if key and key not in keys:
            keys[key] = kind
    return [SearchKey(k, kind) for k, kind in keys.items()]


def typo_variants(key: str) -> frozenset[str]:
    """The key and every string one character shorter (SymSpell-style deletion neighbourhood).

    Two folded strings are within one typo (insertion, deletion, substitution, swapped
    neighbours) only if their variant sets overlap, so a database can find typo candidates with
    indexed equality lookups: store (variant, term) for each key, look up the query's variants,
    then confirm with :func:`match_rank`. Keys shorter than 4 characters get no variants, like
    the typo rule in :func:`match_rank`. A key of n characters gives at most n + 1 rows.
    """
    if len(key) < 4:
        return frozenset({key})
    return frozenset({key, *(key[:i] + key[i + 1 :] for i in range(len(key)))})


def match_rank(query: str, key: SearchKey) -> tuple[int, int] | None:
    """How well a folded query matches one key: (match tier, kind weight), or None.

    Tiers: 0 exact, 1 prefix (a query of at least 2 characters), 2 one typo away (for queries
    of at least 4 characters: insertion, deletion, substitution or swapped neighbours).
    """
    weight = KIND_WEIGHTS[key.kind]
    if query == key.key:
        return (0, weight)
    if len(query) >= 2 and key.key.startswith(query):
        return (1, weight)
    close_in_length = abs(len(query) - len(key.key)) <= 1
    if len(query) >= 4 and close_in_length and DamerauLevenshtein.distance(query, key.key) <= 1:
        return (2, weight)
    return None


def rank(query: str, terms: Iterable[Term], limit: int = 20) -> list[Term]:
    """Terms matching ``query``, best first: exact before prefix before one typo; within a tier
    lemma before form before abbreviation, synonym, colloquial word and translation."""
    folded = fold(query)
    if not folded:
        return []
    scored = []
    for order, term in enumerate(terms):
        ranks = [r for k in search_keys(term) if (r := match_rank(folded, k)) is not None]
        if ranks:
            scored.append((min(ranks), term.lemma, order, term))
    scored.sort(key=lambda item: item[:3])
    return [term for *_, term in scored[:limit]]
