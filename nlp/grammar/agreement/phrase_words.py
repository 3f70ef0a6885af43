"""Which words make up a noun phrase, for ``np_agreement`` and ``predicative_agreement``:
a noun or adjective the dictionary confirms, and the tagger's likely misreadings of them (a
noun taken for a verb, an adjective taken for a pronoun). The tagger alone is never trusted."""

from __future__ import annotations

from ...dictionary import (
    ADJECTIVE,
    COM_PLUR_IND,
    COM_SING_IND,
    NEUT_PLUR_IND,
    NEUT_SING_IND,
    load_index,
)
from ...lemmas import lemma_candidates
from .. import Tok, is_punct, words
from ..forms import (
    adjective,
    is_infinitive,
    noun_form,
    noun_readings,
    participle_verb,
    supine,
    verb_reading,
)

INDEFINITE_READINGS = COM_SING_IND | COM_PLUR_IND | NEUT_SING_IND | NEUT_PLUR_IND


def comparative(tok: Tok) -> bool:
    """A comparative (*större*, *tunnare*), which has one form: the determiner still agrees
    with the noun after it. Not *mer*, *mindre*, *fler*: degree words and quantities."""
    if tok.norm in words("degree_adverbs") or tok.norm in words("determiners"):
        return False
    if tok.norm in words("comparatives"):
        return tok.norm not in ("mer", "mera", "fler", "flera", "färre", "mest")
    stem = tok.norm.removesuffix("are")
    return stem != tok.norm and adjective(stem) is not None and not noun_readings(tok.norm)


def open_word(tok: Tok) -> bool:
    """No determiner, quantity, number, pronoun or other function word (*ren*, *svullen*,
    not *inga*, *många*, *bara*)."""
    return not any(
        tok.norm in words(name)
        for name in (
            "function_words",
            "determiners",
            "possessives",
            "phrase_breakers",
            "degree_adverbs",
            "cardinal_numbers",
            "sentence_adverbs",
            "verb_particles",  # Ta bort kläder: bort belongs to the verb
        )
    )


def misread_adjective(tok: Tok) -> bool:
    """An adjective the tagger took for a pronoun or determiner (*alla smutsig kläder*): no
    function word, and compared in the dictionary (*smutsigare*), in its base or -a form."""
    if tok.norm in words("function_words") or tok.norm in words("determiners"):
        return False
    if tok.norm in words("possessives") or tok.norm in words("phrase_breakers"):
        return False
    if tok.norm in words("degree_adverbs") or tok.norm in words("cardinal_numbers"):
        return False
    forms = adjective(tok.norm)
    if forms is not None and forms[0] in words("pronoun_like_adjectives"):
        return True  # sin eget täcke, en annat förband: tagged a determiner or pronoun
    if forms is None or tok.norm == forms[1] != forms[0] or noun_form(tok.norm) is not None:
        return False
    return bool(load_index().roles(tok.norm) & ADJECTIVE)


def misread_noun(tok: Tok, following: Tok | None) -> bool:
    """A noun the tagger took for a verb, an adverb or a pronoun (see ``noun_phrases._phrase``)."""
    if tok.upos not in ("VERB", "ADV", "PRON") or tok.norm in words("function_words"):
        return False
    if tok.text[:1].isupper() or len(tok.norm) < 3 or not tok.norm.isalpha():
        return False
    if tok.upos == "VERB" and verb_reading(tok.norm) is not None:
        return False  # som någon får när: a finite verb (får is also a noun)
    bits = load_index().noun_bits(tok.norm)
    if not bits or noun_form(tok.norm) is None:
        return False
    if ends_phrase(following) or following.norm in ("som", "är", "var"):
        return True
    # before an adverb only a definite form, which no verb looks like (den här rummet längre)
    return following.upos == "ADV" and not bits & INDEFINITE_READINGS


CLOSED = frozenset({"PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "NUM", "PUNCT"})


def is_noun(tok: Tok | None) -> bool:
    if tok is None or tok.upos in CLOSED or tok.upos == "VERB":
        return False
    if tok.norm in words("phrase_breakers"):
        return False  # sitt stort rum själv: själv ends the phrase, rum is its noun
    if noun_form(tok.norm) is None:
        return False
    return tok.upos == "NOUN" or adjective(tok.norm) is None


def is_adjective(tok: Tok, following: Tok | None) -> bool:
    """An adjective the dictionary confirms; one with a noun reading too (*läkt*) only
    before a noun."""
    if adjective(tok.norm) is None or (tok.upos in CLOSED and not misread_adjective(tok)):
        return False
    if tok.upos in CLOSED:
        return following is not None and is_noun(following)
    if tok.upos == "VERB":
        return tok.feats.get("VerbForm") == "Part"
    if tok.upos == "NOUN" or noun_form(tok.norm) is not None:
        if measure_noun(tok):
            return False  # en bit bröd, en bunt papper: a noun, though the tagger says ADJ
        return following is not None and is_noun(following)
    return True


def measure_noun(tok: Tok) -> bool:
    """A noun whose adjective reading the dictionary never compares and no verb made (*bit*,
    *bunt*: the first noun of *en bit bröd*), unlike *kall* (kallare) or *läkt* (läka)."""
    forms = adjective(tok.norm)
    if forms is None or noun_form(tok.norm) is None or load_index().roles(tok.norm) & ADJECTIVE:
        return False
    if participle_verb(forms[0]) is not None or tok.norm != forms[0] or forms[0][-1:] != "t":
        return False  # only where the -t of the neuter hides in the base (bit, bunt)
    return not any(  # läkt: the supine of läka; bit is no supine of bita
        is_infinitive(lemma) and supine(lemma) == tok.norm for lemma in lemma_candidates(tok.norm)
    )


def ends_phrase(tok: Tok | None) -> bool:
    return tok is None or is_punct(tok) or tok.upos in ("ADP", "CCONJ", "SCONJ")


def nominal(tok: Tok | None) -> bool:
    """Whether ``tok`` may continue a noun phrase (an adjective or the noun)."""
    return tok is not None and (is_noun(tok) or is_adjective(tok, None))


def nominal_adjective(tok: Tok) -> bool:
    """Whether ``tok`` is an adjective's -a form (*sjuka*, *gamla*), which names people."""
    forms = adjective(tok.norm)
    return forms is not None and tok.norm == forms[2] != forms[0]
