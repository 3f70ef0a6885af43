"""Three words written apart whose middle one is a compound part with a linking *s* (*urin
vägs infektion*, *arm bågs skydd*, *natt duks bordet*): one finding for the whole compound.

A word pair alone misses them: *urin vägs* is no word, and *vägs infektion* reads as a
genitive and its noun. The evidence is the first two words together: without the *s* they are
a dictionary word or with it a compound beginning (*urinväg*, *armbågs-*, *helmjölk*), and the
three joined are a dictionary word or a valid compound ending in the third. A bare noun does
not stand before a genitive, so the first word must not be one of the words that open a phrase
(*en dags arbete*, *min mans bil*, *tre års vila*), a definite or verb form, nor an adjective
after an article (*en kort tids vistelse*); the middle word is a noun's linking form, not a
passive (*ut sätts vikten*).
"""

from __future__ import annotations

from functools import lru_cache

from .caches import WORDS
from .compounds import valid_split
from .dictionary import ADJECTIVE, BEGIN, END, NOUN, WORD, load_index
from .lemmas import lemma_candidates
from .phrase_forms import definite, determiner, passive, verb_form
from .resources import word_list

MIN_PART = 2
MIN_HEAD = 3


@lru_cache(maxsize=WORDS)
def linked_compound(first: str, middle: str, last: str, previous: str = "") -> str | None:
    """The compound ``first middle last`` (lower case) stands for, or None; ``previous`` is
    the word before (lower case, "" at a sentence start). An adjective after an article or
    number begins a genitive phrase (*en kort tids vistelse*, *en stor mans liv*)."""
    if not middle.endswith("s") or len(middle) < 3 or len(first) < MIN_PART:
        return None
    if len(last) < MIN_HEAD or not last.isalpha() or last.endswith(("ande", "ende")):
        return None  # a participle after a genitive is its verb (handels förbättrande)
    phrase_words, phrase_ends = word_list("phrase_words"), word_list("phrase_ends")
    if {middle, last} & (phrase_words | phrase_ends):
        return None
    # a particle or an everyday adjective may begin one (över käks protes, hel mjölks yoghurt)
    opening = word_list("compound_particles") | word_list("phrase_adjectives")
    if first in phrase_words and first not in opening:
        return None
    if definite(first) or verb_form(first) or verb_form(last):
        return None
    if passive(last):  # Hokus pokus skiftas
        return None
    index = load_index()
    adjective = index.roles(first) & ADJECTIVE or first in word_list("phrase_adjectives")
    if adjective and (previous in word_list("quantity_words") or determiner(previous)):
        return None
    last_roles = index.roles(last)
    if not (last_roles & (NOUN | END) or index.noun_bits(last)):
        return None
    joined = first + middle + last
    if index.roles(joined) & WORD:
        return joined  # urinvägsinfektion, tjocktarmscancer, nattduksbordet
    if first in phrase_ends:  # a time word ends a phrase (i natt) unless the whole is a word
        return None
    head = first + middle
    # a form that only begins compounds (armbågs-, överkäks-), or a base-form word before the
    # s (urinväg, helmjölk); not a word of its own such as a passive (ut sätts vikten,
    # fast ställas vindriktning) or an imperative before it (utsätt)
    head_roles, stem = index.roles(head), head[:-1]
    begins = (head_roles & BEGIN and not head_roles & WORD) or (
        index.roles(stem) & WORD
        and lemma_candidates(stem)[:1] == (stem,)
        and not stem.endswith("a")  # fastställa: an infinitive, its s a passive
    )
    return joined if begins and last_roles & END and valid_split(head, last) else None
