"""The lesson: a care procedure paired with its words, a dialogue, drills and a documentation
exercise. Field names are those of the lesson files (the team's FORMATS.md).

Two rule sets, one for each state of a lesson:

- :class:`Draft` is what the editor stores while a teacher is still building a lesson: anything
  written must be well-formed (term markup, lengths, known kinds), but parts may be missing or
  empty (no exercise yet, an empty step).
- A *complete* lesson is a :class:`Lesson` (every part present and filled in; each draft class
  has a strict subclass) that also meets :func:`bundled_bar` (≥ 6 steps, ≥ 12 words, a dialogue
  of 4–10 lines, …). ``python -m lessons`` checks exactly this, and so does publishing in the
  editor, so a published lesson always exports as a file the validator accepts.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_serializer

from glossary.problems import counted

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SPEAKERS = ("vårdare", "brukare", "patient", "anhörig", "sjuksköterska")
DRILL_KINDS = ("flashcard", "listen", "choice", "cloze", "gender", "spelling", "word_order")
MAX_TEXT = 2000

# [surface|lemma] or [lemma]; a lemma may carry "#pos" when it exists in two word classes.
_MARK = re.compile(r"\[([^\[\]|]+)(?:\|([^\[\]|]+))?\]")


def segments(text: str) -> list[tuple[str, str | None]]:
    """Split marked text into (text, lemma-or-None) pieces, in order, for rendering.

    ``"Sätt [manschetten|manschett] på"`` → ``[("Sätt ", None), ("manschetten", "manschett"),
    (" på", None)]``. The surface text is kept exactly as written (escaping is the web layer's).
    """
    pieces: list[tuple[str, str | None]] = []
    position = 0
    for match in _MARK.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], None))
        surface, lemma = match.group(1), match.group(2)
        pieces.append((surface, (lemma or surface).strip()))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], None))
    return pieces


def marked_terms(text: str) -> list[str]:
    return [lemma for _, lemma in segments(text) if lemma is not None]


def plain_text(text: str) -> str:
    """The text as a reader sees it, without the term markup."""
    return "".join(piece for piece, _ in segments(text))


def _check_markup(text: str) -> str:
    rest = _MARK.sub("", text)
    if "[" in rest or "]" in rest:
        raise ValueError(
            "termmarkeringen är trasig: skriv [ytform|lemma] eller [lemma], med båda hakparenteserna"
        )
    return text


def _no_markup(text: str | None) -> str | None:
    """Notes, situations and model answers are shown as plain text: a marked term there would
    reach the trainee with its brackets."""
    if text and _MARK.search(text):
        raise ValueError(
            "här visas texten som den står: skriv utan termmarkering [ ] (markera termer i stegen)"
        )
    return text


class _Part(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class DraftStep(_Part):
    text: str = Field(default="", max_length=MAX_TEXT)
    hygiene: str | None = Field(default=None, max_length=MAX_TEXT)
    safety: str | None = Field(default=None, max_length=MAX_TEXT)

    _markup = field_validator("text")(_check_markup)
    _plain = field_validator("hygiene", "safety")(_no_markup)

    def segments(self) -> list[tuple[str, str | None]]:
        return segments(self.text)

    def terms(self) -> list[str]:
        return marked_terms(self.text)


class Step(DraftStep):
    text: str = Field(min_length=1, max_length=MAX_TEXT)


class DraftLine(_Part):
    speaker: Literal[SPEAKERS]
    text: str = Field(default="", max_length=MAX_TEXT)


class DialogueLine(DraftLine):
    text: str = Field(min_length=1, max_length=MAX_TEXT)


class Drills(_Part):
    """How the lesson's words are drilled, and when they count as done for the competence card:
    ``threshold`` is the share of the words that must be done; a word is done when every card
    of it is in FSRS's review state with a stability of at least ``mastery_days`` (the trainee
    would likely still remember it that many days on). A week suits a course of a few weeks:
    answering right on day 0 and again when due on day 2 gets a word there."""

    kinds: tuple[Literal[DRILL_KINDS], ...] = DRILL_KINDS
    new_per_day: int = Field(default=10, ge=1, le=100)
    threshold: float = Field(default=0.8, ge=0.0, le=1.0)
    mastery_days: int = Field(default=7, ge=1, le=90)

    @field_validator("kinds")
    @classmethod
    def _some_kind(cls, kinds: tuple[str, ...]) -> tuple[str, ...]:
        if not kinds:
            raise ValueError("minst en övningstyp behövs")
        return kinds


class Criterion(_Part):
    criterion: str = Field(min_length=1, max_length=MAX_TEXT)
    points: int = Field(ge=1, le=10)


class DraftExercise(_Part):
    id: str = Field(pattern=SLUG, max_length=120)
    form: Literal["free", "sbar"] = "free"
    situation: str = Field(default="", max_length=MAX_TEXT)
    required_terms: tuple[str, ...] = Field(default=(), max_length=6)
    model_answer: str = Field(default="", max_length=4 * MAX_TEXT)
    rubric: tuple[Criterion, ...] = Field(default=(), max_length=6)

    _plain = field_validator("situation", "model_answer")(_no_markup)


class Exercise(DraftExercise):
    form: Literal["free", "sbar"]
    situation: str = Field(min_length=1, max_length=MAX_TEXT)
    required_terms: tuple[str, ...] = Field(min_length=3, max_length=6)
    model_answer: str = Field(min_length=1, max_length=4 * MAX_TEXT)
    rubric: tuple[Criterion, ...] = Field(min_length=3, max_length=6)


class ReviewClaim(_Part):
    """What the exporting site says about the lesson's care-content review: who signed off
    which version, and when. A claim only: a site reading a file never treats the lesson as
    reviewed because of it (a reviewer signs off inside the product)."""

    status: Literal["draft", "reviewed", "needs_change"] = "draft"
    reviewer: str | None = Field(default=None, max_length=200)
    reviewed_at: str | None = Field(default=None, max_length=40)
    version: int | None = Field(default=None, ge=1)


class Draft(_Part):
    """A lesson being written: what it has must be right, what it lacks may still be missing."""

    id: str = Field(pattern=SLUG, max_length=120)
    title: str = Field(min_length=1, max_length=200)
    area: str = Field(min_length=1)
    level: Literal["A2", "B1", "B2"]
    goals: tuple[str, ...] = Field(default=(), max_length=5)
    procedure: tuple[DraftStep, ...] = ()
    dialogue: tuple[DraftLine, ...] = Field(default=(), max_length=10)
    words: tuple[str, ...] = ()
    drills: Drills = Drills()
    exercises: tuple[DraftExercise, ...] = ()
    competence: tuple[str, ...] = Field(default=(), max_length=6)
    review: ReviewClaim | None = None  # in exported files only; never part of a stored lesson

    @model_serializer(mode="wrap")
    def _without_unset_review(self, handler) -> dict:
        """A lesson without a review claim dumps exactly as before the field existed."""
        data = handler(self)
        if data.get("review") is None:
            data.pop("review", None)
        return data

    def term_references(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Every term the lesson points at, with the field path it comes from."""
        found: list[tuple[tuple[str | int, ...], str]] = []
        for i, step in enumerate(self.procedure):
            found += [(("procedure", i, "text"), lemma) for lemma in step.terms()]
        found += [(("words", i), ref) for i, ref in enumerate(self.words)]
        for i, exercise in enumerate(self.exercises):
            found += [
                (("exercises", i, "required_terms", j), ref)
                for j, ref in enumerate(exercise.required_terms)
            ]
        return found


class Lesson(Draft):
    """A lesson with every part present and filled in."""

    goals: tuple[str, ...] = Field(min_length=1, max_length=5)
    procedure: tuple[Step, ...] = Field(min_length=1)
    dialogue: tuple[DialogueLine, ...] = Field(default=(), max_length=10)
    exercises: tuple[Exercise, ...] = Field(min_length=1)


def shortfalls(lesson: Draft) -> list[tuple[str, str]]:
    """(field, what it lacks) for each count below the bar of a complete lesson."""
    lacks = []
    if len(lesson.procedure) < 6:
        lacks.append(("procedure", f"{len(lesson.procedure)} steg (minst 6)"))
    if len(set(lesson.words)) < 12:
        lacks.append(("words", f"{len(set(lesson.words))} ord i ordlistan (minst 12)"))
    if not 4 <= len(lesson.dialogue) <= 10:
        lines = counted(len(lesson.dialogue), "replik", "repliker")
        lacks.append(("dialogue", f"{lines} i dialogen (4–10)"))
    if not 2 <= len(lesson.goals) <= 5:
        lacks.append(("goals", f"{len(lesson.goals)} lärandemål (2–5)"))
    if not 3 <= len(lesson.competence) <= 6:
        criteria = counted(len(lesson.competence), "kompetenskriterium", "kompetenskriterier")
        lacks.append(("competence", f"{criteria} (3–6)"))
    return lacks


def bundled_bar(lesson: Draft) -> list[str]:
    """What a lesson lacks compared with the bar every complete lesson meets (bundled or
    published); empty when it meets it."""
    return [message for _, message in shortfalls(lesson)]
