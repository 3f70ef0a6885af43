"""Inflecting a replacement like the word it replaces (*kissade → urinerade*, *blöjan →
inkontinensskyddet*), so a suggestion can be pasted in as it is.

The written word's form is read from its ending (past *-de/-te*, supine *-t*, present *-r*,
definite *-n/-t*, plural *-ar/-er/-or*, definite plural *-na*; ``data/morphology.yaml``); the
replacement gets the endings of that form that the dictionary knows for it, or its form from the irregular-verb
table (*äta → åt*, *kräkas → kräktes*). When no form fits, the dictionary form is suggested.
"""

from __future__ import annotations

from functools import lru_cache

from .compounds import splits
from .dictionary import WORD, load_index
from .lemmas import lemma_candidates
from .resources import yaml_data

_IRREGULAR_KEYS = {"past": "past", "supine": "supine", "present": "present"}


def _form_of(word: str, lemma: str) -> tuple[str, ...]:
    """The candidate forms of ``word`` (lemma ``lemma``), most likely first."""
    if word == lemma:
        return ()
    for verb, forms in yaml_data("irregular_verbs").items():
        if lemma == verb:
            for key in ("past", "supine", "present"):
                if word in forms[key]:
                    return (key,)
    verb = lemma.endswith("a") or lemma in yaml_data("irregular_verbs")
    for ending, form in yaml_data("morphology")["written_form_endings"]:
        if word.endswith(ending):
            if form == "present_or_plural":
                return ("present", "plural") if verb else ("plural", "present")
            if form == "supine_or_def":
                return ("supine", "sg_def") if verb else ("sg_def", "supine")
            return (form,)
    return ()


def _inflect_word(word: str, form: str) -> str | None:
    irregular = yaml_data("irregular_verbs").get(word)
    if irregular and form in _IRREGULAR_KEYS and irregular[_IRREGULAR_KEYS[form]]:
        return irregular[_IRREGULAR_KEYS[form]][0]
    index = load_index()
    if not index.roles(word) & WORD:  # a compound Hunspell lacks: inflect its last part
        for parts in splits(word):
            head = _inflect_word(parts[-1], form)
            if head:
                return "".join(parts[:-1]) + head
        return None
    stems = [word]
    if word.endswith(("a", "e")):
        stems.append(word[:-1])
    if word.endswith(("el", "er", "en")):  # läkemedel → läkemedlen
        stems.append(word[:-2] + word[-1])
    for stem in stems:
        for ending in yaml_data("morphology")["form_endings"][form]:
            candidate = stem + ending
            if index.roles(candidate) & WORD and word in lemma_candidates(candidate):
                return candidate
    return None


@lru_cache(maxsize=4096)
def inflect_like(replacement: str, written: str, lemma: str) -> str:
    """``replacement`` (a dictionary form, maybe several words: *ha avföring*) in the form
    ``written`` has as an inflection of ``lemma``; the replacement itself when unsure."""
    first, _, rest = replacement.partition(" ")
    for form in _form_of(written.lower(), lemma):
        inflected = _inflect_word(first, form)
        if inflected:
            return f"{inflected} {rest}".strip()
    return replacement
