"""Agreement: article, adjective and noun in a noun phrase (``np_agreement``: *en knä → ett
knä*, *ett skön stol → en skön stol*, *den röda förbandet → det röda förbandet*), and a
predicative adjective with its subject (``predicative_agreement``: *händerna är varm →
varma*, *golvet är hal → halt*).

The noun's gender comes from the dictionary's definite forms (*knät* makes *knä* an ett-ord)
or ``data/grammar/noun_genders.yaml``; its number and definiteness from which of its forms is
written (``forms.noun_form``). A phrase is checked only when every word between the
determiner and the noun is an adjective whose forms the dictionary confirms.
"""

from __future__ import annotations

from . import Hit, Tok, is_punct, match_case, words
from .forms import (
    COM,
    NEUT,
    Adjective,
    adjective,
    definite_singular,
    genders,
    noun_form,
    noun_readings,
    plural_indefinite,
)

MAX_ADJECTIVES = 2
ARTICLE_WORD = {COM: "en", NEUT: "ett"}


def find(sentence: list[Tok]) -> list[Hit]:
    return _noun_phrases(sentence)


# ---------------------------------------------------------------- noun phrases


def _determiner_for(determiner: str, gender: str, number: str) -> str | None:
    """The determiner of the same kind as ``determiner`` for the noun (den → det, en → ett)."""
    key = "plur" if number == "plur" else gender
    for group in words("determiner_sets"):
        if determiner in group.values():
            return group.get(key)
    return determiner if words("determiners")[determiner]["gender"] == "any" else None


def _adjective_form(forms: Adjective, wanted: str, gender: str, number: str) -> str:
    base, neuter, plural = forms
    if wanted == "a" or number == "plur":
        return "lilla" if base == "liten" and number != "plur" else plural
    return neuter if gender == NEUT else base


def _noun_phrases(sentence: list[Tok]) -> list[Hit]:
    hits = []
    table = words("determiners")
    for i, tok in enumerate(sentence):
        rule = table.get(tok.norm)
        if rule is None or tok.upos not in ("DET", "PRON", "NUM", "ADJ"):
            continue
        if i > 0 and sentence[i - 1].norm in ("av", "som") and tok.norm in ("en", "ett"):
            continue  # en av dem, som en
        phrase = _phrase(sentence, i + 1)
        if phrase is None:
            continue
        adjectives, noun_at = phrase
        hit = _check_phrase(sentence, i, rule, adjectives, noun_at)
        if hit:
            hits.append(hit)
    return hits


def _phrase(sentence: list[Tok], start: int) -> tuple[list[tuple[int, Adjective]], int] | None:
    """(adjectives with their forms, index of the noun) after a determiner, or None.

    The tagger often calls a word it never saw in training a noun or an adverb (*skön*,
    *finger*), so a word counts as an adjective when the dictionary confirms its forms and a
    noun follows, and as the noun when it has a noun reading and no adjective or verb reading.
    """
    adjectives = []
    j = start
    while j < len(sentence) and len(adjectives) <= MAX_ADJECTIVES:
        tok = sentence[j]
        if tok.norm in words("phrase_breakers") or is_punct(tok) or tok.upos in CLOSED:
            return None
        if tok.norm in words("degree_adverbs") and not adjectives:
            j += 1
            continue
        following = sentence[j + 1] if j + 1 < len(sentence) else None
        if _is_adjective(tok, following) and _nominal(following):
            if adjectives and tok.norm.endswith("t") and tok.norm == adjectives[-1][1][1]:
                return None
            if following and _is_adjective(following, None) and tok.norm.endswith("t"):
                return None  # an adverb in -t before an adjective: en helt beroende varelse
            adjectives.append((j, adjective(tok.norm)))
            j += 1
            continue
        if _is_noun(tok):
            if tok.text[:1].isupper() or len(tok.norm) < 3 or not tok.norm.isalpha():
                return None  # a name, an abbreviation (en s k gammakamera)
            if tok.upos != "NOUN" and not _ends_phrase(following) and tok.norm not in genders():
                return None  # the tagger doubts it is a noun, and nothing confirms it
            return adjectives, j
        return None
    return None


CLOSED = frozenset({"PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "NUM", "PUNCT"})


def _is_noun(tok: Tok | None) -> bool:
    if tok is None or tok.upos in CLOSED or tok.upos == "VERB":
        return False
    if noun_form(tok.norm) is None:
        return False
    return tok.upos == "NOUN" or adjective(tok.norm) is None


def _is_adjective(tok: Tok, following: Tok | None) -> bool:
    """An adjective the dictionary confirms; one with a noun reading too (*läkt*) only
    before a noun."""
    if tok.upos in CLOSED or adjective(tok.norm) is None:
        return False
    if tok.upos == "VERB":
        return tok.feats.get("VerbForm") == "Part"
    if tok.upos == "NOUN" or noun_form(tok.norm) is not None:
        return following is not None and _is_noun(following)
    return True


def _ends_phrase(tok: Tok | None) -> bool:
    return tok is None or is_punct(tok) or tok.upos in ("ADP", "CCONJ", "SCONJ")


def _nominal(tok: Tok | None) -> bool:
    """Whether ``tok`` may continue a noun phrase (an adjective or the noun)."""
    return tok is not None and (_is_noun(tok) or _is_adjective(tok, None))


def _check_phrase(sentence, i, rule, adjectives, noun_at) -> Hit | None:
    """The corrected phrase when determiner, adjectives and noun disagree, else None.

    The noun is taken as written (its gender is fixed); the determiner and the adjectives
    are made to agree with it. Only two noun changes are offered: a plural after a plural
    determiner (*många blåmärke → blåmärken*) and a definite form after *den/det/de* and an
    adjective (*den nya rullstol → rullstolen*).
    """
    readings = noun_readings(sentence[noun_at].norm)
    hits = [_check_reading(sentence, i, rule, adjectives, noun_at, noun) for noun in readings]
    # a homograph (planet: the plane / a planet) is right if one of its readings agrees
    return hits[0] if hits and all(hits) else None


def _check_reading(sentence, i, rule, adjectives, noun_at, noun) -> Hit | None:
    noun_tok = sentence[noun_at]
    determiner = sentence[i].norm
    if rule["noun"] == "def" and not adjectives:
        return None  # den/det/de without an adjective are mostly pronouns (det regnar, den är)
    right_det, right_noun, key = determiner, noun_tok.text, "np_agreement_gender"
    number = noun.number if noun.number != "?" else rule["number"]
    if rule["number"] == "plur" and noun.number == "sing":
        if determiner == "de" and noun.definite == "def":
            right_det = _determiner_for("den", noun.gender, "sing")  # de vänstra benet
        elif rule["noun"] == "ind" and noun.definite == "ind" and not adjectives:
            right_noun = plural_indefinite(noun.lemma)  # många blåmärke
            key = "np_agreement_number"
            number = "plur"
            if right_noun is None:
                return None
        else:
            return None
    elif rule["number"] == "sing" and noun.number == "plur":
        if determiner not in ("den", "det") or noun.definite != "def":
            return None
        right_det = "de"  # den gamla skorna
    elif rule["noun"] == "def" and noun.definite == "ind":
        following = sentence[noun_at + 1].norm if noun_at + 1 < len(sentence) else ""
        if noun.number != "sing" or determiner not in ("den", "det") or following == "som":
            return None  # den personliga vård som ges: right before a relative clause
        right_noun = definite_singular(noun.lemma, noun.gender)  # den nya rullstol
        key = "np_agreement_definite"
        if right_noun is None:
            return None
        right_det = _determiner_for(determiner, noun.gender, "sing")
    elif rule["noun"] == "ind" and noun.definite == "def":
        return None  # en stolen: which of the two was meant is unclear
    elif rule["gender"] not in ("any", noun.gender) and number == "sing":
        right_det = _determiner_for(determiner, noun.gender, "sing")
    if right_det is None:
        return None
    right_adjectives = [
        _adjective_form(forms, rule["adjective"], noun.gender, number) for _, forms in adjectives
    ]
    written = [sentence[j].norm for j, _ in adjectives]
    if (right_det, right_adjectives, right_noun) == (determiner, written, noun_tok.text):
        return None
    if right_det == determiner and right_noun == noun_tok.text:
        key = "np_agreement_adjective"
    right = " ".join([match_case(sentence[i].text, right_det), *right_adjectives, right_noun])
    values = {
        "noun": noun.lemma,
        "article": ARTICLE_WORD[noun.gender],
        "determiner": sentence[i].text,
        "right": right,
    }
    return Hit("np_agreement", i, noun_at + 1, right, key, values)
