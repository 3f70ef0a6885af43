"""Sentence boundaries and normalised token text for care notes.

Care notes are often lists without punctuation, so a line break ends a sentence as well as
``. ! ?``, and so does a colon (``Bedömning: ingen smärta`` is two units for negation scope).
A word ending in a period (``l.``, ``kl.``) ends the sentence when a capitalised word follows
and it is not a known abbreviation. Each token's ``norm_`` is its NFC lower-case form, so NFD
input matches like NFC input while offsets still index the original string.
"""

from __future__ import annotations

import unicodedata

from spacy.language import Language
from spacy.tokens import Doc

from .resources import word_list

_ENDERS = {".", "!", "?", ":", ";", "…"}


def nfc_lower(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


@Language.factory("ordvard_sentences")
def make_sentences(nlp: Language, name: str):
    return mark_sentences


def _ends_sentence(token) -> bool:
    text = token.text
    if text in _ENDERS or text.strip(".!?…") == "" and text.strip():
        return True
    if token.is_space and ("\n" in text or "\r" in text or "\u2028" in text):
        return True
    if len(text) > 1 and text.endswith(".") and token.i + 1 < len(token.doc):
        nxt = token.doc[token.i + 1]
        return nxt.text[:1].isupper() and token.norm_ not in word_list("abbreviations")
    return False


def mark_sentences(doc: Doc) -> Doc:
    for token in doc:
        token.norm_ = nfc_lower(token.text)
    boundary = True
    for token in doc:
        token.is_sent_start = boundary
        boundary = _ends_sentence(token)
    return doc
