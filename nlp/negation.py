"""Which words a negation covers, NegEx-style, with rules from ``data/negation.yaml``.

A *pre* cue (*inga, inte, förnekar*) negates forward to the end of its scope: the sentence end
(line breaks and colons end sentences), a terminator (*men*, a relative *som*, hedges such as
*misstänks*), or a new clause after *och/så/samt/eller* or a comma (a subject or a finite verb
follows). A list of words coordinated by commas and *och* stays inside the scope (*förnekar yrsel
och huvudvärk*). A *post* cue (*förnekas, saknas, nej*) negates backward to the clause start,
while a *both* cue (*ej, inte*) with nothing after it negates only the word before it: the
verb in *gavs inte* (its subject stays), the finding in *Yrsel ej* or *Smärta: ej*. A place
phrase inside a scope (*ingen smärta i armen*) is not negated, and a cue such as *inte* or
*inget* also negates the finite verb right before it (*åt inget*, *mättes inte*). *utan* after
another cue is a conjunction (*inte feber utan frossa*). Pseudo cues (*inte bara, kan inte uteslutas, utan att*) and hedges negate nothing.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from .resources import endings, yaml_data
from .words import Word

# A cue reaches at most this many words either way (NegEx uses a fixed window too): it keeps
# the work linear in a sentence of hundreds of cues, and no care-note scope is longer.
MAX_SCOPE = 20


def finite_verb(word: str, lemmas: tuple[str, ...]) -> bool:
    """A finite verb form (*sover, mättes, avlastas, åt*): a tense ending on a candidate
    *-a* lemma, or an irregular form (the strong verbs' table)."""
    if word in _irregular_finite():
        return True
    return word.endswith(endings("finite_verb_endings")) and any(
        lemma != word and lemma.endswith("a") for lemma in lemmas[:2]
    )


@lru_cache(maxsize=1)
def _irregular_finite() -> frozenset[str]:
    table = yaml_data("irregular_verbs")
    return frozenset(
        w for forms in table.values() for key in ("present", "past") for w in forms[key]
    )


if not Doc.has_extension("negated"):
    Doc.set_extension("negated", default=frozenset())  # token indexes inside a negation scope
    Token.set_extension("negated", getter=lambda token: token.i in token.doc._.negated)


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = yaml_data("negation")
    phrases = {}
    for kind in ("pseudo", "post", "pre"):  # a phrase listed twice takes the first kind here
        for phrase in data[kind]:
            phrases.setdefault(tuple(phrase.split()), kind)
    by_first: dict[str, list] = {}
    for phrase, kind in sorted(phrases.items(), key=lambda kv: -len(kv[0])):
        by_first.setdefault(phrase[0], []).append((phrase, kind))
    return {
        "by_first": by_first,
        "both": frozenset(data["both"]),
        "terminators": frozenset(t for t in data["terminators"] if " " not in t),
        "clause_starts": frozenset(data["clause_starts"]),
        "conjunctions": frozenset(data["conjunctions"]),
        "places": frozenset(data["places"]),
        "not_place_after": frozenset(data["not_place_after"]),
        "subjects": frozenset(data["subjects"]),
        "verb_cues": frozenset(data["verb_cues"]),
    }


def _cues(words: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every cue and pseudo cue, longest first, without overlap.
    *utan* after another cue is a conjunction (*inte feber utan frossa*), not a cue."""
    by_first, found, i = _rules()["by_first"], [], 0
    while i < len(words):
        for phrase, kind in by_first.get(words[i], ()):  # longest first
            n = len(phrase)
            if tuple(words[i : i + n]) == phrase:
                found.append((i, i + n, kind))
                i += n - 1
                break
        i += 1
    return [cue for k, cue in enumerate(found) if not (words[cue[0]] == "utan" and found[:k])]


def _new_clause(words: list[str], verbs: list[bool], i: int, verbs_end: int | None = None) -> bool:
    """Whether the word at ``i`` starts a new clause: a subject pronoun, or a conjunction or
    comma followed by a clause start, a finite verb (before ``verbs_end``, if given) or a
    number within two words."""
    rules = _rules()
    if words[i] in rules["subjects"]:
        return True
    if words[i] not in rules["conjunctions"]:
        return False
    following = range(i + 1, min(i + 3, len(words)))
    return (
        i + 1 < len(words)
        and words[i + 1] in rules["clause_starts"]
        or any(verbs[j] for j in following if verbs_end is None or j < verbs_end)
        or words[i] == ","
        and any(words[j][:1].isdigit() for j in following)
    )


def _forward(words: list[str], clause_starts: list[bool], start: int) -> list[int]:
    """The forward scope; a place phrase (*i munnen*, *på huden*) only says where the absent
    finding was, so its words are skipped up to the next coordination. ``clause_starts``
    holds ``_new_clause`` of every word."""
    rules, scope, in_place = _rules(), [], False
    for end in range(start, min(len(words), start + MAX_SCOPE)):
        w = words[end]
        if w in rules["terminators"] or w == "utan" or clause_starts[end]:
            break
        if w in rules["places"] and end > start and words[end - 1] not in rules["not_place_after"]:
            in_place = True
        elif w in rules["conjunctions"]:
            in_place = False
        if not in_place:
            scope.append(end)
    return scope


def _backward(words: list[str], verbs: list[bool], end: int) -> range:
    rules, start, first = _rules(), end, max(0, end - MAX_SCOPE)
    while start > first:
        w = words[start - 1]
        # the cue itself and what follows it start no clause here
        if w in rules["terminators"] or _new_clause(words, verbs, start - 1, verbs_end=end):
            break
        if w == "," and not any(x in ("och", "eller", "samt") for x in words[start:end]):
            break
        start -= 1
    return range(start, end)


def _has_word(words: list[str], scope) -> bool:
    return any(words[i][:1].isalnum() for i in scope)


def negated_positions(
    words: list[str], verbs: list[bool] | None = None, before: list[str] | None = None
) -> set[int]:
    """Indexes of ``words`` (one sentence, lower case) that a cue negates.

    ``verbs`` marks the finite verbs. ``before`` is the previous sentence when this one
    followed a colon: a lone post cue (*Smärta: nej*) then reaches back into it; those
    indexes are returned negative (-1 = its last word).
    """
    rules, negated = _rules(), set()
    verbs = verbs or [False] * len(words)
    cues = _cues(words)
    clause_starts = [_new_clause(words, verbs, i) for i in range(len(words))] if cues else []
    for start, end, kind in cues:
        if kind == "pseudo":
            continue
        cue = " ".join(words[start:end])
        if cue in rules["verb_cues"] and start > 0 and verbs[start - 1]:
            negated.add(start - 1)  # åt inget, mättes inte
        scope = _forward(words, clause_starts, end) if kind == "pre" else []
        if _has_word(words, scope):
            negated |= set(scope)
        elif kind == "post":
            scope = _backward(words, verbs, start)
            negated |= set(scope)
            if not _has_word(words, scope) and before:
                negated |= {
                    i - len(before) for i in _backward(before, [False] * len(before), len(before))
                }
        elif cue in rules["both"]:
            # "gavs inte", "Yrsel ej": only the word before the cue (the verb, or a list item)
            window = range(start - 1, max(-1, start - 1 - MAX_SCOPE), -1)
            word_before = next((i for i in window if words[i][:1].isalnum()), None)
            if word_before is not None:
                negated.add(word_before)
            elif before:
                negated.add(-1)
    return negated


@Language.factory("ordvard_negation")
def make_negation(nlp: Language, name: str):
    return mark_negation


def mark_negation(doc: Doc) -> Doc:
    """Set ``doc._.negated`` (and so ``token._.negated``) for every word inside a scope."""
    negated: set[int] = set()
    previous: list[Word] = []
    for sentence in sentences(doc._.words):
        words = [w.norm for w in sentence]
        verbs = [finite_verb(w.norm, w.lemmas) for w in sentence]
        before = [w.norm for w in previous[:-1]] if previous and previous[-1].text == ":" else None
        for i in negated_positions(words, verbs, before):
            negated.add(sentence[i].i if i >= 0 else previous[:-1][i].i)
        previous = sentence
    doc._.negated = frozenset(negated)
    return doc


def sentences(words: list[Word]) -> list[list[Word]]:
    """The words split at sentence starts."""
    out: list[list[Word]] = []
    for word in words:
        if word.sent_start or not out:
            out.append([])
        out[-1].append(word)
    return out
