"""Issue 15's coverage bar on the bundled lessons: every content word of the steps, dialogues,
situations and model answers that is not among the 3,000 most frequent Swedish words is a bank
term or is excluded with a reason — and every exclusion is still needed, so the list stays
honest. The figures: ``python benchmarks/lesson_coverage.py``."""

from __future__ import annotations

import pytest

pytest.importorskip("nlp")

from benchmarks.lesson_coverage import lesson_coverage


@pytest.fixture(scope="module")
def coverage():
    return lesson_coverage()


def test_every_rarer_content_word_of_the_lessons_is_a_bank_term_or_excluded(coverage):
    result, _ = coverage
    missing = [f"{lemma} ({', '.join(sorted(ids))})" for lemma, ids in result.uncovered.items()]
    assert not missing, "ord som saknas i termbanken:\n" + "\n".join(sorted(missing))


def test_no_exclusion_is_listed_for_a_word_the_lessons_no_longer_need(coverage):
    result, exclusions = coverage
    assert sorted(set(exclusions) - result.exclusions_used) == []
