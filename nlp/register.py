"""Register: colloquial words (with the professional term) and judgmental value words.

Both lexicons live in ``data/register.yaml``; a word is matched in any inflection through its
candidate lemmas (*kissade → kissa*, *jobbigt → jobbig*); the colloquial variants of the call's
terms (``TermSpec.colloquial``) count too. The professional word is suggested
in the same form (*kissade → urinerade*) and in its dictionary form. Descriptive words (*blek, tyst,
ledsen*) are not in the lexicon, so they are never findings.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .findings import add_finding
from .inflect import inflect_like
from .resources import message, yaml_data
from .words import Word


@lru_cache(maxsize=1)
def _lexicons() -> dict:
    data = yaml_data("register")
    return {
        "colloquial": data["colloquial"],
        "judgmental": frozenset(data["judgmental"]),
        "exceptions": {k: frozenset(v) for k, v in data["exceptions"].items()},
        "other_words": frozenset(data["other_words"]),
    }


def _lemma_in(word: Word, lexicon) -> str | None:
    """The lexicon entry the word is a form of, by its text or its best lemma (the other
    candidates reach too far: *to* is not *toa*)."""
    if word.norm in lexicon:
        return word.norm
    return word.lemma if word.lemma in lexicon else None


@Language.factory("ordvard_register")
def make_register(nlp: Language, name: str):
    return find_register


def _with_term_variants(colloquial: dict, specs) -> dict:
    """The lexicon plus the colloquial variants the glossary gives for this call's terms."""
    extra = {v.lower(): [spec.lemma] for spec in specs for v in spec.colloquial if " " not in v}
    return {**extra, **colloquial} if extra else colloquial


def find_register(doc: Doc) -> Doc:
    lex, words = _lexicons(), doc._.words
    lex = {**lex, "colloquial": _with_term_variants(lex["colloquial"], doc._.terms)}
    for k, word in enumerate(words):
        if not word.norm[:1].isalpha():
            continue
        following = words[k + 1].norm if k + 1 < len(words) else ""
        colloquial = _lemma_in(word, lex["colloquial"])
        if colloquial and following not in lex["exceptions"].get(colloquial, ()):
            base = lex["colloquial"][colloquial]
            use = [inflect_like(b, word.norm, colloquial) for b in base] + list(base)
            note = message("colloquial", word=word.text, use=use[0])
            add_finding(doc, "colloquial", word.start, word.end, use, note)
            continue
        judgmental = word.norm not in lex["other_words"] and _lemma_in(word, lex["judgmental"])
        if judgmental and following not in lex["exceptions"].get(judgmental, ()):
            note = message("judgmental", word=word.text)
            add_finding(doc, "judgmental", word.start, word.end, (), note)
    return doc
