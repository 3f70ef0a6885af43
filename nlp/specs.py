"""What a caller passes besides the text: the terms to look for and the glossary's lexicon."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TermSpec:
    """A term to look for; only ``lemma`` and ``forms``/``compound_forms`` count as the term."""

    lemma: str
    forms: tuple[str, ...] = ()
    compound_forms: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    colloquial: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """Extra knowledge from the glossary: form → lemma, compound stem → lemma, accepted words."""

    forms: dict = field(default_factory=dict)
    compound_stems: dict = field(default_factory=dict)
    words: frozenset = frozenset()

    def __hash__(self) -> int:
        return id(self)
