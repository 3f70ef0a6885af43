"""Checking a typed answer the way a patient teacher would, and the rating it earns.

Pure functions, no Flask or database: the drill service passes what was expected and what was
typed, and gets a :class:`Verdict` with the FSRS rating and a Swedish message.

Tolerated (counted right): case, spaces around and inside the answer, a final full stop or
other final punctuation, quotes, and the accepted variants the caller passes (synonyms).
*Nästan rätt* (graded Svårt): å/ä/ö written without their dots or ring, a doubled or single
consonant mixed up, or one slip (a letter wrong, missing, extra or two swapped) in a word of
at least :data:`LONG_WORD` letters. A right word in the wrong form (a cloze) is named as
such and graded Svårt too. Anything else is wrong, shows the right answer and counts as Igen.

The letters, limits and messages are data (``data/answer_rules.json``), which the offline
drills' script (``static/js/answers.js``) reads too: the device judges an answer given
without a connection exactly as the server does, and the browser tests check that it does.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from fsrs import Rating
from rapidfuzz.distance import OSA

RULES = json.loads(
    (Path(__file__).parent / "data" / "answer_rules.json").read_text(encoding="utf-8")
)
MESSAGES: dict[str, str] = RULES["messages"]
LONG_WORD: int = RULES[
    "long_word"
]  # letters; one slip in a shorter word is a different word too often
MAX_ANSWER: int = RULES["max_answer"]  # characters; longer is not an attempt at a care word
MAX_TYPED = 200  # the answer field's maxlength: an invalid answer is shown back up to this

RIGHT, ALMOST, WRONG_FORM, WRONG = "right", "almost", "wrong_form", "wrong"

_DOTTED: dict[str, str] = RULES["dotted"]
_TRAILING: str = RULES["trailing"]
_QUOTES: str = RULES["quotes"]
_DOUBLED = re.compile(f"([{RULES['consonants']}])\\1")


@dataclass(frozen=True)
class Verdict:
    outcome: str  # RIGHT | ALMOST | WRONG_FORM | WRONG
    rating: Rating
    message: str
    expected: str

    @property
    def correct(self) -> bool:
        return self.outcome in (RIGHT, ALMOST)


def normalise(text: str) -> str:
    """The answer as compared: NFC, case-folded, inner spaces single, final punctuation off."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = " ".join(text.split())
    text = text.strip(_QUOTES + " ")
    text = text.rstrip(_TRAILING + " ").strip(_QUOTES + " ")
    return text


def _undotted(text: str) -> str:
    return "".join(_DOTTED.get(ch, ch) for ch in text)


def _single_consonants(text: str) -> str:
    return re.sub(f"([{RULES['consonants']}])\\1+", r"\1", text)


def spelling_hint(typed: str, expected: str) -> str | None:
    """Name the kind of slip between ``typed`` and ``expected`` (both normalised), if there is
    one a learner of Swedish often makes: the letters å/ä/ö, or a double consonant."""
    if typed != expected and _undotted(typed) == _undotted(expected):
        letters = RULES["dotted_letters"]
        missing = [ch for ch in letters if ch in expected and expected.count(ch) > typed.count(ch)]
        extra = [ch for ch in letters if ch in typed and typed.count(ch) > expected.count(ch)]
        if missing:
            return MESSAGES["with_letters"].format(letters=MESSAGES["letters_joiner"].join(missing))
        if extra:
            return MESSAGES["without_letters"].format(
                letters=MESSAGES["letters_joiner"].join(extra)
            )
    if typed != expected and _single_consonants(typed) == _single_consonants(expected):
        for doubled in _DOUBLED.finditer(expected):
            letter = doubled.group(1)
            if expected.count(letter * 2) > typed.count(letter * 2):
                return MESSAGES["double"].format(letter=letter, double=letter * 2)
        for doubled in _DOUBLED.finditer(typed):
            letter = doubled.group(1)
            if typed.count(letter * 2) > expected.count(letter * 2):
                return MESSAGES["single"].format(letter=letter, double=letter * 2)
    return None


def _is_slip(typed: str, expected: str) -> bool:
    return len(expected.replace(" ", "")) >= LONG_WORD and OSA.distance(typed, expected) == 1


def check_typed(
    answer: str,
    expected: str,
    *,
    accepted: tuple[str, ...] = (),
    other_forms: dict[str, str] | None = None,
) -> Verdict:
    """Check a typed answer against ``expected`` (shown as the right answer).

    ``accepted``: other answers that count as right (the term's synonyms).
    ``other_forms``: the term's other forms → their Swedish label (in a cloze, typing one of
    them is the right word in the wrong form).
    """
    typed = normalise(answer)
    wanted = normalise(expected)
    right_answers = {wanted, *(normalise(a) for a in accepted)}
    if typed in right_answers:
        return Verdict(RIGHT, Rating.Good, MESSAGES["right"], expected)
    forms = {normalise(form): label for form, label in (other_forms or {}).items()}
    if typed in forms:
        return Verdict(
            WRONG_FORM,
            Rating.Hard,
            MESSAGES["wrong_form"].format(
                given=answer.strip(), label=forms[typed], expected=expected
            ),
            expected,
        )
    hint = spelling_hint(typed, wanted)
    if hint is not None or _is_slip(typed, wanted):
        detail = hint or MESSAGES["spelled"].format(expected=expected)
        return Verdict(ALMOST, Rating.Hard, MESSAGES["almost"].format(detail=detail), expected)
    return Verdict(WRONG, Rating.Again, MESSAGES["wrong"].format(expected=expected), expected)


def check_choice(answer: str, expected: str) -> Verdict:
    """A picked option (multiple choice, en/ett): right or wrong, nothing in between."""
    if normalise(answer) == normalise(expected):
        return Verdict(RIGHT, Rating.Good, MESSAGES["right"], expected)
    return Verdict(WRONG, Rating.Again, MESSAGES["wrong"].format(expected=expected), expected)


def gave_up(expected: str) -> Verdict:
    """The trainee pressed "Jag vet inte": shown the answer, graded Igen."""
    return Verdict(WRONG, Rating.Again, MESSAGES["gave_up"].format(expected=expected), expected)


NO_ORDER = MESSAGES["no_order"]
ALSO_RIGHT = MESSAGES["also_right"]
PART_TWICE = MESSAGES["part_twice"]


def ordered_text(parts: list[str], order: list[int | None]) -> str:
    """The sentence the trainee built: the parts in ``order`` (positions not chosen, or not
    parts, are left out), with a capital letter and a full stop."""
    words = " ".join(parts[i] for i in order if i is not None and 0 <= i < len(parts))
    return words[:1].upper() + words[1:] + "." if words else ""


def order_problem(parts: list[str], order: list[int | None]) -> str | None:
    """Why ``order`` is not an answer yet: a place left empty or a part used twice."""
    if len(order) != len(parts) or any(i is None or not 0 <= i < len(parts) for i in order):
        return NO_ORDER
    twice = next((i for i in order if order.count(i) > 1), None)
    return PART_TWICE.format(part=parts[twice]) if twice is not None else None


def check_order(prompt: dict, order: list[int]) -> Verdict:
    """A word-order answer: right when it is one of the orders the V2 rule allows (the prompt's
    ``accepted``), else wrong with a hint about the verb or the subject when that is what is
    wrong."""
    built = ordered_text(prompt["parts"], order)
    expected = prompt["expected"]
    if normalise(built) in {normalise(text) for text in prompt["accepted"]}:
        if normalise(built) == normalise(expected):
            return Verdict(RIGHT, Rating.Good, MESSAGES["right"], expected)
        return Verdict(RIGHT, Rating.Good, ALSO_RIGHT, expected)
    verb, subject = prompt["parts"][prompt["verb"]], prompt["parts"][prompt["subject"]]
    if order.index(prompt["verb"]) != 1:
        hint = MESSAGES["verb_second"].format(verb=verb)
    elif order[0] != prompt["subject"] and order.index(prompt["subject"]) != 2:
        hint = MESSAGES["subject_after_verb"].format(subject=subject)
    else:
        hint = MESSAGES["not_in_order"]
    return Verdict(WRONG, Rating.Again, hint, expected)
