"""A teacher's view of a group's drilling: each trainee's activity, the words the group finds
hardest, and the group's scheduling settings. A fixed number of queries per page.

The *weakest terms* are those with the lowest share of answers that were not *Igen* over the
last :data:`WEAK_WINDOW`, among terms answered at least :data:`WEAK_MIN_REVIEWS` times.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, func, select

from webapp.extensions import db
from webapp.models import Card, Group, Membership, ReviewLog, Role, Term, User
from webapp.models.group import MemberRole

ACTIVITY_WINDOW = timedelta(days=30)
WEAK_WINDOW = timedelta(days=30)
WEAK_MIN_REVIEWS = 3
WEAK_LIMIT = 10


class NotLeader(PermissionError):
    """The teacher does not lead this group."""


@dataclass(frozen=True)
class TraineeActivity:
    name: str
    reviews_week: int
    reviews_month: int
    retention: float | None
    last_review: datetime | None
    due_now: int


@dataclass(frozen=True)
class WeakTerm:
    term_id: int
    lemma: str
    reviews: int
    retention: float


@dataclass(frozen=True)
class GroupReport:
    group: Group
    trainees: list[TraineeActivity]
    weakest: list[WeakTerm]


def led_group(user: User, group_id: int) -> Group | None:
    """The group if ``user`` may manage it (its leader, or an admin); NotLeader if not; None
    if there is no such group."""
    group = db.session.get(Group, group_id)
    if group is None or user.role is Role.ADMIN:
        return group
    leads = db.session.scalar(
        select(Membership.id).where(
            Membership.group_id == group_id,
            Membership.user_id == user.id,
            Membership.role == MemberRole.LEADER,
        )
    )
    if leads is None:
        raise NotLeader(group_id)
    return group


def group_report(group: Group, now: datetime) -> GroupReport:
    members = db.session.execute(
        select(User.id, User.display_name)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.group_id == group.id, Membership.role == MemberRole.MEMBER)
        .order_by(User.display_name, User.id)
    ).all()
    ids = [member_id for member_id, _ in members]
    week = now - timedelta(days=7)
    activity = {
        row.user_id: row
        for row in db.session.execute(
            select(
                ReviewLog.user_id,
                func.count(case((ReviewLog.reviewed_at >= week, 1))).label("week"),
                func.count().label("month"),
                func.count(case((ReviewLog.correct, 1))).label("right"),
                func.max(ReviewLog.reviewed_at).label("last"),
            )
            .where(ReviewLog.user_id.in_(ids), ReviewLog.reviewed_at >= now - ACTIVITY_WINDOW)
            .group_by(ReviewLog.user_id)
        )
    }
    due = dict(
        db.session.execute(
            select(Card.user_id, func.count())
            .where(Card.user_id.in_(ids), Card.due <= now)
            .group_by(Card.user_id)
        ).all()
    )
    trainees = []
    for member_id, name in members:
        row = activity.get(member_id)
        trainees.append(
            TraineeActivity(
                name=name,
                reviews_week=row.week if row else 0,
                reviews_month=row.month if row else 0,
                retention=(row.right / row.month) if row else None,
                last_review=row.last if row else None,
                due_now=due.get(member_id, 0),
            )
        )
    return GroupReport(group, trainees, _weakest(ids, now))


def _weakest(user_ids: list[int], now: datetime) -> list[WeakTerm]:
    if not user_ids:
        return []
    right = func.count(case((ReviewLog.correct, 1)))
    total = func.count()
    rows = db.session.execute(
        select(Term.id, Term.lemma, total, right)
        .select_from(ReviewLog)
        .join(Card, Card.id == ReviewLog.card_id)
        .join(Term, Term.id == Card.term_id)
        .where(ReviewLog.user_id.in_(user_ids), ReviewLog.reviewed_at >= now - WEAK_WINDOW)
        .group_by(Term.id, Term.lemma)
        .having(total >= WEAK_MIN_REVIEWS)
        .order_by((right * 1.0 / total).asc(), total.desc(), Term.lemma)
        .limit(WEAK_LIMIT)
    ).all()
    return [WeakTerm(term_id, lemma, n, r / n) for term_id, lemma, n, r in rows]


def save_settings(group: Group, retention_percent: int, new_per_day: int | None) -> None:
    """Store the group's target retention and new-cards limit; the next answer uses them."""
    group.desired_retention = retention_percent / 100
    group.new_cards_per_day = new_per_day
    db.session.commit()
