"""The word-order drill's sentences: which sentences of a lesson it uses, how each is cut into
parts, and which orders of the parts are right.

**Which orders are right** comes from the Swedish main clause, not from a list per sentence.
A statement has one part first (the *fundament*), the finite verb second (V2), then the subject
if it was not first, then sentence adverbs (*inte, alltid, bara*), then the rest in its own
order. So with the parts named, the right orders are: the subject first, or a time adverbial
first with the subject right after the verb. A one-word time adverb (*nu, sedan, först*) may also
stand after the verb and subject (*Jag mätte sedan blodtrycket*) or last; a time phrase or a
fronted prepositional phrase (*i dag, efter maten*) may stand first or last. Nothing else
moves: objects and other phrases keep their order, which is always right, and marked orders
(an object first) are not asked for.

**Which sentences** are used: statements (ending in a full stop) that are one main clause with
a personal pronoun as subject — either first (*Jag sätter manschetten på överarmen.*) or right
after the verb, behind a time adverb or a prepositional phrase (*Sedan sätter jag
manschetten på överarmen.*). Every part is then named from closed word lists
(``data/word_order/words.yaml``), so nothing depends on guessing open words; a sentence with a
comma, a subordinate clause, coordination or anything unsure is left out. They come from the
lesson's procedure steps and dialogue, which are correct Swedish, so the verb after the first
part is the finite verb.

Pure functions, no Flask or database.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from lessons.model import Lesson, plain_text

WORDS_FILE = Path(__file__).parent / "data" / "word_order" / "words.yaml"
MIN_PARTS, MAX_PARTS = 3, 6
MAX_WORDS = 12
MAX_PP_WORDS = 4  # a fronted prepositional phrase longer than this is not trusted to be one

SUBJECT, VERB, ADVERB, TIME, PHRASE, REST = "subject", "verb", "adverb", "time", "phrase", "rest"
_SENTENCE = re.compile(r"[^.!?]+[.!?]")
_WORD = re.compile(r"^[\wåäöÅÄÖéÉ:/-]+$")


@cache
def _words() -> dict[str, frozenset[str]]:
    with WORDS_FILE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return {name: frozenset(values) for name, values in data.items()}


@dataclass(frozen=True)
class Part:
    """One part the trainee moves: its words and its role in the clause."""

    text: str
    role: str  # subject | verb | adverb (sentence adverb) | time | phrase (time/PP) | rest


@dataclass(frozen=True)
class Cut:
    """A sentence cut into parts (in the sentence's order) and every right order of them."""

    sentence: str
    parts: tuple[Part, ...]
    orders: tuple[tuple[int, ...], ...]  # part indices; the sentence's own order first

    def text(self, order) -> str:
        """The parts in ``order`` as a sentence: capital first letter, full stop."""
        words = " ".join(self.parts[i].text for i in order)
        return words[:1].upper() + words[1:] + "."

    @property
    def accepted(self) -> tuple[str, ...]:
        return tuple(self.text(order) for order in self.orders)

    @property
    def verb(self) -> int:
        return next(i for i, part in enumerate(self.parts) if part.role == VERB)

    @property
    def subject(self) -> int:
        return next(i for i, part in enumerate(self.parts) if part.role == SUBJECT)


def sentence_key(sentence: str) -> str:
    """A stable key for a sentence (a card is per trainee and sentence)."""
    return hashlib.sha1(" ".join(sentence.split()).encode("utf-8")).hexdigest()


def lesson_sentences(lesson: Lesson) -> list[str]:
    """The sentences of the lesson's steps and dialogue that the drill can use, in order."""
    texts = [plain_text(step.text) for step in lesson.procedure]
    texts += [line.text for line in lesson.dialogue]
    found = []
    for text in texts:
        for match in _SENTENCE.finditer(text):
            sentence = " ".join(match.group().split())
            if cut_sentence(sentence) is not None:
                found.append(sentence)
    return list(dict.fromkeys(found))


def _lower_first(word: str) -> str:
    return word[:1].lower() + word[1:]


def _is_clause_word(words: list[str], i: int) -> bool:
    w = _words()
    lower = words[i].lower()
    if lower in w["clause_words"]:
        return True
    following = words[i + 1].lower() if i + 1 < len(words) else ""
    return lower == "om" and following in w["clause_om_before"]


def cut_sentence(sentence: str) -> Cut | None:
    """The sentence cut into 3–6 parts with its right orders, or None when it does not fit the
    drill (see the module docstring)."""
    if not sentence.endswith(".") or sentence.count(".") != 1:
        return None
    words = sentence[:-1].split()
    if not 3 <= len(words) <= MAX_WORDS or not all(_WORD.match(word) for word in words):
        return None
    if any(_is_clause_word(words, i) for i in range(len(words))):
        return None
    w = _words()
    lower = [word.lower() for word in words]
    if lower[0] in w["subjects"]:
        front: list[Part] = []
        subject_at = 0
        verb_at = 1
    else:
        subject_at = next((i for i in range(2, len(words)) if lower[i] in w["subjects"]), None)
        if subject_at is None:
            return None
        verb_at = subject_at - 1
        front_words = [_lower_first(words[0]), *words[1:verb_at]]
        fronted = _fronted(front_words)
        if fronted is None:
            return None
        front = [fronted]
    verb = lower[verb_at]
    if any(
        verb in w[name] for name in ("subjects", "prepositions", "sentence_adverbs", "time_adverbs")
    ):
        return None
    position = max(subject_at, verb_at) + 1
    middle = []
    while position < len(words) and (
        lower[position] in w["sentence_adverbs"] or lower[position] in w["time_adverbs"]
    ):
        role = TIME if lower[position] in w["time_adverbs"] else ADVERB
        middle.append(Part(lower[position], role))
        position += 1
    rest_words = words[position:]
    last = _trailing_time(rest_words)
    if last is not None:
        rest_words = rest_words[: len(rest_words) - len(last.text.split())]
    rest = _rest_parts(rest_words, MAX_PARTS - 2 - len(front) - len(middle) - (last is not None))
    if rest is None:
        return None
    subject = Part(lower[subject_at], SUBJECT)
    verb_part = Part(words[verb_at], VERB)
    if front:
        parts = (*front, verb_part, subject, *middle, *rest, *([last] if last else []))
    else:
        parts = (subject, verb_part, *middle, *rest, *([last] if last else []))
    if not MIN_PARTS <= len(parts) <= MAX_PARTS:
        return None
    return Cut(sentence, parts, _right_orders(parts))


def _fronted(words: list[str]) -> Part | None:
    """The part before the verb when it is not the subject: a time adverb or a short
    prepositional phrase (a time phrase among them); anything else is not trusted."""
    w = _words()
    text = " ".join(words)
    if len(words) == 1 and words[0].lower() in w["time_adverbs"]:
        return Part(words[0].lower(), TIME)
    if text.lower() in w["time_phrases"]:
        return Part(text, PHRASE)
    if 2 <= len(words) <= MAX_PP_WORDS and words[0].lower() in w["prepositions"]:
        return Part(text, PHRASE)
    return None


def _trailing_time(words: list[str]) -> Part | None:
    """A time adverb or time phrase that ends the sentence (it may also come first), unless it
    belongs to a preposition before it (*sedan i går kväll*)."""
    w = _words()
    for size in (3, 2, 1):
        before = words[-size - 1].lower() if len(words) > size else ""
        if len(words) >= size and before not in w["prepositions"]:
            tail = " ".join(words[-size:])
            if size == 1 and tail.lower() in w["time_adverbs"]:
                return Part(tail.lower(), TIME)
            if size > 1 and tail.lower() in w["time_phrases"]:
                return Part(tail, PHRASE)
    return None


def _rest_parts(words: list[str], room: int) -> list[Part] | None:
    """The words after the middle field, cut before each preposition (the parts keep their
    order, so a cut in the wrong place only makes the drill easier, never a wrong order
    right); merged from the end to fit ``room``."""
    if not words:
        return []
    if room < 1:
        return None
    prepositions = _words()["prepositions"]
    groups: list[list[str]] = [[]]
    for word in words:
        opened = any(w.lower() not in prepositions for w in groups[-1])
        if opened and word.lower() in prepositions:
            groups.append([])
        groups[-1].append(word)
    while len(groups) > room:
        groups[-2:] = [groups[-2] + groups[-1]]
    return [Part(" ".join(group), REST) for group in groups]


def _right_orders(parts: tuple[Part, ...]) -> tuple[tuple[int, ...], ...]:
    """Every order V2 allows (module docstring), the sentence's own first."""
    subject = next(i for i, p in enumerate(parts) if p.role == SUBJECT)
    verb = next(i for i, p in enumerate(parts) if p.role == VERB)
    adverbs = [i for i, p in enumerate(parts) if p.role == ADVERB]
    rest = [i for i, p in enumerate(parts) if p.role == REST]
    movable = [i for i, p in enumerate(parts) if p.role in (TIME, PHRASE)]
    places = {i: ("middle", "end") if parts[i].role == TIME else ("end",) for i in movable}
    orders = [tuple(range(len(parts)))]
    for first in [subject, *movable]:
        others = [i for i in movable if i != first]
        for chosen in itertools.product(*(places[i] for i in others)):
            slot = dict(zip(others, chosen, strict=True))
            order = [first, verb]
            if first != subject:
                order.append(subject)
            order += [i for i in others if slot[i] == "middle"]
            order += adverbs + rest
            order += [i for i in others if slot[i] == "end"]
            if tuple(order) not in orders:
                orders.append(tuple(order))
    return tuple(orders)
