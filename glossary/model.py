"""The term record: one care word with its forms, plain-Swedish definition and translations.

The field names are the ones of the term files (see the team's FORMATS.md); a record is frozen
because the bank is shared read-only by every request. Validation messages are Swedish, since
teachers see them when an import or a form is refused.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_serializer,
)

LANGUAGES = ("en", "ar", "so", "ti", "fa", "uk")
LANGUAGE_NAMES = {
    "en": "engelska",
    "ar": "arabiska",
    "so": "somaliska",
    "ti": "tigrinska",
    "fa": "persiska",
    "uk": "ukrainska",
}
RTL_LANGUAGES = frozenset({"ar", "fa"})
# A trainee sees only whether a reviewer has approved the text: "needs change" is not reviewed.
STATUS_LABELS = {"draft": "ej granskad", "reviewed": "granskad", "needs_change": "ej granskad"}

FORM_KEYS: dict[str, tuple[str, ...]] = {
    "noun": ("sg_indef", "sg_def", "pl_indef", "pl_def"),
    "verb": ("infinitive", "present", "past", "supine", "imperative", "participle"),
    "adjective": ("positive", "neuter", "plural", "comparative", "superlative"),
    "adverb": ("base",),
    "phrase": ("base",),
}
OPTIONAL_FORM_KEYS = frozenset({"comparative", "superlative"})
ALL_FORM_KEYS: tuple[str, ...] = tuple(
    dict.fromkeys(k for keys in FORM_KEYS.values() for k in keys)
)
FORM_LABELS = {
    "sg_indef": "obestämd form singular",
    "sg_def": "bestämd form singular",
    "pl_indef": "obestämd form plural",
    "pl_def": "bestämd form plural",
    "infinitive": "infinitiv",
    "present": "presens",
    "past": "preteritum",
    "supine": "supinum",
    "imperative": "imperativ",
    "participle": "perfekt particip",
    "positive": "en-form",
    "neuter": "ett-form",
    "plural": "plural",
    "comparative": "komparativ",
    "superlative": "superlativ",
    "base": "grundform",
}
POS_NAMES = {
    "noun": "substantiv",
    "verb": "verb",
    "adjective": "adjektiv",
    "adverb": "adverb",
    "phrase": "fras",
}

MAX_DEFINITION_WORDS = 25
MAX_TEXT_CHARS = 400
_ARTICLES = frozenset({"en", "ett", "den", "det", "de"})

Pos = Literal["noun", "verb", "adjective", "adverb", "phrase"]


def is_rtl(lang: str) -> bool:
    """True for languages written right to left (Arabic, Persian): the page sets dir="rtl"."""
    return lang in RTL_LANGUAGES


def status_label(status: str) -> str:
    """The Swedish label a trainee sees beside a translation."""
    return STATUS_LABELS[status]


def word_count(text: str) -> int:
    return len(text.split())


def _words(text: str) -> list[str]:
    return re.findall(r"\w+(?:[-’']\w+)*", text.casefold())


def _text_uses(text: str, form: str) -> bool:
    """True if ``form`` occurs in ``text`` as whole words, or (multi-word) all its words occur.

    Particle verbs and noun phrases are often split in a sentence ("tvättade jag av",
    "vården var palliativ"), so a multi-word form counts when every word of it is there,
    leaving out a leading article.
    """
    pattern = r"(?<!\w)" + re.escape(form.casefold()) + r"(?!\w)"
    if re.search(pattern, text.casefold()):
        return True
    form_words = _words(form)
    if form_words and form_words[0] in _ARTICLES and len(form_words) > 1:
        form_words = form_words[1:]
    if len(form_words) < 2:
        return False
    present = set(_words(text))
    return all(word in present for word in form_words)


def _surface_forms(lemma: str, forms: dict[str, str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([lemma, *(f for f in forms.values() if f)]))


class Translation(BaseModel):
    """A translation and its review state. ``reviewer`` and ``reviewed_at`` travel in exports
    (who judged it, when); a reader of files must treat them as claims, never as a review."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    status: Literal["draft", "reviewed", "needs_change"] = "draft"
    reviewer: str | None = Field(default=None, max_length=200)
    reviewed_at: str | None = Field(default=None, max_length=40)

    @model_serializer(mode="wrap")
    def _without_empty_review(self, handler) -> dict:
        """Leave out unset review fields, so a plain translation stays ``{text, status}``."""
        data = handler(self)
        return {k: v for k, v in data.items() if v is not None}

    @property
    def status_label(self) -> str:
        return status_label(self.status)


def _strings(value: object) -> object:
    """Accept null for an empty list, as writers often leave ``synonyms:`` empty."""
    return () if value is None else value


class Term(BaseModel):
    """One entry of the term bank.

    ``area`` is the primary area (the file the term lives in); ``areas`` are the extra areas,
    exactly as in the file. ``all_areas`` gives both.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    lemma: str = Field(min_length=1, max_length=80)
    pos: Pos
    gender: Literal["en", "ett"] | None = Field(default=None, validate_default=True)
    forms: dict[str, str | None]
    compound_forms: tuple[str, ...] = ()
    definition: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    example: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    area: str = Field(min_length=1)
    areas: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    colloquial: tuple[str, ...] = ()
    translations: dict[str, Translation] = {}

    _none_as_empty = field_validator(
        "compound_forms", "areas", "synonyms", "abbreviations", "colloquial", mode="before"
    )(_strings)

    @field_validator("translations", mode="before")
    @classmethod
    def _known_languages(cls, value: object) -> object:
        if value is None:
            return {}
        if isinstance(value, dict):
            unknown = [str(k) for k in value if k not in LANGUAGES]
            if unknown:
                raise ValueError(
                    f"okänd språkkod {', '.join(f'”{u}”' for u in unknown)}"
                    f" (tillåtna: {', '.join(LANGUAGES)})"
                )
        return value

    @field_validator("definition")
    @classmethod
    def _short_definition(cls, value: str) -> str:
        if word_count(value) > MAX_DEFINITION_WORDS:
            raise ValueError(
                f"definitionen har {word_count(value)} ord; högst {MAX_DEFINITION_WORDS} ord"
                " är tillåtet"
            )
        return value

    @field_validator("forms", mode="before")
    @classmethod
    def _forms_table(cls, value: object) -> object:
        if not isinstance(value, dict):
            raise ValueError(  # noqa: TRY004 - pydantic turns only ValueError into a message
                "böjningsformerna ska vara en tabell, t.ex. sg_indef: blodtryck"
            )
        forms = {str(k): (v.strip() or None) if isinstance(v, str) else v for k, v in value.items()}
        # An optional form that is not in use is the same as no entry (keeps round trips equal).
        return {k: v for k, v in forms.items() if v is not None or k not in OPTIONAL_FORM_KEYS}

    @field_validator("gender")
    @classmethod
    def _gender_for_nouns(cls, value: str | None, info: ValidationInfo) -> str | None:
        pos = info.data.get("pos")
        if pos == "noun" and value is None:
            raise ValueError("ett substantiv behöver genus: en eller ett")
        if pos not in (None, "noun") and value is not None:
            raise ValueError("bara substantiv har genus; ta bort fältet")
        return value

    @field_validator("forms")
    @classmethod
    def _fits_word_class(cls, forms: dict, info: ValidationInfo) -> dict:
        pos = info.data.get("pos")
        if pos is None:
            return forms
        expected = FORM_KEYS[pos]
        missing = [k for k in expected if k not in forms and k not in OPTIONAL_FORM_KEYS]
        foreign = [k for k in forms if k not in expected]
        reasons = []
        if missing:
            reasons.append(f"{', '.join(missing)} saknas")
        if foreign:
            reasons.append(f"{', '.join(foreign)} hör inte dit")
        if reasons:
            raise ValueError(
                f"böjningstabellen passar inte ordklassen {POS_NAMES[pos]}: "
                + "; ".join(reasons)
                + f" (förväntat: {', '.join(expected)})"
            )
        if not any(forms.values()):
            raise ValueError("böjningstabellen har ingen form alls")
        return forms

    @field_validator("example")
    @classmethod
    def _example_uses_term(cls, example: str, info: ValidationInfo) -> str:
        lemma, forms = info.data.get("lemma"), info.data.get("forms")
        if lemma is None or forms is None:
            return example
        if not any(_text_uses(example, form) for form in _surface_forms(lemma, forms)):
            raise ValueError(f"exemplet innehåller inte termen ”{lemma}” i någon av dess former")
        return example

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """The lemma and every form in use, without duplicates, in table order."""
        return _surface_forms(self.lemma, self.forms)

    @property
    def all_areas(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.area, *self.areas)))

    def __hash__(self) -> int:
        # forms and translations are dicts; equal terms always share lemma and word class
        return hash(self.key)

    @property
    def key(self) -> str:
        """``lemma#pos``: unique across the bank (lessons use it when a lemma is ambiguous)."""
        return f"{self.lemma}#{self.pos}"

    def forms_table(self) -> list[tuple[str, str | None]]:
        """(Swedish label, form or None when not in use) in the order of the word class."""
        return [(FORM_LABELS[k], self.forms[k]) for k in FORM_KEYS[self.pos] if k in self.forms]

    def used_in(self, text: str) -> bool:
        """True if ``text`` contains the term in one of its forms (the rule for examples)."""
        return any(_text_uses(text, form) for form in self.surface_forms)

    def translation(self, lang: str) -> Translation | None:
        return self.translations.get(lang)
