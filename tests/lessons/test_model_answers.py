"""Every model answer, run through the note checker with its exercise's required terms, finds
every required term and has no finding: the answer a trainee is shown is faultless."""

from __future__ import annotations

import pytest

from glossary.bank import TermBank
from glossary.lexicon import lexicon
from glossary.load import check_bundled
from glossary.problems import ContentError
from lessons.crosscheck import exercise_term_specs
from lessons.load import bundled_paths, load_file

nlp = pytest.importorskip("nlp")
if not hasattr(nlp, "check"):
    pytest.skip("nlp.check finns inte ännu", allow_module_level=True)


def exercises():
    bank = TermBank(check_bundled()[0])
    found = []
    for path in bundled_paths():
        try:
            lesson = load_file(path, known_terms=bank.references())
        except ContentError:
            continue  # reported by test_lesson_bundled
        found += [pytest.param(bank, ex, id=ex.id) for ex in lesson.exercises]
    return found


@pytest.fixture(scope="module")
def checker_lexicon():
    return nlp.Lexicon(**lexicon(TermBank(check_bundled()[0])))


@pytest.mark.parametrize(("bank", "exercise"), exercises())
def test_model_answer_uses_every_required_term_and_has_no_finding(bank, exercise, checker_lexicon):
    terms = [nlp.TermSpec(**spec) for spec in exercise_term_specs(exercise.required_terms, bank)]
    report = nlp.check(
        exercise.model_answer, terms, lexicon=checker_lexicon, form=exercise.form
    ).to_dict()
    assert report["terms"]["missing"] == []
    assert report["findings"] == []
