"""Compounds the phrase around two words gives away: the words cannot agree as a phrase.

An adjective without the neuter *-t* after *ett* (*ett fri kort*), an adjective's base form
before a definite noun with no determiner (*med rak apparaten*, *har fin motoriken*), a
neuter possessive before an en-word or a definite noun (*sitt dynan*), a neuter determiner
before an en-word and *kort* (*sitt buss kort*), and a particle or uninflected adjective
before a participle after *är* or *har* (*är sjuk skriven*) are each one dictionary word
written apart. Everyday adjectives before a noun (*varm korv*) need a common dictionary
compound, since they usually begin a phrase. ``compound_joins.joined_form`` asks these first.
"""

from __future__ import annotations

from .dictionary import (
    ADJECTIVE,
    BEGIN,
    COM_PLUR_DEF,
    COM_PLUR_IND,
    COM_READINGS,
    COM_SING_DEF,
    COM_SING_IND,
    END,
    NEUT_PLUR_DEF,
    NEUT_PLUR_IND,
    NEUT_READINGS,
    NEUT_SING_DEF,
    NEUT_SING_IND,
    NOUN,
    WORD,
    load_index,
)
from .lemmas import lemma_candidates
from .phrase_forms import definite, lemma, verb_form
from .resources import word_list

# after these a particle or an adjective's base form before a participle begins a compound
PARTICIPLE_OPENERS = frozenset(
    {"är", "var", "blev", "blir", "vara", "varit", "bli", "blivit", "har", "hade", "mycket"}
)
PARTICIPLE_ENDINGS = ("d", "t", "da", "ta", "dda", "tta", "en", "na", "ande", "ende")
NEUTER_POSSESSIVES = frozenset({"sitt", "mitt", "ditt"})  # also a verb stem or noun: sittdyna
NEUTER_DETERMINERS = frozenset({"ett", "mitt", "ditt", "sitt", "vårt", "ert", "detta", "inget"})
ARTICLE_GENDERS = {"en": "en", "någon": "en", "ingen": "en", "ett": "ett", "något": "ett"}
VOWELS = "aeiouyåäö"
DEFINITE_READINGS = COM_SING_DEF | COM_PLUR_DEF | NEUT_SING_DEF | NEUT_PLUR_DEF
INDEFINITE_READINGS = COM_SING_IND | COM_PLUR_IND | NEUT_SING_IND | NEUT_PLUR_IND
# verbs of having and getting take an object, never a predicative adjective: an adjective's
# base form after them before a definite noun is a compound's first part (har fin motoriken)
POSSESSION_VERBS = frozenset({"har", "hade", "får", "fick", "tar", "tog"})
MIN_ADJECTIVE_COMPOUND_ZIPF = 1.5  # rarer: an adjective first word is read as a phrase (privat rum)


def adjective_against_article(first: str, second: str, previous: str) -> str | None:
    """An adjective without its neuter *-t* after a neuter determiner (*ett snabb test*, *ett
    fri kort*): the phrase would be *ett snabbt test*, so the adjective is a compound's first
    part only when the dictionary has the compound: *ett röd utslag* is an agreement error
    (*ett rött utslag*), and a made-up *rödutslag* would teach the wrong thing."""
    if previous not in NEUTER_DETERMINERS or len(second) < 3 or first.endswith("t"):
        return None
    index = load_index()
    if not index.roles(first) & ADJECTIVE or not base_adjective(first):
        return None
    # the neuter adds -t, or -tt after a vowel (fri → fritt, ny → nytt)
    neuters = (first + "t", first + "tt") if first[-1] in VOWELS else (first + "t",)
    if not any(index.roles(neuter) & WORD for neuter in neuters):
        return None
    if second in word_list("phrase_words") and not index.noun_bits(second) & NEUT_READINGS:
        return None  # a neuter noun agrees with ett, so the adjective must be a part: ett fri kort
    joined = first + second
    return joined if index.roles(joined) & WORD else None


def base_adjective(word: str) -> bool:
    """An adjective in its base form: its likeliest lemma, or a lemma the tagger ranks second
    when the word has no inflectional ending (*fin*, whose first guess is a verb *fi*)."""
    return lemma(word) == word or (
        word in lemma_candidates(word)[:2] and not word.endswith(("a", "e", "t"))
    )


def participle_after_verb(first: str, second: str, previous: str) -> str | None:
    """A particle or an adjective's base form before a participle, after *är*, *har* or an
    article or possessive (*är sjuk skriven*, *har svår läkta sår*, *är hjälp behövande*):
    one dictionary word, since a particle goes after its verb's finite form and an adjective
    that modifies a participle takes *-t* (*svårt skadad*). So *lätt skadad*, *väl känd* and
    *fast anställd* (all ending in -t or adverbs) stay apart, and so does a past tense that
    is also a participle (*när hon kom in satt han där*: *satt* is never joined here)."""
    if previous not in PARTICIPLE_OPENERS and previous not in word_list("possessives_and_articles"):
        return None
    if len(second) < 4 or second in word_list("phrase_words"):
        return None  # tittar på det med en lampa
    if not second.endswith(PARTICIPLE_ENDINGS) or second in word_list("finite_verbs"):
        return None
    index = load_index()
    if (definite(second) and index.roles(second) & NOUN) or lemma(second) in word_list(
        "time_words"
    ):
        return None  # blev sjuk dagen efter
    particle = first in word_list("compound_particles") or first in {"ned", "ner", "hjälp"}
    roles = index.roles(first)
    adjective = roles & ADJECTIVE and base_adjective(first) and not first.endswith("t")
    if not (particle or adjective) or f"{first} {second}" in word_list("adjective_phrases"):
        return None
    # a preposition before an inflected participle and its noun: av kända skäl
    inflected = second.endswith(("a", "e")) and not second.endswith(("ande", "ende"))
    if first in word_list("prepositions") and inflected:
        return None
    joined = first + second
    return joined if index.roles(joined) & WORD else None


def noun_before_phrase_word(first: str, second: str, previous: str) -> str | None:
    """A noun among the phrase words (*kort*, an adjective too) after a base-form en-word or
    verb stem that a neuter determiner cannot go with, when the dictionary has them as one
    (*sitt buss kort*, *inget kör kort*): the determiner agrees with the compound. Elsewhere
    *kort* is an adverb or adjective (*en buss kort efter lunch*)."""
    index = load_index()
    if previous not in NEUTER_DETERMINERS or index.noun_bits(first) & NEUT_READINGS:
        return None
    if not index.roles(second) & NOUN or first in word_list("phrase_words"):
        return None
    joined = first + second
    if not index.roles(joined) & WORD or len(first) < 3 or verb_form(first):
        return None
    roles = index.roles(first)
    noun = roles & NOUN and lemma(first) == first and not roles & ADJECTIVE
    return joined if noun or first + "a" in lemma_candidates(first) else None


def possessive_against_noun(first: str, second: str) -> str | None:
    """A neuter possessive before a noun it cannot go with, a definite one or an en-word
    (*sitt dynan*, *en sitt dyna*; *sitt hus* is right): the possessive is the verb stem or
    noun that begins the compound, when the dictionary has it (*sittdyna*, *mittpunkten*)."""
    index = load_index()
    readings = index.noun_bits(second)
    if not readings or second in word_list("phrase_words"):
        return None
    definite_form = readings & DEFINITE_READINGS and not readings & INDEFINITE_READINGS
    common_only = readings & COM_READINGS and not readings & NEUT_READINGS
    if not (definite_form or common_only):
        return None
    joined = first + second
    return joined if index.roles(joined) & WORD else None


def phrase_adjective_compound(first: str, second: str, previous: str) -> str | None:
    """An everyday adjective in its base form before a noun (*köpte varm korv*, *lätt mjölk*,
    *vit kål*; ``data/phrase_adjectives.txt``): one word when the dictionary has the compound
    as a noun and it is common enough, since these adjectives otherwise begin ordinary phrases
    (*torr hud*, *kall mat*, whose compounds the dictionary lacks). Never before a phrase word,
    a time word (*god morgon*) or a verb form, nor where the compound is an adverb (*med hög
    kant*, not *på högkant*)."""
    if second in word_list("phrase_words") or second in word_list("phrase_ends") or len(second) < 2:
        return None  # a two-letter noun is allowed: lätt öl
    if lemma(second) in word_list("time_words") or verb_form(second):
        return None
    joined = first + second
    roles = load_index().roles(joined)
    if not roles & WORD or not roles & (NOUN | BEGIN | END):
        return None
    return joined if adjective_compound(first, second, joined, previous) else None


def adjective_compound(first: str, second: str, joined: str, previous: str) -> bool:
    """Whether an adjective and its noun written apart are the dictionary compound ``joined``:
    not when the compound is rare (*ett privat rum*), the pair a phrase Swedish writes apart
    as well (*frisk luft*; ``data/adjective_phrases.txt``), or the adjective agrees with an
    en-word after *en* (*en tjock tröja*, *en varm filt*: the phrase is the likely reading)."""
    if f"{first} {second}" in word_list("adjective_phrases"):
        return False
    if ARTICLE_GENDERS.get(previous) == "en" and load_index().noun_bits(second) & COM_SING_IND:
        return False
    return load_index().zipf(joined) >= MIN_ADJECTIVE_COMPOUND_ZIPF


def adjective_before_definite(
    first: str, second: str, previous: str, accepted: frozenset[str]
) -> str | None:
    """An adjective's base form before a definite noun with no determiner (*med rak
    apparaten*, *Social sekreteraren ringde*): Swedish says *den raka apparaten*, so the two
    are one word when the dictionary or the glossary has it. After a determiner, a verb or an
    adverb (*blev sjuk dagen efter*), or before a time noun, they are left alone."""
    if (
        previous
        and previous in word_list("phrase_words")
        and previous not in word_list("prepositions")
        and previous not in POSSESSION_VERBS
    ):
        return None
    index = load_index()
    if not index.roles(first) & ADJECTIVE or not base_adjective(first) or len(first) < 3:
        return None
    if not (definite(second) and index.roles(second) & NOUN):
        return None
    if lemma(second) in word_list("time_words") or second in word_list("phrase_ends"):
        return None
    joined = first + second
    return joined if joined in accepted or index.roles(joined) & WORD else None
