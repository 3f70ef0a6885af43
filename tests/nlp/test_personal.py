"""A personnummer or samordningsnummer in a practice note is flagged; other numbers are not."""

import pytest

from nlp.personal import looks_like_personal_id
from tests.nlp.report_views import flagged


@pytest.mark.parametrize(
    "number",
    [
        "19121212-1212",
        "121212-1212",
        "191212121212",
        "121212+1212",
        "19450312-2386",
        "196804669239",
        "19121212 - 1212",
        "121212 1212",
    ],
)
def test_valid_personal_ids_are_flagged(number):
    assert flagged(f"Brukaren pnr {number} kom hem.", "personal_data") == [number]


def test_samordningsnummer_has_day_plus_sixty():
    assert looks_like_personal_id("701063-2391")  # day 03 + 60


@pytest.mark.parametrize(
    "text",
    [
        "Blodtryck 145/90 mmHg kl. 14.30.",
        "Datum 2024-03-12, vikt 68,5 kg.",
        "Ring 070-123 45 67 eller rum 1234-5678.",
        "Brukaren i rum 0701234567.",  # ten digits without a separator: a phone number
        "Pnr 19121212-1213.",  # wrong check digit
        "Nummer 19121312-1212.",  # no month 13
    ],
)
def test_other_numbers_are_not_personal_data(text):
    assert flagged(text, "personal_data") == []


def test_only_the_number_is_marked_and_the_message_says_why():
    import nlp

    text = "Pnr: 121212-1212."
    (finding,) = [f for f in nlp.check(text, []).findings if f.kind == "personal_data"]
    assert text[finding.start : finding.end] == "121212-1212"
    assert "personnummer" in finding.message
