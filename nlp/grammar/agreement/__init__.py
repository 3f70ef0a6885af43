"""Agreement: article, adjective and noun in a noun phrase (``np_agreement``: *en knä → ett
knä*, *ett skön stol → en skön stol*, *den röda förbandet → det röda förbandet*), and a
predicative adjective with its subject (``predicative_agreement``: *händerna är varm →
varma*, *golvet är hal → halt*).

The noun's gender comes from ``data/grammar/noun_genders.yaml``, else from the inflection
classes of the dictionary entry (*bord/ABD*: bordet, borden make an ett-ord; see
``nlp/dictionary.py``), else from which definite form is in use; a compound takes its last
part's. Its number and definiteness come from which of its forms is written
(``forms.noun_readings``, checked against the entry's forms). A phrase is checked only when
every word between the determiner and the noun is an adjective whose forms the dictionary
confirms. The modules: ``noun_phrases`` (np_agreement) and ``predicatives``.
"""

from __future__ import annotations

from .. import Hit, Tok
from .noun_phrases import bare_phrases, determiner_phrases
from .predicatives import predicatives


def find(sentence: list[Tok]) -> list[Hit]:
    return [*determiner_phrases(sentence), *bare_phrases(sentence), *predicatives(sentence)]
