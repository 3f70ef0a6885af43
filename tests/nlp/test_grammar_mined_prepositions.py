"""Wrong prepositions mined from native Swedish (``prepositions_mined.yaml``): marked under
the conditions of the hand-written expression, silent on the natives' own use."""

import pytest

from nlp.grammar import mined_prepositions, prepositions
from tests.nlp.report_views import grammar_findings


def findings(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return grammar_findings(text, "preposition")


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Hon är inte van till det nya rummet än.", "till", "vid"),  # the hand entry: med
        ("Tack med hjälpen i går!", "med", "för"),  # the hand entry: om
    ],
)
def test_a_wrong_preposition_only_the_mined_list_knows_is_marked(text, wrong, right):
    assert findings(text) == [(wrong, (right,))]


@pytest.mark.parametrize(
    "text",
    [
        "Hon är inte van vid det nya rummet än.",
        "Hon blev nöjd till slut.",
        "Det beror för det mesta på vädret.",
        "Tack av hela mitt hjärta för er hjälp.",
        "Vi tackade av personalen med blommor.",  # tacka av is a verb of its own (avtacka)
    ],
)
def test_native_uses_stay_silent(text):
    assert findings(text) == []


@pytest.fixture
def mined_beroende_i(monkeypatch):
    load = mined_prepositions.yaml_data
    mined = [{"head": "beroende", "right": "av", "wrong": ["i"]}]
    monkeypatch.setattr(
        mined_prepositions,
        "yaml_data",
        lambda name: mined if name.endswith("_mined") else load(name),
    )
    prepositions.expressions.cache_clear()
    yield
    prepositions.expressions.cache_clear()


def test_a_mined_preposition_keeps_the_hand_entrys_conditions(mined_beroende_i):
    # the hand entry counts beroende only after är, var, blir …
    assert findings("Han är beroende i hemtjänsten varje dag.") == [("i", ("av",))]
    assert findings("Det finns ett beroende i familjen.") == []
