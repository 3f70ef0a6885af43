"""The spaCy pipeline: ``spacy.blank("sv")`` with Ordvård's components, built once per process.

Order matters: sentences (and NFC norms) → lemmas → a plain word list → negation scopes →
term mentions → findings (personal data, measurements, split compounds, then spelling, which
skips what those cover, and register) → readability and SBAR structure. Components whose
rules depend on the call (terms, lexicon, note form) read them from ``doc._.terms``,
``doc._.lexicon`` and ``doc._.form``, which ``analyse`` sets before running the pipes.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import (  # noqa: F401  (modules that register the factories)
    compounds,
    grammar,
    lemmas,
    measures,
    negation,
    personal,
    register,
    sentences,
    spelling,
    split_compounds,
    structure,
    tagger,
    terms,
    words,
)
from .tokens import make_doc

_SURROGATE = re.compile("[\ud800-\udfff]")
COMPONENTS = (
    "ordvard_sentences",
    "ordvard_lemmatizer",
    "ordvard_words",
    "ordvard_tagger",
    "ordvard_negation",
    "ordvard_terms",
    "ordvard_personal_data",
    "ordvard_measurements",
    "ordvard_split_compounds",
    "ordvard_spelling",
    "ordvard_register",
    "ordvard_grammar",
    "ordvard_structure",
)


@lru_cache(maxsize=1)
def load() -> Language:
    """The Swedish pipeline (cached: one per process)."""
    lang = spacy.blank("sv")
    for name in COMPONENTS:
        lang.add_pipe(name)
    return lang


def analyse(text: str, term_specs: tuple, lexicon, form: str) -> Doc:
    """Run the whole pipeline on ``text`` with this call's terms, lexicon and note form."""
    lang = load()
    # spaCy hashes tokens as UTF-8, which lone surrogates (e.g. from broken JSON) cannot be;
    # U+FFFD keeps every offset, and the spans are cut from the original text
    doc = make_doc(lang, _SURROGATE.sub("\ufffd", text))
    doc._.text = text
    doc._.terms = term_specs
    doc._.lexicon = lexicon
    doc._.form = form
    for _, proc in lang.pipeline:
        doc = proc(doc)
    return doc
