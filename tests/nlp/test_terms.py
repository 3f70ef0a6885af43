"""A trainee's note mentions a term in any inflection or compound, and only then."""

import pytest

import nlp
from tests.nlp.report_views import found_texts


@pytest.mark.parametrize(
    ("term", "text", "expected"),
    [
        ("blodtryck", "Jag mätte blodtrycket.", ["blodtrycket"]),
        ("blodtryck", "Blodtrycken var höga.", ["Blodtrycken"]),
        ("vatten", "Hon drack vattnet.", ["vattnet"]),
        ("muskel", "Musklerna var spända.", ["Musklerna"]),
        ("ge", "Jag gav tabletten.", ["gav"]),
        ("ge", "Läkemedlet har givits.", ["givits"]),
        ("tvätta", "Brukaren är nytvättad.", ["nytvättad"]),
        ("tvätta", "Jag tvättade ryggen.", ["tvättade"]),
        ("mäta", "Jag mätte pulsen och mäter igen i kväll.", ["mätte", "mäter"]),
        ("palliativ vård", "Hon får den palliativa vården hemma.", ["palliativa vården"]),
        ("känna igen", "Hon kände inte igen sin son.", ["kände inte igen"]),
        ("slå sig", "Brukaren slog sig i huvudet.", ["slog sig"]),
        ("mätt", "Hon var mätt efter maten.", ["mätt"]),
        ("marmorerad", "Fötterna är marmorerade.", ["marmorerade"]),
        ("avliden", "Vi tvättade den avlidna brukaren.", ["avlidna"]),
        ("läka", "Såret har läkt.", ["läkt"]),
        ("PEG", "Huden runt PEG:en är hel.", ["PEG:en"]),
        ("vitalparameter", "Kontrollera vitalparametrar.", ["vitalparametrar"]),
        ("lunga", "Lungröntgen är beställd.", ["Lungröntgen"]),
        ("hälsa", "Vi ringde hälsocentralen.", ["hälsocentralen"]),
        ("tand", "Jag laddade eltandborsten.", ["eltandborsten"]),
        ("tand", "Hon har egna tänder.", ["tänder"]),
        ("trycksår", "Trycksårsrisken är hög.", ["Trycksårsrisken"]),
        ("smärta", "Smärtlindring gavs kl. 10.", ["Smärtlindring"]),
        ("blodtryck", "Blodtrycksmätningen gick bra.", ["Blodtrycksmätningen"]),
        ("sår", "Trycksåret läker.", ["Trycksåret"]),
        ("puls", "PULSEN var 72 slag/min.", ["PULSEN"]),
        ("dietist", "Enligt dietistens råd.", ["dietistens"]),
        ("urin", "Hon har urinvägsinfektion.", ["urinvägsinfektion"]),
        ("hälsa", "Hälso- och sjukvården kontaktades.", ["Hälso-"]),
        ("sond", "Jag spolade PEG-sonden.", ["PEG-sonden"]),
        ("arm", "Hon har ont i underarmen.", ["underarmen"]),
        ("protes", "Tandprotesen rengjordes.", ["Tandprotesen"]),
    ],
)
def test_term_is_found_in_any_form(term, text, expected):
    assert found_texts(text, term) == expected


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("blodtryck", "BT 130/80 mmHg."),  # abbreviation
        ("läkemedel", "Hon tog sin medicin."),  # synonym
        ("urinera", "Hon kissade i natt."),  # colloquial variant
        ("mäta", "Blodtrycksmätningen gick bra."),  # derived noun, not the verb
        ("smärta", "Det var smärtsamt."),  # derived adjective
        ("duscha", "Hon satt på duschstolen."),  # the noun dusch is not the verb duscha
        ("tand", "Det är standard."),  # only the letters
        ("hand", "Handlingen är klar."),
        ("puls", "Hon är impulsiv."),
        ("gå", "I går var hon trött."),  # i går is yesterday
        ("mun", "Kommunen ringde."),  # kom+mun: the letters read as another word
        ("arm", "Larmet gick kl. 03."),
        ("ben", "Vi tankade bensin."),
        ("ge", "Lägenheten är städad."),  # short lemmas are not searched inside words
        ("äta", "Hon ville ha hjälp åt henne."),
        ("mäta", "Hon var mätt efter lunch."),
        ("sova", "Hon sovde gott."),  # a wrong form is not the term
    ],
)
def test_other_words_do_not_count_as_the_term(term, text):
    assert found_texts(text, term) == []


def test_every_mention_is_reported_and_missing_terms_listed():
    report = nlp.check("Pulsen var 72. Pulsen var sedan 80 slag/min.", ["puls", "blodtryck"])
    assert [m.text for m in report.found] == ["Pulsen", "Pulsen"]
    assert report.missing == ["blodtryck"]


def test_a_term_is_either_found_or_missing_never_both():
    report = nlp.check("Jag mätte blodtrycket.", ["blodtryck", "puls", "mäta"])
    found = {m.term for m in report.found}
    assert found | set(report.missing) == {"blodtryck", "puls", "mäta"}
    assert not found & set(report.missing)


def test_term_spec_forms_and_compound_forms_count():
    spec = nlp.TermSpec("kateter", forms=("katetern", "katetrar"), compound_forms=("kateter",))
    report = nlp.check("Katetrar byts varje vecka. Kateterpåsen tömdes.", [spec])
    assert [m.text for m in report.found] == ["Katetrar", "Kateterpåsen"]


def test_variants_are_reported_but_not_found():
    spec = nlp.TermSpec("blodtryck", abbreviations=("BT",), synonyms=("artärtryck",))
    report = nlp.check("BT 130/80 mmHg.", [spec])
    assert report.missing == ["blodtryck"]
    assert report.to_dict()["terms"]["variants"] == [
        {"term": "blodtryck", "kind": "abbreviation", "text": "BT", "start": 0, "end": 2}
    ]


def test_lexicon_forms_and_compound_stems_count_for_their_lemma():
    lexicon = nlp.Lexicon(forms={"stomin": "stomi"}, compound_stems={"stomi": "stomi"})
    report = nlp.check("Huden runt stomin är hel. Stomipåsen byttes.", ["stomi"], lexicon=lexicon)
    assert [m.text for m in report.found] == ["stomin", "Stomipåsen"]


def test_mentions_index_the_original_text():
    text = "Kl. 08.00 mätte jag blodtrycket."
    for m in nlp.check(text, ["blodtryck", "mäta"]).found:
        assert text[m.start : m.end] == m.text


def test_a_verbs_imperative_form_that_is_a_noun_is_the_noun():
    spec = nlp.TermSpec("falla", forms=("faller", "föll", "fallit", "fall"))
    report = nlp.check("Efter fallet var hon rädd för ett nytt fall. Hon föll i går.", [spec])
    assert [m.text for m in report.found] == ["föll"]


def test_a_multi_word_term_stands_in_one_sentence():
    assert found_texts("Han är palliativ.\nVård ges hemma.", "palliativ vård") == []
