"""Accuracy of the care-note checker (issue 4), each figure printed beside its target.

    .venv/bin/python benchmarks/nlp_accuracy.py [--only lemmas|notes|grammar|splits]
                                                [--split test|dev] [--verbose] [--ids REGEX]
                                                [--ud-dir DIR]

1. **Lemmas** on UD Swedish-Talbanken (``../shared/data/ud-sv-talbanken/``, relative to the
   repository root): the gold tokens of each sentence (multi-word token ranges and empty nodes
   skipped) go in as ``Doc(lang.vocab, words=forms, spaces=SpaceAfter)``, ``lang(doc)`` sets the
   lemmas, and ``token.lemma_.lower()`` is compared with the gold lemma lower-cased. Tokens
   whose gold UPOS is PUNCT are left out.
2. **Notes**: the annotated practice notes in ``tests/data/notes/`` (conventions in
   ``tests/data/README.md``), each checked with ``nlp.check(text, terms, form=...)``.

   - *Term detection*: a reported mention matches an expected one with the same term and
     exactly the same span (start, end); each expected mention is matched at most once.
     Precision = matched / reported, recall = matched / expected, F1 their harmonic mean.
   - *Negation accuracy*: over the expected mentions that were matched, the share whose
     ``negated`` agrees with the annotation.
   - *Findings*: per kind, a reported finding matches the first unmatched expected finding of
     the same kind whose span overlaps it. Suggestions do not affect matching; the share of
     matched findings whose reported suggestions hold an expected one is shown for information.
   - *SBAR*: for ``form: sbar`` notes, the share of the four parts (S, B, A, R) whose presence
     the report gets right.

3. and 4. **Grammar** (issue 12): rule precision and recall on the annotated grammar
   sentences (each tuning set and each held-out set apart), false alarms on Talbanken test and the
   bundled lessons, and the tagger's accuracy; see ``benchmarks/grammar_accuracy.py``.
5. **Split compounds** (issue 12) on the practice-note sentences of
   ``tests/data/split_compounds/`` (``split_compound_corpus.py``): a ``split_compound`` finding
   of ``nlp.check(text, [])`` matches the first unmatched annotated split whose span overlaps
   it. Dev, dev2 and dev3 (tuning sets; dev2 and dev3 written blind to the rules in sessions
   5 and 6) and the five held-out sets are shown separately, checked without a lexicon and
   with the bundled term bank's lexicon (as the web app checks); the target (recall ≥ 0.90 at
   precision ≥ 0.95) is on held-out (``heldout2`` was written fresh, before the second round
   of fixes; ``heldout3`` to ``heldout5`` before the third to fifth, by someone who had not
   seen the rules). ``--verbose`` lists the misses and false alarms of the tuning sets only:
   held-out sentences are never printed. Then the split-compound alarms on UD Talbanken prose (every
   ``# text`` of dev and test), counted per 1,000 words: all are false alarms of edited prose;
   and on the bundled plain-Swedish care texts (lesson steps, dialogues and model answers; the
   term bank's definitions and examples), the kind of right Swedish trainees read and copy.

The script reports and never asserts: it exits 0 whatever the figures are, 1 when the checker
cannot be imported or raises while the lemma figures are measured (a crash on a single note is
listed with the note figures instead), 2 when the annotated notes cannot be read.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
UD_DIR = REPO / ".." / "shared" / "data" / "ud-sv-talbanken"
sys.path.insert(0, str(REPO / "tests" / "data"))
import notes_corpus

sys.path.insert(0, str(REPO / "benchmarks"))
import grammar_accuracy

CONTENT_POS = ("NOUN", "VERB", "ADJ")
# The targets of issue 4; figures without an entry are shown for information.
TARGETS = {
    "lemma_content": 0.95,
    "term_f1": 0.97,
    "negation": 0.95,
    ("spelling", "precision"): 0.90,
    ("spelling", "recall"): 0.90,
    ("split_compound", "recall"): 0.90,
    ("colloquial", "recall"): 0.90,
    ("judgmental", "recall"): 0.85,
    ("personal_data", "precision"): 1.0,
    ("personal_data", "recall"): 1.0,
}


def load_checker():
    """The ``nlp`` package, or exit 1 with a plain message while it is not there yet."""
    try:
        import nlp
    except Exception as error:  # noqa: BLE001 - any import failure means nothing to measure
        sys.exit(f"nlp_accuracy: cannot import the checker package nlp ({error!r})")
    missing = [name for name in ("check", "load") if not callable(getattr(nlp, name, None))]
    if missing:
        names = " or ".join(f"{name}()" for name in missing)
        sys.exit(f"nlp_accuracy: nlp has no {names} yet - nothing to measure")
    return nlp


def verdict(value: float | None, target: float | None) -> str:
    if target is None:
        return ""
    if value is None:
        return f"target ≥ {target:.2f}  (no data)"
    return f"target ≥ {target:.2f}  {'met' if value >= target - 1e-9 else 'NOT MET'}"


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def fmt(value: float | None) -> str:
    """Three decimals, rounded down, so a figure shown as 0.950 really reaches 0.95."""
    return "  n/a" if value is None else f"{math.floor(value * 1000) / 1000:.3f}"


# ---------------------------------------------------------------- 1. lemmas on Talbanken


def read_conllu(path: Path):
    """Sentences as lists of (form, lemma, upos, space_after) for the gold word tokens."""
    sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        sentence.append((cols[1], cols[2], cols[3], "SpaceAfter=No" not in cols[9].split("|")))
    if sentence:
        yield sentence


def lemma_errors_and_counts(lang, sentences):
    """Per-UPOS (correct, total) counts and a Counter of (form, got, gold) errors."""
    from spacy.tokens import Doc

    counts: dict[str, list[int]] = {}
    errors: Counter = Counter()
    docs = (Doc(lang.vocab, words=[t[0] for t in s], spaces=[t[3] for t in s]) for s in sentences)
    for sentence, doc in zip(sentences, lang.pipe(docs, batch_size=64)):
        for (form, gold, upos, _), token in zip(sentence, doc):
            if upos == "PUNCT":
                continue
            got = token.lemma_.lower()
            right = got == gold.lower()
            tally = counts.setdefault(upos, [0, 0])
            tally[0] += right
            tally[1] += 1
            if not right:
                errors[(form, got, gold.lower())] += 1
    return counts, errors


def report_lemmas(nlp, split: str, ud_dir: Path = UD_DIR) -> None:
    path = ud_dir / f"sv_talbanken-ud-{split}.conllu"
    if not path.exists():
        print(f"Lemmas: {path} not found - skipped")
        return
    sentences = list(read_conllu(path))
    counts, errors = lemma_errors_and_counts(nlp.load(), sentences)
    right = sum(c for c, _ in counts.values())
    total = sum(t for _, t in counts.values())
    c_right = sum(counts.get(p, [0, 0])[0] for p in CONTENT_POS)
    c_total = sum(counts.get(p, [0, 0])[1] for p in CONTENT_POS)
    content = ratio(c_right, c_total)
    print(
        f"1. Lemma accuracy, UD Swedish-Talbanken {split} ({len(sentences)} sentences, "
        "gold tokens, punctuation excluded)"
    )
    print(f"   all tokens      {fmt(ratio(right, total))}  ({total} tokens)")
    print(
        f"   NOUN/VERB/ADJ   {fmt(content)}  ({c_total} tokens)   "
        f"{verdict(content, TARGETS['lemma_content'])}"
    )
    for pos in CONTENT_POS:
        c, t = counts.get(pos, [0, 0])
        print(f"     {pos:<5}         {fmt(ratio(c, t))}  ({t} tokens)")
    print("   15 most frequent errors (form → got / gold, count):")
    for (form, got, gold), n in errors.most_common(15):
        print(f"     {form} → {got} / {gold}  ×{n}")
    print()


# ---------------------------------------------------------------- 2. the annotated notes


@dataclass
class Tally:
    """Matched, expected and reported counts, with the misses and false alarms for --verbose."""

    matched: int = 0
    expected: int = 0
    reported: int = 0
    suggestion_hits: int = 0
    with_suggestion: int = 0

    @property
    def precision(self) -> float | None:
        return ratio(self.matched, self.reported)

    @property
    def recall(self) -> float | None:
        return ratio(self.matched, self.expected)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return None if not p or not r else 2 * p * r / (p + r)


@dataclass
class NotesScore:
    terms: Tally = field(default_factory=Tally)
    negation_right: int = 0
    negation_total: int = 0
    kinds: dict[str, Tally] = field(
        default_factory=lambda: {k: Tally() for k in notes_corpus.KINDS}
    )
    sbar_right: int = 0
    sbar_total: int = 0
    presence_right: int = 0
    presence_total: int = 0
    crashes: list[str] = field(default_factory=list)
    log: list[str] = field(default_factory=list)


def match_mentions(note, reported: list[dict], score: NotesScore) -> None:
    expected = {}
    for m in note.found:
        expected.setdefault((m.term, m.start, m.end), []).append(m)
    score.terms.expected += len(note.found)
    score.terms.reported += len(reported)
    for item in reported:
        candidates = expected.get((item.get("term"), item.get("start"), item.get("end")))
        if not candidates:
            score.log.append(
                f"{note.id}  term false alarm  {item.get('text')!r} ({item.get('term')})"
            )
            continue
        gold = candidates.pop(0)
        score.terms.matched += 1
        score.negation_total += 1
        if bool(item.get("negated")) == gold.negated:
            score.negation_right += 1
        else:
            want = "negated" if gold.negated else "not negated"
            score.log.append(
                f"{note.id}  negation          {gold.text!r} ({gold.term}) should be {want}"
            )
    for left in expected.values():
        for m in left:
            score.log.append(f"{note.id}  term miss         {m.text!r} ({m.term})")


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def suggestion_hit(gold, item: dict) -> bool:
    offered = {str(s).lower() for s in item.get("suggestions") or ()}
    return any(s.lower() in offered for s in gold.suggestions)


def match_findings(note, reported: list[dict], score: NotesScore) -> None:
    open_gold = list(note.findings)
    for gold in note.findings:
        score.kinds.setdefault(gold.kind, Tally()).expected += 1
    for item in reported:
        kind = item.get("kind")
        tally = score.kinds.setdefault(kind, Tally())
        tally.reported += 1
        gold = next(
            (
                g
                for g in open_gold
                if g.kind == kind
                and overlaps(g.start, g.end, item.get("start", -1), item.get("end", -1))
            ),
            None,
        )
        if gold is None:
            score.log.append(
                f"{note.id}  {kind} false alarm  {item.get('text')!r} → {item.get('suggestions')}"
            )
            continue
        open_gold.remove(gold)
        tally.matched += 1
        if gold.suggestions:
            tally.with_suggestion += 1
            tally.suggestion_hits += suggestion_hit(gold, item)
    for gold in open_gold:
        score.log.append(f"{note.id}  {gold.kind} miss  {gold.text!r}")


def reported_sbar(report: dict) -> dict[str, bool]:
    """The S/B/A/R presence in the report, whether keyed by letter or by the part's name."""
    sbar = report.get("sbar") or {}
    parts = sbar.get("parts", sbar) if isinstance(sbar, dict) else {}
    return {
        str(name)[:1].upper(): bool(value)
        for name, value in parts.items()
        if isinstance(value, bool)
    }


def match_sbar(note, report: dict, score: NotesScore) -> None:
    if note.sbar is None:
        return
    got = reported_sbar(report)
    for part, present in note.sbar.items():
        score.sbar_total += 1
        if got.get(part) == present:
            score.sbar_right += 1
        else:
            score.log.append(
                f"{note.id}  sbar              {part} should be "
                f"{'present' if present else 'absent'}"
            )


def match_presence(note, report: dict, score: NotesScore) -> None:
    reported_missing = set(report.get("terms", {}).get("missing", []))
    for term in note.terms:
        score.presence_total += 1
        score.presence_right += (term in reported_missing) == (term in note.missing)


def score_notes(nlp, notes) -> NotesScore:
    score = NotesScore()
    for note in notes:
        try:
            report = nlp.check(note.text, list(note.terms), form=note.form).to_dict()
        except Exception as error:  # noqa: BLE001 - a crash is a result to report, not a stop
            score.crashes.append(f"{note.id}: {error!r}")
            report = {}
        terms = report.get("terms", {})
        match_mentions(note, terms.get("found", []), score)
        match_findings(note, report.get("findings", []), score)
        match_sbar(note, report, score)
        match_presence(note, report, score)
    return score


def print_notes_score(notes, score: NotesScore, verbose: bool) -> None:
    by_setting = Counter(note.setting for note in notes)
    print(
        f"2. Annotated practice notes: {len(notes)} notes "
        f"({', '.join(f'{k} {v}' for k, v in sorted(by_setting.items()))})"
    )
    t = score.terms
    print(
        f"   term detection  P {fmt(t.precision)}  R {fmt(t.recall)}  F1 {fmt(t.f1)}  "
        f"({t.matched}/{t.expected} expected, {t.reported} reported)   "
        f"{verdict(t.f1, TARGETS['term_f1'])}"
    )
    negation = ratio(score.negation_right, score.negation_total)
    print(
        f"   negation        {fmt(negation)}  ({score.negation_right}/{score.negation_total} "
        f"detected mentions)   {verdict(negation, TARGETS['negation'])}"
    )
    presence = ratio(score.presence_right, score.presence_total)
    print(f"   found/missing   {fmt(presence)}  per listed term (information)")
    print("   findings        precision  recall   expected reported  suggestion hit")
    for kind, tally in score.kinds.items():
        hits = f"{tally.suggestion_hits}/{tally.with_suggestion}" if tally.with_suggestion else ""
        print(
            f"     {kind:<15} {fmt(tally.precision):>7}  {fmt(tally.recall):>7}  "
            f"{tally.expected:>8} {tally.reported:>8}  {hits:>8}"
        )
        for measure in ("precision", "recall"):
            target = TARGETS.get((kind, measure))
            if target is not None:
                print(f"       {measure:<9} {verdict(getattr(tally, measure), target)}")
    print(
        f"   SBAR parts      {fmt(ratio(score.sbar_right, score.sbar_total))}  "
        f"({score.sbar_right}/{score.sbar_total})"
    )
    if score.crashes:
        print(f"   check() raised on {len(score.crashes)} note(s):")
        for line in score.crashes:
            print(f"     {line}")
    if verbose:
        print("\n   Misses and false alarms:")
        for line in score.log:
            print(f"     {line}")


# ---------------------------------------------------------------- 3. split compounds

SPLIT_TARGETS = {"precision": 0.95, "recall": 0.90}  # on the held-out sentences (issue 12)
TALBANKEN_SPLIT_ALARMS_BEFORE = 10  # the rules before issue 12, on the same 27.3k words


def bank_lexicon(nlp):
    """The bundled term bank as the checker's lexicon, the way the web app passes it."""
    from glossary.bank import TermBank
    from glossary.lexicon import lexicon
    from glossary.load import check_bundled

    return nlp.Lexicon(**lexicon(TermBank(check_bundled()[0])))


def report_split_compounds(nlp, ud_dir: Path, verbose: bool) -> None:
    import split_compound_corpus as corpus

    lexicon = bank_lexicon(nlp)
    checks = {
        "no lexicon": nlp.check,
        "bank lexicon": lambda text, terms: nlp.check(text, terms, lexicon=lexicon),
    }
    print("5. Split compounds on practice-note sentences (tests/data/split_compounds/)")
    print("   set      checker        precision  recall   splits found  false alarms  suggestion")
    for split in corpus.SPLITS:
        sentences = corpus.load(split)
        lookalikes = sum(1 for sentence in sentences if sentence.lookalike)
        for name, check in checks.items():
            score = corpus.score(corpus.checker_predictions(check), sentences)
            print(
                f"   {split:<8} {name:<13} {fmt(score.precision):>9}  {fmt(score.recall):>7}"
                f"  {score.tp:>4}/{score.tp + score.fn:<4}    {score.fp:>4}          "
                f"{score.suggestion_hits}/{score.tp}"
            )
            if split not in corpus.TUNING:
                for measure, target in SPLIT_TARGETS.items():
                    print(f"       {measure:<9} {verdict(getattr(score, measure), target)}")
            missed = ", ".join(f"{k} {v}" for k, v in sorted(score.missed_by_class.items()))
            alarms = ", ".join(f"{k} {v}" for k, v in sorted(score.false_alarms_by_kind.items()))
            print(f"       missed by class: {missed or '-'}; false alarms: {alarms or '-'}")
            if verbose and split in corpus.TUNING:
                for line in score.log:
                    print(f"       {line}")
        role = "tuned on" if split in corpus.TUNING else "held out"
        print(f"   ({split}: {len(sentences)} sentences, {lookalikes} correct look-alikes; {role})")
    report_talbanken_split_alarms(nlp, ud_dir, verbose)
    report_bundled_split_alarms(nlp, verbose)
    print()


def report_bundled_split_alarms(nlp, verbose: bool) -> None:
    from glossary.load import check_bundled
    from lessons.load import load_bundled
    from lessons.model import plain_text

    lessons = []
    for lesson in load_bundled():
        lessons += [plain_text(step.text) for step in lesson.procedure]
        lessons += [plain_text(line.text) for line in lesson.dialogue]
        lessons += [exercise.model_answer for exercise in lesson.exercises]
    bank = [text for term in check_bundled()[0] for text in (term.definition, term.example) if text]
    for name, texts in (("lessons", lessons), ("term bank", bank)):
        alarms = [
            (finding.text, text)
            for text in texts
            for finding in nlp.check(text, []).findings
            if finding.kind == "split_compound"
        ]
        print(f"   Bundled {name} ({len(texts)} texts): {len(alarms)} split-compound alarms")
        if verbose:
            for split_text, text in alarms:
                print(f"       {split_text!r} in: {text[:90]}")


def report_talbanken_split_alarms(nlp, ud_dir: Path, verbose: bool) -> None:
    texts = []
    for split in ("dev", "test"):
        path = ud_dir / f"sv_talbanken-ud-{split}.conllu"
        if not path.exists():
            print(f"   Talbanken: {path} not found - skipped")
            return
        lines = path.read_text(encoding="utf-8").splitlines()
        texts += [line[len("# text = ") :] for line in lines if line.startswith("# text = ")]
    words = sum(len(re.findall(r"\w+", text)) for text in texts)
    alarms = [
        (finding.text, text)
        for text in texts
        for finding in nlp.check(text, []).findings
        if finding.kind == "split_compound"
    ]
    print(
        f"   Talbanken prose (dev + test, {len(texts)} sentences, {words} words): "
        f"{len(alarms)} split-compound alarms, {1000 * len(alarms) / words:.2f} per 1,000 words "
        f"(before issue 12: {TALBANKEN_SPLIT_ALARMS_BEFORE})"
    )
    if verbose:
        for split_text, text in alarms:
            print(f"       {split_text!r} in: {text[:90]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("lemmas", "notes", "grammar", "splits"))
    parser.add_argument(
        "--split",
        choices=("test", "dev"),
        default="test",
        help="Talbanken file for the lemma figures (default: test)",
    )
    parser.add_argument(
        "--verbose", action="store_true", help="list every miss and false alarm per note"
    )
    parser.add_argument(
        "--ids", metavar="REGEX", help="only the notes whose id matches, e.g. 'sbar|sjuk-03'"
    )
    parser.add_argument(
        "--ud-dir",
        type=Path,
        default=UD_DIR,
        help="the UD Talbanken folder (default: ../shared/data/ud-sv-talbanken)",
    )
    args = parser.parse_args(argv)
    try:
        notes = notes_corpus.load_notes()
        if args.ids:
            notes = [note for note in notes if re.search(args.ids, note.id)]
    except notes_corpus.CorpusError as error:
        print(f"nlp_accuracy: the annotated notes cannot be read: {error}", file=sys.stderr)
        return 2
    nlp = load_checker()
    ok = True
    if args.only in (None, "lemmas"):
        ok &= run_section("lemmas", lambda: report_lemmas(nlp, args.split, args.ud_dir))
    if args.only in (None, "notes"):
        ok &= run_section(
            "notes", lambda: print_notes_score(notes, score_notes(nlp, notes), args.verbose)
        )
    if args.only in (None, "grammar"):
        grammar_args = ["--verbose"] * args.verbose + ["--ud-dir", str(args.ud_dir)]
        ok &= run_section("grammar", lambda: grammar_accuracy.main(grammar_args))
    if args.only in (None, "splits"):
        ok &= run_section(
            "split compounds",
            lambda: report_split_compounds(nlp, args.ud_dir, args.verbose),
        )
    return 0 if ok else 1


def run_section(name: str, section) -> bool:
    """Run one part of the benchmark; if the checker itself breaks, say where in one line."""
    try:
        section()
    except Exception as error:  # noqa: BLE001 - report where the checker broke, then go on
        frame = traceback.extract_tb(error.__traceback__)[-1]
        print(
            f"nlp_accuracy: the {name} figures could not be measured: {error!r} "
            f"at {Path(frame.filename).name}:{frame.lineno}",
            file=sys.stderr,
        )
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
