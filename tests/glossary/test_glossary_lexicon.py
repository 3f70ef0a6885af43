"""The checker gets the bank as plain dicts: form → lemma, compound stems and accepted words."""

from __future__ import annotations

from glossary.lexicon import lexicon, term_spec
from glossary.load import load_files


def test_lexicon_maps_every_form_to_its_lemma(term_file, valid_term, valid_verb):
    bank = load_files([term_file([valid_term, valid_verb])])
    view = lexicon(bank)
    assert view["forms"]["blodtrycket"] == "blodtryck"
    assert view["forms"]["mätte"] == "mäta"
    assert view["compound_stems"] == {"blodtrycks": "blodtryck"}
    assert {"BT", "blodtrycken", "mätt"} <= view["words"]


def test_term_spec_has_what_the_checker_needs(term_file, valid_term):
    valid_term["colloquial"] = ["trycket"]
    term = load_files([term_file([valid_term])]).terms[0]
    spec = term_spec(term)
    assert spec == {
        "lemma": "blodtryck",
        "forms": ("blodtryck", "blodtrycket", "blodtrycken"),
        "compound_forms": ("blodtrycks",),
        "synonyms": (),
        "abbreviations": ("BT",),
        "colloquial": ("trycket",),
    }


def test_model_helpers_for_the_page(term_file, valid_term):
    from glossary.model import is_rtl, status_label

    term = load_files([term_file([valid_term])]).terms[0]
    assert is_rtl("ar") and is_rtl("fa") and not is_rtl("uk")
    assert status_label(term.translations["ar"].status) == "ej granskad"
    assert term.translations["uk"].status_label == "granskad"
    assert term.forms_table()[1] == ("bestämd form singular", "blodtrycket")
