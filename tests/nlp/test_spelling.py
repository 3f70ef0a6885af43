"""Spelling: real Swedish (with compounds, units, abbreviations) passes; slips are flagged."""

import pytest

import nlp
from nlp.spelling import is_known, suggest
from tests.nlp.report_views import findings, flagged


@pytest.mark.parametrize(
    ("text", "word", "first"),
    [
        ("Tempratur 37,8 °C.", "Tempratur", "Temperatur"),
        ("Hon gådde till köket.", "gådde", "gick"),
        ("Jag skrivde en avvikelse.", "skrivde", "skrev"),
        ("Hon sovde gott.", "sovde", "sov"),
        ("Hon fick sin medecin.", "medecin", "medicin"),
        ("Brukarn var trött.", "Brukarn", None),  # a verb form + n is not a noun form
        ("Skötrskan ringde.", "Skötrskan", "Sköterskan"),
    ],
)
def test_misspelled_words_are_flagged_with_ranked_suggestions(text, word, first):
    found = findings(text, "spelling")
    assert [w for w, _ in found] == [word]
    if first:
        assert found[0][1][0] == first


@pytest.mark.parametrize(
    "text",
    [
        "Blodtryck 130/80 mmHg, puls 72 slag/min, temp 37,8 °C, saturation 96 %.",
        "Kl. 14.30 gav jag 1 g paracetamol p.o. enl. ordination, t.ex. ca 5 mmol/l.",
        "Blodtrycksmätningen och sårvårdsanteckningen är klara.",  # compounds
        "Hälso- och sjukvården informerades. Eltandborsten laddades.",
        "S: Karin B. har fallit. B: Hon bor på SÄBO. A: BT 150/90. R: Ring ssk.",
        "Saturationen var 91 % i vila. Hon har KAD och PEG.",
        "Hon åt idag, igår och imorgon.",
    ],
)
def test_correct_care_notes_have_no_spelling_findings(text):
    assert flagged(text, "spelling") == []


def test_glossary_words_are_accepted():
    text = "Använd glidlakanet och timbalkosten."
    lexicon = nlp.Lexicon(words=frozenset({"timbalkosten"}))
    report = nlp.check(text, [], lexicon=lexicon)
    assert [f.text for f in report.findings if f.kind == "spelling"] == []


def test_names_inside_a_sentence_are_not_spelling_errors():
    assert flagged("Jag hjälpte Birgitta och Ahmed.", "spelling") == []


def test_word_checks_are_compound_aware():
    assert is_known("sjuksköterskan")
    assert is_known("trycksårsrisken")
    assert not is_known("sjuksköterkan")


def test_suggestions_fix_a_typo_in_a_compound():
    assert "sjuksköterskan" in suggest("sjuksköterkan")


@pytest.mark.parametrize(
    "typo", ["temperaturn", "patientn", "rullsolen", "sjusköterskan", "medicinn"]
)
def test_a_slip_that_looks_like_a_compound_is_still_a_typo(typo):
    assert not is_known(typo)


@pytest.mark.parametrize("word", ["hudinspektion", "lunchdosen", "saturationen", "placket"])
def test_care_compounds_hunspell_lacks_are_accepted(word):
    assert is_known(word)


def test_compounds_of_a_care_word_the_dictionary_lacks_are_not_marked():
    note = "Hon fick covidvaccin i går. Coronatestet var negativt. Stomipåsen byttes."
    assert [f.text for f in nlp.check(note, []).findings if f.kind == "spelling"] == []


@pytest.mark.parametrize("typo", ["covidvacin", "coronatets", "kovidvaccin", "stomipåssen"])
def test_a_typo_in_a_care_word_compound_is_still_marked(typo):
    report = nlp.check(f"Hon fick {typo} i går.", [])
    assert [f.text for f in report.findings if f.kind == "spelling"] == [typo]


@pytest.mark.parametrize(
    ("typo", "right"), [("sjukskoterkan", "sjuksköterskan"), ("tvatade", "tvättade")]
)
def test_two_typical_slips_at_once_still_get_the_right_suggestion(typo, right):
    assert right in suggest(typo)


def test_no_listed_wrong_verb_form_is_a_real_word():
    from nlp.dictionary import WORD, load_index
    from nlp.spelling import wrong_forms

    index = load_index()
    assert [w for w in wrong_forms() if index.roles(w) & WORD] == []


def test_a_spoken_form_written_down_gets_the_written_form_first():
    [(word, options)] = findings("Hon slog i huvet.", "spelling")
    assert word == "huvet" and options[0] == "huvudet"


def test_the_term_banks_forms_are_offered_two_edits_away():
    lexicon = nlp.Lexicon(forms={"glidlakanet": "glidlakan"}, words=frozenset({"glidlakanet"}))
    assert "glidlakanet" not in suggest("glidlaknet")
    assert suggest("glidlaknet", lexicon)[0] == "glidlakanet"
    report = nlp.check("Vi drog bort glidlaknet.", [], lexicon=lexicon)
    assert [f.suggestions[0] for f in report.findings if f.kind == "spelling"] == ["glidlakanet"]


def test_every_listed_spoken_form_is_unknown_and_its_written_form_known():
    from nlp.resources import yaml_data

    spoken = yaml_data("spoken_forms")
    assert len(spoken) >= 20
    assert [w for w in spoken if is_known(w)] == []
    assert [r for r in spoken.values() if not all(is_known(w) for w in r.split())] == []
