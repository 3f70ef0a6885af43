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

from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from .caches import WORDS
from .dictionary import ADJECTIVE, NOUN, VERB, WORD, load_index
from .lemmas import edit_code, lemma_candidates

MODEL = Path(__file__).parent / "data" / "grammar" / "tagger.npz"
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


@lru_cache(maxsize=512)
def parse(tag: str) -> tuple[str, dict[str, str]]:
    """(UPOS, {feature: value}) of a tag."""
    upos, *feats = tag.split("|")
    return upos, dict(f.split("=", 1) for f in feats)


@lru_cache(maxsize=65536)
def treebank_sentences(path: Path) -> list[list[list[str]]]:
    """A CoNLL-U file's sentences, each its word tokens' ten columns (multi-word ranges and
    empty nodes left out): the one reader of UD Talbanken for training, benchmarks and scripts."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" not in cols[0] and "." not in cols[0]:
                current.append(cols)
    if current:
        sentences.append(current)
    return sentences


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
    return [*word_features(words[i], i == 0), *neighbour_features(words, i)]


@lru_cache(maxsize=WORDS)
def word_features(word: str, first: bool) -> tuple[str, ...]:
    """The features of a word on its own (cached: most words of a note recur)."""
    lower = word.lower()
    return (
        "b",
        f"w:{lower}",
        f"s1:{lower[-1:]}",
        f"s2:{lower[-2:]}",
        f"s3:{lower[-3:]}",
        f"s4:{lower[-4:]}",
        f"sh:{_shape(word)}/{first}",
        *_lexical(lower),
    )


def neighbour_features(words: list[str], i: int) -> list[str]:
    """Features of word ``i`` from its neighbours' words."""
    lower = words[i].lower()
    prev = words[i - 1].lower() if i > 0 else "<s>"
    prev2 = words[i - 2].lower() if i > 1 else "<s>"
    nxt = words[i + 1].lower() if i + 1 < len(words) else "</s>"
    nxt2 = words[i + 2].lower() if i + 2 < len(words) else "</s>"
    return [
        *as_neighbour("p", prev),
        *as_neighbour("p2", prev2),
        *as_neighbour("n", nxt),
        *as_neighbour("n2", nxt2),
        f"pw_w:{prev}/{lower}",
    ]


@lru_cache(maxsize=WORDS)
def as_neighbour(role: str, lower: str) -> tuple[str, ...]:
    """The features a word gives the word it neighbours (``role``: p, p2, n or n2)."""
    feats = [f"{role}w:{lower}"]
    if role in ("p", "n"):
        feats.append(f"{role}s2:{lower[-2:]}")
        if lower not in ("<s>", "</s>"):
            feats.append(f"{role}{_lexical(lower)[0]}")
    return tuple(feats)


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

        self._word_ids = lru_cache(maxsize=WORDS)(self._word_ids_uncached)
        self._neighbour_ids = lru_cache(maxsize=WORDS)(self._neighbour_ids_uncached)
        self._context_ids = lru_cache(maxsize=WORDS)(self._context_ids_uncached)

    def _neighbour_ids_uncached(self, layer: int, role: str, lower: str) -> tuple[int, ...]:
        index = self.passes[layer][0]
        return tuple(n for n in map(index.get, as_neighbour(role, lower)) if n is not None)

    def _word_ids_uncached(self, layer: int, word: str, first: bool) -> tuple[int, ...]:
        index = self.passes[layer][0]
        return tuple(n for n in map(index.get, word_features(word, first)) if n is not None)

    def _score(self, layer: int, id_lists: list[list[int]]) -> list[str]:
        matrix = self.passes[layer][1]
        missing = len(matrix) - 1  # the all-zero last row
        width = max(map(len, id_lists))
        ids = np.full((len(id_lists), width), missing, dtype=np.int64)
        for row, row_ids in enumerate(id_lists):
            ids[row, : len(row_ids)] = row_ids
        best = matrix[ids].sum(axis=1).argmax(axis=1)
        return [self.tags[n] for n in best]

    def _sentence_ids(
        self, layer: int, words: list[str], tags: list[str] | None
    ) -> list[list[int]]:
        """Feature ids of each word of a sentence (with ``tags``: the second pass's)."""
        index = self.passes[layer][0]
        word_ids, neighbour_ids = self._word_ids, self._neighbour_ids
        lowers = ["<s>", "<s>", *(w.lower() for w in words), "</s>", "</s>"]
        rows = []
        for i, word in enumerate(words):
            k = i + 2
            row = [
                *word_ids(layer, word, i == 0),
                *neighbour_ids(layer, "p", lowers[k - 1]),
                *neighbour_ids(layer, "p2", lowers[k - 2]),
                *neighbour_ids(layer, "n", lowers[k + 1]),
                *neighbour_ids(layer, "n2", lowers[k + 2]),
            ]
            pair = index.get(f"pw_w:{lowers[k - 1]}/{lowers[k]}")
            if pair is not None:
                row.append(pair)
            if tags is not None:
                prev = tags[i - 1] if i > 0 else "<s>"
                prev2 = tags[i - 2] if i > 1 else "<s>"
                nxt = tags[i + 1] if i + 1 < len(tags) else "</s>"
                row += self._context_ids(prev2, prev, nxt, lowers[k])
            rows.append(row)
        return rows

    def _context_ids_uncached(self, prev2: str, prev: str, nxt: str, lower: str) -> tuple:
        index = self.passes[1][0]
        feats = context_features([prev2, prev, "", nxt], ["", "", lower, ""], 2)
        return tuple(n for n in map(index.get, feats) if n is not None)

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """The tags of each sentence's words; all sentences are scored in one matrix sum."""
        sizes = [len(words) for words in sentences]
        if not sum(sizes):
            return [[] for _ in sentences]
        first = self._score(
            0, [row for words in sentences for row in self._sentence_ids(0, words, None)]
        )
        firsts, at = [], 0
        for size in sizes:
            firsts.append(first[at : at + size])
            at += size
        second = self._score(
            1,
            [
                row
                for words, tags in zip(sentences, firsts)
                for row in self._sentence_ids(1, words, tags)
            ],
        )
        out, at = [], 0
        for size in sizes:
            out.append(second[at : at + size])
            at += size
        return out

    def tag(self, words: list[str]) -> list[str]:
        """The tag of each word of one sentence."""
        return self.tag_sentences([words])[0]


def _text(lines: list[str]) -> np.ndarray:
    return np.frombuffer("\n".join(lines).encode(), dtype=np.uint8)


def _lines(array: np.ndarray) -> list[str]:
    return array.tobytes().decode().split("\n")


def save_model(model: dict, path: Path = MODEL) -> None:
    """Write a trained model (tags, scale, and per pass its features and sparse integer
    weights) as compressed NumPy arrays: read back in a few milliseconds at a cold start,
    where parsing the same model as JSON took several times longer."""
    arrays = {"tags": _text(model["tags"]), "scale": np.asarray(model["scale"])}
    for n, layer in enumerate(model["passes"]):
        arrays[f"features{n}"] = _text(layer["features"])
        arrays[f"rows{n}"] = np.asarray(layer["rows"], dtype=np.int32)
        arrays[f"cols{n}"] = np.asarray(layer["cols"], dtype=np.int16)
        arrays[f"values{n}"] = np.asarray(layer["values"], dtype=np.int32)
    with path.open("wb") as out:
        np.savez_compressed(out, **arrays)


def read_model(path: Path = MODEL) -> dict:
    """The model ``save_model`` wrote, in the shape ``Tagger`` takes."""
    with np.load(path) as arrays:
        passes = []
        n = 0
        while f"rows{n}" in arrays:
            passes.append(
                {
                    "features": _lines(arrays[f"features{n}"]),
                    "rows": arrays[f"rows{n}"],
                    "cols": arrays[f"cols{n}"],
                    "values": arrays[f"values{n}"],
                }
            )
            n += 1
        return {"tags": _lines(arrays["tags"]), "scale": int(arrays["scale"]), "passes": passes}


@lru_cache(maxsize=1)
def load_tagger() -> Tagger:
    return Tagger(read_model())


MAX_SENTENCE = 200  # longer "sentences" are tagged in pieces: bounds the matrix per call


@Language.factory("ordvard_tagger")
def make_tagger(nlp: Language, name: str):
    """Set ``doc._.tags``: one tag per entry of ``doc._.words``."""
    return tag_doc


def tag_doc(doc: Doc) -> Doc:
    words = doc._.words or []
    pieces: list[list[str]] = []
    start = 0
    for end in range(1, len(words) + 1):
        if end == len(words) or words[end].sent_start or end - start >= MAX_SENTENCE:
            pieces.append([w.text for w in words[start:end]])
            start = end
    doc._.tags = [tag for piece in load_tagger().tag_sentences(pieces) for tag in piece]
    return doc
