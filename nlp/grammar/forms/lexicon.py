"""What the dictionary confirms: whether a form is a word, and the letters and gender names
the form generators share."""

from __future__ import annotations

from ...dictionary import ADJECTIVE, NOUN, VERB, WORD, load_index

VOWELS = frozenset("aeiouyåäöé")
COM, NEUT = "com", "neut"


ALL = NOUN | ADJECTIVE | VERB | WORD


def known(form: str, bits: int) -> bool:
    """Whether the dictionary has ``form`` as a word; ``bits`` narrows it to a word class
    (Hunspell's classes are rough: use ``ALL`` unless the class decides little)."""
    roles = load_index().roles(form)
    return bool(roles & WORD and roles & bits)
