"""A writer or teacher who makes a mistake in a term file gets a Swedish message that says
which file, which term, which line and what is wrong — and nothing is loaded."""

from __future__ import annotations

import pytest

from glossary.load import load_files, validate_file, validate_files
from glossary.problems import ContentError


def only_problem(path):
    problems = validate_file(path)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def line_of(path, text: str) -> int:
    """1-based line of the first line in the file that contains ``text``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def test_valid_file_has_no_problems_and_loads(term_file, valid_term, valid_verb):
    path = term_file([valid_term, valid_verb])
    assert validate_file(path) == []
    bank = load_files([path])
    assert [t.lemma for t in bank] == ["blodtryck", "mäta"]
    assert bank.resolve("blodtryck")[0].all_areas == ("vitalparametrar", "dokumentation")


def test_missing_definition_names_file_term_line_and_field(term_file, valid_verb, valid_term):
    del valid_term["definition"]
    path = term_file([valid_verb, valid_term])
    problem = only_problem(path)
    text = str(problem)
    assert "vitalparametrar.yaml" in text
    assert "term ”blodtryck”" in text
    assert "fältet ”definition”" in text
    assert "saknas" in text
    assert problem.line == line_of(path, "lemma: blodtryck")


def test_unknown_area_of_file_and_of_term(term_file, valid_term):
    valid_term["areas"] = ["hjärtvård"]
    path = term_file([valid_term], area="kardiologi")
    messages = [str(p) for p in validate_file(path)]
    assert any("okänt område ”kardiologi”" in m for m in messages)
    assert any("okänt område ”hjärtvård”" in m and "term ”blodtryck”" in m for m in messages)


def test_file_must_be_named_after_its_area(term_file, valid_term):
    problem = only_problem(term_file([valid_term], area="fall", name="fallrisk"))
    assert str(problem).startswith("fallrisk.yaml, rad 1, fältet ”area”: filen ska heta fall.yaml")


def test_same_lemma_and_word_class_in_two_files(term_file, valid_term):
    first = term_file([valid_term], area="vitalparametrar")
    second = term_file([valid_term], area="dokumentation")
    problems = validate_files([first, second])
    assert len(problems) == 1
    assert problems[0].source == "dokumentation.yaml"
    assert "samma lemma och ordklass finns redan i vitalparametrar.yaml" in problems[0].message
    with pytest.raises(ContentError):
        load_files([first, second])


def test_same_lemma_in_another_word_class_is_allowed(term_file, valid_verb):
    noun = {
        "lemma": "mäta",
        "pos": "noun",
        "gender": "en",
        "forms": {"sg_indef": "mäta", "sg_def": "mätan", "pl_indef": None, "pl_def": None},
        "definition": "Ett påhittat ord för provet.",
        "example": "Mätan står på bordet.",
    }
    assert validate_file(term_file([valid_verb, noun])) == []


def test_forms_table_of_another_word_class(term_file, valid_verb):
    valid_verb["forms"] = {"sg_indef": "mäta", "sg_def": "mätan", "pl_indef": None, "pl_def": None}
    path = term_file([valid_verb])
    problem = only_problem(path)
    assert "passar inte ordklassen verb" in problem.message
    assert "sg_indef" in problem.message and "infinitive" in problem.message
    assert problem.field == "forms"
    assert problem.line == line_of(path, "forms:")


def test_noun_without_gender_and_verb_with_gender(term_file, valid_term, valid_verb):
    del valid_term["gender"]
    valid_verb["gender"] = "en"
    messages = [str(p) for p in validate_file(term_file([valid_term, valid_verb]))]
    assert any("genus" in m and "blodtryck" in m for m in messages)
    assert any("bara substantiv har genus" in m and "mäta" in m for m in messages)


def test_unknown_language_code(term_file, valid_term):
    valid_term["translations"]["sv"] = {"text": "blodtryck", "status": "draft"}
    problem = only_problem(term_file([valid_term]))
    assert "okänd språkkod ”sv”" in problem.message
    assert problem.field == "translations"


def test_unknown_translation_status(term_file, valid_term):
    valid_term["translations"]["en"]["status"] = "klar"
    problem = only_problem(term_file([valid_term]))
    assert problem.field == "translations.en.status"
    assert "ogiltigt värde ”klar”" in problem.message


def test_definition_over_25_words(term_file, valid_term):
    valid_term["definition"] = " ".join(["ord"] * 26)
    problem = only_problem(term_file([valid_term]))
    assert "26 ord" in problem.message and "högst 25" in problem.message


def test_ten_thousand_character_definition_is_refused(term_file, valid_term):
    valid_term["definition"] = "a" * 10_000
    problem = only_problem(term_file([valid_term]))
    assert problem.field == "definition"
    assert "för långt" in problem.message


def test_example_without_the_term(term_file, valid_term):
    valid_term["example"] = "Jag mätte pulsen på brukaren efter frukost."
    problem = only_problem(term_file([valid_term]))
    assert problem.field == "example"
    assert "innehåller inte termen ”blodtryck”" in problem.message


def test_example_matches_any_form_case_insensitively_but_not_inside_other_words(valid_term):
    from glossary.model import Term

    valid_term["example"] = "Blodtrycken var höga hela veckan."
    Term.model_validate({**valid_term, "area": "vitalparametrar"})
    valid_term["example"] = "Blodtrycksmätningen gjordes i sittande."
    with pytest.raises(ValueError, match="innehåller inte termen"):
        Term.model_validate({**valid_term, "area": "vitalparametrar"})


def test_multi_word_term_is_found_when_its_words_are_split(term_file):
    particle_verb = {
        "lemma": "tvätta av",
        "pos": "verb",
        "forms": {
            "infinitive": "tvätta av",
            "present": "tvättar av",
            "past": "tvättade av",
            "supine": "tvättat av",
            "imperative": "tvätta av",
            "participle": "avtvättad",
        },
        "definition": "Göra ren med vatten och tvål.",
        "example": "Sedan tvättade jag försiktigt av såret med ljummet vatten.",
    }
    assert validate_file(term_file([particle_verb], area="sarvard")) == []


def test_yaml_syntax_error_names_the_line(tmp_path):
    path = tmp_path / "fall.yaml"
    path.write_text("area: fall\nterms:\n  - lemma: fall\n\tpos: noun\n", encoding="utf-8")
    problem = only_problem(path)
    assert problem.message.startswith("YAML-syntaxfel")
    assert problem.line == 4


def test_unquoted_comma_in_flow_mapping_gets_a_hint(tmp_path):
    # the writers' typical slip: a comma inside an unquoted {text: ...} value
    flow = tmp_path / "flow.yaml"
    flow.write_text(
        "area: vitalparametrar\nterms:\n  - lemma: x\n    translations:\n"
        "      so: {text: cadadka (dhiigga, wadnaha), status: draft}\n",
        encoding="utf-8",
    )
    messages = [str(p) for p in validate_file(flow)]
    assert any("citattecken" in m and "rad 5" in m for m in messages), messages


def test_every_problem_in_a_file_is_reported_at_once(term_file, valid_term, valid_verb):
    del valid_term["example"]
    valid_verb["translations"]["xx"] = {"text": "?"}
    problems = validate_file(term_file([valid_term, valid_verb]))
    assert {p.entry for p in problems} == {"term ”blodtryck”", "term ”mäta”"}


def test_markup_in_text_is_kept_as_plain_text(term_file, valid_term):
    valid_term["definition"] = "Trycket i <b>blodkärlen</b> & [länk](x)."
    bank = load_files([term_file([valid_term])])
    assert bank.terms[0].definition == "Trycket i <b>blodkärlen</b> & [länk](x)."
