"""The work behind the writing pages and ``/api/check``: which exercises a trainee may open,
checking a note, keeping drafts and storing submitted versions.

Access: a trainee may open an exercise of a lesson they may see (``webapp.learn.access``, the
rule every lesson page shares): a lesson assigned only to other groups is refused (403), a
draft or unknown lesson or exercise is not found (404).

The review pages call :func:`check_note`, :func:`exercise_terms` and :func:`bank_lexicon` too,
so trainee and teacher always see the same analysis.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

import nlp
from lessons.model import Exercise
from lessons.model import Lesson as LessonRecord
from webapp.extensions import db
from webapp.learn.access import PUBLISHED, open_to, refuse_unless_open
from webapp.learn.store import record_of
from webapp.models import Lesson, Note, NoteDraft, NoteVersion, User
from webapp.models.time import utcnow
from webapp.write.lexicon import bank_lexicon, checker_inputs, terms_by_reference

__all__ = [
    "MAX_NOTE_CHARS",
    "ExerciseContext",
    "NoteApproved",
    "PersonalDataFound",
    "bank_lexicon",
    "check_note",
    "draft_of",
    "exercise_terms",
    "note_of",
    "open_exercise",
    "save_draft",
    "submit_note",
]

MAX_NOTE_CHARS = 20_000
PERSONAL_DATA = "personal_data"
APPROVED = "approved"


@dataclass(frozen=True)
class ExerciseContext:
    """One exercise of one lesson, as stored now."""

    lesson: Lesson
    record: LessonRecord
    exercise: Exercise

    @property
    def key(self) -> str:
        return self.exercise.id


class PersonalDataFound(ValueError):
    """The note holds a personnummer (or similar): it must not be stored."""

    def __init__(self, report: dict):
        super().__init__("personal data in note")
        self.report = report


class NoteApproved(ValueError):
    """The note is approved: it is finished and takes no more versions."""


def find_exercise(lesson: Lesson, exercise_id: str) -> ExerciseContext | None:
    record = record_of(lesson)
    exercise = next((e for e in record.exercises if e.id == exercise_id), None)
    return ExerciseContext(lesson, record, exercise) if exercise else None


def open_exercise(user: User, slug: str, exercise_id: str) -> ExerciseContext:
    """The exercise if ``user`` may open it; otherwise aborts with 404 or 403. One query."""
    row = db.session.execute(select(Lesson, open_to(user)).where(Lesson.slug == slug)).first()
    lesson, allowed = row or (None, False)
    context = find_exercise(lesson, exercise_id) if lesson and lesson.status == PUBLISHED else None
    if context is None:
        abort(404)
    refuse_unless_open(lesson, allowed)
    return context


def exercise_terms(context: ExerciseContext) -> list[nlp.TermSpec]:
    return checker_inputs(tuple(context.exercise.required_terms))[0]


def missing_term_help(context: ExerciseContext, missing: list[str]) -> list[dict]:
    """Lemma, word class and plain definition of each missing term (for the feedback page)."""
    rows = terms_by_reference(context.exercise.required_terms)
    by_lemma = {row.lemma: row for row in rows.values()}
    return [
        {
            "lemma": lemma,
            "definition": by_lemma[lemma].record.get("definition", "") if lemma in by_lemma else "",
            "term_id": by_lemma[lemma].id if lemma in by_lemma else None,
        }
        for lemma in missing
    ]


def check_note(context: ExerciseContext, text: str) -> dict:
    """The checker's report (``nlp.Report.to_dict()``) for ``text`` against the exercise."""
    specs, lexicon = checker_inputs(tuple(context.exercise.required_terms))
    return nlp.check(text, specs, lexicon=lexicon, form=context.exercise.form).to_dict()


def has_personal_data(report: dict) -> bool:
    return any(finding["kind"] == PERSONAL_DATA for finding in report["findings"])


def draft_of(user: User, context: ExerciseContext) -> NoteDraft | None:
    return db.session.scalar(
        select(NoteDraft).where(
            NoteDraft.user_id == user.id,
            NoteDraft.lesson_id == context.lesson.id,
            NoteDraft.exercise_key == context.key,
        )
    )


def note_of(user: User, context: ExerciseContext) -> Note | None:
    return db.session.scalar(
        select(Note).where(
            Note.user_id == user.id,
            Note.lesson_id == context.lesson.id,
            Note.exercise_key == context.key,
        )
    )


def save_draft(
    user: User, context: ExerciseContext, text: str, *, report: dict | None = None
) -> NoteDraft:
    """Keep ``text`` as the user's draft and commit. A text with a personnummer is not stored:
    :class:`PersonalDataFound` is raised and the previous draft stays. ``report`` is the
    text's report when the caller has already checked it."""
    report = report if report is not None else check_note(context, text)
    if has_personal_data(report):
        raise PersonalDataFound(report)
    draft = draft_of(user, context)
    if draft is None:
        draft = NoteDraft(user_id=user.id, lesson_id=context.lesson.id, exercise_key=context.key)
        db.session.add(draft)
    draft.text = text
    draft.updated_at = utcnow()
    try:
        db.session.commit()
    except IntegrityError:  # the same draft was created by a parallel autosave: update it
        db.session.rollback()
        draft = draft_of(user, context)
        draft.text, draft.updated_at = text, utcnow()
        db.session.commit()
    return draft


def may_submit(note: Note | None) -> bool:
    """An approved note is finished; anything else may be revised and submitted again."""
    return note is None or note.status != APPROVED


def submit_note(user: User, context: ExerciseContext, text: str) -> NoteVersion:
    """Check ``text`` and store it as the note's next numbered version with its report, in one
    transaction (the draft is cleared in the same one). Raises :class:`PersonalDataFound`
    (nothing stored) or :class:`NoteApproved`."""
    report = check_note(context, text)
    if has_personal_data(report):
        raise PersonalDataFound(report)
    for attempt in range(2):  # a parallel submit may take the same number: retry once
        try:
            version = _store_version(user, context, text, report)
            db.session.commit()
            return version
        except IntegrityError:
            db.session.rollback()
            if attempt:
                raise
    raise AssertionError("unreachable")


def _store_version(user: User, context: ExerciseContext, text: str, report: dict) -> NoteVersion:
    note = note_of(user, context)
    if not may_submit(note):
        raise NoteApproved(context.key)
    if note is None:
        note = Note(user_id=user.id, lesson_id=context.lesson.id, exercise_key=context.key)
        db.session.add(note)
        db.session.flush()
    number = (
        db.session.scalar(
            select(func.max(NoteVersion.number)).where(NoteVersion.note_id == note.id)
        )
        or 0
    ) + 1
    version = NoteVersion(note_id=note.id, number=number, text=text, report=report)
    db.session.add(version)
    note.status, note.updated_at = "submitted", utcnow()
    draft = draft_of(user, context)
    if draft is not None:
        db.session.delete(draft)
    db.session.flush()
    return version
