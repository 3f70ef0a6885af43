"""Each mention says whether the note negates it, NegEx-style."""

import pytest

from nlp.negation import negated_positions
from tests.nlp.report_views import mentions, negated


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        ("Inga tecken på infektion.", "infektion", [True]),
        ("Patienten förnekar smärta.", "smärta", [True]),
        ("Ej rodnad runt såret.", "rodnad", [True]),
        ("Hon har ingen feber.", "feber", [True]),
        ("Hon har inte ont i magen.", "mage", [False]),  # the place of the absent finding
        ("Ingen smärta i armen.", "arm", [False]),
        ("Inga synliga tecken på rodnad.", "rodnad", [True]),
        ("Patienten är smärtfri sedan i går.", "smärta", [True]),  # -fri says it is absent
        ("Brukaren är tandlös i överkäken.", "tand", [True]),
        ("Brukaren har feber.", "feber", [False]),
        ("Smärta förnekas.", "smärta", [True]),  # post cue
        ("Yrsel ej.", "yrsel", [True]),
        ("Feber:\nnej", "feber", [True]),
        ("Urinen är klar och luktar inte.", "urin", [False]),  # before the cue
        ("Blodtrycket mättes inte kl. 18.00.", "mäta", [True]),  # negated verb
        ("Hon åt inget till lunch.", "äta", [True]),
        ("Infektion kan inte uteslutas.", "infektion", [False]),  # hedge
        ("Vi misstänker infektion.", "infektion", [False]),
        ("Hon har inte bara yrsel utan också huvudvärk.", "huvudvärk", [False]),
        ("Inte feber utan frossa.", "frossa", [False]),
        ("Hon har inte heller urinerat.", "urinera", [True]),
        ("Hon tog blodprov utan problem.", "blodprov", [False]),
        ("Blodprov för att se om hon har infektion.", "infektion", [False]),  # hedge
        ("Förnekar smärta, däremot yrsel.", "yrsel", [False]),
        ("Feber saknas, hosta finns.", "hosta", [False]),
        ("Rodnad: ja. Svullnad: nej.", "rodnad", [False]),
        ("Smärtan har inte återkommit.", "smärta", [False]),  # the subject of a negated verb
    ],
)
def test_negation_of_a_single_mention(text, term, expected):
    assert negated(text, term) == expected


def test_coordination_with_eller_carries_the_cue():
    assert mentions("Hon vill inte äta eller dricka.", ["äta", "dricka"]) == [
        ("äta", "äta", True),
        ("dricka", "dricka", True),
    ]


def test_coordination_carries_the_cue():
    assert mentions(
        "Förnekar yrsel, illamående och huvudvärk.", ["yrsel", "illamående", "huvudvärk"]
    ) == [
        ("yrsel", "yrsel", True),
        ("illamående", "illamående", True),
        ("huvudvärk", "huvudvärk", True),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ingen feber men hosta på natten.",  # terminator
        "Ingen feber och hon har hosta.",  # a new clause after och
        "Ingen feber, hostar mycket.",  # a comma and a finite verb
        "Ingen feber.\nHosta på natten.",  # a line break ends the sentence
        "Ingen feber som vi vet. Hosta.",
        "Ingen feber: hosta.",  # a list colon ends it too
    ],
)
def test_scope_ends(text):
    report = mentions(text, ["feber", "hosta"])
    assert ("feber", "feber", True) in report
    assert all(not neg for term, _, neg in report if term == "hosta")


def test_list_without_punctuation_ends_at_a_new_subject():
    text = "hon förnekar smärta yrsel och illamående hon har ätit frukost"
    assert mentions(text, ["smärta", "illamående", "äta"]) == [
        ("smärta", "smärta", True),
        ("illamående", "illamående", True),
        ("äta", "ätit", False),
    ]


def test_rules_work_on_plain_word_lists():
    words = ["förnekar", "yrsel", "men", "har", "huvudvärk"]
    assert negated_positions(words) == {1}
