"""A plain, fast view of a ``Doc``'s words for the rule components.

Creating spaCy ``Token`` objects costs a few microseconds each, and the rules look at every
word many times (once per term, per cue, per lexicon). This component, placed right after the
lemmatizer, reads each token once into a ``Word`` tuple and stores the list on ``doc._.words``;
``doc._.text`` holds ``doc.text`` (which spaCy rebuilds on every access).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from spacy.attrs import IDX, IS_SPACE, LEMMA, NORM, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .caches import WORD_PAIRS
from .lemmas import lemma_candidates
from .resources import word_list

if not Doc.has_extension("words"):
    Doc.set_extension("words", default=None)
    Doc.set_extension("text", default="")


class Word(NamedTuple):
    i: int  # token index in the Doc
    text: str  # as written
    norm: str  # NFC, lower case
    start: int  # character offsets in the original string
    end: int
    sent_start: bool
    lemmas: tuple[str, ...]  # candidate lemmas, best first (from the NFC form)

    @property
    def lemma(self) -> str:
        return self.lemmas[0] if self.lemmas else self.norm


@Language.factory("ordvard_words")
def make_words(nlp: Language, name: str):
    return collect_words


def collect_words(doc: Doc) -> Doc:
    # read as one array: creating a Token per attribute read costs more than the rules' work
    words, abbreviations, strings = [], word_list("abbreviations"), doc.vocab.strings
    rows = doc.to_array([ORTH, NORM, LEMMA, IDX, IS_SPACE, SENT_START]).tolist() if len(doc) else []
    for i, (orth, norm_hash, lemma_hash, idx, is_space, sent_start) in enumerate(rows):
        if is_space:
            continue
        norm, text, sent_start = strings[norm_hash], strings[orth], sent_start == 1 or i == 0
        if text.endswith(".") and text[:-1].isalpha() and norm not in abbreviations:
            # spaCy keeps some words with their period ("lat."): the word is without it
            text, norm = text[:-1], norm[:-1]
            words.append(
                Word(i, text, norm, idx, idx + len(text), sent_start, lemma_candidates(norm))
            )
            continue
        # the token's lemma is the lemmatizer's choice in context; the other candidates come
        # from the (cached) lookup, which is cheaper than reading token._.lemmas for every token
        best = strings[lemma_hash].lower() if norm == text.lower() else ""
        words.append(Word(i, text, norm, idx, idx + len(text), sent_start, _lemmas(best, norm)))
    doc._.words = words
    doc._.text = doc._.text or doc.text
    return doc


@lru_cache(maxsize=WORD_PAIRS)
def _lemmas(best: str, norm: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x for x in (best, *lemma_candidates(norm)) if x))
