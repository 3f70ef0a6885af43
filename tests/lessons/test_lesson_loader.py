"""A teacher who uploads or edits a lesson file gets the lesson back exactly, or Swedish
messages naming the line and field of every mistake — and nothing is kept."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.problems import ContentError
from lessons.export import lesson_yaml
from lessons.load import load_file, parse_lesson
from lessons.model import plain_text, segments
from tests.lessons.conftest import KNOWN_TERMS, LESSON_YAML, line_of


def problems_of(text, **kwargs):
    with pytest.raises(ContentError) as caught:
        parse_lesson(text, "lektion.yaml", **kwargs)
    return caught.value.problems


def test_valid_lesson_parses_with_its_parts(lesson_text):
    lesson = parse_lesson(lesson_text, "lektion.yaml", known_terms=KNOWN_TERMS)
    assert lesson.level == "B1"
    assert len(lesson.procedure) == 3
    assert lesson.procedure[1].hygiene.startswith("Desinfektera")
    assert lesson.dialogue[1].speaker == "brukare"
    assert lesson.exercises[0].rubric[0].points == 2
    assert lesson.exercises[0].model_answer.count("\n") == 1


def test_step_segments_link_surface_words_to_lemmas(lesson_text):
    step = parse_lesson(lesson_text, "lektion.yaml").procedure[1]
    assert step.segments() == [
        ("Sätt ", None),
        ("manschetten", "manschett"),
        (" på ", None),
        ("överarmen", "överarm"),
        (", ovanför ", None),
        ("armvecket", "armveck"),
        (".", None),
    ]
    assert segments("[puls] mäts") == [("puls", "puls"), (" mäts", None)]
    assert plain_text(step.text) == "Sätt manschetten på överarmen, ovanför armvecket."


def test_yaml_syntax_error_names_the_line(lesson_text):
    broken = lesson_text.replace("title: Puls och blodtryck", "title: Puls: och blodtryck")
    [problem] = problems_of(broken)
    assert problem.message.startswith("YAML-syntaxfel")
    assert problem.line == line_of(broken, "title:")


def test_missing_step_text_names_line_and_field(lesson_text):
    broken = lesson_text.replace('  - text: "Sätt [manschetten', '  - txt: "Sätt [manschetten')
    problems = problems_of(broken)
    messages = {(p.field, p.message) for p in problems}
    assert ("procedure.1.text", "obligatoriskt fält saknas") in messages
    assert ("procedure.1", "okänt fält ”txt”") in messages
    assert {p.line for p in problems} == {line_of(broken, "- txt:")}


def test_unknown_term_names_every_place_it_is_used(lesson_text):
    known = KNOWN_TERMS - {"manschett"}
    problems = problems_of(lesson_text, known_terms=known)
    assert {p.field for p in problems} == {"procedure.1.text", "words.2"}
    assert all(p.message == "termen ”manschett” finns inte i termbanken" for p in problems)
    assert {p.line for p in problems} == {
        line_of(lesson_text, "Sätt [manschetten"),
        line_of(lesson_text, "words:"),
    }


def test_five_megabyte_body_is_refused_before_parsing():
    huge = "title: x\n" + "#" * 5_000_000 + "\n: : : ["  # would be a syntax error if parsed
    [problem] = problems_of(huge)
    assert problem.message == "filen är för stor (5 MB); högst 1 MB är tillåtet"


def test_limit_is_configurable(lesson_text):
    [problem] = problems_of(lesson_text, max_bytes=1000)
    assert "för stor" in problem.message


@pytest.mark.parametrize(
    ("old", "new", "field", "fragment"),
    [
        ("level: B1", "level: C1", "level", "ogiltigt värde ”C1”"),
        ("area: vitalparametrar", "area: kardiologi", "area", "okänt område ”kardiologi”"),
        ("form: free", "form: fri", "exercises.0.form", "ogiltigt värde ”fri”"),
        ("speaker: brukare", "speaker: kund", "dialogue.1.speaker", "ogiltigt värde ”kund”"),
        ("new_per_day: 10", "new_per_day: tio", "drills.new_per_day", "heltal"),
        ("threshold: 0.8", "threshold: 8", "drills.threshold", "högst 1"),
        ("id: puls-och-blodtryck\n", "id: Puls och blodtryck\n", "id", "fel form"),
        ("[Mät|mäta] [blodtrycket", "[Mät|mäta [blodtrycket", "procedure.2.text", "trasig"),
    ],
)
def test_wrong_values_name_line_and_field(lesson_text, old, new, field, fragment):
    broken = lesson_text.replace(old, new, 1)
    problems = problems_of(broken)
    assert [p.field for p in problems] == [field]
    assert fragment in problems[0].message
    assert problems[0].line == line_of(broken, new.strip().split("\n")[0][:12])


def test_rubric_needs_three_to_six_criteria(lesson_text):
    start = lesson_text.index("      - criterion: Anteckningen använder")
    end = lesson_text.index("competence:")
    [problem] = problems_of(lesson_text[:start] + lesson_text[end:])
    assert problem.field == "exercises.0.rubric"
    assert "minst 3" in problem.message


def test_file_id_must_match_its_name(tmp_path, lesson_text):
    path = tmp_path / "blodtryck.yaml"
    path.write_text(lesson_text, encoding="utf-8")
    with pytest.raises(ContentError, match="ska vara samma som filnamnet ”blodtryck”"):
        load_file(path)
    (tmp_path / "puls-och-blodtryck.yaml").write_text(lesson_text, encoding="utf-8")
    assert load_file(tmp_path / "puls-och-blodtryck.yaml").id == "puls-och-blodtryck"


def test_uploaded_bytes_with_bom_are_read(lesson_text):
    lesson = parse_lesson(("\ufeff" + lesson_text).encode("utf-8"), "upload.yaml")
    assert lesson.title == "Puls och blodtryck"


def test_export_reads_back_identically(lesson_text):
    lesson = parse_lesson(lesson_text, "lektion.yaml")
    exported = lesson_yaml(lesson)
    assert parse_lesson(exported, "export.yaml") == lesson
    assert "model_answer: |-" in exported  # multi-line answer stays readable


@pytest.mark.parametrize(
    ("written", "marked", "field"),
    [
        (
            "hygiene: Desinfektera händerna",
            "hygiene: Desinfektera [händerna|hand]",
            "procedure.1.hygiene",
        ),
        (
            "Du har mätt blodtryck och puls",
            "Du har mätt [blodtryck] och puls",
            "exercises.0.situation",
        ),
        ("regelbunden.", "[regelbunden].", "exercises.0.model_answer"),
    ],
)
def test_term_markup_where_the_text_is_shown_plain_is_refused(lesson_text, written, marked, field):
    [problem] = problems_of(lesson_text.replace(written, marked, 1))
    assert problem.field == field
    assert "termmarkering" in problem.message


def test_markup_in_texts_is_kept_as_plain_text(lesson_text):
    text = lesson_text.replace(
        "text: Ja, det går bra. Ska jag kavla upp ärmen?",
        "text: \"<script>alert('x')</script> & Ja, det går bra.\"",
    )
    lesson = parse_lesson(text, "lektion.yaml")
    assert lesson.dialogue[1].text.startswith("<script>alert('x')</script> & Ja")
    assert parse_lesson(lesson_yaml(lesson), "x.yaml") == lesson


def test_nested_aliases_are_refused_instead_of_expanded():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefghij":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 10) + "]\n"
    [problem] = problems_of(bomb)
    assert "alias" in problem.message


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab: -[]|{}&*\n\t\"'#!%@`>|,") + ["å", "\u202e"])))
def test_any_upload_gives_a_lesson_or_swedish_problems_never_a_crash(text):
    try:
        parse_lesson(text, "upload.yaml")
    except ContentError as exc:
        assert exc.problems and all(p.source == "upload.yaml" for p in exc.problems)


SCALAR_LINES = (
    "level: B1",
    "title: Puls och blodtryck",
    "area: vitalparametrar",
    "new_per_day: 10",
    "threshold: 0.8",
    "points: 2",
    "form: free",
)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SCALAR_LINES), st.text(max_size=30)), max_size=3))
def test_any_value_in_any_field_gives_a_lesson_or_problems_never_a_crash(replacements):
    text = LESSON_YAML
    for line, value in replacements:
        key = line.split(":")[0]
        text = text.replace(line, f"{key}: {value}", 1)
    try:
        parse_lesson(text, "upload.yaml")
    except ContentError as exc:
        assert exc.problems and all(str(p).startswith("upload.yaml") for p in exc.problems)


def test_what_a_draft_lacks_is_said_in_correct_swedish_for_one_and_for_many(lesson_text):
    from lessons.model import Draft, shortfalls

    lesson = parse_lesson(lesson_text, "lektion.yaml", known_terms=KNOWN_TERMS)
    one = Draft.model_validate(
        lesson.model_dump() | {"dialogue": lesson.dialogue[:1], "competence": lesson.competence[:1]}
    )
    lacks = dict(shortfalls(one))
    assert lacks["dialogue"] == "1 replik i dialogen (4–10)"
    assert lacks["competence"] == "1 kompetenskriterium (3–6)"
    assert dict(shortfalls(lesson))["dialogue"] == "2 repliker i dialogen (4–10)"
