"""The annotated practice notes are well formed, so the accuracy benchmark measures the checker
and not a typo in the ground truth."""

import datetime
import re
import sys
from pathlib import Path

import pytest
from stdnum import luhn

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data"))
import notes_corpus

RECORDS = notes_corpus.load_raw()
WORD = re.compile(r"\w+(?:[-/,.]\w+)*")


def _ids(records):
    return [record.get("id", "?") for record in records]


def test_corpus_holds_at_least_80_notes_with_unique_ids():
    ids = _ids(RECORDS)
    assert len(ids) >= 80
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]


@pytest.mark.parametrize("record", RECORDS, ids=_ids(RECORDS))
def test_every_expected_span_occurs_in_the_note(record):
    note = notes_corpus.parse_note(record)
    for item in (*note.found, *note.findings):
        assert note.text[item.start : item.end] == item.text


@pytest.mark.parametrize("record", RECORDS, ids=_ids(RECORDS))
def test_every_term_is_either_found_or_missing(record):
    note = notes_corpus.parse_note(record)
    found_terms = {mention.term for mention in note.found}
    assert 3 <= len(note.terms) <= 8
    assert len(set(note.terms)) == len(note.terms)
    assert found_terms <= set(note.terms), found_terms - set(note.terms)
    assert not found_terms & set(note.missing), found_terms & set(note.missing)
    assert found_terms | set(note.missing) == set(note.terms)


@pytest.mark.parametrize("record", RECORDS, ids=_ids(RECORDS))
def test_mentions_are_listed_in_order_of_appearance(record):
    note = notes_corpus.parse_note(record)
    starts = [mention.start for mention in note.found]
    assert starts == sorted(starts)
    assert all(isinstance(mention.negated, bool) for mention in note.found)


@pytest.mark.parametrize("record", RECORDS, ids=_ids(RECORDS))
def test_setting_form_kinds_and_length_are_valid(record):
    note = notes_corpus.parse_note(record)
    assert note.setting in notes_corpus.SETTINGS
    assert note.form in notes_corpus.FORMS
    assert {finding.kind for finding in note.findings} <= set(notes_corpus.KINDS)
    assert 20 <= len(WORD.findall(note.text)) <= 150
    if note.form == "sbar":
        assert set(note.sbar) == set(notes_corpus.SBAR_PARTS)
        assert all(isinstance(value, bool) for value in note.sbar.values())
    else:
        assert note.sbar is None


def _is_identity_number(text: str) -> bool:
    """Personnummer or samordningsnummer (day + 60), 10 or 12 digits, valid Luhn digit."""
    digits = text.replace("-", "").replace("+", "")
    if not digits.isdigit() or len(digits) not in (10, 12):
        return False
    short = digits[-10:]
    month, day = int(short[2:4]), int(short[4:6])
    day = day - 60 if day > 60 else day
    try:
        datetime.date(2000, month, day)
    except ValueError:
        return False
    return luhn.is_valid(short)


@pytest.mark.parametrize("record", RECORDS, ids=_ids(RECORDS))
def test_personal_data_findings_are_valid_identity_numbers(record):
    note = notes_corpus.parse_note(record)
    for finding in note.findings:
        if finding.kind == "personal_data":
            assert _is_identity_number(finding.text), finding.text


def test_a_misplaced_span_is_reported_with_the_note_id():
    record = {
        **RECORDS[0],
        "expect": {
            **RECORDS[0]["expect"],
            "found": [{"term": "x", "text": "zzz", "negated": False}],
        },
    }
    with pytest.raises(notes_corpus.CorpusError, match=RECORDS[0]["id"]):
        notes_corpus.parse_note(record)
