"""Verb forms after a verb that governs them (``verb_form``): an infinitive after a modal or
infinitive *att* (*han behöver vilar → vila*, *får inte reser sig → resa*, *att stängde →
att stänga*), a supine after *har/hade* (*jag har skrev → har skrivit*).

The governed word must be a finite verb form by the tagger and by the lemmatizer (present
*-r* or past *-de/-te*, or a form of the irregular-verb table); *kan svenska*, *måste på
toaletten*, *har ont* and passive *-s* forms (*ska bytas*) are left alone. Sentence adverbs
may stand between (*kan inte gick*).
"""

from __future__ import annotations

from . import Hit, Tok, words
from .forms import is_irregular, supine, verb_reading

MAX_ADVERBS = 2
# a subject right after the verb means the verb opens a new (inverted) clause
NEW_SUBJECTS = frozenset({"jag", "du", "han", "hon", "vi", "ni", "de", "det", "man", "den"})


def find(sentence: list[Tok]) -> list[Hit]:
    hits = []
    for i, tok in enumerate(sentence):
        if (
            tok.norm in words("infinitive_governors")
            and tok.upos in ("AUX", "VERB")
            or tok.norm == "att"
            and tok.upos == "PART"
        ):
            wanted = "infinitive"
        elif tok.norm in words("perfect_auxiliaries") and tok.upos in ("AUX", "VERB"):
            wanted = "supine"
        else:
            continue
        j = i + 1
        while (
            j < len(sentence)
            and j - i <= MAX_ADVERBS
            and sentence[j].norm in words("sentence_adverbs")
        ):
            j += 1
        if j >= len(sentence):
            continue
        hit = _check(sentence, i, j, wanted)
        if hit:
            hits.append(hit)
    return hits


def _check(sentence: list[Tok], i: int, j: int, wanted: str) -> Hit | None:
    tok = sentence[j]
    if tok.text[:1].isupper():
        return None
    reading = verb_reading(tok.norm)
    if reading is None:
        return None
    if tok.upos not in ("VERB", "AUX") and not is_irregular(tok.norm):
        return None
    following = sentence[j + 1].norm if j + 1 < len(sentence) else ""
    if following in NEW_SUBJECTS:
        return None  # a new clause begins: Om hon vill kan vi gå ut
    if tok.norm == "var" and following == "och":
        return None  # var och en
    if sentence[i].norm == "att" and tok.norm in words("perfect_auxiliaries") | words("copulas"):
        return None  # att har en samlevnad pågått: a conditional clause, not an infinitive
    infinitive, form = reading
    if wanted == "infinitive":
        right = infinitive
        key = "verb_form_infinitive"
    else:
        if tok.norm in words("also_supines"):
            return None
        right = supine(infinitive, tok.norm if form == "past" else "")
        key = "verb_form_supine"
        if right is None:
            return None
    if right == tok.norm:
        return None
    return Hit("verb_form", j, j + 1, right, key, {"trigger": sentence[i].text, "right": right})
