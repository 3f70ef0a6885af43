"""Swedish compounds: splitting a written word into dictionary parts.

A compound is valid the way Hunspell sv_SE defines it: 2-4 parts of at least two letters, the
first allowed to begin a compound, middle parts to stand in the middle and the last to end one
(the dictionary's COMPOUNDBEGIN/MIDDLE/END and its linking forms such as *lung-*, *hälso-*,
*trycksårs-*). A hyphen always separates parts (*el-tandborste*, *hälso-*).

A split compound (*sjuk sköterskan*, *hand spriten*, *tryck sår*) is two neighbouring words
whose joined form (with a linking *s* where needed) is a dictionary word or a glossary form; or
whose first word only lives inside compounds (*lung röntgen*); or two plain nouns in base form
that make a valid compound (*plast förkläde*), a genitive only before a definite noun
(*infusions påsen*). Never: words that normally start or end a phrase (articles, pronouns,
prepositions, numerals, quantities, *vänster*, *höger*; ``data/phrase_words.txt`` and
``data/phrase_ends.txt``), verb forms, adjective-looking or inflected first words, or an
imperative opening an instruction (*Hjälp brukaren*). So *vänster arm*, *efter maten* and
*landets standard* are not flagged. Measured on 26.8k words of Talbanken prose: 10 alarms.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .dictionary import ADJECTIVE, BEGIN, END, MIDDLE, NOUN, VERB, WORD, load_index
from .findings import add_finding
from .lemmas import lemma_candidates
from .resources import endings, message, word_list
from .vocabulary import accepted_compounds

MIN_PART = 2
MAX_PARTS = 4
MAX_LENGTH = 40  # longer "words" are not compounds (and would cost O(n²) lookups)


@lru_cache(maxsize=100_000)
def splits(word: str) -> tuple[tuple[str, ...], ...]:
    """All valid splits of the lower-case ``word`` into two or more parts (may be empty)."""
    if "-" in word:
        pieces = tuple(p for p in word.split("-") if p)
        return (pieces,) if len(pieces) > 1 else ()
    n = len(word)
    if not 2 * MIN_PART <= n <= MAX_LENGTH or not word.isalpha():
        return ()
    substrings = [(i, j) for i in range(n) for j in range(i + MIN_PART, n + 1) if (i, j) != (0, n)]
    roles = load_index().known_many([word[i:j] for i, j in substrings])
    role_at = {span: int(r) for span, r in zip(substrings, roles) if r}
    found: list[tuple[str, ...]] = []

    def extend(start: int, parts: tuple[str, ...]) -> None:
        if len(parts) >= MAX_PARTS:
            return
        for end in range(start + MIN_PART, n + 1):
            r = role_at.get((start, end), 0)
            if not r:
                continue
            piece = word[start:end]
            if end == n:
                if parts and r & END:
                    found.append(parts + (piece,))
            elif r & (BEGIN if not parts else MIDDLE):
                extend(end, parts + (piece,))

    extend(0, ())
    return tuple(found)


@lru_cache(maxsize=10_000)
def linking_forms(lemma: str) -> frozenset[str]:
    """Forms ``lemma`` can take as a non-final compound part, by the dictionary (*lunga → lung*)."""
    index = load_index()
    stem = lemma[:-1] if lemma.endswith(endings("linking_strip")) else lemma
    candidates = {lemma, lemma + "s"} | {stem + e for e in endings("linking_add")}
    return frozenset(
        c for c in candidates if len(c) >= MIN_PART and index.roles(c) & (BEGIN | MIDDLE)
    ) | {lemma}


# --- split compounds (särskrivning) -------------------------------------------------------


@lru_cache(maxsize=50_000)
def joined_form(
    first: str, second: str, accepted: frozenset[str], sentence_start: bool = False
) -> str | None:
    """The compound ``first second`` (lower case) stands for when written apart, or None.

    Flagged: a joined form that is a glossary form or a dictionary word (*sjuksköterskan*,
    *blodtrycksmätningen* with a linking *s*); a first word that only exists inside compounds
    (*lung röntgen*); two plain nouns that make a valid compound (*plast förkläde*). Never: a
    phrase word on either side, a verb form, an adjective-looking first word (*palliativ vård*).
    """
    if first in word_list("phrase_words") or second in word_list("phrase_words"):
        return None
    if len(first) < MIN_PART or len(second) < 3 or _verb_form(first):
        return None
    if _verb_form(second) and not _plural_noun(second):
        return None
    index = load_index()
    second_roles = index.roles(second)
    if second.endswith("s") and second_roles & VERB:  # passive: demens skadas
        return None
    if first.endswith(("sta", "aste")):  # superlative: lägsta nivå
        return None
    for head in (first, first + "s"):
        joined = head + second
        if joined in accepted or index.roles(joined) & WORD:
            return joined
    first_roles = index.roles(first)
    if not second_roles & END or second_roles & (VERB | ADJECTIVE | NOUN) in (VERB, ADJECTIVE):
        return None
    if sentence_start and first + "a" in lemma_candidates(first):
        return None  # an imperative opening an instruction: Skjut rullstolen, Hjälp brukaren
    if first_roles & BEGIN and not first_roles & WORD:
        return first + second
    if second in word_list("phrase_ends") or first.endswith(endings("adjective_suffixes")):
        return None
    plain_noun = first_roles & (BEGIN | NOUN) == BEGIN | NOUN and not first_roles & (
        VERB | ADJECTIVE
    )
    if not plain_noun or not second_roles & NOUN:
        return None
    if first.endswith("s") and index.roles(first[:-1]) & WORD:
        # a genitive before an indefinite noun is a phrase (landets standard); before a
        # definite one it cannot be (infusions påsen)
        return first + second if _definite(second) else None
    if lemma_candidates(first)[:1] != (first,):  # an inflected first word: människor, militära
        return None
    return first + second


def _definite(word: str) -> bool:
    """A definite noun form (*påsen, såret, sköterskan*)."""
    lemma = lemma_candidates(word)[:1]
    return word.endswith(endings("definite_endings")) and bool(lemma) and lemma[0] != word


def _plural_noun(word: str) -> bool:
    """A noun plural that is also a verb form (*droppar*): it can end a compound."""
    return word.endswith(endings("plural_noun_endings")) and bool(load_index().roles(word) & NOUN)


def _verb_form(word: str) -> bool:
    """An inflected verb or participle (*förnekar, planerad*): it starts or ends a phrase."""
    if not word.endswith(endings("verb_form_endings")):
        return False
    lemma = lemma_candidates(word)[:1]
    return bool(lemma) and lemma[0] != word and lemma[0].endswith("a")


@Language.factory("ordvard_split_compounds")
def make_split_compounds(nlp: Language, name: str):
    return find_split_compounds


def find_split_compounds(doc: Doc) -> Doc:
    accepted, text, words = accepted_compounds(doc._.terms, doc._.lexicon), doc._.text, doc._.words
    for a, b in itertools.pairwise(words):
        if b.sent_start or text[a.end : b.start] != " " or b.text[:1].isupper():
            continue
        if not (a.norm.isalpha() and b.norm.isalpha()):
            continue
        joined = joined_form(a.norm, b.norm, accepted, a.sent_start)
        if joined:
            joined = a.text[:1] + joined[1:]
            note = message("split_compound", split=text[a.start : b.end], joined=joined)
            add_finding(doc, "split_compound", a.start, b.end, (joined,), note)
    return doc
