"""Word forms that tell a phrase from a compound written apart (``split_compounds``).

Each test reads one word (or a word pair) by its form and the dictionary: a definite noun
(*påsen*), an inflected verb or participle (*förnekar*, *planerad*), an s-passive (*vårdas*), a
noun plural that is also a verb form (*droppar*), a determiner, and the time phrases (*i dag*,
*en dags*, *på torsdag eftermiddag*) whose words stand side by side without being one.
"""

from __future__ import annotations

from .dictionary import NOUN, VERB, WORD, load_index
from .lemmas import lemma_candidates
from .resources import endings, word_list


def time_phrase(first: str, second: str, previous: str) -> bool:
    """*i dag*, *i natt* (an adverbial), *en dags*, *två års* (a measure genitive) or two time
    words (*på torsdag eftermiddag*, *måndag morgon*). A time word is one of
    ``data/time_words.txt`` or its genitive (*onsdags*), not any word one letter longer (*i
    vård planen*: *vård* is no *vår*)."""
    time_words = word_list("time_words")
    if first in time_words and (second in time_words or lemma(second) in time_words):
        return True
    time_word = first in time_words or (first.endswith("s") and first[:-1] in time_words)
    if previous in word_list("time_openers") and time_word:
        # i dag, i natt, i onsdags kväll, samma dag, varje kväll; but a definite noun right
        # after it makes a compound with it (i dag rummet: a fronted i dag takes the verb next)
        return not (definite(second) and load_index().roles(first + second) & WORD)
    return (
        first.endswith("s")
        and first[:-1] in time_words
        and (previous.isdigit() or previous in word_list("quantity_words"))
    )


def determiner(word: str) -> bool:
    """An article, pronoun or number that opens a noun phrase (not a preposition)."""
    return word in word_list("noun_phrase_openers") and word not in word_list("prepositions")


def lemma(word: str) -> str:
    """The most likely lemma of ``word`` (the word itself when unknown)."""
    return (lemma_candidates(word)[:1] or (word,))[0]


def passive(word: str) -> bool:
    """An s-passive verb form (*läggs*, *vårdas*) whose dictionary entry lacks verb flags."""
    lemma = lemma_candidates(word)[:1]
    return bool(lemma) and lemma[0].endswith("a") and word in (lemma[0] + "s", lemma[0][:-1] + "s")


def definite(word: str) -> bool:
    """A definite noun form (*påsen, såret, sköterskan*)."""
    lemma = lemma_candidates(word)[:1]
    return word.endswith(endings("definite_endings")) and bool(lemma) and lemma[0] != word


def plural_noun(word: str) -> bool:
    """A noun plural that is also a verb form (*droppar*): it can end a compound."""
    return word.endswith(endings("plural_noun_endings")) and bool(load_index().roles(word) & NOUN)


def verb_form(word: str) -> bool:
    """An inflected verb or participle (*förnekar, planerad*): it starts or ends a phrase."""
    if not word.endswith(endings("verb_form_endings")):
        return False
    lemma = lemma_candidates(word)[:1]
    if not lemma or lemma[0] == word or not lemma[0].endswith("a"):
        return False
    roles = load_index().roles(lemma[0])
    return not (roles & NOUN and not roles & VERB)  # schemat is a noun form of schema
