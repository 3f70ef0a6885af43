"""A plain, fast view of a ``Doc``'s words for the rule components.

Creating spaCy ``Token`` objects costs a few microseconds each, and the rules look at every
word many times (once per term, per cue, per lexicon). This component, placed right after the
lemmatizer, reads each token once into a ``Word`` tuple and stores the list on ``doc._.words``;
``doc._.text`` holds ``doc.text`` (which spaCy rebuilds on every access).
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

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
    words, abbreviations = [], word_list("abbreviations")
    for token in doc:
        if token.is_space:
            continue
        norm, text = token.norm_, token.text
        if text.endswith(".") and text[:-1].isalpha() and norm not in abbreviations:
            # spaCy keeps some words with their period ("lat."): the word is without it
            text, norm = text[:-1], norm[:-1]
            words.append(
                Word(
                    token.i,
                    text,
                    norm,
                    token.idx,
                    token.idx + len(text),
                    token.is_sent_start,
                    lemma_candidates(norm),
                )
            )
            continue
        # token.lemma_ is the lemmatizer's choice in context; the other candidates come from the
        # (cached) lookup, which is cheaper than reading token._.lemmas for every token
        best = token.lemma_.lower() if norm == text.lower() else ""
        lemmas = tuple(dict.fromkeys(x for x in (best, *lemma_candidates(norm)) if x))
        words.append(
            Word(token.i, text, norm, token.idx, token.idx + len(text), token.is_sent_start, lemmas)
        )
    doc._.words = words
    doc._.text = doc._.text or doc.text
    return doc
