"""Swedish lemmas for every token: a best guess on ``token.lemma_`` and all candidates.

The term matcher looks a term up by every candidate lemma of a word (``token._.lemmas``), so
recall of the right lemma among the candidates matters as much as the best guess.

Where candidates come from, in ``analyse``:
- a merged lexicon of simplemma, spaCy's lookup table and Hunspell sv_SE
  (``scripts/lemmas/build_lexicon.py``), for the 220,000 forms common Swedish uses;
- for a word the lexicon lacks, its longest known last part (*sårvårdsanteckningarna* →
  *sårvårdsanteckning*) and, for a genitive, its base;
- regular ending rules (``data/lemmas/suffix_rules.tsv``) that propose known lemmas;
- the form itself, always.
A small averaged perceptron (``scripts/lemmas/train_ranker.py``, trained on the Talbanken dev
set only) orders them from where each came from, how it is made from the form, and the
neighbouring words; unlikely ones are dropped (``MARGIN``). ``data/lemmas/overrides.tsv`` fixes
the few care words the sources get wrong. Lemmas follow Talbanken's conventions: a participle
used as an adjective keeps its own lemma (*ett ökat behov* → *ökad*), and its verb stays among
the candidates. Data loads on the first word looked up, so ``import nlp`` stays cheap.
"""

from __future__ import annotations

import json
import lzma
import zlib
from bisect import bisect_left
from functools import lru_cache
from os.path import commonprefix
from pathlib import Path
from typing import NamedTuple

import numpy
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token

from .caches import WORDS

DATA = Path(__file__).parent / "data" / "lemmas"
MIN_PART = 3  # shortest first part of a compound we split off
MIN_HEAD = 4  # shortest last part: three-letter heads are mostly function words (min, dom)
MAX_ENDING = 6  # longest ending in suffix_rules.tsv
MAX_COMPOUND = 40  # longer "words" are not split: no Swedish compound needs it, and it bounds time
SENTENCE_END = frozenset(".!?:;")
# Candidates scoring this far below the best are dropped: on Talbanken dev (cross-validated) this
# keeps 99.9 % of the right lemmas that any candidate holds, with 1.6 candidates a word, not 2;
# it is wide enough to keep the verb of a participle (aspirerad → aspirera) for term matching.
MARGIN = 16.0
LINKS = frozenset("saeou")  # linking letters between the parts of a compound
GENITIVE = "s"
LONG_HEAD = 6  # a compound of a last part this long is more likely a real word
HEAD_SOURCES = "SL"  # a compound's last part must be known to one of these

if not Token.has_extension("lemmas"):
    # one list on the Doc, read through a getter: setting an extension token by token costs
    # more than ranking the candidates
    Doc.set_extension("token_lemmas", default=None)
    Token.set_extension(
        "lemmas", getter=lambda token: (token.doc._.token_lemmas or {}).get(token.i, ())
    )


class Candidate(NamedTuple):
    lemma: str
    sources: str  # S simplemma, L spaCy lookup, H Hunspell, C compound head, G genitive base,
    # R suffix rule, I the form itself; lower-case S/L/H: the source lists the form capitalised


class _Lexicon:
    """Sorted forms with their encoded candidates, searched by bisection.

    Two plain lists load in a fraction of the time a 200,000-key dict takes to build.
    """

    def __init__(self, path: Path) -> None:
        forms, entries = zlib.decompress(path.read_bytes()).decode("utf-8").split("\0")
        self.forms = forms.split("\n")
        self.entries = entries.split("\n")

    def __contains__(self, form: str) -> bool:
        return self.get(form) is not None

    def get(self, form: str) -> str | None:
        i = bisect_left(self.forms, form)
        return self.entries[i] if i < len(self.forms) and self.forms[i] == form else None


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon(DATA / "lexicon.zlib")


class SuffixRule(NamedTuple):
    ending: str
    lemma_ending: str
    check_ending: str  # stem + this must be a known lemma for the rule to apply


@lru_cache(maxsize=1)
def _suffix_rules() -> dict[str, list[SuffixRule]]:
    """The rules by the ending they apply to."""
    rules: dict[str, list[SuffixRule]] = {}
    for line in (DATA / "suffix_rules.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            ending, lemma_ending, _why, *check = line.split("\t")
            lemma_ending, *check = ("" if e == "(empty)" else e for e in [lemma_ending, *check])
            rule = SuffixRule(ending, lemma_ending, check[0] if check else lemma_ending)
            rules.setdefault(ending, []).append(rule)
    return rules


def _decode(form: str, entry: str) -> list[Candidate]:
    candidates = []
    for code in entry.split(" "):
        edit, _, sources = code.partition("|")
        digits = len(edit) - len(edit.lstrip("0123456789"))
        strip = int(edit[:digits])
        candidates.append(Candidate(form[: len(form) - strip] + edit[digits:], sources))
    return candidates


@lru_cache(maxsize=WORDS)
def _is_first_part(part: str) -> bool:
    """Whether ``part`` can begin a compound: a known word or verb stem (*mät-* of *mäta*), with
    or without a linking letter (*sårvårds-*, *sköterske-*, *sväljs-*), a hyphenated first part,
    or a compound of such parts."""
    if part.endswith("-") or _is_word_or_stem(part):
        return True
    if part[-1:] in LINKS and _is_word_or_stem(part[:-1]):
        return True
    return any(
        _is_first_part(part[:cut]) and _is_first_part(part[cut:])
        for cut in range(MIN_PART, len(part) - MIN_PART + 1)
    )


def known_form(word: str) -> bool:
    """Whether the lexicon lists the lower-case ``word`` (one bisection, no analysis)."""
    return word in _lexicon()


def _is_word_or_stem(part: str) -> bool:
    return part in _lexicon() or _is_lemma(part + "a", False)


def _compound(lower: str) -> list[Candidate]:
    """Candidates from the longest known last part of an unknown compound."""
    return _split(lower)[1]


@lru_cache(maxsize=WORDS)
def _split(lower: str) -> tuple[int, list[Candidate]]:
    """(length of the last part, candidates) for the longest known last part of ``lower``."""
    if len(lower) > MAX_COMPOUND:
        return 0, []
    lexicon = _lexicon()
    for start in range(MIN_PART, len(lower) - MIN_HEAD + 1):
        head = lower[start:]
        entry = lexicon.get(head)
        if entry is None or not head.isalpha() or not _is_first_part(lower[:start]):
            continue
        readings = _decode(head, entry)
        if not any(source in c.sources for c in readings for source in HEAD_SOURCES):
            continue  # Hunspell alone lists endings such as -arna as stems
        found = [
            Candidate(lower[:start] + c.lemma, "C")
            for c in readings
            if c.lemma.islower() and not c.sources.islower()
        ]
        if found:
            return len(head), found
    return 0, []


def _is_lemma(word: str, compounds: bool) -> bool:
    """Whether some source lists ``word`` as a lemma (not a name), or, with ``compounds``,
    whether an unknown ``word`` is a compound whose last part is such a lemma."""
    entry = _lexicon().get(word)
    if entry is None:
        return compounds and any(c.lemma == word for c in _compound(word))
    return any(c.lemma == word and not c.sources.islower() for c in _decode(word, entry))


def _by_rule(lower: str, known: set[str], compounds: bool) -> list[Candidate]:
    """Known lemmas that a regular ending rule makes from ``lower``; with ``compounds`` (for
    words the lexicon lacks), compounds of known lemmas too."""
    found = []
    rules = _suffix_rules()
    for size in range(1, min(MAX_ENDING, len(lower) - 2) + 1):
        stem = lower[:-size]
        for rule in rules.get(lower[-size:], ()):
            lemma = stem + rule.lemma_ending
            if lemma not in known and _is_lemma(stem + rule.check_ending, compounds):
                known.add(lemma)
                found.append(Candidate(lemma, "R"))
    return found


@lru_cache(maxsize=WORDS)
def analyse(word: str) -> tuple[Candidate, ...]:
    """All candidates of ``word`` with where each came from; the form itself is always one."""
    lower = word.lower()
    if not any(ch.isalpha() for ch in lower):
        return (Candidate(lower, "I"),)
    entry = _lexicon().get(lower)
    unknown = entry is None
    if not unknown:
        candidates = _decode(lower, entry)
    else:
        candidates = _compound(lower)
        first, hyphen, last = lower.rpartition("-")
        if hyphen and first and last.isalpha():  # 1-åringarna, u-länderna: inflected last part
            candidates += [
                Candidate(first + hyphen + c.lemma, "C")
                for c in analyse(last)
                if "I" not in c.sources
            ]
        if lower.endswith(GENITIVE) and len(lower) > MIN_HEAD:  # any noun takes a genitive -s
            candidates += [
                Candidate(c.lemma, "G") for c in analyse(lower[:-1]) if "I" not in c.sources
            ]
    candidates += _by_rule(lower, {c.lemma.lower() for c in candidates}, unknown)
    if not any(c.lemma.lower() == lower for c in candidates):
        candidates.append(Candidate(lower, "I"))
    return tuple(candidates)


def edit_code(form: str, lemma: str) -> str:
    """How ``lemma`` is made from ``form``: characters stripped from the end, then the ending."""
    common = len(commonprefix((form, lemma)))
    return f"{len(form) - common}{lemma[common:]}"


def word_features(word: str, candidate: Candidate) -> list[str]:
    """Features of a candidate that do not depend on the neighbouring words."""
    lower = word.lower()
    code = edit_code(lower, candidate.lemma.lower())
    sources = "".join(sorted(candidate.sources))
    capital = word[:1].isupper()
    lemma = candidate.lemma.lower()
    known = "L" if _is_lemma(lemma, False) else "C" if _is_lemma(lemma, True) else "-"
    if known == "C":
        known += "l" if _split(lemma)[0] >= LONG_HEAD else "s"
    # words the lexicon lacks are weighed apart: their candidates come from other evidence
    kind = "" if lower in _lexicon() else "u"
    return [
        f"{kind}k:{known}",
        f"{kind}ks:{known}/{sources}",
        f"{kind}s:{sources}",
        *(f"{kind}h:{source}" for source in sources),
        f"{kind}c:{code}",
        f"{kind}c3:{code}/{lower[-3:]}",
        f"{kind}c2:{code}/{lower[-2:]}",
        f"w:{lower}/{code}",
        f"cap:{capital}/{candidate.lemma[:1].isupper()}/{sources.islower()}",
    ]


def context_features(code: str, previous: str, following: str) -> list[str]:
    """Features of a candidate (by its ``edit_code``) that look at the neighbouring words."""
    return [f"p:{previous}/{code}", f"n:{following}/{code}"]


@lru_cache(maxsize=1)
def _model() -> dict:
    return json.loads(lzma.decompress((DATA / "ranker.json.xz").read_bytes()))


def _weights() -> dict[str, float]:
    return _model()["weights"]


@lru_cache(maxsize=1)
def _context_words() -> frozenset[str]:
    return frozenset(_model()["context_words"])


def distinct_candidates(word: str) -> list[Candidate]:
    """The candidates of ``word`` with lemmas differing only in case merged into one."""
    merged: dict[str, Candidate] = {}
    for candidate in analyse(word):
        key = candidate.lemma.lower()
        known = merged.get(key)
        merged[key] = (
            known._replace(sources=known.sources + candidate.sources) if known else candidate
        )
    return list(merged.values())


class Scored(NamedTuple):
    lemma: str
    score: float
    code: str  # edit_code from the word, which the context features use


@lru_cache(maxsize=WORDS)
def _ranked(word: str) -> tuple[Scored, ...]:
    """Candidates of ``word`` with their context-free score, best first."""
    weights = _weights()
    lower = word.lower()
    scored = [
        Scored(
            c.lemma,
            sum(weights.get(f, 0.0) for f in word_features(word, c)),
            edit_code(lower, c.lemma.lower()),
        )
        for c in distinct_candidates(word)
    ]
    return tuple(sorted(scored, key=lambda s: -s.score))


@lru_cache(maxsize=1)
def _overrides() -> dict[str, tuple[str, ...]]:
    table = {}
    for line in (DATA / "overrides.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            form, lemmas, _why = line.split("\t")
            table[form] = tuple(lemmas.split(" "))
    return table


@lru_cache(maxsize=WORDS)
def lemma_candidates(word: str) -> tuple[str, ...]:
    """Candidate lemmas of ``word``, best first, lowercase except proper names."""
    if not word:
        return ()
    return _overrides().get(word.lower()) or _likely(_ranked(word))


def _likely(scored: list[Scored] | tuple[Scored, ...]) -> tuple[str, ...]:
    best = scored[0].score
    return tuple(s.lemma for s in scored if s.score >= best - MARGIN)


@lru_cache(maxsize=WORDS)
def rank_in_context(word: str, previous: str, following: str) -> tuple[str, ...]:
    """Candidate lemmas of ``word`` between two neighbours (``neighbours``), best first."""
    fixed = _overrides().get(word.lower())
    if fixed:
        return fixed
    ranked = _ranked(word)
    if len(ranked) < 2:
        return tuple(s.lemma for s in ranked)
    weights = _weights()
    rescored = [
        s._replace(
            score=s.score
            + sum(weights.get(f, 0.0) for f in context_features(s.code, previous, following))
        )
        for s in ranked
    ]
    return _likely(sorted(rescored, key=lambda s: -s.score))


def context_key(word: str, context_words: frozenset[str]) -> str:
    """A neighbour as the ranker sees it: a frequent word as itself, any other by its ending."""
    lower = word.lower()
    if word in SENTENCE_END or "\n" in word:
        return "<s>"
    return lower if lower in context_words else "~" + lower[-2:]


def neighbours(
    words: list[str], context_words: frozenset[str] | None = None
) -> list[tuple[str, str]]:
    """(previous, following) context keys for each word, <s> at sentence edges."""
    known = _context_words() if context_words is None else context_words
    keys = ["<s>"] + [context_key(w, known) for w in words] + ["<s>"]
    return [(keys[i], keys[i + 2]) for i in range(len(words))]


def _cased(word: str, lemma: str, sentence_start: bool) -> str:
    """Lemmas are lowercase, except names: a lemma the lexicon capitalises, and a capitalised
    word inside a sentence that is its own lemma (*Ahmadi*)."""
    if not word[:1].isupper():
        return lemma.lower()
    if lemma == word.lower() and not sentence_start:
        return word
    return lemma


@Language.factory("ordvard_lemmatizer")
def make_lemmatizer(nlp: Language, name: str):
    """Set ``token.lemma_`` (best guess) and ``token._.lemmas`` (all candidates)."""
    return _lemmatize


def _lemmatize(doc: Doc) -> Doc:
    # written as one array and one list: per-token attribute writes cost more than the ranking
    strings = doc.vocab.strings
    words = [strings[orth] for orth in doc.to_array(ORTH).tolist()] if len(doc) else []
    lemmas = numpy.zeros((len(words), 1), dtype="uint64")
    table: dict[int, tuple[str, ...]] = {}
    for i, (word, (previous, following)) in enumerate(zip(words, neighbours(words))):
        if not word:
            continue
        # whitespace is its own lemma; a run of it may be 20,000 characters: no cache key
        candidates = (word,) if word.isspace() else rank_in_context(word, previous, following)
        table[i] = candidates
        lemmas[i, 0] = strings.add(_cased(word, candidates[0], previous == "<s>"))
    if words:
        doc.from_array([LEMMA], lemmas)
    doc._.token_lemmas = table
    return doc
