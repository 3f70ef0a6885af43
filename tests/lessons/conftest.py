"""A small valid lesson and the term references it uses, for the loader tests."""

from __future__ import annotations

import pytest

KNOWN_TERMS = frozenset(
    {"brukare", "manschett", "blodtryck", "puls", "mäta", "överarm", "armveck", "stetoskop"}
)

LESSON_YAML = """\
id: puls-och-blodtryck
title: Puls och blodtryck
area: vitalparametrar
level: B1
goals:
  - Du kan mäta puls och blodtryck och berätta för brukaren vad du gör.
  - Du kan skriva en kort anteckning med värden och enheter.
procedure:
  - text: "Förklara för [brukaren|brukare] vad du ska göra och fråga om det går bra."
    hygiene: null
    safety: null
  - text: "Sätt [manschetten|manschett] på [överarmen|överarm], ovanför [armvecket|armveck]."
    hygiene: Desinfektera händerna innan du rör brukaren.
  - text: "[Mät|mäta] [blodtrycket|blodtryck] och [pulsen|puls]."
    safety: Säg till sjuksköterskan om värdet är mycket högt eller lågt.
dialogue:
  - speaker: vårdare
    text: God morgon, Karin! Jag skulle vilja mäta ditt blodtryck. Går det bra?
  - speaker: brukare
    text: Ja, det går bra. Ska jag kavla upp ärmen?
words: [blodtryck, puls, manschett, stetoskop]
drills:
  kinds: [flashcard, listen, choice, cloze, gender, spelling]
  new_per_day: 10
  threshold: 0.8
exercises:
  - id: puls-och-blodtryck-anteckning
    form: free
    situation: >-
      Du har mätt blodtryck och puls på Karin B., 84 år, på morgonen.
    required_terms: [blodtryck, puls, mäta]
    model_answer: |-
      Kl. 08.15 mätte jag blodtrycket på brukaren i sittande.
      Blodtryck 142/86 mmHg, puls 76 slag/min, regelbunden.
    rubric:
      - criterion: Anteckningen anger tid, värden och enheter.
        points: 2
      - criterion: Anteckningen använder fackord.
        points: 1
      - criterion: Anteckningen är saklig.
        points: 1
competence:
  - Utför händesinfektion före och efter momentet.
  - Mäter blodtryck med manuell mätare.
  - Dokumenterar värden med enhet.
"""


@pytest.fixture
def lesson_text() -> str:
    return LESSON_YAML


def line_of(text: str, fragment: str) -> int:
    """1-based number of the first line containing ``fragment``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(fragment)
