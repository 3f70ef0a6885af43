"""An adjective's three forms: en-form, -t form and -a form (*röd, rött, röda*)."""

from __future__ import annotations

from functools import lru_cache

from ...lemmas import lemma_candidates
from ...resources import yaml_data
from .lexicon import ALL, VOWELS, known


def _neuter(base: str) -> list[str]:
    if base[-1:] in VOWELS:
        return [base + "tt"]
    if base.endswith("ad"):
        return [base[:-1] + "t"]  # bäddad → bäddat
    if base.endswith("en"):
        return [base[:-1] + "t", base + "t"]  # svullen → svullet, ren → rent
    if base.endswith("nn"):
        return [base[:-1] + "t"]  # tunn → tunt
    if base.endswith("t"):
        return [base + "t", base] if base[-2:-1] in VOWELS else [base]  # blöt → blött
    if base.endswith("dd"):
        return [base[:-2] + "tt"]
    if base.endswith("d"):
        prev = base[-2:-1]
        return [base[:-1] + ("tt" if prev in VOWELS else "t")]  # röd → rött, mild → milt
    return [base + "t"]


def _plural(base: str) -> list[str]:
    if base.endswith("en"):
        return [base[:-2] + "na", base + "a"]  # svullen → svullna, ren → rena
    if base.endswith(("el", "er")):
        return [base[:-2] + base[-1] + "a", base + "a"]  # enkel → enkla
    if base.endswith("m") and base[-2:-1] in VOWELS:  # tom → tomma, ensam → ensamma
        return [base + "ma", base + "a"]
    return [base + "a"]


INDECLINABLE_ENDINGS = ("ande", "ende")  # present participles: ett lugnande, en lugnande


class Adjective(tuple):
    """(base, neuter, plural) forms of an adjective, each confirmed by the dictionary."""

    __slots__ = ()


@lru_cache(maxsize=16384)
def adjective(word: str) -> Adjective | None:
    """The three forms of the adjective ``word`` is a form of, or None when unsure."""
    lower = word.lower()
    if lower in _irregular_adjectives():
        return _irregular_adjectives()[lower]
    if lower in yaml_data("grammar/words")["indeclinable_adjectives"] or lower.endswith(
        INDECLINABLE_ENDINGS
    ):
        return Adjective((lower, lower, lower))
    bases = [lemma.lower() for lemma in lemma_candidates(lower)[:3]]
    # participles: bäddad/bäddat/bäddade, stängd/stängt/stängda
    if lower.endswith("at"):
        bases.append(lower[:-1] + "d")
    if lower.endswith("ade"):
        bases.append(lower[:-1])
    if lower.endswith("t") and not lower.endswith("tt"):
        bases.append(lower[:-1] + "d")
    if lower.endswith("a") and len(lower) > 2:
        bases += [lower[:-1], lower[:-2] + "en", lower[:-2] + "e" + lower[-2]]
    bases.append(lower)
    for base in dict.fromkeys(bases):
        if len(base) < 2 or not known(base, ALL):
            continue
        neuter = next((f for f in _neuter(base) if _form_of(f, base)), None)
        plural = next((f for f in _plural(base) if _form_of(f, base)), None)
        if base.endswith("ad"):
            plural = base + "e" if _form_of(base + "e", base) else None
        if neuter and plural and lower in (base, neuter, plural):
            return Adjective((base, neuter, plural))
    return None


def _form_of(form: str, base: str) -> bool:
    """Whether the dictionary knows ``form`` and the lemmatizer relates it to ``base``."""
    if form == base:
        return True
    if not known(form, ALL):
        return False
    return base in lemma_candidates(form)


@lru_cache(maxsize=1)
def _irregular_adjectives() -> dict[str, Adjective]:
    table = {}
    for forms in yaml_data("grammar/irregular_adjectives"):
        adjective_forms = Adjective(tuple(forms[:3]))
        for form in forms:
            table[form] = adjective_forms
    return table
