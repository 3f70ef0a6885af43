"""How much of the bundled lessons' vocabulary the term bank covers (issue 15's bar).

    python benchmarks/lesson_coverage.py [--all]

Prints the distinct content words (nouns, verbs, adjectives, by lemma) of every lesson's steps,
dialogue, exercise situations and model answers, split into: among wordfreq's 3,000 most
frequent Swedish words, a bank term, excluded with a reason (``lessons/data/coverage/``), and
uncovered — which ``tests/lessons/test_lesson_coverage.py`` requires to be none. ``--all`` also
lists the excluded words. Lemmas and word classes come from the note checker's own pipeline.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wordfreq import top_n_list

from glossary.bank import TermBank
from glossary.load import load_bundled as load_terms
from lessons.coverage import FREQUENT_WORDS, Coverage, load_exclusions, measure
from lessons.load import load_bundled
from nlp.pipeline import analyse
from nlp.tagger import parse


def tagged_words(text: str) -> list[tuple[str, str, str]]:
    """(surface, lemma, UPOS) of each token, as the note checker analyses the text."""
    doc = analyse(text, (), None, "free")
    return [(tok.text, tok.lemma_, parse(tag)[0]) for tok, tag in zip(doc, doc._.tags)]


def lesson_coverage() -> tuple[Coverage, dict[str, str]]:
    bank = TermBank(load_terms())
    exclusions = load_exclusions()
    frequent = frozenset(top_n_list("sv", FREQUENT_WORDS))
    lessons = load_bundled(bank.references())
    return measure(lessons, bank, tagged_words, frequent, exclusions), exclusions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="also list the excluded words")
    args = parser.parse_args(argv)
    coverage, exclusions = lesson_coverage()
    total = coverage.total
    rare = total - len(coverage.frequent)
    print(f"content words (distinct lemmas): {total}")
    print(f"  among the {FREQUENT_WORDS} most frequent: {len(coverage.frequent)}")
    print(f"  rarer words: {rare}")
    print(
        f"    bank terms: {len(coverage.in_bank)} ({100 * len(coverage.in_bank) / max(rare, 1):.1f} %)"
    )
    print(f"    excluded with a reason: {len(coverage.excluded)}")
    print(f"    uncovered: {len(coverage.uncovered)} (target 0)")
    for lemma, lessons in sorted(coverage.uncovered.items()):
        written = ", ".join(sorted(coverage.surfaces[lemma]))
        print(f"      {lemma} ({written}): {', '.join(sorted(lessons))}")
    if args.all:
        for word in sorted(coverage.exclusions_used):
            print(f"    excluded {word}: {exclusions[word]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
