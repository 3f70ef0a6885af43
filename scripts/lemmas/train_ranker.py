"""Train the candidate ranker of nlp/lemmas.py on the Talbanken DEV set (never the test set).

An averaged perceptron learns which of a word's candidate lemmas Talbanken's (SALDO) conventions
pick, from where each candidate came from, how it is made from the form, and the neighbouring
words. It prints a cross-validated accuracy over dev (folds of whole sentences), then trains on
all of dev and writes nlp/data/lemmas/ranker.json.xz. The cross-validated figure is the honest
dev figure: scoring the pipeline on dev after training on all of it flatters it.

Rerun: ``.venv/bin/python scripts/lemmas/train_ranker.py`` (after build_lexicon.py)
"""

from __future__ import annotations

import collections
import json
import lzma
import random
from pathlib import Path

from nlp import lemmas
from nlp.tagger import treebank_sentences

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / ".." / "shared" / "data" / "ud-sv-talbanken" / "sv_talbanken-ud-dev.conllu"
OUT = ROOT / "nlp" / "data" / "lemmas" / "ranker.json.xz"
EPOCHS = 10
SEEDS = 5
CONTEXT_MIN = 3  # a neighbour seen this often in dev is a feature as itself, others by ending
FOLDS = 5
SCORED = ("NOUN", "VERB", "ADJ")


def read_conllu(path: Path) -> list[list[tuple[str, str, str]]]:
    """Sentences as (form, lemma, upos) triples, read by the project's one CoNLL-U reader."""
    return [
        [(cols[1], cols[2], cols[3]) for cols in sentence] for sentence in treebank_sentences(path)
    ]


def frequent_words(sentences) -> frozenset[str]:
    counts = collections.Counter(form.lower() for sentence in sentences for form, _, _ in sentence)
    return frozenset(word for word, n in counts.items() if n >= CONTEXT_MIN)


def examples(sentences, context_words):
    """(gold index or -1, per-candidate feature lists, upos) for every non-punctuation token."""
    out = []
    for sentence in sentences:
        words = [form for form, _, _ in sentence]
        pairs = lemmas.neighbours(words, context_words)
        for (form, lemma, upos), (prev, nxt) in zip(sentence, pairs):
            if upos != "PUNCT":
                out.append(example(form, lemma, upos, prev, nxt))
    return out


def example(form, lemma, upos, prev, nxt):
    ranked = lemmas.distinct_candidates(form)
    lemmas_lower = [c.lemma.lower() for c in ranked]
    if lemma.lower() not in lemmas_lower:
        return -1, [], upos
    feats = [
        lemmas.word_features(form, c)
        + lemmas.context_features(lemmas.edit_code(form.lower(), c.lemma.lower()), prev, nxt)
        for c in ranked
    ]
    return lemmas_lower.index(lemma.lower()), feats, upos


def train(data):
    """Average of perceptrons trained on differently shuffled data: steadier than one."""
    total = collections.Counter()
    for seed in range(SEEDS):
        total.update(train_once(data, seed))
    return {f: round(w / SEEDS, 3) for f, w in total.items() if abs(w / SEEDS) >= 0.001}


def train_once(data, seed):
    weights = collections.defaultdict(float)
    totals = collections.defaultdict(float)
    stamps = collections.defaultdict(int)
    step = 0
    rng = random.Random(seed)
    data = [example for example in data if example[0] >= 0 and len(example[1]) > 1]
    for _ in range(EPOCHS):
        rng.shuffle(data)
        for gold, feats, _ in data:
            step += 1
            scores = [sum(weights[f] for f in fs) for fs in feats]
            guess = max(range(len(feats)), key=scores.__getitem__)
            if guess == gold:
                continue
            for f, delta in [(f, 1.0) for f in feats[gold]] + [(f, -1.0) for f in feats[guess]]:
                totals[f] += (step - stamps[f]) * weights[f]
                stamps[f] = step
                weights[f] += delta
    for f in weights:
        totals[f] += (step - stamps[f]) * weights[f]
    return {f: total / step for f, total in totals.items()}


def accuracy(weights, data):
    right = collections.Counter()
    total = collections.Counter()
    for gold, feats, upos in data:
        scores = [sum(weights.get(f, 0.0) for f in fs) for fs in feats]
        ok = gold >= 0 and max(range(len(feats)), key=scores.__getitem__) == gold
        for key in ("all", "NVA" if upos in SCORED else "other"):
            total[key] += 1
            right[key] += ok
    return {key: round(right[key] / total[key], 4) for key in total}


def main() -> None:
    sentences = read_conllu(DEV)
    size = -(-len(sentences) // FOLDS)  # contiguous blocks: held-out text is new text, as test is
    folds = [sentences[i * size : (i + 1) * size] for i in range(FOLDS)]
    right = collections.Counter()
    for i, held_out in enumerate(folds):
        training = [s for j, fold in enumerate(folds) if j != i for s in fold]
        context_words = frequent_words(training)
        weights = train(examples(training, context_words))
        result = accuracy(weights, examples(held_out, context_words))
        print(f"fold {i}: lemma accuracy on held-out tokens {result}")
        right.update(result)
    print("mean", {k: round(v / FOLDS, 4) for k, v in right.items()})
    context_words = frequent_words(sentences)
    weights = train(examples(sentences, context_words))
    model = {"context_words": sorted(context_words), "weights": weights}
    OUT.write_bytes(lzma.compress(json.dumps(model, ensure_ascii=False).encode("utf-8")))
    print(f"{len(weights)} weights, {OUT.stat().st_size / 1e3:.0f} kB -> {OUT}")


if __name__ == "__main__":
    main()
