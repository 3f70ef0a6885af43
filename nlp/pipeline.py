"""The spaCy pipeline: ``spacy.blank("sv")`` with Ordvård's components, built once per process.

Only the part of the text that fits one check's budget (``budget.py``) is tokenized and goes
through the components; ``doc._.text`` is still the whole text, so the components that search
the text itself (personal data, SBAR parts) search all of it.

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
from .budget import Plan, plan
from .startup import long_lived
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


if not Doc.has_extension("checked"):
    Doc.set_extension("checked", default=None)

# Read by every kind of component: loading makes them read their data files and models now.
_WARM_UP = (
    "Kl. 08.15 mätte jag blodtrycket. Brukaren har ont i magen och sjuksköterkan kom. "
    "Hon är besvärlig och åt jogurt. Ingen rodnad.\nS: Feber. B: Diabetes. A: Temp 38,5. R: Kontakta läkare."
)


@lru_cache(maxsize=1)
def load() -> Language:
    """The Swedish pipeline (cached: one per process), with every data file it reads loaded.

    Loading runs without garbage collection and ends with ``gc.freeze()`` (``startup.py``):
    the pipeline, its lexicons and models are hundreds of thousands of long-lived objects, and
    without it every full garbage collection during a check walks all of them again
    (measured: a third of the CPU time of a first check of 20,000 characters).
    """
    with long_lived():
        lang = spacy.blank("sv")
        for name in COMPONENTS:
            lang.add_pipe(name)
        for form in ("free", "sbar"):
            _run(lang, _WARM_UP, (), None, form)
    return lang


def analyse(text: str, term_specs: tuple, lexicon, form: str) -> Doc:
    """Run the whole pipeline on as much of ``text`` as one check's budget allows, with this
    call's terms, lexicon and note form; ``doc._.checked`` is the ``budget.Plan``."""
    return _run(load(), text, term_specs, lexicon, form)


def _run(lang: Language, text: str, term_specs: tuple, lexicon, form: str) -> Doc:
    checked: Plan = plan(text)
    # spaCy hashes tokens as UTF-8, which lone surrogates (e.g. from broken JSON) cannot be;
    # U+FFFD keeps every offset, and the spans are cut from the original text
    doc = make_doc(lang, _SURROGATE.sub("\ufffd", text[: checked.end]))
    doc._.text = text
    doc._.checked = checked
    doc._.terms = term_specs
    doc._.lexicon = lexicon
    doc._.form = form
    for _, proc in lang.pipeline:
        doc = proc(doc)
    return doc
