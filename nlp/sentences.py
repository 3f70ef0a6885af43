"""Sentence boundaries and normalised token text for care notes.

Care notes are often lists without punctuation, so a line break ends a sentence as well as
``. ! ?``, and so does a colon (``Bedömning: ingen smärta`` is two units for negation scope).
A word ending in a period (``l.``, ``min.``) ends the sentence when a capitalised word follows,
unless it is an abbreviation that leads a name or number (``kl.``, ``t.ex.``;
``data/leading_abbreviations.txt``). Each token's ``norm_`` is its NFC lower-case form, so NFD
input matches like NFC input while offsets still index the original string.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import numpy
from spacy.attrs import NORM, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .caches import LONGEST_KEY, WORDS
from .resources import word_list

_ENDERS = {".", "!", "?", ":", ";", "…"}


def nfc_lower(text: str) -> str:
    """``text`` in NFC, lower case; a token's form is cached, a whole note's is not."""
    if len(text) > LONGEST_KEY:
        return unicodedata.normalize("NFC", text).lower()
    return _nfc_lower(text)


@lru_cache(maxsize=WORDS)
def _nfc_lower(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


@Language.factory("ordvard_sentences")
def make_sentences(nlp: Language, name: str):
    return mark_sentences


def _ends_sentence(text: str, norm: str, following: str, abbreviations: frozenset[str]) -> bool:
    if text in _ENDERS or text.strip(".!?…") == "" and text.strip():
        return True
    if not text.strip() and ("\n" in text or "\r" in text or "\u2028" in text or "\u2029" in text):
        return True
    if len(text) > 1 and text.endswith(".") and following:
        return following[:1].isupper() and norm not in abbreviations
    return False


def mark_sentences(doc: Doc) -> Doc:
    # Written as one array: setting token.is_sent_start one by one costs O(n) each in spaCy.
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    rows = numpy.zeros((len(doc), 2), dtype="uint64")
    texts = [strings[orth] for orth in doc.to_array(ORTH).tolist()]
    norms = [nfc_lower(text) for text in texts]
    abbreviations = word_list("leading_abbreviations")
    boundary = True
    for i, (text, norm) in enumerate(zip(texts, norms)):
        rows[i, 0] = strings.add(norm)
        rows[i, 1] = 1 if boundary else numpy.uint64(-1 & 0xFFFFFFFFFFFFFFFF)
        boundary = _ends_sentence(
            text, norm, texts[i + 1] if i + 1 < len(texts) else "", abbreviations
        )
    doc.from_array([NORM, SENT_START], rows)
    return doc
