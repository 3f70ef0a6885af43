"""Teachers move terms in and out as CSV (Excel, either separator, with or without BOM) and
JSON; an import with one bad row gives back nothing and names the row."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.exchange import COLUMNS, export_csv, export_json, import_csv, import_json
from glossary.load import load_files
from glossary.problems import ContentError


@pytest.fixture
def terms(term_file, valid_term, valid_verb):
    return list(load_files([term_file([valid_term, valid_verb])]))


def test_csv_round_trip_gives_back_equal_terms(terms):
    assert import_csv(export_csv(terms)) == terms


def test_json_round_trip_gives_back_equal_terms(terms):
    assert import_json(export_json(terms)) == terms


def test_export_is_excel_friendly_with_bom_and_semicolons(terms):
    data = export_csv(terms)
    assert data.startswith(b"\xef\xbb\xbf")
    header = data.decode("utf-8-sig").splitlines()[0]
    assert header.split(";") == list(COLUMNS)
    assert "tr_ar;tr_ar_status" in header


def test_comma_separated_file_without_bom_is_read(terms):
    text = export_csv(terms, delimiter=",").decode("utf-8-sig")
    assert not text.startswith("\ufeff")
    assert import_csv(text.encode("utf-8")) == terms


def test_semicolon_file_with_bom_and_text_containing_commas(terms):
    data = export_csv(terms)
    assert b"blodk\xc3\xa4rlen n\xc3\xa4r" in data  # å/ä/ö survive as UTF-8
    imported = import_csv(data)
    assert imported[0].translations["ar"].text == "ضغط الدم"


def test_one_bad_row_writes_nothing_and_names_the_row(terms):
    lines = export_csv(terms).decode("utf-8-sig").splitlines()
    columns = lines[0].split(";")
    cells = lines[2].split(";")
    cells[columns.index("area")] = "kardiologi"
    lines[2] = ";".join(cells)
    with pytest.raises(ContentError) as caught:
        import_csv("\n".join(lines))
    problems = caught.value.problems
    assert [p.row for p in problems] == [3]
    assert "rad 3" in str(problems[0]) and "okänt område ”kardiologi”" in str(problems[0])


def test_form_in_the_wrong_word_class_column_is_refused(terms):
    text = export_csv(terms).decode("utf-8-sig")
    lines = text.splitlines()
    columns = lines[0].split(";")
    cells = lines[2].split(";")  # the verb
    cells[columns.index("sg_def")] = "mätan"
    lines[2] = ";".join(cells)
    with pytest.raises(ContentError) as caught:
        import_csv("\n".join(lines))
    assert "passar inte ordklassen verb" in str(caught.value)
    assert caught.value.problems[0].row == 3


def test_duplicate_rows_and_unknown_columns(terms):
    text = export_csv(terms).decode("utf-8-sig")
    lines = text.splitlines()
    with pytest.raises(ContentError, match="samma lemma och ordklass som på rad 2"):
        import_csv("\n".join([*lines, lines[1]]))
    with pytest.raises(ContentError, match="okänd språkkod ”sv”"):
        import_csv("\n".join([lines[0] + ";tr_sv", *(line + ";" for line in lines[1:])]))


def test_lists_are_pipe_separated(terms, valid_term):
    row = export_csv(terms).decode("utf-8-sig").splitlines()[1]
    assert "blodtrycks" in row.split(";")
    valid_term["synonyms"] = ["artärtryck", "tryck i blodet"]
    term = import_json(json.dumps([{**valid_term, "area": "vitalparametrar"}]))[0]
    assert "artärtryck|tryck i blodet" in export_csv([term]).decode("utf-8-sig")


def test_file_that_is_not_utf8_is_refused_in_swedish(terms):
    data = export_csv(terms).decode("utf-8-sig").encode("cp1252", errors="replace")
    with pytest.raises(ContentError, match="inte sparad som UTF-8"):
        import_csv(data)


def test_json_item_errors_are_numbered(valid_term):
    items = [{**valid_term, "area": "vitalparametrar"}, {**valid_term, "lemma": "", "area": "x"}]
    with pytest.raises(ContentError) as caught:
        import_json(json.dumps(items))
    assert {p.item for p in caught.value.problems} == {2}
    assert str(caught.value.problems[0]).startswith("JSON, post 2")


def test_markup_survives_export_and_import_untouched(valid_term):
    valid_term["definition"] = "<script>alert(1)</script> & [b]fet[/b]"
    valid_term["example"] = 'Jag mätte <i>blodtrycket</i>; sedan pulsen, "noga".'
    term = import_json(json.dumps([{**valid_term, "area": "vitalparametrar"}]))[0]
    back = import_csv(export_csv([term]))[0]
    assert back.definition == "<script>alert(1)</script> & [b]fet[/b]"
    assert back.example == 'Jag mätte <i>blodtrycket</i>; sedan pulsen, "noga".'


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        ({"area": "kardiologi"}, "area", "okänt område ”kardiologi”"),
        ({"lemma": ""}, "lemma", "får inte vara tomt"),
        ({"definition": "a" * 10_000}, "definition", "för långt"),
    ],
)
def test_teachers_form_refuses_bad_terms_in_swedish(valid_term, change, field, fragment):
    from glossary.exchange import parse_term

    with pytest.raises(ContentError) as caught:
        parse_term({**valid_term, "area": "vitalparametrar", **change})
    assert [(p.field, p.row, p.item) for p in caught.value.problems] == [(field, None, None)]
    assert fragment in caught.value.problems[0].message


UPLOAD_CHARACTERS = [";", ",", '"', "\n", "\r", "a", "b", "|", "å", "t", "r", "_", "\ufeff"]


@settings(max_examples=150, deadline=None)
@given(
    st.binary(max_size=300)
    | st.text(alphabet=st.sampled_from(UPLOAD_CHARACTERS))
    | st.text(alphabet=st.sampled_from(UPLOAD_CHARACTERS)).map(
        lambda cells: "lemma;pos;gender;area;sg_indef;definition;example;tr_en\n" + cells
    )
)
def test_any_uploaded_file_gives_terms_or_problems_never_a_crash(data):
    for importer in (import_csv, import_json):
        try:
            importer(data)
        except ContentError as exc:
            assert exc.problems


def test_review_status_and_reviewer_travel_through_csv_and_json(terms):
    """Files carry who reviewed a translation and when (the site decides what that is worth:
    ``tests/webapp/test_content_review.py``); a plain translation stays {text, status}."""
    first = terms[0]
    arabic = first.translations["ar"].model_copy(
        update={"status": "reviewed", "reviewer": "Rana Haddad", "reviewed_at": "2026-12-07"}
    )
    reviewed = [
        first.model_copy(update={"translations": {**first.translations, "ar": arabic}}),
        *terms[1:],
    ]
    assert import_csv(export_csv(reviewed)) == reviewed
    assert import_json(export_json(reviewed)) == reviewed
    dumped = json.loads(export_json(reviewed))[0]["translations"]
    assert dumped["ar"] == {
        "text": arabic.text,
        "status": "reviewed",
        "reviewer": "Rana Haddad",
        "reviewed_at": "2026-12-07",
    }
    assert set(dumped["en"]) == {"text", "status"}
