"""Swedish lemmas for every token: a best guess on ``token.lemma_`` and all candidates.

The term matcher looks a term up by every candidate lemma of a word, so recall of the right
lemma among the candidates matters as much as the best guess. Candidates come from a merged
lexicon (``scripts/lemmas/build_lexicon.py``); a word the lexicon lacks is usually a compound,
lemmatized through its longest known last part (*sårvårdsanteckningarna* → *…anteckning*).
Data loads lazily, on the first word looked up, so ``import nlp`` stays cheap.
"""

from __future__ import annotations

import lzma
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Token

DATA = Path(__file__).parent / "data" / "lemmas"
MIN_PART = 3  # shortest first or last part of a compound we split off

if not Token.has_extension("lemmas"):
    Token.set_extension("lemmas", default=())


class Candidate(NamedTuple):
    lemma: str
    sources: str  # S simplemma, L spaCy lookup, H Hunspell, C compound head, I the form itself


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    forms, entries = lzma.decompress((DATA / "lexicon.xz").read_bytes()).decode().split("\0")
    return dict(zip(forms.split("\n"), entries.split("\n")))


def _decode(form: str, entry: str) -> list[Candidate]:
    candidates = []
    for code in entry.split(" "):
        edit, _, sources = code.partition("|")
        digits = len(edit) - len(edit.lstrip("0123456789"))
        strip = int(edit[:digits])
        candidates.append(Candidate(form[: len(form) - strip] + edit[digits:], sources))
    return candidates


def _compound(lower: str) -> list[Candidate]:
    """Candidates from the longest known last part of an unknown word."""
    lexicon = _lexicon()
    for start in range(MIN_PART, len(lower) - MIN_PART + 1):
        head = lower[start:]
        entry = lexicon.get(head)
        if entry is not None:
            found = [
                Candidate(lower[:start] + c.lemma, "C")
                for c in _decode(head, entry)
                if c.lemma.islower()
            ]
            if found:
                return found
    return []


@lru_cache(maxsize=65536)
def analyse(word: str) -> tuple[Candidate, ...]:
    """All candidates of ``word`` with where each came from; the form itself is always one."""
    lower = word.lower()
    if not any(ch.isalpha() for ch in lower):
        return (Candidate(lower, "I"),)
    entry = _lexicon().get(lower)
    candidates = _decode(lower, entry) if entry is not None else _compound(lower)
    if not any(c.lemma.lower() == lower for c in candidates):
        candidates.append(Candidate(lower, "I"))
    return tuple(candidates)


@lru_cache(maxsize=65536)
def lemma_candidates(word: str) -> tuple[str, ...]:
    """Candidate lemmas of ``word``, best first, lowercase except proper names."""
    if not word:
        return ()
    return tuple(dict.fromkeys(c.lemma for c in analyse(word)))


@Language.factory("ordvard_lemmatizer")
def make_lemmatizer(nlp: Language, name: str):
    """Set ``token.lemma_`` (best guess) and ``token._.lemmas`` (all candidates)."""
    return _lemmatize


def _lemmatize(doc: Doc) -> Doc:
    for token in doc:
        candidates = lemma_candidates(token.text)
        token._.lemmas = candidates
        if candidates:
            token.lemma_ = candidates[0]
    return doc
