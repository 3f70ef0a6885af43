"""A trainee finds a term from any form, abbreviation, translation or with one typo; exact
lemma matches come first."""

from __future__ import annotations

import pytest

from glossary.load import load_files
from glossary.search import fold, rank, search_keys


@pytest.fixture
def bank(term_file, valid_term, valid_verb):
    pulse = {
        "lemma": "puls",
        "pos": "noun",
        "gender": "en",
        "forms": {
            "sg_indef": "puls",
            "sg_def": "pulsen",
            "pl_indef": "pulsar",
            "pl_def": "pulsarna",
        },
        "definition": "Hur många gånger hjärtat slår på en minut.",
        "example": "Pulsen var 76 slag per minut.",
        "translations": {"en": {"text": "pulse", "status": "draft"}},
    }
    wound = {
        "lemma": "sårvård",
        "pos": "noun",
        "gender": "en",
        "forms": {"sg_indef": "sårvård", "sg_def": "sårvården", "pl_indef": None, "pl_def": None},
        "definition": "Att sköta ett sår så att det läker.",
        "example": "Sårvården görs varannan dag.",
        "colloquial": ["plåstra om"],
    }
    return load_files([term_file([valid_term, valid_verb, pulse, wound])])


def lemmas(query, bank):
    return [t.lemma for t in rank(query, bank)]


def test_fold_ignores_case_accents_and_swedish_dots():
    assert fold("Sårvården") == "sarvarden"
    assert fold("  BLODTRYCK, ") == "blodtryck"
    assert fold("ضَغْط الدم") == "ضغط الدم"  # Arabic vowel signs do not matter


@pytest.mark.parametrize(
    "query",
    ["blodtrycket", "BT", "blood pressure", "ضغط الدم", "blodtryk", "Blodtryck", "blodtr"],
)
def test_blood_pressure_is_found_from_many_inputs(query, bank):
    assert lemmas(query, bank)[0] == "blodtryck"


def test_foreign_keyboard_without_swedish_letters_finds_the_term(bank):
    assert lemmas("sarvard", bank) == ["sårvård"]
    assert lemmas("plastra om", bank) == ["sårvård"]


def test_exact_lemma_ranks_before_prefix_and_typo(bank):
    assert lemmas("puls", bank)[0] == "puls"
    assert lemmas("mät", bank)[0] == "mäta"  # imperative form is exact


def test_short_or_unrelated_queries_find_nothing(bank):
    assert lemmas("", bank) == []
    assert lemmas("x", bank) == []
    assert lemmas("rullstol", bank) == []


def test_search_keys_cover_forms_abbreviations_and_translations(bank):
    keys = {k.key: k.kind for k in search_keys(bank.resolve("blodtryck")[0])}
    assert keys["blodtryck"] == "lemma"
    assert keys["blodtrycken"] == "form"
    assert keys["bt"] == "abbreviation"
    assert keys["فشار خون"] == "translation"


@pytest.mark.parametrize(
    ("typed", "stored", "one_typo"),
    [
        ("blodtryk", "blodtryck", True),  # letter missing
        ("blodtrycck", "blodtryck", True),  # letter added
        ("blodtrick", "blodtryck", True),  # letter wrong
        ("bldotryck", "blodtryck", True),  # neighbours swapped
        ("blodtrk", "blodtryck", False),  # two letters missing
        ("pulsen", "pulsar", False),
    ],
)
def test_typo_variants_find_one_typo_candidates_and_skip_two(typed, stored, one_typo):
    from glossary.search import typo_variants

    assert bool(typo_variants(typed) & typo_variants(stored)) is one_typo
