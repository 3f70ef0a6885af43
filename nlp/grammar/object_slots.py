"""Where a personal pronoun stands as the object of a verb, for ``pronouns.py``: after a
finite verb in straight order (*Jag frågade hon*), an imperative (*Ge han vatten*), an
infinitive (*att väcka hon*), or a subject that follows the verb (*Sedan hjälpte jag hon*,
*Igår gav personalen han medicinen*); and the verb tests those need.
"""

from __future__ import annotations

from . import Tok, is_punct, words
from .forms import adjective, is_person, participle_verb, verb_reading
from .word_order import FINITE_WORDS, is_finite, subject_end

CLAUSE_SUBJUNCTIONS = frozenset(
    {"att", "när", "eftersom", "medan", "innan", "fast", "fastän", "ifall", "tills", "om"}
)
NO_OBJECT_VERBS = frozenset({"är", "var", "blir", "blev", "heter", "hette", "verkar", "verkade"})


def object_forms() -> dict[str, str]:
    return {obj: subj for subj, obj in words("pronouns").items()}


def fronted_pair(sentence: list[Tok], k: int) -> bool:
    """Whether the object at ``k`` before *och* opens the sentence, alone or after its
    preposition (*Honom och grannen träffade jag*, *Med sonen och mig pratade han*), not an
    object inside an earlier clause (*Hon bad om hjälp och jag hjälpte hon*)."""
    if not joined_object(sentence, k):
        return False
    return k == 0 or (k == 1 and sentence[0].upos == "ADP")


def joined_object(sentence: list[Tok], k: int) -> bool:
    """Whether the word at ``k``, before *och*, is an object the next pronoun is joined to:
    an object form (*Mellan honom och oss*) or a noun right after a preposition (*hos Sara
    och mig*)."""
    if sentence[k].norm in object_forms():
        return True
    return k >= 1 and sentence[k].upos in ("NOUN", "PROPN") and sentence[k - 1].upos == "ADP"


def is_past(tok: Tok) -> bool:
    """A verb by :func:`is_verb`, or a past tense the tagger took for a participle
    (*Han och mig städade köket*, *Sjuksköterskan och mig delade ut*)."""
    if is_verb(tok) or (tok.feats.get("VerbForm") == "Part" and tok.norm.endswith("de")):
        return True
    forms = adjective(tok.norm) if tok.upos == "ADJ" and tok.norm.endswith("ade") else None
    return forms is not None and tok.norm == forms[2] and participle_verb(forms[0]) is not None


def is_verb(tok: Tok) -> bool:
    """A finite verb by the tagger or the dictionary, or a copula (*var* is also "where")."""
    return (
        is_finite(tok, True) or tok.norm in words("copulas") or verb_reading(tok.norm) is not None
    )


def after_straight_verb(sentence: list[Tok], v: int) -> bool:
    """Whether ``v`` is a finite verb right after its subject at the start of a clause, in
    straight order (*Jag frågade*, *Sjuksköterskan gav*, *att vi ringer*, *och jag
    hjälpte*). A noun before the verb is taken for its subject only when it names a person:
    *Maten åt hon upp* fronts the object, and *hon* is the subject."""
    verb = sentence[v]
    if v == 0 or verb.norm in NO_OBJECT_VERBS or not is_finite(verb, True):
        return False
    for start in range(max(0, v - 3), v):
        if subject_end(sentence, start) != v or sentence[start].norm == "det":
            continue
        if sentence[v - 1].upos == "NOUN" and not is_person(sentence[v - 1].norm):
            continue
        before = sentence[start - 1] if start else None
        if start >= 2 and before.norm == "och" and fronted_pair(sentence, start - 2):
            continue  # Honom och grannen träffade jag: the pair is a fronted object
        if (
            before is None
            or is_punct(before)
            or before.norm in ("och", "men")
            or (before.norm in CLAUSE_SUBJUNCTIONS and before.norm != "om")
        ):
            return True
    return False


def after_imperative(sentence: list[Tok], v: int) -> bool:
    """Whether ``v`` is an imperative that opens its clause (*Ge han vatten*, *Hjälp hon
    upp*, *… och ge han en filt*): the pronoun after it is its object."""
    if sentence[-1].text == "?" or not (v == 0 or sentence[v - 1].norm in ("och", ",")):
        return False
    return imperative(sentence[v])


def imperative(tok: Tok) -> bool:
    """An imperative by the tagger, or a stem whose present tense the dictionary knows (*ge*:
    *ger*, *hjälp*: *hjälper*, *fråga*: *frågar*), and no finite verb or function word."""
    word = tok.norm
    if word in FINITE_WORDS or word in words("not_imperatives") or verb_reading(word):
        return False
    if tok.feats.get("Mood") == "Imp":
        return True
    present = verb_reading(word + "r")
    if present and present == (word, "present"):
        return True  # ge, ta, fråga
    return verb_reading(word + "er") == (word + "a", "present")  # hjälp, väck, låt


def after_infinitive(sentence: list[Tok], v: int) -> bool:
    """Whether ``v`` is an infinitive after a modal or *att* (*Kan du hjälpa jag*, *att
    väcka hon*), or after *bad*, *lät* and their object (*bad mig hjälpa han*)."""
    verb = sentence[v]
    if v < 1 or verb.feats.get("VerbForm") != "Inf" or verb.norm in ("vara", "bli", "heta"):
        return False
    governors = words("infinitive_governors") | words("object_infinitive_governors") | {"att"}
    for k in range(v - 1, max(-1, v - 4), -1):
        if is_punct(sentence[k]):
            return False  # behöver vila, sa hon: the comma ends the infinitive's clause
        if sentence[k].norm in governors:
            return True
    return False


def after_inverted_subject(sentence: list[Tok], p: int) -> bool:
    """Whether ``p`` is a subject pronoun or a person noun right after a finite verb that
    follows a fronted phrase (*Sedan hjälpte jag hon*, *Igår gav personalen han medicinen*):
    the next pronoun is the object."""
    if p < (1 if sentence[-1].text == "?" else 2) or not (
        sentence[p].norm in ("jag", "du", "han", "hon", "vi", "ni", "man")
        or (sentence[p].upos == "NOUN" and is_person(sentence[p].norm))
    ):
        return False
    verb = sentence[p - 1]
    return (
        is_finite(verb) and verb.norm not in NO_OBJECT_VERBS and subject_end(sentence, 0) != p - 1
    )
