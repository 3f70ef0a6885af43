"""Colloquial words get the professional term; value words get a hint to describe instead."""

import pytest

from tests.nlp.report_views import findings, flagged


@pytest.mark.parametrize(
    ("text", "word", "suggestion"),
    [
        ("Hon kissade i natt.", "kissade", "urinerade"),
        ("Jag bytte blöjan.", "blöjan", "inkontinensskyddet"),
        ("Hon har ont i magen.", "ont", "smärta"),
        ("Gubben sov gott.", "Gubben", "brukaren"),
        ("Hon har bajsat två gånger.", "bajsat", "haft avföring"),
        ("Han spydde efter maten.", "spydde", "kräktes"),
        ("Hon tog pillren.", "pillren", "tabletterna"),
        ("Han gick på toa.", "toa", "toalett"),
    ],
)
def test_colloquial_words_get_the_professional_term_in_the_same_form(text, word, suggestion):
    found = findings(text, "colloquial")
    assert [w for w, _ in found] == [word]
    assert suggestion in found[0][1]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Brukaren var besvärlig.", "besvärlig"),
        ("Han är lat.", "lat"),
        ("Det var jobbigt med henne.", "jobbigt"),
        ("Hon är gnällig på kvällarna.", "gnällig"),
        ("Han var otrevlig mot personalen.", "otrevlig"),
        ("Hon är så envis.", "envis"),
    ],
)
def test_judgmental_words_are_flagged(text, word):
    assert flagged(text, "judgmental") == [word]


@pytest.mark.parametrize(
    "text",
    [
        "Brukaren var blek och tyst.",
        "Hon var ledsen och orolig.",
        "Han var trött och förvirrad men stadig.",
        "Urinen hade sur lukt.",
        "Hon har en envis hosta.",
        "Hon sov drygt en timme.",
        "Vi har ont om tid på morgonen.",
        "Förbandet ligger an mot huden utan veck.",
    ],
)
def test_descriptive_words_are_not_findings(text):
    assert flagged(text, "judgmental") == []
    assert flagged(text, "colloquial") == []


def test_messages_are_plain_swedish():
    import nlp

    report = nlp.check("Gubben var besvärlig.", [])
    messages = [f.message for f in report.findings]
    assert any("I dokumentationen skriver man ”brukaren”" in m for m in messages)
    assert any("Beskriv i stället vad du såg och hörde" in m for m in messages)


def test_a_terms_colloquial_variants_are_flagged_with_the_term():
    import nlp

    spec = nlp.TermSpec("urinkateter", colloquial=("slangen",))
    report = nlp.check("Jag tömde slangen.", [spec])
    assert [(f.kind, f.text, f.suggestions[-1]) for f in report.findings] == [
        ("colloquial", "slangen", "urinkateter")
    ]
