"""Readability (LIX) and SBAR structure of a note.

LIX = words / sentences + 100 × long words / words, with these counting rules:
- a word is a token holding at least one letter (numbers, units such as ``%`` and punctuation
  are not words; ``mmHg`` and ``t.ex.`` are);
- a long word has more than six letters (only letters are counted, so ``37,8`` never is);
- a sentence is a segment from ``sentences.py`` holding at least one word (so a line break or a
  colon also ends one); a text with words but no sentence end counts as one sentence;
- an empty text has LIX 0.

SBAR: a part is present when a line starts with its label letter and a colon (``S:``) or with
one of its words (``Bakgrund``, ``Aktuellt tillstånd``, ...) from ``data/sbar.yaml``, or when a
sentence opens with the label or word and a colon (``... kl. 22.40. B: Hon har ...``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .resources import yaml_data
from .sentences import nfc_lower

LONG_WORD = 6
_LETTERS = re.compile(r"[^\W\d_]")  # a letter in any script

if not Doc.has_extension("readability"):
    Doc.set_extension("readability", default=None)
    Doc.set_extension("sbar", default=None)


def readability(doc: Doc) -> dict:
    words, sentences, counted, long_words = 0, 0, False, 0
    for word in doc._.words:
        if word.sent_start:
            counted = False
        letters = len(_LETTERS.findall(word.text))
        if letters:
            words += 1
            long_words += letters > LONG_WORD
            if not counted:
                sentences, counted = sentences + 1, True
    lix = words / sentences + 100 * long_words / words if words else 0.0
    return {
        "lix": round(lix, 1),
        "words": words,
        "sentences": sentences,
        "long_words": long_words,
    }


@lru_cache(maxsize=1)
def _sbar_patterns() -> dict[str, re.Pattern]:
    patterns = {}
    for part, row in yaml_data("sbar").items():
        words = "|".join(re.escape(w) for w in sorted(row["words"], key=len, reverse=True))
        label = re.escape(row["label"].lower())
        patterns[part] = re.compile(
            rf"^[^\w\n]*(?:{label}\s*[:.)-]|(?:{words})\b)"  # at a line start
            rf"|[.!?]\s+(?:{label}|{words})\s*:",  # or opening a sentence, with a colon
            re.MULTILINE,
        )
    return patterns


def sbar_parts(text: str, form: str) -> dict:
    """Which SBAR parts the note has; ``required`` is true for notes written in SBAR form."""
    lowered = nfc_lower(text)
    present = {part: bool(p.search(lowered)) for part, p in _sbar_patterns().items()}
    return {
        "required": form == "sbar",
        "parts": present,
        "missing": [part for part, ok in present.items() if not ok],
    }


@Language.factory("ordvard_structure")
def make_structure(nlp: Language, name: str):
    return measure_structure


def measure_structure(doc: Doc) -> Doc:
    doc._.readability = readability(doc)
    doc._.sbar = sbar_parts(doc._.text, doc._.form)
    return doc
