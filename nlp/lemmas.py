"""Swedish lemmas for every token: a best guess on ``token.lemma_`` and all candidates.

The term matcher looks a term up by every candidate lemma of a word, so recall of the right
lemma among the candidates matters as much as the best guess. Data loads lazily, on the first
word looked up, so ``import nlp`` stays cheap.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

if not Token.has_extension("lemmas"):
    Token.set_extension("lemmas", default=())


@lru_cache(maxsize=1)
def _lookup_table():
    from spacy.lookups import load_lookups

    return load_lookups("sv", ["lemma_lookup"]).get_table("lemma_lookup")


@lru_cache(maxsize=1)
def _simplemma():
    from simplemma import Lemmatizer

    return Lemmatizer()


@lru_cache(maxsize=65536)
def lemma_candidates(word: str) -> tuple[str, ...]:
    """Candidate lemmas of ``word``, best first; never empty for a non-empty word."""
    lower = word.lower()
    if not lower.strip():
        return (lower,) if lower else ()
    candidates = []
    if any(ch.isalpha() for ch in lower):
        candidates.append(_simplemma().lemmatize(lower, lang="sv").lower())
        candidates.append(_lookup_table().get(lower, lower).lower())
    candidates.append(lower)
    return tuple(dict.fromkeys(candidates))


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
