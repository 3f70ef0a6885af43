"""How lessons/coverage.py sorts a lesson's words: frequent, bank term (any form, synonym or a
multi-word term), excluded with a reason, or uncovered — with a tagger stand-in, so the rules
are tested apart from the checker's tagging."""

from __future__ import annotations

import pytest

from glossary.bank import TermBank
from glossary.model import Term
from lessons.coverage import load_exclusions, measure
from lessons.model import Lesson

TERM = {
    "pos": "noun",
    "gender": "en",
    "definition": "d",
    "area": "inkontinens",
    "translations": {},
}


def _term(lemma, forms, **extra):
    return Term(lemma=lemma, forms=forms, example=f"{forms['sg_def']} här.", **TERM, **extra)


BANK = TermBank(
    [
        _term(
            "kateter",
            {
                "sg_indef": "kateter",
                "sg_def": "katetern",
                "pl_indef": "katetrar",
                "pl_def": "katetrarna",
            },
            synonyms=("urinkateter",),
        ),
        _term(
            "nedre toalett",
            {
                "sg_indef": "nedre toalett",
                "sg_def": "nedre toaletten",
                "pl_indef": None,
                "pl_def": None,
            },
        ),
    ]
)


def _lesson(step: str) -> Lesson:
    return Lesson.model_validate(
        {
            "id": "prov",
            "title": "Prov",
            "area": "inkontinens",
            "level": "B1",
            "goals": ["mål"],
            "procedure": [{"text": step}],
            "exercises": [
                {
                    "id": "prov-anteckning",
                    "form": "free",
                    "situation": "Och.",
                    "required_terms": ["a", "b", "c"],
                    "model_answer": "Och.",
                    "rubric": [{"criterion": "c", "points": 1}] * 3,
                }
            ],
        }
    )


def tagger(text):
    """Every word a noun whose lemma is the word itself, except 'katetrarna' → 'katetrar'."""
    lemmas = {"katetrarna": "katetrar", "gjorde": "göra"}
    for word in text.rstrip(".").split():
        yield word, lemmas.get(word.lower(), word.lower()), "VERB" if word == "gjorde" else "NOUN"


def test_words_are_sorted_into_frequent_bank_excluded_and_uncovered():
    lesson = _lesson("Amina gjorde nedre toalett och bytte katetrarna och urinkateter och slangen.")
    result = measure([lesson], BANK, tagger, frozenset({"och", "göra"}), {"amina": "namn"})
    assert result.frequent == {"och", "göra"}
    # a form (katetrarna), a synonym and both words of a multi-word term count as the bank's
    assert result.in_bank == {"katetrar", "urinkateter", "nedre", "toalett"}
    assert result.excluded == {"amina"} and result.exclusions_used == {"amina"}
    assert result.uncovered == {"bytte": {"prov"}, "slangen": {"prov"}}


def test_numbers_and_times_are_not_words():
    result = measure([_lesson("Kl. 10.30 38,4 120/80.")], BANK, tagger, frozenset({"och"}), {})
    assert set(result.uncovered) == {"kl."}


def test_an_exclusion_without_a_reason_is_refused(tmp_path):
    path = tmp_path / "exclusions.yaml"
    path.write_text("- {word: amina, reason: namn}\n- {word: slang}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="skäl"):
        load_exclusions(path)


def test_the_bundled_exclusions_each_give_a_reason():
    exclusions = load_exclusions()
    assert exclusions and all(reason for reason in exclusions.values())
