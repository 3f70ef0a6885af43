"""The ``preposition`` rule on care heads added in session 6 and on months: a trainee's
transfer from another language is marked, the natives' own use of the same words stays silent."""

import pytest

from tests.nlp.report_views import grammar_findings


def findings(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return grammar_findings(text, "preposition")


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Hennes man var sjuk av cancer och dog förra året.", "av", "i"),
        ("Hon har ont på knät när hon går i trappan.", "på", "i"),
        ("Han klagar på smärta på ryggen.", "på", "i"),
        ("Hon fick en tablett på illamåendet.", "på", "mot"),
        ("Brukaren är allergisk till jordnötter.", "till", "mot"),
        ("Han är nyfiken för den nya personalen.", "för", "på"),
        ("Hon irriterar sig med ljudet från korridoren.", "med", "på"),
        ("Dottern är upprörd om beslutet.", "om", "över"),
        ("Han är inte medveten för sin sjukdom.", "för", "om"),
        ("Hon är vaccinerad för influensa.", "för", "mot"),
        ("Han anpassar sig för rutinerna på boendet.", "för", "till"),
        ("Hon har inget behov till hjälp på natten.", "till", "av"),
        ("Hon fyller år på januari.", "på", "i"),
    ],
)
def test_a_transferred_preposition_after_a_care_head_is_marked(text, wrong, right):
    assert findings(text) == [(wrong, (right,))]


@pytest.mark.parametrize(
    "text",
    [
        "Hon är sjuk av oro för sonen.",  # sjuk av: only before a disease
        "Han har ont på höger sida.",  # ont på: only before a listed body part
        "Hon väntar på juli när dottern kommer hem.",  # vänta på: the head's preposition
        "I början på mars flyttade hon hit.",
        "Raketen landade på Mars.",  # a capital: a name
        "Han lyssnar på radio varje morgon.",
        "Hon är en stor tillgång för avdelningen.",
        "Försök att göra läsningen till en vana för er.",  # vana, not van
    ],
)
def test_the_natives_use_of_the_same_words_is_silent(text):
    assert findings(text) == []
