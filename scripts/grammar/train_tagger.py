"""Train the part-of-speech and morphology tagger of nlp/tagger.py on Talbanken DEV only.

Two averaged perceptrons (``nlp.tagger.Tagger``): the first from the word, its endings, its
neighbours and the lexicon; the second also from the first one's tags of the neighbours,
trained on first-pass tags made by models that had not seen the sentence (5 folds), so it
learns to correct real first-pass mistakes. The script prints a 5-fold cross-validated figure
on dev (blocks of whole sentences: held-out text is new text), then trains on all of dev,
writes nlp/data/grammar/tagger.npz and, with ``--test``, prints the accuracy on Talbanken
TEST, which is never trained or tuned on.

    .venv/bin/python scripts/grammar/train_tagger.py [--ud-dir DIR] [--test]

``--ud-dir`` defaults to ``../shared/data/ud-sv-talbanken`` beside the repository.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

import numpy as np

from nlp import tagger

ROOT = Path(__file__).resolve().parents[2]
UD_DIR = ROOT / ".." / "shared" / "data" / "ud-sv-talbanken"
EPOCHS = 8
FOLDS = 5
SCALE = 100  # weights are stored as integers / SCALE
MIN_WEIGHT = 0.02  # smaller averaged weights are dropped from the artefact
FEATURES_REPORTED = ("Gender", "Number", "Definite", "VerbForm", "Tense", "Case")


def read_conllu(path: Path) -> list[list[tuple[str, str, str]]]:
    """Sentences as (form, tag, UD features) for the gold word tokens."""
    return [
        [(c[1], tagger.tag_of(c[3], c[5]), c[5]) for c in sentence]
        for sentence in tagger.treebank_sentences(path)
    ]


class Perceptron:
    """Multi-class averaged perceptron over string features."""

    def __init__(self, tags: list[str]):
        self.tags = tags
        self.tag_ids = {t: n for n, t in enumerate(tags)}
        self.features: dict[str, int] = {}

    def _ids(self, feats: list[str], grow: bool) -> list[int]:
        if grow:
            for f in feats:
                self.features.setdefault(f, len(self.features))
        return [self.features[f] for f in feats if f in self.features]

    def train(self, examples: list[tuple[list[str], str]], seed: int = 0) -> None:
        rows = [(self._ids(feats, True), self.tag_ids[gold]) for feats, gold in examples]
        size = (len(self.features), len(self.tags))
        weights, totals = np.zeros(size), np.zeros(size)
        stamps = np.zeros(size[0], dtype=np.int64)
        step = 0
        rng = random.Random(seed)
        for _ in range(EPOCHS):
            rng.shuffle(rows)
            for ids, gold in rows:
                step += 1
                guess = int(weights[ids].sum(axis=0).argmax())
                if guess == gold:
                    continue
                uniq = list(set(ids))
                totals[uniq] += (step - stamps[uniq])[:, None] * weights[uniq]
                stamps[uniq] = step
                for i in ids:
                    weights[i, gold] += 1.0
                    weights[i, guess] -= 1.0
        totals += (step - stamps)[:, None] * weights
        self.weights = totals / max(step, 1)

    def predict(self, feature_lists: list[list[str]]) -> list[str]:
        return [
            self.tags[int(self.weights[self._ids(feats, False)].sum(axis=0).argmax())]
            for feats in feature_lists
        ]

    def export(self) -> dict:
        rows, cols = np.nonzero(np.abs(self.weights) >= MIN_WEIGHT)
        used = sorted(set(rows.tolist()))
        new_row = {old: new for new, old in enumerate(used)}
        names = {n: f for f, n in self.features.items()}
        return {
            "features": [names[r] for r in used],
            "rows": [new_row[r] for r in rows.tolist()],
            "cols": cols.tolist(),
            "values": np.round(self.weights[rows, cols] * SCALE).astype(int).tolist(),
        }


def first_features(sentence) -> list[list[str]]:
    words = [form for form, _, _ in sentence]
    return [tagger.token_features(words, i) for i in range(len(words))]


def second_features(sentence, first_tags: list[str]) -> list[list[str]]:
    words = [form for form, _, _ in sentence]
    return [
        f + tagger.context_features(first_tags, words, i)
        for i, f in enumerate(first_features(sentence))
    ]


def train_first(sentences, tags) -> Perceptron:
    model = Perceptron(tags)
    model.train([(f, t) for s in sentences for f, (_, t, _) in zip(first_features(s), s)])
    return model


def train_both(sentences, tags) -> tuple[Perceptron, Perceptron]:
    """Both passes; the second learns from jackknifed first-pass tags."""
    first = train_first(sentences, tags)
    size = -(-len(sentences) // FOLDS)
    examples = []
    for k in range(FOLDS):
        held = sentences[k * size : (k + 1) * size]
        rest = sentences[: k * size] + sentences[(k + 1) * size :]
        jack = train_first(rest, tags)
        for s in held:
            guessed = jack.predict(first_features(s))
            examples += [(f, t) for f, (_, t, _) in zip(second_features(s, guessed), s)]
    second = Perceptron(tags)
    second.train(examples)
    return first, second


def tag_sentences(first: Perceptron, second: Perceptron, sentences) -> list[list[str]]:
    out = []
    for s in sentences:
        guessed = first.predict(first_features(s))
        out.append(second.predict(second_features(s, guessed)))
    return out


def score(sentences, predicted) -> dict[str, float]:
    """UPOS, full-tag and per-feature accuracy (a feature counts where gold or guess has it)."""
    right, total = Counter(), Counter()
    for s, tags in zip(sentences, predicted):
        for (_, gold, feats), guess in zip(s, tags):
            gold_upos, _ = tagger.parse(gold)
            guess_upos, guess_feats = tagger.parse(guess)
            full = dict(f.split("=", 1) for f in feats.split("|") if "=" in f)
            total["UPOS"] += 1
            right["UPOS"] += gold_upos == guess_upos
            total["tag"] += 1
            right["tag"] += gold == guess
            for name in FEATURES_REPORTED:
                want = full.get(name) if (name != "Case" or gold_upos == "PRON") else None
                got = guess_feats.get(name)
                if name == "Case" and gold_upos != "PRON":
                    continue
                if want or got:
                    total[name] += 1
                    right[name] += want == got
    return {k: round(right[k] / total[k], 4) for k in total}


def baseline(train, test) -> float:
    """UPOS accuracy of the most frequent tag per word (else per 3-letter ending)."""
    by_word, by_end = {}, {}
    for s in train:
        for form, tag, _ in s:
            by_word.setdefault(form.lower(), Counter())[tag.split("|")[0]] += 1
            by_end.setdefault(form.lower()[-3:], Counter())[tag.split("|")[0]] += 1
    right = total = 0
    for s in test:
        for form, tag, _ in s:
            table = by_word.get(form.lower()) or by_end.get(form.lower()[-3:]) or {"NOUN": 1}
            right += max(table, key=table.get) == tag.split("|")[0]
            total += 1
    return round(right / total, 4)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ud-dir", type=Path, default=UD_DIR)
    parser.add_argument("--test", action="store_true", help="also print the TEST accuracy")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    args = parser.parse_args()
    dev = read_conllu(args.ud_dir / "sv_talbanken-ud-dev.conllu")
    tags = sorted({t for s in dev for _, t, _ in s})
    if not args.no_cv:
        size = -(-len(dev) // FOLDS)
        totals: Counter = Counter()
        for k in range(FOLDS):
            held = dev[k * size : (k + 1) * size]
            rest = dev[: k * size] + dev[(k + 1) * size :]
            result = score(held, tag_sentences(*train_both(rest, tags), held))
            result["baseline UPOS"] = baseline(rest, held)
            print(f"fold {k}: {result}")
            totals.update(result)
        print("dev, 5-fold mean:", {k: round(v / FOLDS, 4) for k, v in totals.items()})
    first, second = train_both(dev, tags)
    model = {
        "tags": tags,
        "scale": SCALE,
        "passes": [first.export(), second.export()],
    }
    tagger.MODEL.parent.mkdir(parents=True, exist_ok=True)
    tagger.save_model(model)
    print(f"{len(tags)} tags, {tagger.MODEL.stat().st_size / 1e3:.0f} kB -> {tagger.MODEL}")
    if args.test:
        test = read_conllu(args.ud_dir / "sv_talbanken-ud-test.conllu")
        print("TEST:", score(test, tag_sentences(first, second, test)))
        print("TEST baseline UPOS (most frequent tag per word):", baseline(dev, test))


if __name__ == "__main__":
    main()
