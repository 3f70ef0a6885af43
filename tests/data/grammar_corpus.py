"""The annotated grammar sentences in ``tests/data/grammar/``: loading, validation and scoring.

Each line of the tuning files ``dev*.jsonl`` and the held-out ``heldout*.jsonl`` files is one
sentence from a practice care note as a second-language writer might write it::

    {"text": "I morgon jag ska ringa.",
     "errors": [{"rule": "v2", "text": "jag ska", "correction": "ska jag"}],
     "lookalike": "v2"}

- ``errors``: every grammar error in the sentence, each with its rule, the smallest wrong phrase
  (an exact substring of ``text``) and the phrase that replaces it. Applying every correction
  gives a correct sentence. An error's text must occur exactly once as a whole word sequence,
  unless the error gives its ``start`` offset.
- ``lookalike`` (optional): the rule a correct sentence probes (correct inversion, a participle,
  a fixed expression used right...), so that a rule which fires on it is seen to do so.

``dev`` is for tuning the rules, and so are ``dev2`` (a second tuning batch written blind to
the rules, session 5), ``dev3`` (a third tuning batch written blind to the rules, session 6)
and ``dev4`` (a fourth tuning batch, mostly correct sentences, written blind to the rules in
session 6); ``heldout``, ``heldout2`` (a second, fresh set written before the second round of
rule changes), ``heldout3`` (written before the third round by someone who had not seen the rules
or the other sets), ``heldout4`` (written the same way before the fourth round) and
``heldout5`` (written blind in session 6, before the fifth round of rule changes, by someone
who had not seen the rules or the other sets) are only scored, never read while writing rules.
The conventions are in ``tests/data/README.md``. Used by ``tests/nlp/test_grammar_corpus.py``
and ``benchmarks/nlp_accuracy.py``.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

GRAMMAR_DIR = Path(__file__).resolve().parent / "grammar"
SPLITS = ("dev", "dev2", "dev3", "dev4", "heldout", "heldout2", "heldout3", "heldout4", "heldout5")
# the sets the rules are tuned on; the others are only scored
TUNING = ("dev", "dev2", "dev3", "dev4")
RULES = (
    "v2",
    "subclause_order",
    "np_agreement",
    "predicative_agreement",
    "verb_form",
    "pronoun_case",
    "preposition",
)

Prediction = tuple[str, int, int]  # (rule, start, end) in the sentence


class GrammarCorpusError(ValueError):
    """A line that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class GoldError:
    rule: str
    text: str
    correction: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    text: str
    errors: tuple[GoldError, ...]
    lookalike: str | None
    source: str  # "dev.jsonl:12"

    @property
    def corrected(self) -> str:
        """The sentence with every correction applied."""
        out, pos = [], 0
        for error in sorted(self.errors, key=lambda e: e.start):
            out += [self.text[pos : error.start], error.correction]
            pos = error.end
        return "".join(out) + self.text[pos:]


def whole_word_starts(text: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` where it is not glued to a letter or digit on either side."""
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    return [match.start() for match in pattern.finditer(text)]


def load(split: str, directory: Path = GRAMMAR_DIR) -> list[Sentence]:
    """The sentences of one split (one of ``SPLITS``), validated line by line."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}, expected one of {SPLITS}")
    path = directory / f"{split}.jsonl"
    sentences = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            sentences.append(parse_line(line, f"{path.name}:{number}"))
    return sentences


def parse_line(line: str, source: str) -> Sentence:
    try:
        record = json.loads(line)
        return _parse(record, source)
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
        raise GrammarCorpusError(f"{source}: {error}") from error


def _parse(record: dict, source: str) -> Sentence:
    unknown = set(record) - {"text", "errors", "lookalike"}
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    text = record["text"]
    if not isinstance(text, str) or not text.strip() or text != text.strip():
        raise ValueError("text must be a non-empty string without surrounding spaces")
    errors = tuple(_locate(text, entry) for entry in record["errors"])
    spans = sorted((e.start, e.end) for e in errors)
    if any(a_end > b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans)):
        raise ValueError("two errors overlap")
    lookalike = record.get("lookalike")
    if lookalike is not None and lookalike not in RULES:
        raise ValueError(f"unknown lookalike rule {lookalike!r}")
    return Sentence(text, errors, lookalike, source)


def _locate(text: str, entry: dict) -> GoldError:
    unknown = set(entry) - {"rule", "text", "correction", "start"}
    if unknown:
        raise ValueError(f"unknown error fields {sorted(unknown)}")
    rule, wrong, correction = entry["rule"], entry["text"], entry["correction"]
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}")
    if not isinstance(wrong, str) or not wrong or not isinstance(correction, str):
        raise ValueError(f"error text and correction must be strings: {entry}")
    if wrong == correction:
        raise ValueError(f"correction equals the error text {wrong!r}")
    if "start" in entry:
        start = entry["start"]
        if not isinstance(start, int) or text[start : start + len(wrong)] != wrong:
            raise ValueError(f"{wrong!r} is not at offset {start}")
    else:
        starts = whole_word_starts(text, wrong)
        if len(starts) != 1:
            raise ValueError(
                f"{wrong!r} occurs {len(starts)} times as whole words; give its start offset"
            )
        start = starts[0]
    return GoldError(rule, wrong, correction, start, start + len(wrong))


def counts(sentences: Iterable[Sentence]) -> dict[str, dict[str, int]]:
    """Per rule: the number of gold errors and of correct look-alike sentences."""
    table = {rule: {"errors": 0, "lookalikes": 0} for rule in RULES}
    for sentence in sentences:
        for error in sentence.errors:
            table[error.rule]["errors"] += 1
        if sentence.lookalike:
            table[sentence.lookalike]["lookalikes"] += 1
    return table


# ---------------------------------------------------------------- scoring


@dataclass
class RuleScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass
class Score:
    rules: dict[str, RuleScore] = field(default_factory=lambda: {r: RuleScore() for r in RULES})
    log: list[str] = field(default_factory=list)  # every miss and false alarm, for reading

    def __getitem__(self, rule: str) -> RuleScore:
        return self.rules[rule]


def score(predict: Callable[[str], Iterable[Prediction]], items: Iterable[Sentence]) -> Score:
    """Compare ``predict(text) -> [(rule, start, end), ...]`` with the gold errors.

    A prediction matches the first unmatched gold error of the same rule whose span overlaps
    it (true positive); every gold error is matched at most once. Unmatched predictions are
    false positives of their rule (a rule outside ``RULES`` gets its own row), unmatched gold
    errors false negatives.
    """
    result = Score()
    for sentence in items:
        open_gold = list(sentence.errors)
        for rule, start, end in predict(sentence.text):
            tally = result.rules.setdefault(rule, RuleScore())
            gold = next(
                (g for g in open_gold if g.rule == rule and g.start < end and start < g.end),
                None,
            )
            if gold is None:
                tally.fp += 1
                result.log.append(
                    f"{sentence.source}  {rule} false alarm  {sentence.text[start:end]!r}"
                )
            else:
                open_gold.remove(gold)
                tally.tp += 1
        for gold in open_gold:
            result.rules[gold.rule].fn += 1
            result.log.append(f"{sentence.source}  {gold.rule} miss  {gold.text!r}")
    return result
