"""The teacher's work on lessons: who may edit what, saving the editor's lesson, versions and
restoring them, YAML import and export, and assigning lessons to groups.

Functions take plain arguments and return plain data; every write goes through
``learn.store.save_lesson`` (a version row with who and when) and is committed here, all or
nothing.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import load_only

from glossary.problems import ContentError, Problem
from lessons.export import lesson_yaml
from lessons.load import parse_lesson
from lessons.model import Draft, ReviewClaim, shortfalls
from lessons.model import Lesson as LessonRecord
from webapp import review_state
from webapp.extensions import db
from webapp.free_text import refuse_personal_id_in_content, refuse_unstorable_in_content
from webapp.learn.store import record_of, save_lesson
from webapp.models import Assignment, Group, Lesson, LessonVersion, Term, User
from webapp.teach.service import groups_led_by


def may_edit(lesson: Lesson, user: User) -> bool:
    """A teacher edits a lesson they wrote, or one shared with the organisation."""
    return user.is_teacher and (lesson.author_id == user.id or lesson.shared)


def may_view(lesson: Lesson, user: User) -> bool:
    return lesson.status == "published" or may_edit(lesson, user)


@dataclass(frozen=True)
class AuthorRow:
    lesson: Lesson
    editable: bool
    author: str | None
    review_status: str  # webapp.review_state: draft | reviewed | needs_change


def lessons_for(user: User, review_status: str = "") -> list[AuthorRow]:
    """Every lesson the teacher may open in the editor or preview, by area and title; with
    ``review_status`` only those with that care-content review status."""
    columns = (
        Lesson.id,
        Lesson.slug,
        Lesson.title,
        Lesson.area,
        Lesson.level,
        Lesson.status,
        Lesson.shared,
        Lesson.author_id,
        Lesson.version,
        Lesson.source,
    )
    rows = db.session.execute(
        select(Lesson, User.display_name)
        .options(load_only(*columns))
        .outerjoin(User, User.id == Lesson.author_id)
        .order_by(Lesson.area, Lesson.title)
    ).all()
    statuses = review_state.lesson_statuses()
    found = [
        AuthorRow(lesson, may_edit(lesson, user), name, statuses.get(lesson.id, review_state.DRAFT))
        for lesson, name in rows
        if may_view(lesson, user)
    ]
    return [row for row in found if review_status in ("", row.review_status)]


def known_term_references() -> frozenset[str]:
    """Every reference the term bank in the database answers to: ``lemma`` and ``lemma#pos``."""
    rows = db.session.execute(select(Term.lemma, Term.pos)).all()
    return frozenset([lemma for lemma, _ in rows] + [f"{lemma}#{pos}" for lemma, pos in rows])


def slug_for(title: str) -> str:
    """A free lesson id made from the title: ``Sårvård på natten`` → ``sarvard-pa-natten``."""
    plain = unicodedata.normalize("NFKD", title.lower()).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:100] or "lektion"
    taken = set(db.session.scalars(select(Lesson.slug).where(Lesson.slug.startswith(base))))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def publish_problems(record: Draft, source: str) -> list[Problem]:
    """What keeps a lesson from being published, beyond its fields: the validator's bar."""
    return [
        Problem(source, f"för att publicera behövs {message}", field=field)
        for field, message in shortfalls(record)
    ]


def validate(document: dict, *, publish: bool) -> LessonRecord | Draft:
    """The editor's lesson, checked by the lessons package as a file would be, and holding no
    personnummer. A draft by the draft rules (parts may be missing); to publish, exactly what
    ``python -m lessons`` requires: complete, and up to the bar of ``lessons.model.shortfalls``,
    so an exported published lesson always validates. Every problem is raised at once."""
    text, source = json.dumps(document, ensure_ascii=False), "formuläret"
    known = known_term_references()
    try:
        record = parse_lesson(text, source, known_terms=known, draft=not publish)
        problems = []
    except ContentError as exc:
        record, problems = None, list(exc.problems)
    if publish:
        try:
            draft = record or parse_lesson(text, source, draft=True)
        except ContentError:
            draft = None
        problems += publish_problems(draft, source) if draft is not None else []
    if problems:
        raise ContentError(problems)
    refuse_unstorable_in_content(record, source)
    refuse_personal_id_in_content(record, source)
    return record


def left_to_publish(document: dict) -> int:
    """How many problems stand between a saved draft and publishing it (0: it could be)."""
    try:
        validate(document, publish=True)
    except ContentError as exc:
        return len(exc.problems)
    return 0


def save_from_editor(
    document: dict,
    user: User,
    *,
    lesson: Lesson | None,
    status: str,
    shared: bool,
    expected_version: int | None,
) -> Lesson:
    """Validate and save; ContentError with the problems, or StaleEdit if someone saved since."""
    record = validate(document, publish=status == "published")
    try:
        saved = save_lesson(record, user=user, status=status, expected_version=expected_version)
        if lesson is None or lesson.author_id == user.id:
            saved.shared = shared
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return saved


@dataclass(frozen=True)
class VersionRow:
    version: int
    status: str
    edited_by: str | None
    edited_at: datetime


def versions_of(lesson: Lesson) -> list[VersionRow]:
    rows = db.session.execute(
        select(
            LessonVersion.version, LessonVersion.status, User.display_name, LessonVersion.edited_at
        )
        .outerjoin(User, User.id == LessonVersion.edited_by_id)
        .where(LessonVersion.lesson_id == lesson.id)
        .order_by(LessonVersion.version.desc())
    ).all()
    return [VersionRow(*row) for row in rows]


def latest_edit(lesson: Lesson) -> VersionRow | None:
    rows = versions_of(lesson)
    return rows[0] if rows else None


def restore(
    lesson: Lesson, version: int, user: User, expected_version: int | None
) -> Lesson | None:
    """Save an earlier version's content as a new version (the status stays as it is now);
    None if there is no such version, StaleEdit if the lesson moved on since the page was read,
    ContentError if the lesson is published and that version was an incomplete draft."""
    body = db.session.scalar(
        select(LessonVersion.body).where(
            LessonVersion.lesson_id == lesson.id, LessonVersion.version == version
        )
    )
    if body is None:
        return None
    if lesson.status == "published":
        source = f"version {version}"
        try:
            record = LessonRecord.model_validate(body)
        except ValidationError as exc:
            raise ContentError([Problem(source, "versionen är inte komplett")]) from exc
        if problems := publish_problems(record, source):
            raise ContentError(problems)
    else:
        record = Draft.model_validate(body)
    try:
        saved = save_lesson(record, user=user, expected_version=expected_version)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return saved


def export_yaml(lesson: Lesson) -> str:
    """The lesson file, with its care-content review (status, reviewer, date, version) if any."""
    record = record_of(lesson)
    claim = review_state.lesson_review_claim(lesson.id)
    if claim is not None:
        record = record.model_copy(update={"review": ReviewClaim(**claim)})
    return lesson_yaml(record)


@dataclass(frozen=True)
class Imported:
    lesson: Lesson
    created: bool
    # the file said "reviewed", but this site holds no sign-off of exactly this content
    unconfirmed_review: bool


def import_yaml(data: str | bytes, source_name: str, user: User) -> Imported:
    """Import one lesson file. All or nothing: ContentError with every problem (line and
    field) and nothing written. A review the file claims is never taken over: the lesson is
    reviewed only if it already was, with the same content (``webapp.review_state``)."""
    record = parse_lesson(data, source_name, known_terms=known_term_references())
    refuse_unstorable_in_content(record, source_name)
    refuse_personal_id_in_content(record, source_name)
    existing = db.session.scalar(select(Lesson).where(Lesson.slug == record.id))
    if existing is not None and not may_edit(existing, user):
        message = f"det finns redan en lektion med id ”{record.id}” som du inte får ändra; byt id"
        raise ContentError([Problem(source_name, message, field="id")])
    published = existing is not None and existing.status == "published"
    if published and (problems := publish_problems(record, source_name)):
        raise ContentError(problems)
    try:
        saved = save_lesson(record, user=user, status=existing.status if existing else "draft")
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    claimed = record.review is not None and record.review.status == review_state.REVIEWED
    unconfirmed = claimed and review_state.lesson_status(saved.id)[0] != review_state.REVIEWED
    return Imported(saved, existing is None, unconfirmed)


@dataclass(frozen=True)
class GroupAssignment:
    group: Group
    assigned: bool


def assignments(lesson: Lesson, teacher: User) -> list[GroupAssignment]:
    """The teacher's groups, and whether each has the lesson."""
    assigned = set(
        db.session.scalars(select(Assignment.group_id).where(Assignment.lesson_id == lesson.id))
    )
    return [GroupAssignment(group, group.id in assigned) for group in groups_led_by(teacher)]


def set_assignment(lesson: Lesson, group_id: int, teacher: User, assign: bool) -> Group | None:
    """Assign or unassign; None (nothing written) if the teacher does not lead that group."""
    group = next((g for g in groups_led_by(teacher) if g.id == group_id), None)
    if group is None:
        return None
    current = db.session.scalar(
        select(Assignment).where(Assignment.lesson_id == lesson.id, Assignment.group_id == group_id)
    )
    if assign and current is None:
        db.session.add(
            Assignment(lesson_id=lesson.id, group_id=group_id, assigned_by_id=teacher.id)
        )
    elif not assign and current is not None:
        db.session.delete(current)
    db.session.commit()
    return group
