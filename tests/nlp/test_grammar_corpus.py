"""The annotated grammar sentences are well formed and large enough, so the grammar figures
measure the checker and not a slip in the ground truth; the scorer counts the way it says."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data"))
import grammar_corpus
from grammar_corpus import RULES, GoldError, Sentence

SETS = {split: grammar_corpus.load(split) for split in grammar_corpus.SPLITS}
ALL = [sentence for sentences in SETS.values() for sentence in sentences]


def test_every_set_is_there_with_at_least_250_sentences():
    assert set(SETS) == set(grammar_corpus.SPLITS)
    assert len(ALL) >= 300
    for sentences in SETS.values():
        assert len(sentences) >= 250


def test_each_rule_has_30_errors_and_at_least_as_many_correct_lookalikes():
    table = grammar_corpus.counts(ALL)
    for rule in RULES:
        errors, lookalikes = table[rule]["errors"], table[rule]["lookalikes"]
        assert errors >= 30, (rule, errors)
        assert lookalikes >= errors, (rule, errors, lookalikes)


@pytest.mark.parametrize("split", grammar_corpus.SPLITS)
def test_each_set_holds_every_rule_in_similar_measure(split):
    table = grammar_corpus.counts(SETS[split])
    for rule in RULES:
        assert table[rule]["errors"] >= 15, (rule, table[rule])
        assert table[rule]["lookalikes"] >= 15, (rule, table[rule])


def test_no_sentence_occurs_twice_in_or_across_the_sets():
    texts = [sentence.text for sentence in ALL]
    assert len(texts) == len(set(texts)), sorted({t for t in texts if texts.count(t) > 1})


def test_every_error_span_is_its_exact_text_and_corrections_change_the_sentence():
    for sentence in ALL:
        for error in sentence.errors:
            assert sentence.text[error.start : error.end] == error.text, sentence.source
        assert sentence.corrected != sentence.text or not sentence.errors, sentence.source


def test_lookalikes_are_correct_sentences_and_corrected_sentences_are_not_in_the_set():
    texts = {sentence.text for sentence in ALL}
    for sentence in ALL:
        assert not (sentence.lookalike and sentence.errors), sentence.source
        if sentence.errors:
            # a corrected error sentence may not reappear as a "correct" item, or the set
            # would reward learning the pair
            assert sentence.corrected not in texts, sentence.source


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (
            '{"text": "Hon är trött.", "errors": [{"rule": "v3", "text": "är", "correction": "var"}]}',
            "unknown rule",
        ),
        (
            '{"text": "Hon är trött.", "errors": [{"rule": "v2", "text": "är x", "correction": "x"}]}',
            "occurs 0 times",
        ),
        (
            '{"text": "Hon sa hon och hon.", "errors": [{"rule": "pronoun_case", "text": "hon", "correction": "henne"}]}',
            "occurs 2 times",
        ),
        (
            '{"text": "Hon är trött.", "errors": [{"rule": "v2", "text": "är", "correction": "är"}]}',
            "equals",
        ),
        ('{"text": "Hon är trött.", "errors": [], "lookalike": "grammar"}', "unknown lookalike"),
        (
            '{"text": "Hon är trött.", "errors": [{"rule": "v2", "text": "är", "correction": "var", "start": 0}]}',
            "not at offset",
        ),
        ('{"text": " Hon är trött.", "errors": []}', "surrounding spaces"),
    ],
)
def test_a_broken_line_is_refused_with_its_place(line, problem):
    with pytest.raises(grammar_corpus.GrammarCorpusError, match=problem) as caught:
        grammar_corpus.parse_line(line, "dev.jsonl:7")
    assert str(caught.value).startswith("dev.jsonl:7: ")


def test_an_error_given_by_offset_is_found_where_the_word_occurs_twice():
    line = (
        '{"text": "Jag frågade hon om hon ville.", "errors": '
        '[{"rule": "pronoun_case", "text": "hon", "correction": "henne", "start": 12}]}'
    )
    sentence = grammar_corpus.parse_line(line, "dev.jsonl:1")
    assert sentence.corrected == "Jag frågade henne om hon ville."


def _sentence(text, *errors):
    located = []
    for rule, wrong in errors:
        start = text.index(wrong)
        located.append(GoldError(rule, wrong, "x", start, start + len(wrong)))
    return Sentence(text, tuple(located), None, "test")


def test_the_scorer_matches_by_rule_and_overlapping_span():
    items = [
        _sentence("I dag hon åt lite.", ("v2", "hon åt")),
        _sentence(
            "Hon har en knä och händerna är varm.",
            ("np_agreement", "en knä"),
            ("predicative_agreement", "varm"),
        ),
        _sentence("Kl. 13.00 åt hon."),
    ]
    predictions = {
        "I dag hon åt lite.": [("v2", 6, 9)],  # overlaps "hon åt": a hit
        "Hon har en knä och händerna är varm.": [("np_agreement", 0, 3)],  # wrong place
        "Kl. 13.00 åt hon.": [("v2", 10, 16)],  # a false alarm on a correct sentence
    }
    result = grammar_corpus.score(lambda text: predictions[text], items)
    assert (result["v2"].tp, result["v2"].fp, result["v2"].fn) == (1, 1, 0)
    assert result["v2"].precision == 0.5 and result["v2"].recall == 1.0
    assert (result["np_agreement"].tp, result["np_agreement"].fp, result["np_agreement"].fn) == (
        0,
        1,
        1,
    )
    assert result["predicative_agreement"].fn == 1
    assert result["predicative_agreement"].precision is None
    assert len(result.log) == 4


def test_a_gold_error_is_matched_only_once():
    items = [_sentence("Jag frågade hon.", ("pronoun_case", "hon"))]
    result = grammar_corpus.score(
        lambda text: [("pronoun_case", 12, 15), ("pronoun_case", 12, 15)], items
    )
    assert (result["pronoun_case"].tp, result["pronoun_case"].fp) == (1, 1)
