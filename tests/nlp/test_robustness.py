"""The checker never crashes, and every span slices the original text exactly."""

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nlp
from nlp.report import FINDING_KINDS

TERMS = ["blodtryck", "smärta", "sår", "palliativ vård", "tand"]
NOTE = "Patienten förnekar smärta. Blodtrycket 130/80 mmHg. Tempratur 37,8 °C. Sjuk sköterskan."

swedish = st.sampled_from(
    [
        "smärta",
        "Blodtrycket",
        "ej",
        "inga",
        "sår",
        "gubben",
        "121212-1212",
        "130/80",
        "mmHg",
        "\r\n",
        "\n",
        ":",
        ".",
        " ",
        "å",
        "ä",
        "ö",
        "😀",
        "\u200f",
        "مرحبا",
        "\u0301",
        "\x00",
        "\t",
    ]
)
texts = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(exclude_categories=())),  # with lone surrogates
    st.text(alphabet=st.characters(codec="utf-8")),
    st.lists(swedish, max_size=40).map("".join),
    st.lists(st.sampled_from(NOTE.split()), max_size=40).map(" ".join),
)


def assert_well_formed(text: str, report: nlp.Report) -> None:
    data = report.to_dict()
    assert set(data) >= {"terms", "findings", "readability", "sbar"}
    found_terms = {m["term"] for m in data["terms"]["found"]}
    assert found_terms.isdisjoint(data["terms"]["missing"])
    assert found_terms | set(data["terms"]["missing"]) == set(TERMS)
    for span in data["terms"]["found"] + data["findings"]:
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]
    for finding in data["findings"]:
        assert finding["kind"] in FINDING_KINDS
        assert finding["message"]
    assert data["readability"]["lix"] >= 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_gives_a_well_formed_report(text):
    assert_well_formed(text, nlp.check(text, TERMS))


@settings(max_examples=40, deadline=None)
@given(st.lists(swedish, max_size=30).map("".join))
def test_nfd_input_gives_spans_in_the_original_string(text):
    nfd = unicodedata.normalize("NFD", NOTE + " " + text)
    assert_well_formed(nfd, nlp.check(nfd, TERMS))


def test_nfd_note_finds_the_same_terms_as_nfc():
    nfc = "Hälsocentralen ringde. Patienten förnekar smärta i höger fot."
    nfd = unicodedata.normalize("NFD", nfc)
    terms = ["hälsa", "smärta", "fot"]
    assert [(m.term, m.negated) for m in nlp.check(nfd, terms).found] == [
        (m.term, m.negated) for m in nlp.check(nfc, terms).found
    ]


def test_crlf_emoji_and_rtl_keep_offsets():
    text = "😀 مرحبا\r\nPatienten förnekar smärta 😀.\r\nTempratur 38 °C.\u200f"
    report = nlp.check(text, TERMS)
    assert_well_formed(text, report)
    assert [(m.text, m.negated) for m in report.found] == [("smärta", True)]


def test_edge_inputs():
    for text in [
        "",
        " ",
        "\n\n\n",
        "\x00\x01\x02",
        "." * 1000,
        "a" * 5000,
        "smärta\ud800 sår\udfff",
    ]:
        assert_well_formed(text, nlp.check(text, TERMS))


def test_a_hundred_thousand_characters():
    text = (NOTE + "\n") * (100_000 // (len(NOTE) + 1) + 1)
    text = text[:100_000]
    assert_well_formed(text, nlp.check(text, TERMS))


def test_a_note_stopped_after_och_or_men_is_checked():
    """A draft the live check sees mid-sentence (it crashed the grammar stage: a 500)."""
    for text in ["Hon var trött men", "Hon åt och", "(men", "Brukaren sov och\nvaknade men"]:
        assert_well_formed(text, nlp.check(text, TERMS))
