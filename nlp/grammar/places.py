"""The preposition of a place (``preposition``: *ligger i sjukhus → på sjukhus*, *bor på
Malmö → i Malmö*, *drack kaffe på köket → i köket*, *åkte på bussen → med bussen*).

Whether a place takes *i* or *på* is a fact of the noun (*på sjukhuset*, *i köket*, *i
Malmö*, *på Gotland*), which a writer from another language cannot guess. The places are data
(``data/grammar/prepositions_places.yaml``): nouns, or names of towns and countries, each with
the right preposition, the wrong ones, and the verbs they must follow. The verb is what makes
the phrase a place of being or living: after other words *i jobbet* and *i sjukhuset* are
native (*30 år i jobbet*, *barnen i sjukhuset*), and *på bussen* is where someone sits. A
name is read only with its capital and not as part of a longer name (*på Malmö högskola*).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from ..resources import yaml_data
from . import Hit, Tok, is_punct, words
from .forms import adjective

BETWEEN = (
    3  # words between the verb and the preposition (drack kaffe på, hämtade hennes mediciner i)
)
NOUN_OFFSET = 2  # determiners, numbers or adjectives between the preposition and the noun
# words that end the verb's clause before a place: the place is not the verb's
CLAUSE_WORDS = frozenset({"och", "men", "eller", "att", "som", "om", "när", "eftersom", "medan"})
Takes = Callable[[Tok, str], bool]  # whether a word's right preposition is this one


@cache
def _data() -> dict:
    return yaml_data("grammar/prepositions_places")


@cache
def places() -> tuple[dict, ...]:
    """The place entries with their word lists as sets (names lower case)."""
    data = _data()
    out = []
    for entry in data["places"]:
        nouns = data["names"][entry["names"]] if "names" in entry else entry["nouns"]
        out.append(
            entry
            | {
                "nouns": frozenset(nouns),
                "after": frozenset(entry["after"]),
                "with_object": frozenset(entry.get("with_object", ())),
                "is_name": "names" in entry,
            }
        )
    return tuple(out)


@cache
def _wrong() -> frozenset[str]:
    return frozenset(w for entry in places() for w in entry["wrong"])


def find(sentence: list[Tok], takes: Takes) -> list[Hit]:
    """The wrong prepositions of places in ``sentence``; ``takes`` tells whether a verb takes
    a preposition itself (from the fixed expressions)."""
    hits = []
    for p, tok in enumerate(sentence[:-1]):
        if p == 0 or tok.norm not in _wrong() or tok.text[:1].isupper():
            continue
        for entry in places():
            if tok.norm not in entry["wrong"]:
                continue
            k = _noun_at(sentence, p, entry)
            if k is None or _trigger(sentence, p, entry, takes) is None:
                continue
            values = {"head": sentence[k].text, "right": entry["right"], "wrong": tok.text}
            hits.append(Hit("preposition", p, p + 1, entry["right"], "preposition_place", values))
            break
    return hits


def _noun_at(sentence: list[Tok], p: int, entry: dict) -> int | None:
    """Where the entry's place noun stands after the preposition at ``p``: right after it, or
    for a noun (not a name) after up to two determiners, numbers or adjectives."""
    k = p + 1
    if entry.get("skip"):
        while (
            k < len(sentence)
            and k - p <= NOUN_OFFSET
            and not _place_noun(sentence[k], entry)
            and not sentence[k].text[:1].isupper()  # i Karolinska sjukhuset: a name
            and (
                sentence[k].norm in words("determiners")
                or sentence[k].upos in ("ADJ", "NUM")
                or adjective(sentence[k].norm) is not None
            )
        ):
            k += 1
    if k >= len(sentence) or not _place_noun(sentence[k], entry):
        return None
    after = sentence[k + 1] if k + 1 < len(sentence) else None
    if entry["is_name"]:
        if not sentence[k].text[:1].isupper():
            return None
        if after is not None and (
            after.text[:1].isupper() or after.norm in _data()["name_followers"]
        ):
            return None  # på Malmö högskola, på Malmö Opera: a place of its own
        joined = sentence[k + 2] if k + 2 < len(sentence) else None
        if after is not None and after.norm in ("och", "eller") and joined is not None:
            return None if joined.text[:1].isupper() else k  # på Luleå- och Ofotenbanan
    if after is not None and after.norm in entry.get("unless_next", ()):
        return None
    return k


def _place_noun(tok: Tok, entry: dict) -> bool:
    """Whether ``tok`` is a place noun of ``entry``, listed or a compound in lower case ending
    in one of its ``endings`` (*strokeavdelningen*; not *hemmet* itself, not the name
    *Djurgårdshemmet*)."""
    word = tok.norm
    return word in entry["nouns"] or (
        tok.text[:1].islower()
        and any(word.endswith(e) and len(word) > len(e) + 2 for e in entry.get("endings", ()))
    )


def _trigger(sentence: list[Tok], p: int, entry: dict, takes: Takes) -> int | None:
    """The verb (or noun) of ``entry`` the place belongs to, at most ``BETWEEN`` words before
    the preposition at ``p``: adverbs and pronouns between (*var inte i jobbet*), and after a
    ``with_object`` verb its object too (*drack kaffe på köket*); no other preposition,
    number, time word, clause word or punctuation. None also when the verb takes the written
    preposition itself (*väntade på hissen*)."""
    if entry.get("not_after_name") and sentence[p - 1].text[:1].isupper():
        return None  # kung Håkon av Norge
    objects = False  # a noun, adjective or determiner between: an object or a predicative
    for k in range(p - 1, max(-1, p - 2 - BETWEEN), -1):
        tok = sentence[k]
        lemmas = {tok.norm, *(lemma.lower() for lemma in tok.word.lemmas[:2])}
        if lemmas & entry["after"]:
            if takes(tok, sentence[p].norm) or (objects and not lemmas & entry["with_object"]):
                return None  # väntade på hissen; var ett led i operation
            return k
        if (
            is_punct(tok)
            or tok.norm in CLAUSE_WORDS
            or tok.norm in words("prepositions")
            or tok.norm in words("time_nouns")
            or tok.upos == "NUM"
        ):
            return None  # 30 år i jobbet: the place belongs to the time, not to the verb
        if tok.upos not in ("ADV", "PART", "PRON") or tok.norm in words("determiners"):
            objects = True
        elif entry.get("adjacent") and tok.upos != "PRON":
            return None  # åker man gratis på spårvagn: a place to ride on
    return None
