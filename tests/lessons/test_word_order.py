"""The word-order drill's sentences: cut into 3–6 parts, right orders by the V2 rule, and only
sentences whose every part can be named."""

from __future__ import annotations

import pytest

from lessons.load import bundled_paths, load_file
from lessons.word_order import MAX_PARTS, MIN_PARTS, cut_sentence, lesson_sentences, sentence_key


def texts(sentence: str) -> set[str]:
    return set(cut_sentence(sentence).accepted)


def test_the_issues_example_accepts_both_orders_from_either():
    both = {"Sedan mätte jag blodtrycket.", "Jag mätte sedan blodtrycket."}
    assert both <= texts("Sedan mätte jag blodtrycket.")
    assert both <= texts("Jag mätte sedan blodtrycket.")


def test_parts_and_right_orders_of_a_fronted_time_adverb():
    cut = cut_sentence("Sedan sätter jag manschetten på överarmen.")
    assert [p.text for p in cut.parts] == ["sedan", "sätter", "jag", "manschetten", "på överarmen"]
    assert cut.accepted == (
        "Sedan sätter jag manschetten på överarmen.",
        "Jag sätter sedan manschetten på överarmen.",
        "Jag sätter manschetten på överarmen sedan.",
    )
    assert (cut.verb, cut.subject) == (1, 2)


@pytest.mark.parametrize(
    "wrong",
    [
        "Sedan jag sätter manschetten på överarmen.",  # verb not second
        "Jag sedan sätter manschetten på överarmen.",
        "Sätter jag sedan manschetten på överarmen.",  # a question, not a statement
        "Jag sätter på överarmen manschetten sedan.",  # the rest keeps its order
        "Manschetten sätter jag sedan på överarmen.",  # marked order: not asked for
    ],
)
def test_wrong_orders_are_not_accepted(wrong):
    assert wrong not in texts("Sedan sätter jag manschetten på överarmen.")


def test_phrases_move_between_first_and_last_and_sentence_adverbs_stay():
    assert texts("I dag tar jag på vänster sida.") == {
        "I dag tar jag på vänster sida.",
        "Jag tar på vänster sida i dag.",
    }
    assert texts("Jag vill inte ta den stora.") == {"Jag vill inte ta den stora."}
    assert texts("Efter maten borstar jag tänderna.") == {
        "Efter maten borstar jag tänderna.",
        "Jag borstar tänderna efter maten.",
    }


def test_a_time_phrase_inside_a_prepositional_phrase_stays_there():
    assert texts("Jag har inte ätit något sedan i går kväll.") == {
        "Jag har inte ätit något sedan i går kväll."
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Gör en händesinfektion.",  # no subject: an imperative
        "Lasse åt alltid tre portioner.",  # the subject is not a pronoun
        "Jag ser att du ligger på golvet.",  # a subordinate clause
        "Jag mäter igen om fem minuter och berättar för sjuksköterskan.",  # coordination
        "Hur blev det?",
        "Nu, när du har vilat, mäter jag.",
        "Det släpper snart.",  # "det" may be an article or a placeholder subject
        "Fråga brukaren om hon vill ha hjälp.",
    ],
)
def test_sentences_the_drill_cannot_name_are_left_out(sentence):
    assert cut_sentence(sentence) is None


def test_every_bundled_sentence_has_three_to_six_parts_and_its_own_order_first():
    found = 0
    for path in bundled_paths():
        for sentence in lesson_sentences(load_file(path)):
            cut = cut_sentence(sentence)
            assert MIN_PARTS <= len(cut.parts) <= MAX_PARTS
            assert cut.accepted[0] == sentence
            assert len(set(cut.accepted)) == len(cut.accepted)
            assert cut.parts[cut.verb].role == "verb"
            found += 1
    assert found >= 20


def test_sentence_key_ignores_spacing_only():
    assert sentence_key("Jag  kommer nu.") == sentence_key("Jag kommer nu.")
    assert sentence_key("Jag kommer nu.") != sentence_key("Nu kommer jag.")
