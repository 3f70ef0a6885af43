"""Personal data: Swedish personnummer and samordningsnummer in practice notes.

A number is flagged when it has one of the common shapes (YYMMDD-NNNN, YYMMDD+NNNN,
YYYYMMDD-NNNN, YYYYMMDDNNNN, also with a space instead of or around the separator) and
it holds a real date (or date + 60 for a samordningsnummer) and a valid Luhn check digit
(``stdnum.luhn``; python-stdnum 2.2's ``stdnum.se.personnummer`` rejects samordningsnummer). Dates, blood pressures, times, weights and ten digits without a
separator (phone and room numbers) are not flagged.
"""

from __future__ import annotations

import datetime
import re

from spacy.language import Language
from spacy.tokens import Doc
from stdnum import luhn

from .findings import add_finding
from .resources import message

_SHAPE = re.compile(
    r"(?<![\d/.,:-])(\d{8}(?: ?[-+] ?| )?\d{4}|\d{6}(?: ?[-+] ?| )\d{4})(?![\d/]|[.,:]\d)"
)


def looks_like_personal_id(number: str) -> bool:
    """Whether ``number`` (one of the shapes above) is a valid personnummer/samordningsnummer."""
    digits = re.sub(r"\D", "", number)
    year = (
        int(digits[:4])
        if len(digits) == 12
        else (1900 if int(digits[:2]) > 30 else 2000) + int(digits[:2])
    )
    month, day = int(digits[-8:-6]), int(digits[-6:-4])
    if day > 60:  # samordningsnummer
        day -= 60
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return luhn.is_valid(digits[-10:])


@Language.factory("ordvard_personal_data")
def make_personal(nlp: Language, name: str):
    return find_personal_data


def find_personal_data(doc: Doc) -> Doc:
    for match in _SHAPE.finditer(doc._.text):
        if looks_like_personal_id(match.group(1)):
            add_finding(
                doc, "personal_data", match.start(1), match.end(1), (), message("personal_data")
            )
    return doc
