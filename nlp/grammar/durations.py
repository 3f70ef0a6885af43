"""How long and how long ago (``preposition``: *har bott här på fem år → i fem år*, *fick
medicinen före en timme sedan → för en timme sedan*).

A writer whose language says "since", "for" or "before" in both places mixes up *i*, *på*,
*för* and *före*. The verbs and prepositions are data (``duration`` and ``ago`` entries of
``data/grammar/prepositions.yaml``); the quantities and time units are the closed lists below.
A duration is read only after a state verb's supine (*har bott*, *har varit inlagd*) in a
clause without negation: *har inte varit hemma på fem år* ("in five years") is right.
"""

from __future__ import annotations

from functools import cache

from ..resources import yaml_data
from . import Hit, Tok, is_punct

UNITS = frozenset(
    {"år", "månad", "månader", "vecka", "veckor", "dag", "dagar", "timme", "timmar", "minut",
     "minuter"}
)  # fmt: skip
AMOUNTS = frozenset(
    {"en", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
     "tolv", "femton", "tjugo", "trettio", "fyrtio", "femtio", "några", "många", "flera", "par"}
)  # fmt: skip
NEGATIONS = frozenset({"inte", "aldrig", "ej", "knappt", "ingen", "inget", "inga", "sällan"})
AGO = frozenset({"sedan", "sen", "tillbaka"})
BETWEEN = 3  # words between the supine and the preposition (har bott här, har varit inlagd)


@cache
def _entries() -> tuple[dict, dict]:
    entries = yaml_data("grammar/prepositions")
    duration = next(e for e in entries if "duration" in e)
    ago = next(e for e in entries if "ago" in e)
    return duration, ago


def find(sentence: list[Tok]) -> list[Hit]:
    duration, ago = _entries()
    hits = []
    for p, tok in enumerate(sentence[:-2]):
        if p == 0 or tok.text[:1].isupper():
            continue
        end = _amount_end(sentence, p + 1)
        if end is None:
            continue
        follows = sentence[end].norm if end < len(sentence) else ""
        if tok.norm in ago["wrong"] and follows in ago["ago"]:
            entry = ago  # före en timme sedan
        elif tok.norm in duration["wrong"] and follows not in AGO and _after_state(sentence, p):
            entry = duration  # har bott här på fem år
        else:
            continue
        amount = " ".join(t.text for t in sentence[p + 1 : end])
        values = {"head": amount, "right": entry["right"], "wrong": tok.text}
        hits.append(Hit("preposition", p, p + 1, entry["right"], "preposition_time", values))
    return hits


def _amount_end(sentence: list[Tok], k: int) -> int | None:
    """The index after an amount of time that starts at ``k`` (*fem år*, *ett par veckor*,
    *3 dagar*), or None."""
    if k < len(sentence) and sentence[k].norm == "ett" and k + 1 < len(sentence):
        k += sentence[k + 1].norm == "par"
    if k >= len(sentence) or not (sentence[k].norm in AMOUNTS or sentence[k].norm.isdigit()):
        return None
    k += 1
    return k + 1 if k < len(sentence) and sentence[k].norm in UNITS else None


def _after_state(sentence: list[Tok], p: int) -> bool:
    """Whether a listed supine stands at most ``BETWEEN`` words before ``p`` in a clause
    without negation, and no noun between (*har varit sportens högborg för några dagar*: the
    duration is the noun's)."""
    verbs = _entries()[0]["duration"]
    for k in range(p - 1, max(-1, p - 2 - BETWEEN), -1):
        if is_punct(sentence[k]) or sentence[k].upos == "NOUN":
            return False
        if sentence[k].norm in verbs:
            return not any(tok.norm in NEGATIONS for tok in sentence[:p])
    return False
