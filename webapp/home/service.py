"""What each role's dashboard shows."""

from __future__ import annotations

from sqlalchemy import func, select

from webapp.drills.service import today_summary
from webapp.extensions import db
from webapp.learn.service import lesson_list, suggested_lesson
from webapp.models import Group, Role, User
from webapp.models.time import utcnow
from webapp.review.service import review_queue
from webapp.teach.service import groups_led_by
from webapp.write.pages import notes_of


def dashboard(user: User) -> dict:
    if user.role is Role.ADMIN:
        counts = dict(db.session.execute(select(User.role, func.count()).group_by(User.role)).all())
        return {
            "user_counts": {role: counts.get(role, 0) for role in Role},
            "group_count": db.session.scalar(select(func.count()).select_from(Group)),
        }
    if user.role is Role.TEACHER:
        return {"groups": groups_led_by(user), "to_review": review_queue(user)}
    lessons = lesson_list(user)
    return {
        "groups": [membership.group for membership in user.memberships],
        "lessons": lessons.assigned,
        "suggested": None if lessons.assigned else suggested_lesson(lessons),
        "notes": notes_of(user),
        "drills": today_summary(user, utcnow()),
    }
