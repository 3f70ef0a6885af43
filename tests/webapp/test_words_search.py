"""Finding a term the way a trainee types it: any form, an abbreviation, their own language,
with a typo — on the database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set)."""

from __future__ import annotations

import pytest

from glossary.model import Term as TermRecord
from webapp.extensions import db
from webapp.models import TermKey
from webapp.words.search import search_terms
from webapp.words.store import DELETION, save_term


def _tr(**texts):
    return {lang: {"text": text, "status": "draft"} for lang, text in texts.items()}


SAMPLE_TERMS = [
    {
        "lemma": "blodtryck",
        "pos": "noun",
        "gender": "ett",
        "forms": {
            "sg_indef": "blodtryck",
            "sg_def": "blodtrycket",
            "pl_indef": "blodtryck",
            "pl_def": "blodtrycken",
        },
        "compound_forms": ["blodtrycks"],
        "definition": "Trycket i blodkärlen när hjärtat pumpar ut blodet.",
        "example": "Jag mätte blodtrycket på brukaren efter frukost.",
        "area": "vitalparametrar",
        "abbreviations": ["BT"],
        "translations": _tr(en="blood pressure", ar="ضغط الدم", fa="فشار خون"),
    },
    {
        "lemma": "blodtrycksmätare",
        "pos": "noun",
        "gender": "en",
        "forms": {
            "sg_indef": "blodtrycksmätare",
            "sg_def": "blodtrycksmätaren",
            "pl_indef": "blodtrycksmätare",
            "pl_def": "blodtrycksmätarna",
        },
        "definition": "Ett instrument som mäter blodtrycket.",
        "example": "Hämta blodtrycksmätaren i förrådet.",
        "area": "vitalparametrar",
        "translations": _tr(en="blood pressure monitor"),
    },
    {
        "lemma": "urinera",
        "pos": "verb",
        "forms": {
            "infinitive": "urinera",
            "present": "urinerar",
            "past": "urinerade",
            "supine": "urinerat",
            "imperative": "urinera",
            "participle": "urinerad",
        },
        "definition": "Att kissa.",
        "example": "Brukaren urinerade i bäckenet.",
        "area": "inkontinens",
        "colloquial": ["kissa"],
        "translations": _tr(en="urinate", ar="يتبول"),
    },
    {
        "lemma": "sårvård",
        "pos": "noun",
        "gender": "en",
        "forms": {"sg_indef": "sårvård", "sg_def": "sårvården", "pl_indef": None, "pl_def": None},
        "definition": "Att göra rent och lägga om ett sår.",
        "example": "Sårvården gjordes enligt ordination.",
        "area": "sarvard",
        "translations": _tr(en="wound care"),
    },
]


def sample_records() -> list[TermRecord]:
    return [TermRecord.model_validate(entry) for entry in SAMPLE_TERMS]


@pytest.fixture
def bank(app):
    terms = {record.lemma: save_term(record, source="bundled") for record in sample_records()}
    db.session.commit()
    return terms


def lemmas(query: str) -> list[str]:
    return [hit.term.lemma for hit in search_terms(query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("blodtrycket", "blodtryck"),  # inflected form
        ("Blodtrycken", "blodtryck"),  # case
        ("BT", "blodtryck"),  # abbreviation
        ("bt", "blodtryck"),
        ("blood pressure", "blodtryck"),  # English translation
        ("ضغط الدم", "blodtryck"),  # Arabic translation
        ("kissa", "urinera"),  # colloquial word
        ("urinerade", "urinera"),  # verb form
        ("sarvard", "sårvård"),  # typed without å
        ("SÅRVÅRDEN", "sårvård"),
    ],
)
def test_trainee_finds_the_term_from_what_they_type(bank, query, expected):
    assert lemmas(query)[0] == expected


@pytest.mark.parametrize("typo", ["blodtryk", "blodtrycck", "bldotryck", "blodtrick", "urinrea"])
def test_one_typo_still_finds_the_term(bank, typo):
    assert lemmas(typo)[0] in {"blodtryck", "urinera"}


def test_two_typos_find_nothing(bank):
    assert lemmas("bladtrick") == []


def test_exact_lemma_comes_before_prefix_and_translation_hits(bank):
    hits = search_terms("blodtryck")
    assert [h.term.lemma for h in hits][:2] == ["blodtryck", "blodtrycksmätare"]
    assert (hits[0].tier, hits[0].kind) == (0, "lemma")
    assert hits[1].tier == 1  # a prefix of the longer word


def test_prefix_finds_every_term_starting_so(bank):
    assert set(lemmas("blodtr")) == {"blodtryck", "blodtrycksmätare"}


def test_nonsense_and_empty_queries_find_nothing(bank):
    assert lemmas("xyzzy") == []
    assert lemmas("   ") == []
    assert lemmas("%_'") == []


def test_saving_a_term_again_replaces_its_keys_and_deletions(bank):
    record = sample_records()[0].model_copy(update={"abbreviations": ("BTR",)})
    save_term(record)
    db.session.commit()
    assert lemmas("BTR")[0] == "blodtryck"
    assert search_terms("BT")[0].tier == 1  # now only the start of "BTR", no longer exact
    keys = db.session.query(TermKey).filter_by(term_id=bank["blodtryck"].id)
    assert keys.filter_by(kind=DELETION, key="#blodtryk").count() == 1
