"""Lessons in the database: saving a validated lesson with its version and word list.

Every write of a lesson goes through :func:`save_lesson` — bundled files, the editor, an import
— so the previous version is always kept and the word list always matches the body.
"""

from __future__ import annotations

from sqlalchemy import select

from glossary.load import load_bundled as load_term_bank
from lessons.load import load_bundled
from lessons.model import Draft
from lessons.model import Lesson as LessonRecord
from webapp import review_state
from webapp.extensions import db
from webapp.models import Lesson, LessonTerm, LessonVersion, Term, User
from webapp.models.time import utcnow


class StaleEdit(RuntimeError):
    """Someone saved the lesson after this edit began; saving would overwrite their work."""


def record_of(lesson: Lesson) -> LessonRecord | Draft:
    """The stored lesson: complete once published; a draft may still lack parts
    (``lessons.model.Draft``), and only teachers see drafts."""
    return (LessonRecord if lesson.status == "published" else Draft).model_validate(lesson.body)


def _term_ids(record: Draft) -> list[int]:
    """The lesson's words, then any other marked or required term, in first-use order."""
    references = list(record.words) + [ref for _, ref in record.term_references()]
    lemmas = {ref.split("#")[0] for ref in references}
    rows = db.session.execute(
        select(Term.id, Term.lemma, Term.pos).where(Term.lemma.in_(lemmas))
    ).all()
    by_reference = {}
    for term_id, lemma, pos in rows:
        by_reference.setdefault(lemma, term_id)
        by_reference[f"{lemma}#{pos}"] = term_id
    ordered = [by_reference[ref] for ref in references if ref in by_reference]
    return list(dict.fromkeys(ordered))


def save_lesson(
    record: LessonRecord | Draft,
    *,
    user: User | None = None,
    source: str = "teacher",
    status: str | None = None,
    expected_version: int | None = None,
) -> Lesson:
    """Insert or update the lesson with this id; the caller commits.

    ``expected_version`` is the version the editor started from: if the lesson has moved on
    since, :class:`StaleEdit` is raised and nothing is written. An unchanged lesson writes
    nothing; a changed body is a draft again for review (``webapp.review_state``).
    """
    body = record.model_dump(mode="json", exclude={"review"})  # a file's claim is never stored
    lesson = db.session.scalar(select(Lesson).where(Lesson.slug == record.id))
    if lesson is not None and expected_version is not None and lesson.version != expected_version:
        raise StaleEdit(record.id)
    if lesson is not None and lesson.body == body and (status is None or status == lesson.status):
        return lesson
    if lesson is None:
        lesson = Lesson(
            slug=record.id, source=source, author_id=user.id if user else None, version=0
        )
        db.session.add(lesson)
    elif lesson.body != body:
        review_state.lesson_body_changed(lesson, user)
    lesson.version += 1
    lesson.title, lesson.area, lesson.level = record.title, record.area, record.level
    lesson.status = status or lesson.status or "draft"
    lesson.body = body
    lesson.updated_at = utcnow()
    lesson.updated_by_id = user.id if user else None
    if lesson.terms:  # delete the old word list first: the new one may hold the same terms
        lesson.terms.clear()
        db.session.flush()
    lesson.terms = [
        LessonTerm(term_id=term_id, position=position)
        for position, term_id in enumerate(_term_ids(record))
    ]
    db.session.flush()
    db.session.add(
        LessonVersion(
            lesson_id=lesson.id,
            version=lesson.version,
            body=body,
            status=lesson.status,
            edited_by_id=lesson.updated_by_id,
        )
    )
    return lesson


def load_bundled_lessons() -> int:
    """Write the bundled lessons, published; every one validates against the term bank, or
    ContentError and nothing."""
    lessons = load_bundled(load_term_bank().references())
    for record in lessons:
        save_lesson(record, source="bundled", status="published")
    return len(lessons)
