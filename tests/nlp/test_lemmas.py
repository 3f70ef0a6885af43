"""Care words in any inflection resolve to the lemma a trainee or teacher would look up."""

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from nlp.lemmas import lemma_candidates


@pytest.fixture(scope="module")
def lemmatize():
    lang = spacy.blank("sv")
    lang.add_pipe("ordvard_lemmatizer")

    def run(sentence: str) -> Doc:
        return lang(Doc(lang.vocab, words=sentence.split()))

    return run


def lemma_of(doc: Doc, word: str) -> str:
    return next(token.lemma_ for token in doc if token.text == word)


@pytest.mark.parametrize(
    ("sentence", "form", "lemma"),
    [
        ("Sköterskan mätte blodtrycket .", "blodtrycket", "blodtryck"),
        ("Sköterskan mätte blodtrycket .", "mätte", "mäta"),
        ("Sköterskan mätte blodtrycket .", "Sköterskan", "sköterska"),
        ("Hon har ont i musklerna .", "musklerna", "muskel"),
        ("Vattnet i kannan byttes .", "Vattnet", "vatten"),
        ("Jag gav henne smärtstillande .", "gav", "ge"),
        ("Hon har givits dropp .", "givits", "ge"),
        ("Blodtrycket uppmättes till 130/80 .", "uppmättes", "uppmäta"),
        ("Smärtorna i magen har minskat .", "Smärtorna", "smärta"),
        ("Smärtorna i magen har minskat .", "minskat", "minska"),
        ("Brukaren vårdas i hemmet .", "vårdas", "vårda"),
        ("Brukaren vårdas i hemmet .", "Brukaren", "brukare"),
        ("Vi vårdar henne i sängen .", "vårdar", "vårda"),
        ("Hon fick hjälp med tänderna .", "tänderna", "tand"),
        ("Han låg på rygg hela natten .", "natten", "natt"),
        ("Han har varit orolig .", "varit", "vara"),
        ("Såret tvättades med koksalt .", "tvättades", "tvätta"),
        ("Sköterskorna dokumenterade allt .", "Sköterskorna", "sköterska"),
    ],
)
def test_care_word_inflections_resolve_to_their_lemma(lemmatize, sentence, form, lemma):
    assert lemma_of(lemmatize(sentence), form) == lemma


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("sårvårdsanteckningarna", "sårvårdsanteckning"),
        ("blodtrycksmätningen", "blodtrycksmätning"),
        ("trycksårsriskens", "trycksårsrisk"),
        ("sårrengöringarna", "sårrengöring"),
        ("eltandborsten", "eltandborste"),
        ("PEG-sonden", "peg-sond"),
        ("mätvärdena", "mätvärde"),
        ("tvättlappen", "tvättlapp"),
    ],
)
def test_compounds_the_lexicon_lacks_are_lemmatized_through_their_last_part(form, lemma):
    assert lemma_candidates(form)[0] == lemma


@pytest.mark.parametrize(
    ("form", "lemmas"),
    [
        ("låg", {"låg", "ligga"}),
        ("var", {"vara", "var"}),
        ("såg", {"se", "såg"}),
        ("för", {"för", "föra"}),
        ("aspirerad", {"aspirerad", "aspirera"}),
        ("kräks", {"kräkas"}),
    ],
)
def test_candidates_of_ambiguous_forms_hold_every_reading(form, lemmas):
    assert lemmas <= set(lemma_candidates(form))


def test_context_tells_the_verb_from_its_participle(lemmatize):
    assert lemma_of(lemmatize("Hon har ökat i vikt ."), "ökat") == "öka"
    assert lemma_of(lemmatize("Det finns ett ökat behov av hjälp ."), "ökat") == "ökad"


def test_every_token_gets_its_candidates_best_first(lemmatize):
    doc = lemmatize("Patienten mätte blodtrycket i vänster arm")
    assert all(token._.lemmas and token._.lemmas[0].lower() == token.lemma_ for token in doc)


def test_lemmas_are_lowercase_except_names(lemmatize):
    doc = lemmatize("Blodtrycket mättes av Ahmadi i Stockholm")
    assert [t.lemma_ for t in doc] == ["blodtryck", "mäta", "av", "Ahmadi", "i", "Stockholm"]


@pytest.mark.parametrize(
    "odd", ["", " ", "123", "130/80", "37,8", "🙂", "\u200f", "é", "e\u0301", "-", "x" * 5000]
)
def test_odd_input_gives_candidates_without_crashing(odd):
    candidates = lemma_candidates(odd)
    assert isinstance(candidates, tuple)
    assert bool(candidates) == bool(odd)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_as_a_word_gets_string_candidates(word):
    candidates = lemma_candidates(word)
    assert all(isinstance(c, str) and c for c in candidates)
    assert bool(candidates) == bool(word)


def test_a_100_000_letter_word_keeps_itself_as_a_candidate():
    word = "blodtrycks" * 10_000
    assert word in lemma_candidates(word)
