"""The words a check keeps in spaCy's vocabulary (``nlp/kept_words.py``): repeated words are
made once, hostile input cannot grow a worker's memory past the bound, and a check reports
the same whether its words were kept or not."""

import random
import string

import nlp
from nlp import kept_words

NOTE = "Brukaren åt frukost och fick hjälp med duschen. Hon hade ont i knät."


def _new_words(n: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join("".join(rng.choices(string.ascii_lowercase, k=12)) for _ in range(n))


def test_a_note_checked_again_makes_no_new_words_and_reports_the_same():
    vocab = nlp.load().vocab
    first = nlp.check(NOTE, ["dusch"])
    assert all(word in vocab for word in NOTE.replace(".", "").split())
    size = kept_words.kept()
    second = nlp.check(NOTE, ["dusch"])
    assert kept_words.kept() == size
    assert second == first


def test_words_never_seen_are_kept_only_up_to_the_limit(monkeypatch):
    vocab = nlp.load().vocab
    monkeypatch.setattr(kept_words, "LIMIT", kept_words.kept() + 50)
    first, second = _new_words(400, seed=1).split(), _new_words(400, seed=2).split()
    nlp.check(" ".join(first), [])
    nlp.check(" ".join(second), [])
    assert kept_words.kept() == kept_words.LIMIT
    assert sum(word in vocab for word in first + second) == 50


def test_a_word_over_forty_letters_or_with_digits_is_not_kept():
    vocab = nlp.load().vocab
    long_word, code = "a" * 41, "ab12cd34"
    nlp.check(f"Hon skrev {long_word} och {code} i anteckningen.", [])
    assert "anteckningen" in vocab
    assert long_word not in vocab and code not in vocab
