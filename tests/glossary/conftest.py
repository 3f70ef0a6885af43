"""Fixtures for the term bank tests: a valid term to spoil, and term files in tmp_path."""

from __future__ import annotations

import copy

import pytest
from ruamel.yaml import YAML

VALID_TERM = {
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
    "definition": "Trycket i blodkärlen när hjärtat pumpar ut blodet. Mäts i mmHg.",
    "example": "Jag mätte blodtrycket på brukaren efter frukost.",
    "areas": ["dokumentation"],
    "synonyms": [],
    "abbreviations": ["BT"],
    "colloquial": [],
    "translations": {
        "en": {"text": "blood pressure", "status": "draft"},
        "ar": {"text": "ضغط الدم", "status": "draft"},
        "so": {"text": "cadadiska dhiigga", "status": "draft"},
        "ti": {"text": "ጸቕጢ ደም", "status": "draft"},
        "fa": {"text": "فشار خون", "status": "draft"},
        "uk": {"text": "кров'яний тиск", "status": "reviewed"},
    },
}

VALID_VERB = {
    "lemma": "mäta",
    "pos": "verb",
    "forms": {
        "infinitive": "mäta",
        "present": "mäter",
        "past": "mätte",
        "supine": "mätt",
        "imperative": "mät",
        "participle": "mätt",
    },
    "definition": "Ta reda på hur stort eller högt något är.",
    "example": "Undersköterskan mäter pulsen varje morgon.",
    "translations": {"en": {"text": "measure", "status": "draft"}},
}


@pytest.fixture
def valid_term() -> dict:
    return copy.deepcopy(VALID_TERM)


@pytest.fixture
def valid_verb() -> dict:
    return copy.deepcopy(VALID_VERB)


@pytest.fixture
def term_file(tmp_path):
    """Write a term file: term_file([term, ...], area=..., name=...) -> path."""

    def write(terms: list[dict], area: str = "vitalparametrar", name: str | None = None):
        path = tmp_path / f"{name or area}.yaml"
        with path.open("w", encoding="utf-8") as handle:
            YAML().dump({"area": area, "terms": terms}, handle)
        return path

    return write
