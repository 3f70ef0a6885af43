"""Do native writers put this preposition after this head? A check before a fixed expression
goes into ``nlp/data/grammar/prepositions.yaml``.

A listed wrong preposition is flagged wherever it follows its head, so each one must be rare
in native prose. The script searches CoNLL-U treebanks (UD Talbanken dev, and any other native
Swedish treebank you pass; never Talbanken test, which is for evaluation) for the head in any
form (by the treebank's lemma), then within the same window as the rule (one object pronoun or
adverb may stand between), the preposition, and prints the count with a few sentences so that
a person can judge whether the natives' use is another meaning (which needs a condition) or
the same (then the preposition is not an error).

    .venv/bin/python scripts/grammar/native_usage.py --all --conllu FILE...
    .venv/bin/python scripts/grammar/native_usage.py orolig om klaga för ta_hand av --conllu FILE...

A head of two words is written with ``_``. ``--all`` checks every head and wrong preposition of the YAML file, and ``--right`` also
counts the right preposition (a head that never takes its right one in the treebanks is an
expression nobody can confirm there).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import yaml

from nlp.tagger import treebank_sentences

ROOT = Path(__file__).resolve().parents[2]
EXPRESSIONS = ROOT / "nlp" / "data" / "grammar" / "prepositions.yaml"
BETWEEN_UPOS = frozenset({"PRON", "ADV"})  # påminde henne om, ber ofta om
EXAMPLES = 3


def read_sentences(paths: list[Path]) -> list[list[tuple[str, str, str]]]:
    """Every sentence as (form lower-cased, lemma lower-cased, UPOS) of its word tokens."""
    return [
        [(c[1].lower(), c[2].lower(), c[3]) for c in sentence]
        for path in paths
        for sentence in treebank_sentences(path)
    ]


def index_heads(sentences) -> dict[str, list[tuple[int, int]]]:
    """(sentence, token) positions by lemma and by form."""
    positions = defaultdict(list)
    for s, sentence in enumerate(sentences):
        for t, (form, lemma, _) in enumerate(sentence):
            positions[lemma].append((s, t))
            if form != lemma:
                positions[form].append((s, t))
    return positions


def occurrences(sentences, positions, head: str, preposition: str, before=()) -> list[str]:
    """The sentences where ``preposition`` follows ``head`` as the rule would see it
    (``before``: the entry's condition on the word before the head)."""
    first, *rest = head.split()
    found = []
    for s, t in dict.fromkeys(positions.get(first, ())):
        sentence = sentences[s]
        if before and (t == 0 or sentence[t - 1][0] not in before):
            continue
        p = t + 1
        if any(p + k >= len(sentence) or sentence[p + k][0] != w for k, w in enumerate(rest)):
            continue
        p += len(rest)
        if p < len(sentence) and sentence[p][2] in BETWEEN_UPOS and sentence[p][0] != preposition:
            p += 1
        if p < len(sentence) and sentence[p][0] == preposition:
            found.append(" ".join(form for form, _, _ in sentence))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conllu", type=Path, nargs="+", required=True, help="treebank files")
    parser.add_argument("--all", action="store_true", help="check every entry of the YAML")
    parser.add_argument("--right", action="store_true", help="count the right preposition too")
    parser.add_argument("pairs", nargs="*", help="head preposition head preposition ...")
    args = parser.parse_args(argv)
    if any("talbanken-ud-test" in path.name for path in args.conllu):
        parser.error("Talbanken test is for evaluation only")
    sentences = read_sentences(args.conllu)
    positions = index_heads(sentences)
    checks = []  # (head, preposition, is the right one, words the head must follow)
    if args.all:
        for entry in yaml.safe_load(EXPRESSIONS.read_text(encoding="utf-8")):
            if "head" not in entry:
                continue  # a time word (noun: …) has no head to look up
            before = tuple(entry.get("before", ()))
            checks += [(entry["head"], wrong, False, before) for wrong in entry["wrong"]]
            if args.right:
                checks.append((entry["head"], entry["right"], True, before))
    if len(args.pairs) % 2:
        parser.error("give the pairs as: head preposition")
    checks += [(h, p, False, ()) for h, p in zip(args.pairs[::2], args.pairs[1::2])]
    print(f"{len(sentences)} native sentences")
    for head, preposition, right, before in checks:
        found = occurrences(sentences, positions, head.replace("_", " "), preposition, before)
        if found or not right:
            mark = "right" if right else ("NATIVE USE" if found else "ok")
            print(f"{head} {preposition}: {len(found)}  {mark}")
        for sentence in found[: 0 if right else EXAMPLES]:
            print(f"    {sentence[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
