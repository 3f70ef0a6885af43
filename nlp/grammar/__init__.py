"""Grammar of second-language writers: findings of kind ``grammar`` with a named ``rule``.

One module per rule family, each a function ``find(sentence) -> [Hit, ...]`` over one
sentence: ``fronting`` (v2), ``word_order`` (subclause_order), ``agreement`` (np_agreement,
predicative_agreement), ``verbs`` (verb_form), ``pronouns`` (pronoun_case) and
``prepositions`` (preposition). The word lists and fixed expressions are data in
``nlp/data/grammar/``. The rules read the tagger's tags (``nlp/tagger.py``) and the
dictionary's forms (``forms.py``), and fire only when both agree: a false alarm teaches a
learner that right Swedish is wrong, so every rule prefers silence when unsure.

A finding's span is the smallest wrong phrase, its one suggestion the corrected phrase.
Words another finding already covers (a misspelling, a split compound, personal data,
a measurement) are left to that finding.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from ..findings import add_finding, covered
from ..resources import yaml_data
from ..tagger import parse
from ..words import Word

OTHER_KINDS = ("spelling", "split_compound", "personal_data", "measurement")
MAX_SENTENCE = 120  # words; a longer "sentence" is a list or pasted text, not a learner's clause


class Tok(NamedTuple):
    word: Word
    upos: str
    feats: dict

    @property
    def norm(self) -> str:
        return self.word.norm

    @property
    def text(self) -> str:
        return self.word.text


class Hit(NamedTuple):
    """A rule's finding over tokens ``start``..``end`` (exclusive) of a sentence."""

    rule: str
    start: int
    end: int
    correction: str
    message_key: str
    values: dict


@cache
def words(name: str):
    """A list or table of ``data/grammar/words.yaml`` (lists come back as frozensets)."""
    value = yaml_data("grammar/words")[name]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return frozenset(value)
    return value


def message(key: str, **values) -> str:
    text = yaml_data("grammar/messages")[key]
    return " ".join(text.split()).format(**values)


def match_case(original: str, replacement: str) -> str:
    """``replacement`` capitalised like ``original`` (Honom → Han, I kvällen → På)."""
    if original[:1].isupper() and (len(original) == 1 or not original.isupper()):
        return replacement[:1].upper() + replacement[1:]
    return replacement


def is_punct(tok: Tok) -> bool:
    return not any(ch.isalnum() for ch in tok.text)


def sentences(doc: Doc) -> list[list[Tok]]:
    """The note's sentences as tagged tokens."""
    out: list[list[Tok]] = []
    for word, tag in zip(doc._.words or (), doc._.tags or ()):
        upos, feats = parse(tag)
        if word.sent_start or not out:
            out.append([])
        out[-1].append(Tok(word, upos, feats))
    return out


def _families():
    from . import agreement, fronting, prepositions, pronouns, verbs, word_order

    return (agreement, verbs, fronting, word_order, pronouns, prepositions)


@Language.factory("ordvard_grammar")
def make_grammar(nlp: Language, name: str):
    return check_grammar


def check_grammar(doc: Doc) -> Doc:
    text = doc._.text or doc.text
    for sentence in sentences(doc):
        if len(sentence) > MAX_SENTENCE or len(sentence) < 2:
            continue
        for family in _families():
            for hit in family.find(sentence):
                start = sentence[hit.start].word.start
                end = sentence[hit.end - 1].word.end
                if covered(doc, start, end, OTHER_KINDS + ("grammar",)):
                    continue
                correction = hit.correction
                if hit.start == 0:  # a sentence's first word: Honom → Han (not a name: Kom Anna)
                    correction = match_case(text[start:end], correction)
                add_finding(
                    doc,
                    "grammar",
                    start,
                    end,
                    (correction,),
                    message(hit.message_key, **hit.values),
                    rule=hit.rule,
                )
    return doc
