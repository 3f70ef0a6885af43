"""The grammar stage on right Swedish and on bad input: silent, and never an exception."""

import pytest

import nlp
from lessons.load import load_bundled
from lessons.model import plain_text
from nlp.tagger import load_tagger, parse


def bundled_texts() -> list[str]:
    texts = []
    for lesson in load_bundled():
        texts += [plain_text(step.text) for step in lesson.procedure]
        texts += [plain_text(line.text) for line in lesson.dialogue]
        texts += [exercise.model_answer for exercise in lesson.exercises]
    return texts


def test_bundled_lessons_get_no_grammar_remark():
    remarks = [
        (f.rule, f.text, text[:60])
        for text in bundled_texts()
        for f in nlp.check(text, []).findings
        if f.kind == "grammar"
    ]
    assert remarks == []


@pytest.mark.parametrize(
    "text",
    [
        "... !!! ??? ,,, ;;; ---",
        "blodtryck" * 2222,
        "Hon åt lunch. Она поела. أكلت الغداء. 她吃了午饭 🙂 kl. 12.00",
        " ".join(["Brukaren fick kräm på benen och"] * 50) + " sov.",
    ],
    ids=["punctuation", "one-long-word", "mixed-scripts", "300-word-sentence"],
)
def test_bad_input_is_checked_without_exception(text):
    report = nlp.check(text, [])
    assert all(f.rule for f in report.findings if f.kind == "grammar")


def test_tagger_tags_a_care_sentence():
    tags = load_tagger().tag(["Jag", "bytte", "förbandet", "på", "hennes", "ben", "."])
    assert [parse(t)[0] for t in tags] == ["PRON", "VERB", "NOUN", "ADP", "PRON", "NOUN", "PUNCT"]
    assert parse(tags[2])[1]["Definite"] == "Def"
