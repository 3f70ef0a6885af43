"""The split-compound sentences are well formed, so the split-compound figures measure the
checker and not a slip in the annotation; the scorer counts the way it says."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data"))
import split_compound_corpus as corpus

SETS = {split: corpus.load(split) for split in corpus.SPLITS}
ALL = [sentence for sentences in SETS.values() for sentence in sentences]


@pytest.mark.parametrize("split", corpus.SPLITS)
def test_each_set_has_many_splits_of_every_class_and_many_lookalikes(split):
    sentences = SETS[split]
    splits = [s for sentence in sentences for s in sentence.splits]
    assert len(splits) >= 80
    assert sum(1 for sentence in sentences if sentence.lookalike) >= 60
    assert {s.kind for s in splits} == set(corpus.CLASSES)
    assert {sentence.lookalike for sentence in sentences if sentence.lookalike} == set(
        corpus.LOOKALIKES
    )


def test_no_sentence_occurs_twice_in_or_across_the_sets():
    texts = [sentence.text for sentence in ALL]
    assert len(texts) == len(set(texts)), sorted({t for t in texts if texts.count(t) > 1})


def test_every_split_is_its_exact_text_and_joins_to_its_compound():
    for sentence in ALL:
        for split in sentence.splits:
            assert sentence.text[split.start : split.end] == split.text, sentence.source
            assert split.joined.replace("-", "").lower() == split.text.replace(" ", "").lower()


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (
            '{"text": "Hon har tryck sår.", "splits": [{"text": "tryck sår", "joined": "trycksår", "class": "x"}]}',
            "unknown class",
        ),
        (
            '{"text": "Hon har tryck sår.", "splits": [{"text": "tryck sår", "joined": "tryckssår", "class": "nn"}]}',
            "not 'tryck sår' written together",
        ),
        (
            '{"text": "Hon har sår.", "splits": [{"text": "tryck sår", "joined": "trycksår", "class": "nn"}]}',
            "occurs 0 times",
        ),
        (
            '{"text": "Hon har tryck sår.", "splits": [{"text": "tryck sår", "joined": "trycksår", "class": "nn"}], "lookalike": "genitive"}',
            "a look-alike is a correct sentence",
        ),
    ],
)
def test_a_broken_line_is_refused_with_its_place(line, problem):
    with pytest.raises(corpus.SplitCorpusError, match=problem) as caught:
        corpus.parse_line(line, "dev.jsonl:3")
    assert str(caught.value).startswith("dev.jsonl:3: ")


def test_the_scorer_counts_one_hit_per_split_and_the_rest_as_false_alarms():
    items = [
        corpus.parse_line(
            '{"text": "Vi tog fall risk bedömning.", "splits": [{"text": "fall risk bedömning",'
            ' "joined": "fallriskbedömning", "class": "three"}]}',
            "t:1",
        ),
        corpus.parse_line(
            '{"text": "Hon vilar efter maten.", "splits": [], "lookalike": "preposition"}', "t:2"
        ),
    ]
    found = {
        "Vi tog fall risk bedömning.": [(7, 16, ("fallrisk",)), (12, 26, ("riskbedömning",))],
        "Hon vilar efter maten.": [(10, 22, ("eftermaten",))],
    }
    score = corpus.score(lambda text: found[text], items)
    assert (score.tp, score.fp, score.fn) == (1, 2, 0)
    assert score.suggestion_hits == 0
    assert score.false_alarms_by_kind == {"in a sentence with a split": 1, "preposition": 1}
