"""The trainee's lesson pages: HTTP only; the work is in ``service``."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user
from markupsafe import Markup

from webapp.access import roles_required
from webapp.learn import bp, cache, service
from webapp.models import Lesson, Role, User

logged_in = roles_required(Role.TRAINEE, Role.TEACHER, Role.ADMIN)


@bp.get("/")
@logged_in
def index():
    return render_template("learn/index.html", lessons=service.lesson_list(current_user))


@bp.get("/<slug>")
@logged_in
def lesson(slug: str):
    found, terms_saved, reviewed = service.open_lesson_with_stamp(slug, current_user)
    key = (
        found.id,
        found.version,
        str(found.updated_at),
        str(terms_saved),
        current_user.l1,
        reviewed,
    )
    body = cache.rendered(key, lambda: lesson_body(found, current_user, reviewed))
    return render_template("learn/lesson.html", lesson=found, body=body)


def lesson_body(lesson: Lesson, viewer: User, review_status: str | None = None) -> Markup:
    """The lesson's content as ``viewer`` sees it (also the teacher's preview)."""
    page = service.lesson_page(lesson, viewer, review_status)
    return Markup(render_template("learn/_lesson_body.html", page=page))
