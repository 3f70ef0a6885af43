"""A teacher's verdicts and comments on trainees' notes, for the teacher's own data export.

What the teacher wrote is theirs (GDPR articles 15 and 20); the note it is about is the
trainee's. So each record names the note — lesson, exercise, version, when it was handed in —
and carries the teacher's verdict, points and comments (with the passage a comment is anchored
to, which the teacher chose), but not the note's text. The trainee's name is given only while
the teacher still supervises the trainee (``review.scope``), i.e. while the teacher's own pages
show it; otherwise it is null.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from webapp.extensions import db
from webapp.models import Lesson, Membership, Note, NoteVersion, Review, ReviewComment, User
from webapp.review.scope import supervised_members


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def note_verdicts(teacher: User) -> list[dict]:
    """One record per note version the teacher judged or commented on, oldest first."""
    reviews = list(db.session.scalars(select(Review).where(Review.teacher_id == teacher.id)))
    comments = list(
        db.session.scalars(select(ReviewComment).where(ReviewComment.teacher_id == teacher.id))
    )
    version_ids = {r.note_version_id for r in reviews} | {c.note_version_id for c in comments}
    if not version_ids:
        return []
    rows = db.session.execute(
        select(
            NoteVersion.id,
            NoteVersion.number,
            NoteVersion.submitted_at,
            Note.exercise_key,
            Note.user_id,
            Lesson.slug,
        )
        .join(Note, Note.id == NoteVersion.note_id)
        .join(Lesson, Lesson.id == Note.lesson_id)
        .where(NoteVersion.id.in_(version_ids))
        .order_by(NoteVersion.submitted_at, NoteVersion.id)
    ).all()
    authors = {row.user_id for row in rows}
    trainee_ids = set(
        db.session.scalars(
            supervised_members(teacher)
            .where(Membership.user_id.in_(authors))
            .with_only_columns(Membership.user_id)
        )
    )
    names = (
        dict(
            db.session.execute(
                select(User.id, User.display_name).where(User.id.in_(trainee_ids))
            ).all()
        )
        if trainee_ids
        else {}
    )
    return [
        {
            "lektion": row.slug,
            "övning": row.exercise_key,
            "version": row.number,
            "inlämnad": _time(row.submitted_at),
            "deltagare": names.get(row.user_id),
            "bedömningar": [
                {
                    "bedömning": r.verdict,
                    "poäng": r.scores,
                    "kommentar": r.comment,
                    "tid": _time(r.created_at),
                }
                for r in sorted(reviews, key=lambda r: (r.created_at, r.id))
                if r.note_version_id == row.id
            ],
            "kommentarer": [
                {"citat": c.quote, "kommentar": c.text, "tid": _time(c.created_at)}
                for c in sorted(comments, key=lambda c: (c.created_at, c.id))
                if c.note_version_id == row.id
            ],
        }
        for row in rows
    ]
