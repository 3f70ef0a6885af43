"""A fronted object with its subject before the verb (``v2``): *Kaffe hon vill ha med
mjölk → vill hon*, *Sina glasögon han glömde i matsalen → glömde han*.

The sentence opens with a noun phrase that is no subject of its own — a bare noun or a
possessive before a noun (not a definite noun: *Rummet hon bor i* may be a noun and its
relative clause, and not a person or a time) — then a personal pronoun and a finite verb
that has no object of its own after it (only adverbs or an infinitive, then a preposition;
the end only after *sin*/*sina*: *Kläder hon behöver köpa.* may head a list), and no other
finite verb follows: *Kaffet hon drack var kallt* is a relative clause.
"""

from __future__ import annotations

from . import Hit, Tok, is_punct, words
from .forms import is_person, noun_readings, verb_reading
from .word_order import is_finite

PRONOUN_SUBJECTS = frozenset({"jag", "du", "han", "hon", "vi", "ni"})
MAX_PHRASE = 3  # words of the fronted noun phrase
REFLEXIVE_POSSESSIVES = frozenset({"sin", "sitt", "sina"})


def fronted_object(sentence: list[Tok]) -> Hit | None:
    k = _phrase_end(sentence)
    if k is None or k + 2 >= len(sentence) or sentence[k].norm not in PRONOUN_SUBJECTS:
        return None
    verb = k + 1
    if not is_finite(sentence[verb], after_subject=True) or _later_finite(sentence, verb + 1):
        return None
    reflexive = sentence[0].norm in REFLEXIVE_POSSESSIVES  # Sina glasögon han glömde
    if not _no_object_after(sentence, verb + 1, end_allowed=reflexive):
        return None  # Kläder hon behöver köpa.: a noun and its relative clause, as a heading
    fronted = " ".join(t.text for t in sentence[:k])
    right = f"{sentence[verb].text} {sentence[k].text}"
    return Hit("v2", k, verb + 1, right, "v2", {"fronted": fronted, "right": right})


def _phrase_end(sentence: list[Tok]) -> int | None:
    """The index after the opening noun phrase when it may be a fronted object, else None."""
    j = 0
    possessed = sentence[0].norm in words("possessives") | REFLEXIVE_POSSESSIVES
    j += possessed
    while j < len(sentence) - 1 and sentence[j].upos == "ADJ" and j < MAX_PHRASE - 1:
        j += 1
    noun = sentence[j] if j < len(sentence) else None
    if noun is None or not _noun(noun) or noun.norm in words("time_nouns"):
        return None
    if is_person(noun.norm) or (j > 0 and not possessed and sentence[0].upos != "ADJ"):
        return None
    readings = noun_readings(noun.norm)
    if not readings or (not possessed and any(r.definite == "def" for r in readings)):
        return None  # Rummet hon bor i: a noun and its relative clause
    return j + 1


def _later_finite(sentence: list[Tok], start: int) -> bool:
    """Whether a finite verb follows, not counting a noun right after a preposition (*med
    mjölk*, which the tagger may take for a verb; but *tycker om är*)."""
    return any(
        is_finite(sentence[k])
        and not (sentence[k - 1].upos == "ADP" and noun_readings(sentence[k].norm))
        for k in range(start, len(sentence))
    )


def _no_object_after(sentence: list[Tok], start: int, end_allowed: bool) -> bool:
    """Whether nothing after the verb can be its object: adverbs and infinitives, then a
    preposition (or, when ``end_allowed``, the sentence's end)."""
    for tok in sentence[start:]:
        if tok.upos == "ADP":
            return True
        if is_punct(tok):
            return end_allowed
        if tok.norm in words("sentence_adverbs") or tok.norm in words("between_adverbs"):
            continue
        if tok.upos in ("VERB", "AUX") and tok.feats.get("VerbForm") == "Inf":
            continue  # vill ha
        return False
    return end_allowed


def _noun(tok: Tok) -> bool:
    """A noun by the dictionary, whatever the tagger says of a sentence's odd first words
    (*Kaffe*, *glasögon*), that is no verb form or function word."""
    if tok.upos in ("VERB", "AUX", "PROPN", "NUM") or not tok.norm.isalpha():
        return False
    if any(tok.norm in words(name) for name in CLOSED_LISTS) or verb_reading(tok.norm):
        return False
    return tok.upos == "NOUN" or bool(noun_readings(tok.norm))


CLOSED_LISTS = ("function_words", "subjunctions", "determiners", "sentence_adverbs")
