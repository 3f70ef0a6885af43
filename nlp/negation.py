"""Which words a negation covers, NegEx-style, with rules from ``data/negation.yaml``.

A *pre* cue (*inga, inte, förnekar*) negates forward to the end of its scope: the sentence end
(line breaks and colons end sentences), a terminator (*men*, a relative *som*, hedges such as
*misstänks*), or a new clause after *och/så/samt/eller* or a comma (a subject or a finite verb
follows). A list of words coordinated by commas and *och* stays inside the scope (*förnekar yrsel
och huvudvärk*). A *post* cue (*förnekas, saknas, nej*) negates backward to the clause start,
while a *both* cue (*ej, inte*) with nothing after it negates only the word before it: the
verb in *gavs inte* (its subject stays), the finding in *Yrsel ej* or *Smärta: ej*. A place
phrase inside a scope (*ingen smärta i armen*) is not negated.
Pseudo cues (*inte bara, kan inte uteslutas, utan att*) and hedges negate nothing.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from .resources import yaml_data

if not Token.has_extension("negated"):
    Token.set_extension("negated", default=False)


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = yaml_data("negation")
    phrases = {}
    for kind in ("pseudo", "post", "pre"):  # a phrase listed twice takes the first kind here
        for phrase in data[kind]:
            phrases.setdefault(tuple(phrase.split()), kind)
    return {
        "phrases": sorted(phrases.items(), key=lambda kv: -len(kv[0])),
        "both": frozenset(data["both"]),
        "terminators": frozenset(t for t in data["terminators"] if " " not in t),
        "clause_starts": frozenset(data["clause_starts"]),
        "conjunctions": frozenset(data["conjunctions"]),
        "places": frozenset(data["places"]),
    }


def _cues(words: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every cue and pseudo cue, longest first, without overlap."""
    rules, taken, found = _rules(), set(), []
    for phrase, kind in rules["phrases"]:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) == phrase and not taken & set(range(i, i + n)):
                taken |= set(range(i, i + n))
                found.append((i, i + n, kind))
    return sorted(found)


def _new_clause(words: list[str], i: int) -> bool:
    """Whether a conjunction at ``i`` starts a new clause (a subject or finite verb follows)."""
    rules = _rules()
    return words[i] in rules["conjunctions"] and any(
        w in rules["clause_starts"] for w in words[i + 1 : i + 4]
    )


def _forward(words: list[str], start: int) -> list[int]:
    """The forward scope; a place phrase (*i munnen*, *på huden*) only says where the absent
    finding was, so its words are skipped up to the next coordination."""
    rules, scope, in_place = _rules(), [], False
    for end in range(start, len(words)):
        w = words[end]
        if w in rules["terminators"] or w == "utan" or _new_clause(words, end):
            break
        if w in rules["places"] and end > start:
            in_place = True
        elif w in rules["conjunctions"]:
            in_place = False
        if not in_place:
            scope.append(end)
    return scope


def _backward(words: list[str], end: int) -> range:
    rules, start = _rules(), end
    while start > 0:
        w = words[start - 1]
        if w in rules["terminators"] or _new_clause(words, start - 1):
            break
        if w == "," and not any(x in ("och", "eller", "samt") for x in words[start:end]):
            break
        start -= 1
    return range(start, end)


def _has_word(words: list[str], scope) -> bool:
    return any(words[i][:1].isalnum() for i in scope)


def negated_positions(words: list[str], before: list[str] | None = None) -> set[int]:
    """Indexes of ``words`` (one sentence, lower case) that a cue negates.

    ``before`` is the previous sentence when this one followed a colon: a lone post cue
    (*Smärta: nej*) then reaches back into it; those indexes are returned negative (-1 = last).
    """
    rules, negated = _rules(), set()
    for start, end, kind in _cues(words):
        if kind == "pseudo":
            continue
        scope = _forward(words, end) if kind == "pre" else []
        if _has_word(words, scope):
            negated |= set(scope)
        elif kind == "post":
            scope = _backward(words, start)
            negated |= set(scope)
            if not _has_word(words, scope) and before:
                negated |= {i - len(before) for i in _backward(before, len(before))}
        elif " ".join(words[start:end]) in rules["both"]:
            # "gavs inte", "Yrsel ej": only the word before the cue (the verb, or a list item)
            words_before = [i for i in range(start) if words[i][:1].isalnum()]
            if words_before:
                negated.add(words_before[-1])
            elif before:
                negated.add(-1)
    return negated


@Language.factory("ordvard_negation")
def make_negation(nlp: Language, name: str):
    return mark_negation


def mark_negation(doc: Doc) -> Doc:
    """Set ``token._.negated`` on every word inside a negation scope."""
    previous: list[Token] = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        words = [t.norm_ for t in tokens]
        before = [t.norm_ for t in previous] if previous and previous[-1].text == ":" else None
        for i in negated_positions(words, before[:-1] if before else None):
            (tokens[i] if i >= 0 else previous[:-1][i])._.negated = True
        previous = tokens
    return doc
