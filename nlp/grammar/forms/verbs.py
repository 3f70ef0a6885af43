"""A verb's forms: finite readings, supine, infinitive of an imperative or passive."""

from __future__ import annotations

from functools import lru_cache

from ...lemmas import lemma_candidates
from ...resources import yaml_data
from .lexicon import ALL, VOWELS, known


@lru_cache(maxsize=1)
def _irregular_verbs() -> dict[str, tuple[str, str]]:
    """Any form of an irregular verb → (infinitive, supine)."""
    table = {}
    for verb, forms in yaml_data("irregular_verbs").items():
        supine = (forms.get("supine") or [""])[0]
        for key in ("present", "past", "supine"):
            for form in forms.get(key) or ():
                table.setdefault(form, (verb, supine))
        table.setdefault(verb, (verb, supine))
    return table


def is_irregular(word: str) -> bool:
    """Whether ``word`` is a form in the irregular-verb table (*gav*, *gick*, *tar*)."""
    return word in _irregular_verbs()


@lru_cache(maxsize=16384)
def verb_reading(word: str) -> tuple[str, str] | None:
    """(infinitive, form) of a finite verb form: form ``present`` or ``past``; None when the
    word is not clearly a finite verb (a noun or adjective reading also exists, or unknown)."""
    lower = word.lower()
    irregular = _irregular_verbs().get(lower)
    if irregular:
        verb = irregular[0]
        forms = yaml_data("irregular_verbs")[verb]
        if lower in (forms.get("present") or ()):
            return verb, "present"
        if lower in (forms.get("past") or ()):
            return verb, "past"
        return None
    candidates = lemma_candidates(lower)
    lemma = candidates[0].lower() if candidates else ""
    if lemma == lower or lemma[-1:] not in VOWELS or not known(lower, ALL):
        return None
    if lower == lemma + "r" or (lemma.endswith("a") and lower == lemma[:-1] + "er"):
        return lemma, "present"
    if lower.endswith(("de", "te")) and lower[: len(lemma) - 2] == lemma[:-2]:
        return lemma, "past"
    return None


@lru_cache(maxsize=16384)
def supine(infinitive: str, past: str = "") -> str | None:
    """*vakna → vaknat*, *stänga → stängt*, *byta → bytt*, *skriva → skrivit*."""
    irregular = _irregular_verbs().get(infinitive)
    if irregular and irregular[1]:
        return irregular[1]
    stem = infinitive.removesuffix("a")
    # glömma → glömde, glömt; känna → kände, känt: a double m or n is single before d and t
    short = stem[:-1] if stem[-2:] in ("mm", "nn") else stem
    if not past:  # the past tense tells which conjugation: vaknade → vaknat, ringde → ringt
        past = next(
            (
                p
                for p in (short + "de", short + "te", infinitive + "dde", stem + "ade")
                if p != infinitive and known(p, ALL) and infinitive in lemma_candidates(p)
            ),
            "",
        )
    options = []
    if past.endswith("ade"):
        options.append(past[:-2] + "t")
    elif past.endswith(("dde", "tte")):
        options.append(past[:-3] + "tt")
    elif past.endswith(("de", "te")):
        options.append(past[:-2] + "t")
    options += [stem + "at", stem + "t", stem[:-1] + "tt", infinitive + "tt", stem + "it"]
    for form in options:
        if known(form, ALL) and infinitive in lemma_candidates(form):
            return form
    return None


def lemma_of_supine(word: str) -> str | None:
    """The infinitive whose supine ``word`` is (*ätit → äta*, *ringt → ringa*), or None."""
    irregular = _irregular_verbs().get(word)
    if irregular:
        return irregular[0] if irregular[1] == word else None
    if not word.endswith("t"):
        return None
    for lemma in lemma_candidates(word):
        if lemma.endswith("a") and lemma != word and supine(lemma) == word:
            return lemma
    return None


def is_infinitive(word: str) -> bool:
    """Whether ``word`` is a verb's infinitive (not *noga*, which the tagger may call one)."""
    return _is_infinitive(word)


def _is_infinitive(word: str) -> bool:
    """Whether ``word`` is a verb's infinitive: an irregular verb, or its present tense
    (*duschar*, *stänger*) is known and leads back to it."""
    if word in yaml_data("irregular_verbs"):
        return True
    if not word.endswith("a") or not known(word, ALL):
        return False
    return any(verb_reading(p) == (word, "present") for p in (word + "r", word[:-1] + "er"))


def infinitive_of_imperative(word: str) -> str | None:
    """*ät → äta*, *drick → dricka*: the infinitive an imperative (its stem) belongs to."""
    if word[-1:] in VOWELS or len(word) < 2:
        return None
    for infinitive in (word + "a", word + "ma" if word.endswith("m") else ""):
        if infinitive and _is_infinitive(infinitive) and _imperative_of(word, infinitive):
            return infinitive
    return None


def _imperative_of(word: str, infinitive: str) -> bool:
    """Whether ``word`` is no other word than the imperative of ``infinitive`` (*tas* is a
    passive, not the imperative of *tassa*)."""
    return not known(word, ALL) or infinitive in lemma_candidates(word)


def passive_reading(word: str) -> str | None:
    """The infinitive passive of a present or past passive (*byts → bytas*, *tvättades →
    tvättas*); None for an infinitive passive (*tvättas*, *ges*) or another word."""
    if not word.endswith("s") or len(word) < 4:
        return None
    base = word[:-1]
    if _is_infinitive(base):
        return None  # tvättas, ges: already the infinitive passive
    reading = verb_reading(base)
    infinitive = reading[0] if reading else infinitive_of_imperative(base)
    return infinitive + "s" if infinitive else None


def participle_verb(word: str) -> str | None:
    """The verb of a past participle (*stängd → stänga*, *bäddad → bädda*, *gjord →
    göra*)."""
    for verb, forms in yaml_data("irregular_verbs").items():
        if word in (forms.get("participle") or ()):
            return verb
    for infinitive in (word[:-1] + "a", word[:-1]):
        if word.endswith("d") and _is_infinitive(infinitive):
            return infinitive
    return None


def finite_forms(word: str) -> tuple[str | None, str | None] | None:
    """(present, past) of ``word`` when it is only an infinitive, no noun (*en dricka*:
    *drickan*) and no other verb form (*äta → äter, åt*); None otherwise. A strong verb's
    form is None where the data leave it out because it is also another word (*be → bad*,
    *bita → bet*, *le → log*)."""
    if not _is_infinitive(word) or verb_reading(word):
        return None
    irregular = yaml_data("irregular_verbs").get(word)
    if irregular:
        present, past = irregular["present"], irregular["past"]
        return (present[0] if present else None), (past[0] if past else None)
    if any(known(word[:-1] + end, ALL) for end in ("an", "or")) or known(word + "n", ALL):
        return None
    stem = word.removesuffix("a")
    present = next((p for p in (word + "r", stem + "er") if verb_reading(p)), None)
    past = next(
        (
            p
            for p in (stem + "ade", word + "de", stem + "de", stem + "te")
            if known(p, ALL) and word in lemma_candidates(p)
        ),
        None,
    )
    return (present, past) if present and past else None
