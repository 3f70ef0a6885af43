"""The checker's work is bounded: the worst 20,000-character inputs we could construct give a
well-formed report, and the bounds that make that true hold (their speed is measured by
``benchmarks/nlp_worst_case.py``, not here)."""

import random
import string

import pytest

import nlp
from nlp import negation, spelling
from nlp.tokens import MAX_PIECE, make_doc
from tests.data.worst_inputs import LENGTH, NOTE, TERMS, fuzzed, worst_cases

CASES = worst_cases()


def assert_exact_spans(text: str, report: nlp.Report) -> None:
    data = report.to_dict()
    for span in data["terms"]["found"] + data["findings"]:
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]
    assert {m["term"] for m in data["terms"]["found"]} | set(data["terms"]["missing"]) == set(TERMS)


@pytest.mark.parametrize("name", list(CASES))
def test_every_worst_input_gives_a_well_formed_report(name):
    text = CASES[name]
    assert len(text) == LENGTH
    assert_exact_spans(text, nlp.check(text, TERMS))


def test_fuzzed_inputs_give_well_formed_reports():
    for text in fuzzed(25, seed=11):
        assert_exact_spans(text, nlp.check(text, TERMS))


@pytest.mark.parametrize(
    "text",
    [
        "(" * 5_000,
        "Blodtryck " + "😀" * 250 + " smärta " + "a" * 101 + "\n" + "(" * 100,
        "x" * (MAX_PIECE + 1) + "  " + ")" * (3 * MAX_PIECE) + " ",
        " " + "." * 1_000 + "\t",
    ],
)
def test_long_runs_become_pieces_and_the_text_stays_exact(text):
    doc = make_doc(nlp.load(), text)
    assert doc.text == text
    assert max(len(token) for token in doc if not token.is_space) <= MAX_PIECE


def test_ordinary_text_is_tokenized_as_before():
    text = "Blodtrycket 130/80 mmHg (sittande), puls 72. Pat. förnekar smärta!"
    lang = nlp.load()
    assert [t.text for t in make_doc(lang, text)] == [t.text for t in lang.make_doc(text)]


def test_a_term_after_a_long_run_is_still_found_at_its_place():
    text = "(" * 3_000 + " Patienten har smärta."
    (mention,) = nlp.check(text, ["smärta"]).found
    assert text[mention.start : mention.end] == "smärta"


def _random_words(count: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(7, 12)))
        for _ in range(count)
    )


def test_a_text_over_the_budget_is_checked_up_to_a_cut_and_says_so():
    text = _random_words(400, seed=5) + " Brukaren 19450101-1235 har smärta.\nR: Ring läkaren."
    report = nlp.check(text, ["smärta"], form="sbar")
    checked = report.checked
    assert not checked["complete"] and 0 < checked["end"] < len(text)
    assert text[checked["end"] - 1] == " "  # cut at whitespace, never inside a word
    assert checked["words"] == len(text[: checked["end"]].split())
    assert checked["message"].startswith("Bara början av texten är granskad: de första ")
    spelling = [f for f in report.findings if f.kind == "spelling"]
    assert spelling and max(f.end for f in spelling) <= checked["end"]
    assert report.missing == ["smärta"]  # after the cut: not analysed
    # searched in the whole text, however long
    assert [f.text for f in report.findings if f.kind == "personal_data"] == ["19450101-1235"]
    assert report.sbar["parts"]["rekommendation"]


def test_a_long_practice_note_is_checked_whole():
    note = " ".join([NOTE] * 8)
    report = nlp.check(note, TERMS)
    assert report.checked["complete"] and report.checked["end"] == len(note)
    assert report.checked["message"] == "" and report.to_dict()["checked"] == report.checked


def test_spelling_budget_gives_the_same_report_whatever_is_cached():
    text = _random_words(60, seed=6)
    spelling._FOUND.clear()
    first = nlp.check(text, []).to_dict()
    assert nlp.check(text, []).to_dict() == first
    later = [f for f in first["findings"] if f["kind"] == "spelling"][-5:]
    assert all(f["suggestions"] == [] for f in later)  # the budget ran out before them


def test_a_typo_still_gets_its_suggestion_when_the_budget_allows():
    report = nlp.check("Sjuksköterkan kom.", [])
    assert ["Sjuksköterskan"] == [f.suggestions[0] for f in report.findings if f.kind == "spelling"]


def test_a_negation_reaches_at_most_its_window():
    words = ["inte"] + ["smärta"] * (negation.MAX_SCOPE + 10)
    negated = negation.negated_positions(words)
    assert negated == set(range(1, negation.MAX_SCOPE + 1))


def test_the_partly_checked_message_quotes_no_direction_override():
    text = " ".join(f"ord\u202e{n:05d}x" for n in range(3000))
    checked = nlp.check(text, []).checked
    assert not checked["complete"] and "\u202e" not in checked["message"]


def test_a_text_pasted_without_spaces_gets_one_mark_not_hundreds():
    text = "Hon har ont. " + "blodtryck" * 2_000 + " och tempratur 38."
    report = nlp.check(text, [])
    run = text.index("blodtryck"), text.index(" och")
    spelling = [f for f in report.findings if f.kind == "spelling"]
    assert [(f.start, f.end) for f in spelling] == [run, (run[1] + 5, run[1] + 14)]
    assert spelling[0].message == (
        "”blodtryckblodtryckbl…” är 18\u00a0000 tecken utan mellanslag, och inget ord är så "
        "långt. Skriv mellanslag mellan orden, så kan texten kontrolleras."
    )
    assert spelling[1].suggestions[0] == "temperatur"  # the words around it are checked as before


def test_checking_long_notes_keeps_no_copy_of_them():
    """A worker checks notes for days: what it keeps of a note is bounded per word, never the
    whole text (each 20,000-character note was kept, lower-cased, by a text cache)."""
    import gc
    import tracemalloc

    notes = ["Notering:" + "\n" * (LENGTH - 20 - n) for n in range(40)]
    nlp.check(notes[0], TERMS)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for note in notes[1:]:
            nlp.check(note, TERMS)
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 200_000  # bytes; the notes were 39 × 20,000 characters
