"""The trainee's lesson pages: HTTP only; the work is in ``service``."""

from __future__ import annotations

from flask import abort, render_template
from flask_login import current_user

from webapp.access import roles_required
from webapp.learn import bp, service
from webapp.models import Role

logged_in = roles_required(Role.TRAINEE, Role.TEACHER, Role.ADMIN)


@bp.get("/")
@logged_in
def index():
    return render_template("learn/index.html", lessons=service.lesson_list(current_user))


@bp.get("/<slug>")
@logged_in
def lesson(slug: str):
    found = service.find_lesson(slug)
    if found is None or found.status != service.PUBLISHED:
        abort(404)  # a draft is seen only in the teacher's preview
    return render_template("learn/lesson.html", page=service.lesson_page(found, current_user))
