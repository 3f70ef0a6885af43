"""Part of speech and the morphology the grammar rules need, for every word of a note.

A tag is UD's UPOS with the features the rules read (Gender, Number, Definite, VerbForm,
Tense, Mood, and Case for pronouns), e.g. ``NOUN|Definite=Def|Gender=Neut|Number=Sing``.

Why this tagger: an averaged perceptron (``scripts/grammar/train_tagger.py``, trained on the
Talbanken DEV set only) over the word, its endings, its neighbours and what the lexicon knows
about it — Hunspell's rough word class (``nlp/dictionary.py``) and how the lemmatizer's
candidates are made from the form (*-en* stripped, *-de* stripped …). It tags in two passes
(the second also sees the first pass's tags of the neighbours), each one matrix sum for the
whole note, so a 100-word note costs well under a millisecond. The figures it was chosen on,
against the alternatives, are in the training script's docstring and the benchmark.

The rules never trust a tag alone: a finding needs the word lists and the lexicon to agree.
"""

from __future__ import annotations

import json
import lzma
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from .dictionary import ADJECTIVE, NOUN, VERB, WORD, load_index
from .lemmas import edit_code, lemma_candidates

MODEL = Path(__file__).parent / "data" / "grammar" / "tagger.json.xz"
FEATURES_KEPT = ("Gender", "Number", "Definite", "VerbForm", "Tense", "Mood")

if not Doc.has_extension("tags"):
    Doc.set_extension("tags", default=None)


def tag_of(upos: str, feats: str) -> str:
    """The tag the tagger predicts for a gold UPOS and UD feature string."""
    kept = []
    for feat in feats.split("|") if feats and feats != "_" else ():
        name = feat.partition("=")[0]
        if name in FEATURES_KEPT or (name == "Case" and upos == "PRON"):
            kept.append(feat)
    return "|".join([upos, *sorted(kept)])


def parse(tag: str) -> tuple[str, dict[str, str]]:
    """(UPOS, {feature: value}) of a tag."""
    upos, *feats = tag.split("|")
    return upos, dict(f.split("=", 1) for f in feats)


@lru_cache(maxsize=65536)
def _lexical(lower: str) -> tuple[str, ...]:
    """What the lexicon says about a word form: Hunspell class and lemma edit codes."""
    if not any(ch.isalpha() for ch in lower):
        return ("x:nonalpha",)
    roles = load_index().roles(lower)
    classes = "".join(
        name for bit, name in ((NOUN, "N"), (ADJECTIVE, "A"), (VERB, "V")) if roles & bit
    )
    feats = [f"h:{'w' if roles & WORD else '-'}{classes}"]
    for rank, lemma in enumerate(lemma_candidates(lower)[:2]):
        code = edit_code(lower, lemma.lower())
        feats.append(f"c{rank}:{code}")
        feats.append(f"c{rank}e:{code}/{lemma[-1:]}")
    return tuple(feats)


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if not any(ch.isalnum() for ch in word):
        return "p"
    if word[:1].isupper():
        return "X" if word.isupper() and len(word) > 1 else "Xx"
    return "x"


def token_features(words: list[str], i: int) -> list[str]:
    """Features of word ``i`` that need no tags (the first pass)."""
    word = words[i]
    lower = word.lower()
    prev = words[i - 1].lower() if i > 0 else "<s>"
    prev2 = words[i - 2].lower() if i > 1 else "<s>"
    nxt = words[i + 1].lower() if i + 1 < len(words) else "</s>"
    nxt2 = words[i + 2].lower() if i + 2 < len(words) else "</s>"
    feats = [
        "b",
        f"w:{lower}",
        f"s1:{lower[-1:]}",
        f"s2:{lower[-2:]}",
        f"s3:{lower[-3:]}",
        f"s4:{lower[-4:]}",
        f"sh:{_shape(word)}/{i == 0}",
        f"pw:{prev}",
        f"p2w:{prev2}",
        f"nw:{nxt}",
        f"n2w:{nxt2}",
        f"ps2:{prev[-2:]}",
        f"ns2:{nxt[-2:]}",
        f"pw_w:{prev}/{lower}",
        *_lexical(lower),
    ]
    if i > 0:
        feats += [f"p{f}" for f in _lexical(prev)[:1]]
    if i + 1 < len(words):
        feats += [f"n{f}" for f in _lexical(nxt)[:1]]
    return feats


def context_features(tags: list[str], words: list[str], i: int) -> list[str]:
    """Features from the first pass's tags of the neighbours (the second pass)."""
    prev = tags[i - 1] if i > 0 else "<s>"
    prev2 = tags[i - 2] if i > 1 else "<s>"
    nxt = tags[i + 1] if i + 1 < len(tags) else "</s>"
    lower = words[i].lower()
    return [
        f"pt:{prev}",
        f"pt2:{prev2}/{prev}",
        f"nt:{nxt}",
        f"pt_nt:{prev.partition('|')[0]}/{nxt.partition('|')[0]}",
        f"pt_w:{prev}/{lower}",
        f"nt_w:{nxt.partition('|')[0]}/{lower}",
    ]


class Tagger:
    """Two weight matrices (feature × tag), one per pass."""

    def __init__(self, model: dict):
        self.tags: list[str] = model["tags"]
        self.passes = []
        for layer in model["passes"]:
            index = {f: n for n, f in enumerate(layer["features"])}
            matrix = np.zeros((len(index) + 1, len(self.tags)), dtype=np.float32)
            rows, cols, values = layer["rows"], layer["cols"], layer["values"]
            matrix[rows, cols] = np.asarray(values, dtype=np.float32) / model["scale"]
            self.passes.append((index, matrix))

    def _score(self, layer: int, feature_lists: list[list[str]]) -> list[str]:
        index, matrix = self.passes[layer]
        missing = len(index)  # the all-zero last row
        width = max(len(f) for f in feature_lists)
        ids = np.full((len(feature_lists), width), missing, dtype=np.int64)
        for row, feats in enumerate(feature_lists):
            ids[row, : len(feats)] = [index.get(f, missing) for f in feats]
        best = matrix[ids].sum(axis=1).argmax(axis=1)
        return [self.tags[n] for n in best]

    def tag(self, words: list[str]) -> list[str]:
        """The tag of each word (a sentence or a whole note)."""
        if not words:
            return []
        first = [token_features(words, i) for i in range(len(words))]
        tags = self._score(0, first)
        second = [f + context_features(tags, words, i) for i, f in enumerate(first)]
        return self._score(1, second)


@lru_cache(maxsize=1)
def load_tagger() -> Tagger:
    return Tagger(json.loads(lzma.decompress(MODEL.read_bytes())))


MAX_SENTENCE = 200  # longer "sentences" are tagged in pieces: bounds the matrix per call


@Language.factory("ordvard_tagger")
def make_tagger(nlp: Language, name: str):
    """Set ``doc._.tags``: one tag per entry of ``doc._.words``."""
    return tag_doc


def tag_doc(doc: Doc) -> Doc:
    words = doc._.words or []
    tagger = load_tagger()
    tags: list[str] = []
    start = 0
    for end in range(1, len(words) + 1):
        if end == len(words) or words[end].sent_start or end - start >= MAX_SENTENCE:
            tags += tagger.tag([w.text for w in words[start:end]])
            start = end
    doc._.tags = tags
    return doc
