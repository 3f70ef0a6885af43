"""Readability (LIX) and SBAR structure."""

import pytest

import nlp


def test_lix_follows_the_counting_rules():
    # 7 words (kl. is one, 14.30 none), 2 sentences, 2 longer than six letters
    report = nlp.check("Jag informerade sjuksköterskan. Hon kom kl. 14.30 direkt.", [])
    assert report.readability["words"] == 7
    assert report.readability["sentences"] == 2
    assert report.readability["long_words"] == 2
    assert report.readability["lix"] == round(7 / 2 + 100 * 2 / 7, 1)


def test_line_breaks_end_sentences_for_lix():
    report = nlp.check("Puls 72 slag/min\nTemp 37,2 °C\nMår bra", [])
    assert report.readability["sentences"] == 3


@pytest.mark.parametrize("text", ["", "   \n\t ", "123 456"])
def test_empty_text_has_zero_lix(text):
    assert nlp.check(text, []).readability == {
        "lix": 0.0,
        "words": 0,
        "sentences": 0,
        "long_words": 0,
    }


def test_sbar_parts_by_labels():
    text = "S: Fall i badrummet.\nB: Demens.\nA: Sår på pannan.\nR: Läkaren bör titta på såret."
    sbar = nlp.check(text, [], form="sbar").sbar
    assert sbar["required"] is True
    assert sbar["parts"] == {
        "situation": True,
        "bakgrund": True,
        "aktuellt": True,
        "rekommendation": True,
    }
    assert sbar["missing"] == []


def test_sbar_parts_by_words_and_in_running_text():
    text = "Situation: Fall. Bakgrund: Demens. Hon rekommenderar vila."
    sbar = nlp.check(text, [], form="sbar").sbar
    assert sbar["parts"]["situation"] and sbar["parts"]["bakgrund"]
    assert sbar["missing"] == ["aktuellt", "rekommendation"]


def test_free_notes_do_not_require_sbar():
    assert nlp.check("Brukaren mår bra.", []).sbar["required"] is False
