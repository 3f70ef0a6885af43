"""Every way of writing a personnummer is caught, whatever digits, dashes, spaces or prefix;
numbers that are not one are left alone (property tests)."""

import itertools
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.personal import contains_personal_id, find_personal_ids

# valid numbers (real date, Luhn check digit): personnummer and a samordningsnummer
VALID = [
    "121212-1212",
    "19121212-1212",
    "450312-2386",
    "19450312-2386",
    "701063-2391",
    "680466-9239",
    "080808+0006",
    "19990101-1230",
    "851130-4563",
]
# Decimal digits of many scripts: ASCII, fullwidth, Arabic-Indic, Persian, Devanagari,
# Bengali, Thai, Myanmar, Mongolian, N'Ko, Tibetan, mathematical bold
ZEROS = [
    "0",
    "\uff10",
    "\u0660",
    "\u06f0",
    "\u0966",
    "\u09e6",
    "\u0e50",
    "\u1040",
    "\u1810",
    "\u07c0",
    "\u0f20",
    "\U0001d7ce",
]
DASHES = [
    "-",
    "\u2010",
    "\u2011",
    "\u2012",
    "\u2013",
    "\u2014",
    "\u2015",
    "\u2212",
    "\ufe63",
    "\uff0d",
    "\u2043",
    "\u02d7",
    "\u2e3a",
]
SPACES = ["", " ", "\u00a0", "\u202f", "\u2009", "\u3000", "\t"]
INVISIBLE = ["", "\u200b", "\u00ad", "\u200e", "\u200f", "\u2060", "\ufeff"]
PREFIXES = [
    "",
    "pnr ",
    "Pnr:",
    "pnr.",
    "PNR: ",
    "Pnr",
    "personnr",
    "personnr: ",
    "Personnummer:",
    "personnummer ",
    "p-nr ",
    "Samordningsnummer: ",
    "(",
    "nr ",
]


def _digit(script_zero: str, digit: str) -> str:
    return chr(ord(script_zero) + int(digit))


@st.composite
def written_numbers(draw):
    """A valid number written in a random mix of scripts, dashes, spaces and invisibles."""
    number = draw(st.sampled_from(VALID))
    digits, separator, rest = number[:-5], number[-5], number[-4:]
    write = lambda part: "".join(
        _digit(draw(st.sampled_from(ZEROS)), d) + draw(st.sampled_from(INVISIBLE)) for d in part
    )
    if separator == "-":
        separator = draw(st.sampled_from(DASHES))
    gap = draw(st.sampled_from(SPACES))
    return write(digits) + gap + separator + draw(st.sampled_from(SPACES[:3])) + write(rest)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(PREFIXES),
    written_numbers(),
    st.sampled_from(["", " ", ".", ",", ")", " kom hem.", "\n"]),
    st.sampled_from(["", "Brukaren ", "Anteckning\n", "مريض "]),
)
def test_every_way_of_writing_a_number_is_caught(prefix, number, after, before):
    text = before + prefix + number + after
    spans = find_personal_ids(text)
    assert len(spans) == 1, (text, spans)
    start, end = spans[0]
    assert text[start:end].strip("\u200b\u00ad\u200e\u200f\u2060\ufeff") == number.strip(
        "\u200b\u00ad\u200e\u200f\u2060\ufeff"
    )


@settings(max_examples=200, deadline=None)
@given(written_numbers(), st.sampled_from(["NFC", "NFD", "NFKC", "NFKD"]))
def test_any_unicode_normal_form_is_caught(number, form):
    assert contains_personal_id("Pnr " + unicodedata.normalize(form, number))


@pytest.mark.parametrize(
    "text",
    [
        "Pnr:121212-1212",
        "pnr.121212-1212",
        "121212–1212",  # en dash
        "121212\u20111212",  # non-breaking hyphen
        "１２１２１２-１２１２",  # fullwidth
        "١٢١٢١٢-١٢١٢",  # Arabic-Indic
        "۱۲۱۲۱۲-۱۲۱۲",  # Persian
        "121212\u22121212",  # minus sign
        "pnr 1212121212",  # ten digits after a prefix
        "personnummer191212121212",
        "121212 - 1212",
        "1212\u200b12-1212",  # a zero-width space inside
    ],
)
def test_the_numbers_that_slipped_through_are_caught(text):
    assert contains_personal_id(text)


NOT_IDS = [
    "Blodtryck 145/90 mmHg kl. 14.30.",
    "Datum 2024-03-12, vikt 68,5 kg.",
    "Datum 2024–03–12 kl 14:30.",
    "Ring 070-123 45 67 eller rum 1234-5678.",
    "Telefon 0701234567.",  # ten digits without a separator or prefix
    "Tel: +46 70 123 45 67.",
    "Pnr 19121212-1213.",  # wrong check digit
    "Pnr 19121312-1212.",  # no month 13
    "Pnr 121212-XXXX.",  # masked
    "Pnr 121212-****.",
    "Pnr ÅÅMMDD-NNNN.",
    "BT 130/80, 125/85 och 140/90.",
    "Vikt 72,5 kg, längd 168 cm, BMI 25,7.",
    "Kl. 08.15–08.45 och 13.00–13.30.",
    "Ordernummer 1212121212.",
    "Rum 12, säng 12, 12 12 12 1212.",
    "Personal: 12 st, 1212 min.",
]


@pytest.mark.parametrize("text", NOT_IDS)
def test_other_numbers_are_not_personal_ids(text):
    assert find_personal_ids(text) == []


@settings(max_examples=300, deadline=None)
@given(
    st.integers(0, 23),
    st.integers(0, 59),  # times
    st.integers(60, 250),
    st.integers(30, 150),  # blood pressures
    st.integers(2000, 2030),
    st.integers(1, 12),
    st.integers(1, 28),  # dates
    st.sampled_from(DASHES),
    st.sampled_from(ZEROS),
)
def test_times_pressures_and_dates_in_any_script_are_not_ids(h, m, sys, dia, y, mo, d, dash, zero):
    text = f"Kl. {h:02}.{m:02} BT {sys}/{dia} datum {y}{dash}{mo:02}{dash}{d:02} kl {h:02}:{m:02}"
    text = "".join(_digit(zero, c) if c.isdigit() else c for c in text)
    assert find_personal_ids(text) == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_exact_ordered_spans(text):
    spans = find_personal_ids(text)
    assert spans == sorted(spans)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start
    assert all(0 <= s < e <= len(text) for s, e in spans)
