"""Spelling: is each word a Swedish word form, and what did the writer probably mean?

Route, measured (2 cores, CPython 3.11): the dictionary lookups go to ``dictionary.WordIndex``
(0.96 M expanded sv_SE forms as hashes, load < 1 ms once cached, ~4 µs per lookup), so checking a
100-word note costs well under a millisecond; Hunspell via ``spylls`` would take ~2.8 s to load
and up to 5 ms per word. Compounds of known words are accepted by ``compounds.splits``.
Suggestions, only for unknown words, are candidates the index accepts: edit distance 1, up to
two typical second-language slips undone (å/ä/ö, sj/sk, doubled consonants), a fix in the last
part of a compound, and as a last resort a slip plus an edit; ranked by cost, then ``wordfreq``
Zipf frequency stored in the index (1-5 ms per unknown word, up to ~60 ms for the last resort,
on the loaded 2-core machine; then cached). A SymSpell index
(``symspellpy``) would reach edit distance 2 but costs seconds and ~100 MB to build at start-up
for 0.96 M forms; distance 1 covers the slips in the practice notes.

Two lenient rules keep care words that Hunspell lacks from being flagged: a regular noun ending
on a dictionary noun (*saturationen*), and two common nouns written together (*hudinspektion*,
*lunchdosen*). Both cost a little recall on real typos; the practice-note corpus measures it. Wrong regular forms of strong verbs (*gådde*,
*skrivde*) come from ``data/irregular_verbs.yaml`` with the right form.

Accepted without lookup: numbers, abbreviations and units (``data/abbreviations.txt``,
``data/units.txt``), care words Hunspell lacks (``data/care_words.txt``, also with regular
endings), the glossary's forms, capitalised words inside a sentence (names),
short all-capital words (abbreviations such as BT, KAD) and words with non-Swedish letters.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spacy.language import Language
from spacy.tokens import Doc

from .budget import SUGGESTION_LOOKUPS
from .caches import LOOKUPS
from .compounds import splits
from .dictionary import BEGIN, END, MIDDLE, NOUN, WORD, load_index
from .findings import add_finding
from .resources import DATA, endings, message, word_list, yaml_data
from .specs import Lexicon
from .tokens import MAX_PIECE
from .vocabulary import accepted_words
from .words import Word

_LONG_RUN = re.compile(rf"\S{{{MAX_PIECE + 1},}}")
_SWEDISH_WORD = re.compile(r"[a-zåäöéü]+(?:-[a-zåäöéü]*)*", re.IGNORECASE)
_ALPHABET = "abcdefghijklmnopqrstuvwxyzåäöé"
MAX_SUGGESTIONS = 5
MAX_SUGGESTED_LENGTH = 30  # no word is longer; edits of a longer string only cost time
NEAR_PER_LOOKUP = 40  # rapidfuzz compares about this many words in the time of one lookup
_COVERING = ("personal_data", "split_compound")  # one finding per slip: *Lung röntgen*


@lru_cache(maxsize=1)
def wrong_forms() -> dict[str, str]:
    """Wrong regular-looking forms of strong verbs → the right form."""
    return {
        wrong: right
        for forms in yaml_data("irregular_verbs").values()
        for wrong, right in (forms.get("wrong") or {}).items()
    }


@lru_cache(maxsize=LOOKUPS)
def is_known(word: str) -> bool:
    """Whether the lower-case ``word`` is a Swedish word form or a valid compound."""
    index = load_index()
    if index.roles(word) & WORD:
        return True
    if word.endswith("-"):  # "hälso- och sjukvård"
        return bool(index.roles(word[:-1]) & (BEGIN | MIDDLE | WORD))
    if "-" in word:  # KAD-påsen, PEG-sonden, e-post: short parts are abbreviations
        return all(len(p) <= 4 or is_known(p) for p in word.split("-") if p)
    if splits(word) or _care_word_form(word):
        return True
    # the lenient rules do not apply to a word one slip away from a real one (temperaturn,
    # rullsolen): a typo, not a compound Hunspell lacks
    lenient = _inflected_known(word) or _two_words(word) or _care_compound(word)
    return lenient and not _known_candidates(_edits1(word), WORD)


def _care_compound(word: str) -> bool:
    """A compound with a care word Hunspell lacks (``data/care_words.txt``) as its first part,
    perhaps with a linking s, and a dictionary word that can end a compound (or another care
    word) as the rest: *covidvaccin*, *coronatestet*, *stomipåsen*, *covidsmittad*."""
    care, index = word_list("care_words"), load_index()
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if head not in care and not (head.endswith("s") and head[:-1] in care):
            continue
        if index.roles(tail) & END or tail in care or _care_word_form(tail):
            return True
    return False


def _care_word_form(word: str) -> bool:
    """A care word Hunspell lacks (``data/care_words.txt``) with a regular ending (*placket*)."""
    care = word_list("care_words")
    return any(
        word.endswith(ending) and word[: -len(ending)] in care
        for ending in endings("lenient_noun_endings")
    )


def _inflected_known(word: str) -> bool:
    """A regular ending on a dictionary noun the dictionary lacks the form of (*saturationen*)."""
    index = load_index()
    for ending in endings("lenient_noun_endings"):
        base = word[: -len(ending)]
        if not word.endswith(ending) or len(base) < 4:
            continue
        if ending in ("n", "t", "na") and base[-1] not in "aeiouyåäö":
            continue  # the short endings follow a vowel: patienten, not patientn
        if index.roles(base) & NOUN:
            return True
    return False


def _two_words(word: str) -> bool:
    """Two common dictionary words written together, the first perhaps with a linking s
    (*hudinspektion*): Hunspell lacks compounding flags on many nouns."""
    index = load_index()
    cuts = range(3, len(word) - 2)
    tails = index.known_many([word[cut:] for cut in cuts])  # one batch, not one per cut
    for cut, tail_roles in zip(cuts, tails):
        head, tail = word[:cut], word[cut:]
        if not int(tail_roles) & (END | NOUN) or index.zipf(tail) < 2.0:
            continue
        stem = head[:-1] if head.endswith("s") and len(head) > 3 else head
        if any(index.roles(h) & NOUN and index.zipf(h) >= 2.5 for h in {head, stem}):
            return True
    return False


def _edits_size(word: str) -> int:
    """How many strings ``_edits1(word)`` makes at most."""
    return (2 * len(_ALPHABET) + 2) * (len(word) + 1)


def _edits1(word: str) -> set[str]:
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in cuts if b}
        | {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
        | {a + c + b[1:] for a, b in cuts if b for c in _ALPHABET}
        | {a + c + b for a, b in cuts for c in _ALPHABET}
    ) - {word}


def _known_candidates(words: set[str], roles: int) -> list[str]:
    ordered = sorted(words)
    found = load_index().known_many(ordered)
    return [w for w, r in zip(ordered, found) if r & roles]


def suggest(word: str, lexicon: Lexicon | None = None) -> tuple[str, ...]:
    """Ranked corrections for the lower-case, unknown ``word`` (may be empty).

    Candidates: the dictionary's forms one edit away, or up to two typical slips away
    (``data/spelling_confusions.yaml``: å/ä/ö, sj/sk, j/gj/hj, a doubled consonant, …), a fix
    in the last part of a compound, a spoken form written down (``data/spoken_forms.yaml``),
    and — two edits away — the words a care note is likely to hold: the term bank's forms
    (``lexicon``) and everyday words (``wordfreq``'s most frequent Swedish words).

    Each costs 1 per ordinary edit (0.9 for a letter left out, the commonest slip) and 0.5 per
    typical slip undone; a term-bank form costs 0.5 less, and frequent words a little less
    (0.1 per Zipf point above 3), so the word the writer most probably meant comes first.
    """
    return suggest_within(word, lexicon, math.inf)[0]


# complete searches: (word, lexicon) → (suggestions, cost)
_FOUND: dict[tuple[str, Lexicon | None], tuple[tuple[str, ...], int]] = {}


def suggest_within(
    word: str, lexicon: Lexicon | None, budget: float
) -> tuple[tuple[str, ...], int]:
    """``suggest(word, lexicon)`` within ``budget`` candidate lookups, and the lookups it cost.
    A stage that would exceed the budget is skipped (its cost is known before it runs), so
    the answer depends only on the word, the lexicon and the budget — never on what an
    earlier check left in the cache."""
    key = (word, lexicon)
    if key in _FOUND and _FOUND[key][1] <= budget:
        return _FOUND[key]
    found, cost, complete = _search(word, lexicon, budget)
    if complete:
        if len(_FOUND) >= 20_000:
            _FOUND.clear()
        _FOUND[key] = (found, cost)
    return found, cost


def _search(word: str, lexicon: Lexicon | None, budget: float) -> tuple[tuple[str, ...], int, bool]:
    if word in wrong_forms():
        return (wrong_forms()[word],), 0, True
    if len(word) > MAX_SUGGESTED_LENGTH:
        return (), 0, True
    index, care = load_index(), word_list("care_words")
    bank = _bank_words(lexicon)
    cost: dict[str, float] = {}
    spent, complete = 0, True

    def affordable(size: int) -> bool:
        """Whether a stage of at most ``size`` lookups fits the budget, which it is then
        charged (checked before the candidates are made: making them costs as much)."""
        nonlocal spent, complete
        if spent + size > budget:
            complete = False
            return False
        spent += size
        return True

    def offer(candidates, penalty: float, roles: int = WORD) -> None:
        for w in _known_candidates(set(candidates), roles):
            cost[w] = min(cost.get(w, penalty), penalty)

    slips = _confusions(word, 1)
    if affordable(len(slips) + _edits_size(word)):
        edits = _edits1(word)
        offer(slips, 0.5)
        for w in _known_candidates(edits, WORD) + sorted(edits & care):
            cost.setdefault(w, 0.9 if len(w) > len(word) else 1.0)
    if affordable(len(slips) * len(slips)):
        offer(_confusions(word, 2) - slips, 1.0)
    spoken = yaml_data("spoken_forms").get(word)
    if spoken:
        cost[spoken] = 0.0
    if affordable(len(bank) // NEAR_PER_LOOKUP):
        for w in _near(word, bank):
            cost.setdefault(w, 2.0)
    if not cost and affordable(EVERYDAY_WORDS // NEAR_PER_LOOKUP):
        # two edits from an everyday word: jogurt, schukhus
        cost.update(dict.fromkeys(_near(word, _everyday_words()), 2.0))
    if not cost:  # a typo in the last part of a compound: sjuksköterkan, trycksårsrisen
        for cut in range(2, len(word) - 2):
            head, tail = word[:cut], word[cut:]
            if index.roles(head) & BEGIN and affordable(_edits_size(tail)):
                for fixed in _known_candidates(_edits1(tail), END):
                    cost[head + fixed] = 1.0
    if not cost and slips and affordable(sum(_edits_size(v) for v in slips)):
        offer(set().union(*(_edits1(v) for v in slips)), 1.5)  # a slip and an ordinary edit

    def rank(w: str) -> tuple[float, str]:
        zipf = index.zipf(_last_part(w))
        return cost[w] - (0.5 if w in bank else 0.0) - 0.1 * max(0.0, min(zipf, 7.0) - 3.0), w

    return tuple(sorted(cost, key=rank)[:MAX_SUGGESTIONS]), spent, complete


def forget_suggestions() -> None:
    """Empty the suggestion cache (benchmarks time the uncached work)."""
    _FOUND.clear()


EVERYDAY_WORDS = 30_000  # wordfreq's most frequent Swedish words offered two edits away
EVERYDAY_WORDS_FILE = DATA / "everyday_words.txt"


@lru_cache(maxsize=1)
def _everyday_words() -> tuple[str, ...]:
    """Those of wordfreq's top ``EVERYDAY_WORDS`` the dictionary knows, most frequent first:
    precomputed by ``scripts/spelling/everyday_words.py`` (reading the file takes ~5 ms;
    computing it at start-up took 0.7 s, most of it importing wordfreq)."""
    lines = EVERYDAY_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=16)
def _bank_words(lexicon: Lexicon | None) -> tuple[str, ...]:
    """The term bank's one-word forms, lower case."""
    if lexicon is None:
        return ()
    forms = set(lexicon.forms) | {w.lower() for w in lexicon.words}
    return tuple(sorted(f for f in forms if _SWEDISH_WORD.fullmatch(f)))


def _near(word: str, vocabulary: tuple[str, ...]) -> list[str]:
    """The words of ``vocabulary`` at most two edits (OSA distance) from ``word``."""
    if len(word) < 4 or not vocabulary:
        return []
    found = process.extract(word, vocabulary, scorer=OSA.distance, score_cutoff=2, limit=None)
    return [w for w, _, _ in found]


def _last_part(word: str) -> str:
    """The part whose frequency ranks a compound suggestion (trycksårs|risken)."""
    parts = splits(word)
    return parts[0][-1] if parts and not load_index().roles(word) else word


def _confusions(word: str, depth: int) -> set[str]:
    """Variants of ``word`` with up to ``depth`` typical second-language slips undone
    (``data/spelling_confusions.yaml``: å/ä/ö, sj/sk, single and double consonants)."""
    pairs = [tuple(p) for p in yaml_data("spelling_confusions")["pairs"]]
    found, frontier = set(), {word}
    for _ in range(depth):
        following = set()
        for w in frontier:
            for a, b in pairs + [(b, a) for a, b in pairs]:
                start = w.find(a)
                while start >= 0:
                    following.add(w[:start] + b + w[start + len(a) :])
                    start = w.find(a, start + 1)
            following |= {w[:i] + w[i] + w[i:] for i in range(1, len(w)) if w[i] not in "aeiouyåäö"}
            following |= {w[:i] + w[i + 1 :] for i in range(1, len(w)) if w[i] == w[i - 1]}
        found |= following
        frontier = following
    return found - {word}


def _match_case(original: str, suggestion: str) -> str:
    return suggestion[:1].upper() + suggestion[1:] if original[:1].isupper() else suggestion


def _skip(word: Word, accepted: frozenset[str]) -> bool:
    text, norm = word.text, word.norm
    if not _SWEDISH_WORD.fullmatch(norm) or norm in accepted or norm in word_list("care_words"):
        return True
    if norm in word_list("abbreviations") or norm in word_list("units"):
        return True
    if text.isupper() and len(text) <= 6:
        return True
    return text[:1].isupper() and not word.sent_start


def _long_runs(text: str) -> list[tuple[int, int]]:
    """The spans of runs of more than ``MAX_PIECE`` characters without whitespace, which the
    tokenizer cut into pieces (``tokens.py``)."""
    return [m.span() for m in _LONG_RUN.finditer(text)]


def _run_at(runs: list[tuple[int, int]], at: int) -> tuple[int, int] | None:
    i = bisect_right(runs, (at, math.inf)) - 1  # the last run starting at or before ``at``
    return runs[i] if i >= 0 and runs[i][0] <= at < runs[i][1] else None


def _flag_run(doc: Doc, start: int, end: int) -> None:
    """One finding for a run no word is as long as (20,000 letters pasted without spaces),
    instead of one per piece: a wall of marks tells the writer nothing."""
    text = doc._.text or doc.text
    length = f"{end - start:,}".replace(",", "\u00a0")
    beginning = text[start : start + 20]
    add_finding(
        doc,
        "spelling",
        start,
        end,
        (),
        message("spelling_no_spaces", beginning=beginning, length=length),
    )


@Language.factory("ordvard_spelling")
def make_spelling(nlp: Language, name: str):
    return check_spelling


def check_spelling(doc: Doc) -> Doc:
    """Flag unknown words. Bounded work: the check's budget bounds how many distinct unknown
    words the analysed text holds, and suggestions stop once their share of lookups
    (``budget.SUGGESTION_LOOKUPS``) is spent: a later unknown word is still flagged, without
    a suggestion."""
    accepted = accepted_words(doc._.terms, doc._.lexicon)
    taken = {i for f in doc._.findings or () if f.kind in _COVERING for i in range(f.start, f.end)}
    index, budget = load_index(), SUGGESTION_LOOKUPS
    runs, reported = _long_runs(doc._.text or doc.text), None
    for word in doc._.words:
        if _skip(word, accepted) or word.start in taken or word.end - 1 in taken:
            continue
        run = _run_at(runs, word.start)
        if run:  # a piece of a run without spaces: one finding for the run, not one per piece
            if run != reported:
                reported = run
                _flag_run(doc, *run)
            continue
        norm = word.norm
        wrong = wrong_forms().get(norm)
        if wrong is None and (index.roles(norm) & WORD or is_known(norm)):
            continue
        found: tuple[str, ...] = (wrong,) if wrong else ()
        if budget > 0 and not wrong:
            found, spent = suggest_within(norm, doc._.lexicon, budget)
            budget -= spent
        options = [_match_case(word.text, s) for s in found]
        if wrong:
            text = message("spelling_irregular", word=word.text, right=options[0])
        elif options:
            text = message("spelling_suggestion", word=word.text, suggestion=options[0])
        else:
            text = message("spelling_unknown", word=word.text)
        add_finding(doc, "spelling", word.start, word.end, options, text)
    return doc
