"""The teacher's review of submitted notes: the queue, one note with the checker's marks beside
the model answer, and the writes — verdict with rubric scores, passage comments, and *inte ett
fel* on a checker finding. Every write is one transaction on the note's latest version.

The trainee's pages (``webapp.write``) read the same rows, so what is saved here is what the
trainee sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from flask import abort
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import (
    FindingOverride,
    Group,
    Lesson,
    Note,
    NoteVersion,
    Review,
    ReviewComment,
    User,
)
from webapp.models.time import utcnow
from webapp.review.scope import supervised_members, supervises
from webapp.write import feedback as fb
from webapp.write.pages import report_view
from webapp.write.service import ExerciseContext, find_exercise

SUBMITTED, RETURNED, APPROVED = "submitted", "returned", "approved"
NOTE_STATUS = {"approved": APPROVED, "revise": RETURNED}
# A sentence ends at . ! ? before a capital letter or the end, or at a line break ("Kl. 08.15" goes on).
_SENTENCE = re.compile(r"\S.*?(?:[.!?]+(?=\s+[A-ZÅÄÖ]|\s*$)|(?=\n)|$)", re.MULTILINE)
PASSAGE_PREVIEW = 80


class AlreadyReviewed(ValueError):
    """The latest version has a verdict already; the trainee has to submit a new one first."""


@dataclass(frozen=True)
class QueueItem:
    note_id: int
    trainee: str
    group: str
    lesson_title: str
    exercise_key: str
    version: int
    submitted_at: datetime


def review_queue(teacher: User) -> list[QueueItem]:
    """The teacher's groups' notes waiting for a verdict, the longest-waiting first: one query."""
    latest = (
        select(
            NoteVersion.note_id,
            func.max(NoteVersion.number).label("number"),
            func.max(NoteVersion.submitted_at).label("submitted_at"),
        )
        .group_by(NoteVersion.note_id)
        .subquery()
    )
    members = supervised_members(teacher).subquery()
    rows = db.session.execute(
        select(
            Note.id,
            User.display_name,
            Group.name,
            Lesson.title,
            Note.exercise_key,
            latest.c.number,
            latest.c.submitted_at,
        )
        .join(latest, latest.c.note_id == Note.id)
        .join(User, User.id == Note.user_id)
        .join(Lesson, Lesson.id == Note.lesson_id)
        .join(members, members.c.user_id == Note.user_id)
        .join(Group, Group.id == members.c.group_id)
        .where(Note.status == SUBMITTED)
        .order_by(latest.c.submitted_at, Note.id, Group.name)
    ).all()
    seen, items = set(), []
    for row in rows:  # a trainee in two of the teacher's groups: list the note once
        if row[0] not in seen:
            seen.add(row[0])
            items.append(QueueItem(*row))
    return items


def open_note(teacher: User, note_id: int) -> Note:
    """The note if the teacher supervises its writer: 404 if there is none, 403 if not theirs."""
    note = db.session.get(Note, note_id)
    if note is None or not note.versions:
        abort(404)
    if not supervises(teacher, note.user_id):
        abort(403)
    return note


def exercise_of(note: Note) -> ExerciseContext:
    context = find_exercise(db.session.get(Lesson, note.lesson_id), note.exercise_key)
    if context is None:  # the exercise was removed from the lesson since
        abort(404)
    return context


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    text: str

    @property
    def value(self) -> str:
        return f"{self.start}-{self.end}"

    @property
    def preview(self) -> str:
        return (
            self.text
            if len(self.text) <= PASSAGE_PREVIEW
            else self.text[: PASSAGE_PREVIEW - 1] + "…"
        )


def passages(text: str) -> list[Passage]:
    """The note's sentences with their offsets: the passages a comment can attach to."""
    found = []
    for match in _SENTENCE.finditer(text):
        stripped = match.group().strip()
        if stripped:
            start = match.start() + match.group().index(stripped)
            found.append(Passage(start, start + len(stripped), stripped))
    return found


def locate(text: str, passage: str, quote: str) -> tuple[int, int] | None:
    """Offsets of the commented passage: the quoted words if given and found, else the chosen
    sentence (``"start-end"``); None if neither fits the text."""
    quote = quote.strip()
    if quote:
        at = text.find(quote)
        return (at, at + len(quote)) if at >= 0 else None
    try:
        start, end = (int(part) for part in passage.split("-", 1))
    except ValueError:
        return None
    return (start, end) if 0 <= start < end <= len(text) else None


def review_page(teacher: User, note: Note) -> dict:
    context = exercise_of(note)
    versions = list(note.versions)
    version = versions[-1]
    reviews = fb.reviews_of(versions)
    current = reviews[version.id]
    return {
        "note": note,
        "trainee": db.session.get(User, note.user_id),
        "context": context,
        "versions": versions,
        "version": version,
        "reviews": reviews,
        "current": current,
        "view": report_view(context, version.text, version.report, teacher.l1, current.overrides),
        "passages": passages(version.text),
        "verdicts": fb.VERDICTS,
        "may_judge": note.status == SUBMITTED,
    }


def save_verdict(
    teacher: User, note: Note, verdict: str, scores: dict[int, int], comment: str
) -> Review:
    """The verdict on the latest version, with the rubric scores: the note becomes approved or
    returned for revision in the same transaction."""
    if note.status != SUBMITTED:
        raise AlreadyReviewed(note.id)
    review = Review(
        note_version_id=note.versions[-1].id,
        teacher_id=teacher.id,
        verdict=verdict,
        scores={str(index): points for index, points in scores.items()},
        comment=comment.strip(),
    )
    db.session.add(review)
    note.status, note.updated_at = NOTE_STATUS[verdict], utcnow()
    db.session.commit()
    return review


def add_comment(teacher: User, note: Note, start: int, end: int, text: str) -> ReviewComment:
    version = note.versions[-1]
    comment = ReviewComment(
        note_version_id=version.id,
        teacher_id=teacher.id,
        start=start,
        end=end,
        quote=version.text[start:end],
        text=text.strip(),
    )
    db.session.add(comment)
    db.session.commit()
    return comment


def override_finding(teacher: User, note: Note, number: int, reason: str) -> FindingOverride | None:
    """Mark finding ``number`` (1-based, as numbered on the page) of the latest version as not
    an error. None if there is no such finding; an existing override is kept, not doubled."""
    version = note.versions[-1]
    findings = version.report.get("findings", [])
    if not 1 <= number <= len(findings):
        return None
    finding = findings[number - 1]
    existing = db.session.scalar(
        select(FindingOverride).where(
            FindingOverride.note_version_id == version.id,
            FindingOverride.kind == finding["kind"],
            FindingOverride.start == finding["start"],
            FindingOverride.end == finding["end"],
        )
    )
    if existing is not None:
        return existing
    override = FindingOverride(
        note_version_id=version.id,
        teacher_id=teacher.id,
        kind=finding["kind"],
        text=finding["text"][:200],
        start=finding["start"],
        end=finding["end"],
        reason=reason.strip(),
    )
    db.session.add(override)
    db.session.commit()
    return override
