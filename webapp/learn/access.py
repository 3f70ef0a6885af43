"""Who may see a lesson: the one rule behind every page and API that shows a lesson's content
or its terms (lesson page and list, drills, writing exercises and the checker's API, competence
cards, the lessons a glossary term links to).

- A **trainee** may see a lesson that is **published** and either **assigned to one of their
  groups** or **assigned to no group at all** (open to everyone). A lesson assigned only to
  other groups is refused (403) on every page that names it, and left out of every list.
- A **teacher or admin** may see every published lesson (they author and assign them).
- A draft is never shown here (404); teachers see drafts in the editor's preview only.
"""

from __future__ import annotations

from typing import NoReturn

from flask import abort, url_for
from sqlalchemy import ColumnElement, and_, or_, select, true

from webapp.errors import Refused
from webapp.extensions import db
from webapp.models import Assignment, Lesson, Membership, User

PUBLISHED = "published"
CLOSED_HEADING = "Lektionen hör inte längre till din grupp"
CLOSED_TEXT = (
    "Den finns inte bland din grupps lektioner nu. Det du redan har gjort i den finns kvar. "
    "Fråga läraren om du behöver lektionen igen."
)


def open_to(user: User) -> ColumnElement[bool]:
    """SQL for a query over ``Lesson``: the group part of the rule (the caller checks the
    status, to tell a draft (404) from a lesson of other groups (403))."""
    if user.is_teacher:
        return true()
    assigned = select(Assignment.id).where(Assignment.lesson_id == Lesson.id)
    to_user = assigned.join(Membership, Membership.group_id == Assignment.group_id).where(
        Membership.user_id == user.id
    )
    return or_(~assigned.exists(), to_user.exists())


def visible_to(user: User) -> ColumnElement[bool]:
    """SQL for a query over ``Lesson``: the whole rule, for lists."""
    return and_(Lesson.status == PUBLISHED, open_to(user))


def may_open(user: User, lesson: Lesson) -> bool:
    """The whole rule for a lesson already loaded."""
    return lesson.status == PUBLISHED and bool(
        db.session.scalar(select(open_to(user)).where(Lesson.id == lesson.id))
    )


def refuse_unless_open(lesson: Lesson | None, allowed: bool) -> Lesson:
    """``lesson`` as loaded with ``open_to(user)``; aborts 404 (none, or a draft) or 403."""
    if lesson is None or lesson.status != PUBLISHED:
        abort(404)
    if not allowed:
        refuse_closed()
    return lesson


def refuse_closed() -> NoReturn:
    """403 for a lesson not the trainee's (most often one the teacher took from their group):
    the page says so and leads back to their lessons, instead of "Du har inte behörighet"."""
    raise Refused(CLOSED_HEADING, CLOSED_TEXT, ("Till dina lektioner", url_for("learn.index")))


def open_lesson(user: User, slug: str) -> Lesson:
    """The lesson named ``slug`` if ``user`` may see it; otherwise aborts 404 or 403."""
    row = db.session.execute(select(Lesson, open_to(user)).where(Lesson.slug == slug)).first()
    return refuse_unless_open(*(row or (None, False)))
