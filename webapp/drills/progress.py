"""How a trainee is doing: streak, today's work, what is due, mastery per care area, recall over
30 days and reviews per day — in five queries, whatever the number of reviews.

*Retention* here is the share of answers in the last 30 days that were not *Igen*.
A term is *known* ("kan") by the competence cards' rule (``webapp.mastery``): stable for the
days its lesson asks, a week by default.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from flask import current_app
from fsrs import Rating
from sqlalchemy import case, func, select

from glossary.load import load_areas
from webapp import mastery
from webapp.drills.queue import local_day_start
from webapp.extensions import db
from webapp.models import Card, ReviewLog, Term

CHART_DAYS = 30
STREAK_HORIZON = 366
area_names = cache(load_areas)  # the areas file is fixed while the site runs


@dataclass(frozen=True)
class Day:
    day: date
    right: int
    missed: int

    @property
    def total(self) -> int:
        return self.right + self.missed


@dataclass(frozen=True)
class AreaMastery:
    name: str
    mastered: int
    practised: int


@dataclass(frozen=True)
class Progress:
    streak: int
    reviews_today: int
    due_now: int
    due_today: int
    due_week: int
    retention: float | None
    reviews_30: int
    days: list[Day]
    areas: list[AreaMastery]
    mastery_days: tuple[int, ...]  # the days "kan" asked of the words counted (most often one)

    @property
    def most(self) -> int:
        return max((d.total for d in self.days), default=0)


def _zone() -> ZoneInfo:
    return ZoneInfo(current_app.config.get("DRILL_TIMEZONE", "Europe/Stockholm"))


def progress_of(user_id: int, now: datetime) -> Progress:
    zone = _zone()
    today = now.astimezone(zone).date()
    rows = db.session.execute(
        select(ReviewLog.reviewed_at, ReviewLog.rating).where(
            ReviewLog.user_id == user_id,
            ReviewLog.reviewed_at >= local_day_start(now, STREAK_HORIZON),
        )
    ).all()
    right: dict[date, int] = {}
    missed: dict[date, int] = {}
    for reviewed_at, rating in rows:
        day = reviewed_at.astimezone(zone).date()
        bucket = missed if rating == Rating.Again.value else right
        bucket[day] = bucket.get(day, 0) + 1
    days = [
        Day(d, right.get(d, 0), missed.get(d, 0))
        for d in (today - timedelta(days=n) for n in range(CHART_DAYS - 1, -1, -1))
    ]
    reviews_30 = sum(d.total for d in days)
    due_now, due_today, due_week = _due_counts(user_id, now)
    areas, mastery_days = _mastery(user_id)
    return Progress(
        streak=_streak(set(right) | set(missed), today),
        reviews_today=days[-1].total,
        due_now=due_now,
        due_today=due_today,
        due_week=due_week,
        retention=(sum(d.right for d in days) / reviews_30) if reviews_30 else None,
        reviews_30=reviews_30,
        days=days,
        areas=areas,
        mastery_days=mastery_days or (mastery.DEFAULT_DAYS,),
    )


def _streak(active: set[date], today: date) -> int:
    """Days in a row with at least one answer, up to today (today may still be to come)."""
    day = today if today in active else today - timedelta(days=1)
    streak = 0
    while day in active:
        streak += 1
        day -= timedelta(days=1)
    return streak


def _due_counts(user_id: int, now: datetime) -> tuple[int, int, int]:
    end_today = local_day_start(now, -1)
    end_week = local_day_start(now, -7)
    counts = db.session.execute(
        select(
            func.count(case((Card.due <= now, 1))),
            func.count(case((Card.due < end_today, 1))),
            func.count(case((Card.due < end_week, 1))),
        ).where(Card.user_id == user_id, Card.due < end_week)
    ).one()
    return counts[0], counts[1], counts[2]


def _mastery(user_id: int) -> tuple[list[AreaMastery], tuple[int, ...]]:
    """Words known and practised per care area (known: ``webapp.mastery``, the cards' rule),
    and the distinct numbers of days that rule asked of the practised words."""
    areas = dict(
        db.session.execute(
            select(Term.id, Term.area)
            .join(Card, Card.term_id == Term.id)
            .where(Card.user_id == user_id, Card.last_review.is_not(None))
        ).all()
    )
    held = mastery.firmness([user_id], areas)
    days = mastery.days_per_term(areas)
    known = {t: mastery.is_done(held.get((user_id, t), 0.0), days[t]) for t in areas}
    result = []
    for slug, name in area_names().items():
        in_area = [known[t] for t, area in areas.items() if area == slug]
        if in_area:
            result.append(AreaMastery(name, sum(in_area), len(in_area)))
    return result, tuple(sorted(set(days.values())))
