"""Register: colloquial words (with the professional term) and judgmental value words.

Both lexicons live in ``data/register.yaml``; a word is matched in any inflection through its
candidate lemmas (*kissade → kissa*, *jobbigt → jobbig*). Descriptive words (*blek, tyst,
ledsen*) are not in the lexicon, so they are never findings.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from .findings import add_finding
from .resources import yaml_data
from .terms import token_lemmas


@lru_cache(maxsize=1)
def _lexicons() -> dict:
    data = yaml_data("register")
    return {
        "colloquial": data["colloquial"],
        "judgmental": frozenset(data["judgmental"]),
        "exceptions": {k: frozenset(v) for k, v in data["judgmental_exceptions"].items()},
        "colloquial_message": " ".join(data["colloquial_message"].split()),
        "judgmental_message": " ".join(data["judgmental_message"].split()),
    }


def _lemma_in(token: Token, words) -> str | None:
    if token.norm_ in words:
        return token.norm_
    return next((lemma for lemma in token_lemmas(token) if lemma in words), None)


def _next_word(token: Token) -> str:
    following = [t for t in token.doc[token.i + 1 : token.i + 3] if not t.is_space]
    return following[0].norm_ if following else ""


@Language.factory("ordvard_register")
def make_register(nlp: Language, name: str):
    return find_register


def find_register(doc: Doc) -> Doc:
    lex = _lexicons()
    for token in doc:
        if not token.norm_[:1].isalpha():
            continue
        start, end = token.idx, token.idx + len(token)
        colloquial = _lemma_in(token, lex["colloquial"])
        if colloquial:
            use = lex["colloquial"][colloquial]
            message = lex["colloquial_message"].format(word=token.text, use=use[0])
            add_finding(doc, "colloquial", start, end, use, message)
            continue
        judgmental = _lemma_in(token, lex["judgmental"])
        if judgmental and _next_word(token) not in lex["exceptions"].get(judgmental, ()):
            message = lex["judgmental_message"].format(word=token.text)
            add_finding(doc, "judgmental", start, end, (), message)
    return doc
