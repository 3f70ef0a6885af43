"""Vital signs with implausible values or without their unit are flagged."""

import pytest

from tests.nlp.report_views import flagged


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Temp 378.", "Temp 378"),
        ("Saturation 9 %.", "Saturation 9"),
        ("Blodtryck 130.", "Blodtryck 130"),
        ("Puls 92.", "Puls 92"),
        ("Puls 720 slag/min.", "Puls 720"),
        ("Blodtrycket var 80/130 mmHg.", "Blodtrycket var 80/130"),
        ("Temp: 45 °C.", "Temp: 45"),
    ],
)
def test_implausible_or_unitless_values_are_flagged(text, span):
    assert flagged(text, "measurement") == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Blodtryck 130/80 mmHg, puls 72 slag/min, temp 37,8 °C, saturation 96 %.",
        "Andningsfrekvens 16/min. Blodsocker 6,2 mmol/l.",
        "Puls 72 /min. Temp 37,8°C.",
        "Blodtrycket mättes inte kl. 18.00.",
        "Det systoliska blodtrycket var 168 mmHg.",
        "Vikten har gått ner 2 kg.",
    ],
)
def test_well_written_values_are_not_flagged(text):
    assert flagged(text, "measurement") == []
