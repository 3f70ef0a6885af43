"""Tokenizing any text in time linear in its length.

spaCy's tokenizer splits text at whitespace, then peels prefixes and suffixes off each piece
one at a time, searching the rest of the piece each time: a piece of n characters that keeps
matching (``((((``, a row of emoji) costs O(n²) — 8,000 × ``(`` took 6.4 s, 19,000 an
over-long request. No Swedish word or number comes near ``MAX_PIECE`` characters, so a
longer run without whitespace is not tokenized at all: it becomes tokens of ``MAX_PIECE``
characters each (the last one shorter), which no rule takes for a word — peeling it into
single characters would also make 20,000 tokens of 20,000 characters, each costing every
component its per-token time. The rest of the text goes through spaCy's tokenizer as usual.
The ``Doc``'s text is exactly the input, so every offset the checker reports still indexes
the caller's string.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

MAX_PIECE = 100  # a run without whitespace longer than this is cut (URLs and compounds fit)
_LONG_RUN = re.compile(rf"\S{{{MAX_PIECE + 1},}}")


def make_doc(lang: Language, text: str) -> Doc:
    """``lang.make_doc(text)`` with the tokenizer's work bounded (see the module docstring)."""
    runs = list(_LONG_RUN.finditer(text))
    if not runs:
        return lang.make_doc(text)
    words: list[str] = []
    spaces: list[bool] = []
    done = 0
    for run in runs:
        if run.start() > done:  # the ordinary text before the run; it ends in whitespace
            for token in lang.make_doc(text[done : run.start()]):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
        for cut in range(run.start(), run.end(), MAX_PIECE):
            words.append(text[cut : min(cut + MAX_PIECE, run.end())])
            spaces.append(False)
        if text[run.end() : run.end() + 1] == " ":  # spaCy's trailing space of a token
            spaces[-1] = True
            done = run.end() + 1
        else:
            done = run.end()
    if done < len(text):
        for token in lang.make_doc(text[done:]):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
    return Doc(lang.vocab, words=words, spaces=spaces)
