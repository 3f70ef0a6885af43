"""The words that stay in spaCy's vocabulary from one check to the next.

Each check runs in a memory zone (``check``): the lexemes it makes for new words are freed
when it ends, so hostile input, which is all new words, cannot grow a worker's memory. But
care notes repeat their words: the live check sends the same note again after every pause,
and every trainee writes *brukaren* and *blodtrycket*. Making those lexemes again was a fifth
of a 100-word note's check (``benchmarks/nlp_speed.py``). So the words of a finished check
are kept, up to ``LIMIT`` words in all; after that, new words are made and freed per check
as before, and memory stays bounded (a lexeme with its strings is about 250 bytes: the limit
is about 12 MB).
"""

from __future__ import annotations

from spacy.attrs import IS_ALPHA, ORTH
from spacy.language import Language

LIMIT = 50_000
LONGEST = 40  # no Swedish word a note repeats is longer; longer runs are not kept

_kept = [0]  # words kept so far in this process (spaCy's len(vocab) also counts freed ones)


def words_of(doc) -> list[str]:
    """The words of ``doc`` worth keeping, each once, as Python strings (they outlive the
    zone); read as one array, which costs less than a ``Token`` per word."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    orths = dict.fromkeys(orth for orth, alpha in doc.to_array([ORTH, IS_ALPHA]).tolist() if alpha)
    return [word for word in map(strings.__getitem__, orths) if len(word) <= LONGEST]


def kept() -> int:
    """How many words this process has kept."""
    return _kept[0]


def keep(lang: Language, words: list[str]) -> None:
    """Put ``words`` in the vocabulary for good; call outside the check's memory zone."""
    vocab = lang.vocab
    for word in words:
        if word in vocab:
            continue
        if _kept[0] >= LIMIT:
            return
        vocab[word]  # makes the lexeme, outside any zone: it stays
        _kept[0] += 1
