"""Everything one writing, feedback or comparison page needs, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.learn.access import visible_to
from webapp.learn.store import record_of
from webapp.models import Lesson, Note, NoteDraft, NoteVersion, User
from webapp.write import feedback as fb
from webapp.write.service import (
    ExerciseContext,
    draft_of,
    may_submit,
    missing_term_help,
    note_of,
)

SBAR_TEMPLATE = "S: \nB: \nA: \nR: "
STATUS_LABELS = {
    "submitted": "Inlämnad, väntar på läraren",
    "returned": "Skriv om",
    "approved": "Godkänd",
}


def starting_text(
    user: User, context: ExerciseContext
) -> tuple[str, NoteDraft | None, Note | None]:
    """The text the form opens with: the draft, else the latest version, else (SBAR) the four
    part labels."""
    draft, note = draft_of(user, context), note_of(user, context)
    if draft is not None:
        return draft.text, draft, note
    if note is not None and note.versions:
        return note.versions[-1].text, None, note
    return (SBAR_TEMPLATE if context.exercise.form == "sbar" else ""), None, note


def report_view(
    context: ExerciseContext, text: str, report: dict, language: str, overrides=(), comments=()
) -> dict:
    """The marked note (with the teacher's commented passages), numbered findings, missing
    terms with definitions, and the finding explanations in Swedish and the trainee's language."""
    shown = fb.feedback_of(text, report, overrides, comments)
    keys = dict.fromkeys(f.help_key for f in shown.findings)
    return {
        "feedback": shown,
        "lix": fb.lix_sentence(shown.readability),
        "sbar_labels": fb.SBAR_LABELS,
        "form": context.exercise.form,
        "missing": missing_term_help(context, report["terms"]["missing"]),
        "explanations": {key: fb.explanation(key, language) for key in keys},
    }


@dataclass
class VersionChoice:
    note: Note
    versions: list[NoteVersion]
    version: NoteVersion


def chosen_version(user: User, context: ExerciseContext, number: int | None) -> VersionChoice:
    """The user's note and one of its versions (default: the latest); 404 if there is none."""
    note = note_of(user, context)
    if note is None or not note.versions:
        abort(404)
    versions = list(note.versions)
    version = (
        versions[-1] if number is None else next((v for v in versions if v.number == number), None)
    )
    if version is None:
        abort(404)
    return VersionChoice(note, versions, version)


def feedback_page(user: User, context: ExerciseContext, number: int | None) -> dict:
    choice = chosen_version(user, context, number)
    reviews = fb.reviews_of(choice.versions)
    review = reviews[choice.version.id]
    return {
        "context": context,
        "note": choice.note,
        "versions": choice.versions,
        "version": choice.version,
        "review": review,
        "reviews": reviews,
        "status_label": STATUS_LABELS.get(choice.note.status, choice.note.status),
        "may_revise": may_submit(choice.note),
        "verdicts": fb.VERDICTS,
        "view": report_view(
            context,
            choice.version.text,
            choice.version.report,
            user.l1,
            review.overrides,
            review.comments,
        ),
    }


def compare_page(
    user: User, context: ExerciseContext, before: int | None, after: int | None
) -> dict:
    choice = chosen_version(user, context, after)
    later = choice.version
    earlier_number = before if before is not None else later.number - 1
    earlier = next((v for v in choice.versions if v.number == earlier_number), None)
    if earlier is None or earlier.number >= later.number:
        abort(404)
    return {
        "context": context,
        "versions": choice.versions,
        "before": earlier,
        "after": later,
        "diff": fb.word_diff(earlier.text, later.text),
    }


@dataclass(frozen=True)
class ExerciseItem:
    lesson: Lesson
    exercise_id: str
    form: str
    situation: str
    status: str | None


def open_exercises(user: User) -> list[ExerciseItem]:
    """Every exercise of the lessons the user may see (``webapp.learn.access``), with their
    note's status: two queries."""
    lessons = db.session.scalars(select(Lesson).where(visible_to(user)).order_by(Lesson.title))
    statuses = {
        (lesson_id, key): status
        for lesson_id, key, status in db.session.execute(
            select(Note.lesson_id, Note.exercise_key, Note.status).where(Note.user_id == user.id)
        )
    }
    return [
        ExerciseItem(
            lesson,
            exercise.id,
            exercise.form,
            exercise.situation,
            statuses.get((lesson.id, exercise.id)),
        )
        for lesson in lessons
        for exercise in record_of(lesson).exercises
    ]


@dataclass(frozen=True)
class NoteItem:
    """One row of the dashboard's "Dina anteckningar"."""

    lesson_slug: str
    lesson_title: str
    exercise_id: str
    status_label: str
    versions: int
    updated_at: object
    draft_only: bool


def notes_of(user: User) -> list[NoteItem]:
    """The user's notes (newest first) and drafts not yet submitted: two queries."""
    counts = (
        select(NoteVersion.note_id, func.count().label("n"))
        .group_by(NoteVersion.note_id)
        .subquery()
    )
    notes = db.session.execute(
        select(
            Lesson.slug, Lesson.title, Note.exercise_key, Note.status, counts.c.n, Note.updated_at
        )
        .join(Lesson, Lesson.id == Note.lesson_id)
        .join(counts, counts.c.note_id == Note.id)
        .where(Note.user_id == user.id)
    ).all()
    drafts = db.session.execute(
        select(Lesson.slug, Lesson.title, NoteDraft.exercise_key, NoteDraft.updated_at)
        .join(Lesson, Lesson.id == NoteDraft.lesson_id)
        .where(NoteDraft.user_id == user.id)
    ).all()
    submitted = {(slug, key) for slug, _, key, *_ in notes}
    items = [
        NoteItem(slug, title, key, STATUS_LABELS.get(status, status), n, updated, False)
        for slug, title, key, status, n, updated in notes
    ]
    items += [
        NoteItem(slug, title, key, "Utkast, inte inlämnat", 0, updated, True)
        for slug, title, key, updated in drafts
        if (slug, key) not in submitted
    ]
    return sorted(items, key=lambda item: item.updated_at, reverse=True)
