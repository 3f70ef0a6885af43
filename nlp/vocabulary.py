"""The words one call accepts besides the dictionary: the glossary lexicon's forms and words
and the terms' own forms (lower case, NFC). Computed once per (terms, lexicon) pair, since the
web layer passes the same bank lexicon and exercise terms on every check."""

from __future__ import annotations

from functools import lru_cache

from .sentences import nfc_lower
from .specs import Lexicon, TermSpec


@lru_cache(maxsize=256)
def accepted_words(specs: tuple[TermSpec, ...], lexicon: Lexicon | None) -> frozenset[str]:
    """Every accepted word form, multi-word forms split into their words."""
    forms: set[str] = set()
    if lexicon is not None:
        forms |= set(lexicon.words) | set(lexicon.forms)
    for spec in specs:
        forms |= set(spec.forms) | {spec.lemma}
    return frozenset(w for form in forms if form for w in nfc_lower(str(form)).split())


@lru_cache(maxsize=256)
def accepted_compounds(specs: tuple[TermSpec, ...], lexicon: Lexicon | None) -> frozenset[str]:
    """The accepted one-word forms (a split compound is flagged when its join is one)."""
    forms: set[str] = set()
    if lexicon is not None:
        forms |= set(lexicon.words) | set(lexicon.forms)
    for spec in specs:
        forms |= set(spec.forms) | {spec.lemma}
    return frozenset(nfc_lower(str(f)) for f in forms if f and " " not in str(f))
