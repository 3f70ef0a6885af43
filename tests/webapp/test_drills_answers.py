"""The answer checker: tolerant where a person would be, precise about what went wrong."""

import pytest
from fsrs import Rating

from webapp.drills.answers import (
    ALMOST,
    RIGHT,
    WRONG,
    WRONG_FORM,
    check_choice,
    check_typed,
    gave_up,
    normalise,
)
from webapp.drills.kinds import other_forms


@pytest.mark.parametrize(
    "typed",
    [
        "manschett",
        "Manschett",
        "  manschett  ",
        "manschett.",
        "MANSCHETT!",
        "”manschett”",
        "manschett ?",
    ],
)
def test_case_spaces_quotes_and_final_punctuation_do_not_matter(typed):
    verdict = check_typed(typed, "manschett")
    assert verdict.outcome == RIGHT and verdict.rating == Rating.Good


def test_inner_spaces_are_collapsed_in_a_phrase():
    assert check_typed("ta   blodtryck", "ta blodtryck").outcome == RIGHT


def test_decomposed_letters_count_as_the_same_letter():
    assert check_typed("ha\u0308ndesinfektion", "händesinfektion").outcome == RIGHT


def test_an_accepted_variant_is_right():
    assert check_typed("Blöja", "inkontinensskydd", accepted=("blöja",)).outcome == RIGHT


@pytest.mark.parametrize(
    ("typed", "expected", "message"),
    [
        ("blodtrycksmatare", "blodtrycksmätare", "Nästan rätt: det stavas med ä."),
        ("hog", "hög", "Nästan rätt: det stavas med ö."),
        ("overarm", "överarm", "Nästan rätt: det stavas med ö."),
        ("kanyl", "kånyl", "Nästan rätt: det stavas med å."),
        ("manschet", "manschett", "Nästan rätt: det stavas med dubbelt t (tt)."),
        ("mätvärrde", "mätvärde", "Nästan rätt: det stavas med ett r, inte rr."),
        ("mansehett", "manschett", "Nästan rätt: det stavas ”manschett”."),
        ("blodtryk", "blodtryck", "Nästan rätt: det stavas ”blodtryck”."),
        ("tryckåsr", "trycksår", "Nästan rätt: det stavas ”trycksår”."),
    ],
)
def test_one_slip_is_nearly_right_and_named(typed, expected, message):
    verdict = check_typed(typed, expected)
    assert verdict.outcome == ALMOST
    assert verdict.rating == Rating.Hard
    assert verdict.message == message
    assert verdict.correct


def test_one_slip_in_a_short_word_is_a_different_word():
    verdict = check_typed("pulr", "puls")
    assert verdict.outcome == WRONG and verdict.rating == Rating.Again


def test_two_slips_in_a_long_word_are_wrong():
    assert check_typed("blodtrucksmätere", "blodtrycksmätare").outcome == WRONG


def test_a_wrong_answer_shows_the_right_one_and_counts_as_again():
    verdict = check_typed("puls", "blodtryck")
    assert verdict.outcome == WRONG
    assert verdict.rating == Rating.Again
    assert verdict.message == "Rätt svar är ”blodtryck”."
    assert not verdict.correct


def test_right_word_in_the_wrong_form_is_named_in_a_cloze():
    forms = {"blodtryck": "obestämd form singular", "blodtrycken": "bestämd form plural"}
    verdict = check_typed("blodtrycken", "blodtrycket", other_forms=forms)
    assert verdict.outcome == WRONG_FORM
    assert verdict.rating == Rating.Hard
    assert verdict.message == (
        "Rätt ord, men fel form: ”blodtrycken” är bestämd form plural. Här behövs ”blodtrycket”."
    )


def test_forms_that_coincide_are_named_by_all_their_labels():
    forms = {
        "sg_indef": "blodtrycksmätare",
        "sg_def": "blodtrycksmätaren",
        "pl_indef": "blodtrycksmätare",
        "pl_def": "blodtrycksmätarna",
    }
    named = other_forms(forms, "blodtrycksmätaren")
    assert named == {
        "blodtrycksmätare": "obestämd form singular eller obestämd form plural",
        "blodtrycksmätarna": "bestämd form plural",
    }
    verdict = check_typed("blodtrycksmätare", "blodtrycksmätaren", other_forms=named)
    assert (
        "”blodtrycksmätare” är obestämd form singular eller obestämd form plural."
        in verdict.message
    )


def test_the_needed_form_is_right_even_when_listed_among_forms():
    assert (
        check_typed("Blodtrycket", "blodtrycket", other_forms={"blodtryck": "x"}).outcome == RIGHT
    )


def test_choice_is_right_or_wrong():
    assert check_choice("ett", "ett").rating == Rating.Good
    assert check_choice("en", "ett").rating == Rating.Again
    assert check_choice("Puls", "puls").outcome == RIGHT


def test_giving_up_shows_the_answer_and_counts_as_again():
    verdict = gave_up("manschett")
    assert verdict.rating == Rating.Again and "manschett" in verdict.message


@pytest.mark.parametrize("text", ["", "   ", "...", "x" * 10000, "\u200b", "🙂", "<script>"])
def test_odd_input_never_crashes(text):
    assert check_typed(text, "manschett").outcome in (RIGHT, ALMOST, WRONG, WRONG_FORM)
    assert isinstance(normalise(text), str)
