"""Checking the bank's forms against the Swedish Hunspell dictionary (sv_SE, with compounding).

spylls is pure Python and takes a few seconds to load the dictionary, so callers load it once
with :func:`load_dictionary` and pass it in.
"""

from __future__ import annotations

import re
import sysconfig
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from glossary.model import Term

HUNSPELL_DIR = Path(sysconfig.get_path("data")) / "share" / "hunspell"


@dataclass(frozen=True)
class RejectedForm:
    form: str
    word: str
    term: Term

    def __str__(self) -> str:
        shown = self.word if self.word == self.form else f"{self.word} (i ”{self.form}”)"
        return f"{shown}: term ”{self.term.lemma}” ({self.term.pos}), fil {self.term.area}.yaml"


def load_dictionary():
    from spylls.hunspell import Dictionary

    return Dictionary.from_files(str(HUNSPELL_DIR / "sv_SE"))


def words_of(form: str) -> list[str]:
    """The words Hunspell checks one by one: a multi-word form split on spaces and slashes."""
    return [w.strip('.,;:!?()"”') for w in re.split(r"[\s/]+", form) if w.strip('.,;:!?()"”')]


def rejected_forms(
    terms: Iterable[Term], dictionary, exceptions: dict[str, str]
) -> list[RejectedForm]:
    """Every word of every form that Hunspell rejects and the exceptions file does not list.

    Compound forms (``hälso``) are not words on their own and are left to the nlp tests.
    """
    rejected = []
    for term in terms:
        for form in term.surface_forms:
            for word in words_of(form):
                if (
                    word not in exceptions
                    and form not in exceptions
                    and not dictionary.lookup(word)
                ):
                    rejected.append(RejectedForm(form, word, term))
    return rejected
