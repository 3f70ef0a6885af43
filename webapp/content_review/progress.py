"""How far review has come: per help language and care area for translations, per area for
lessons ("Tigrinska: 212 av 1 200 granskade"). Two queries: each term's six statuses (read
from the record's JSON by the database, not the whole record) and the lessons' sign-offs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from glossary.load import load_areas
from glossary.model import LANGUAGES
from webapp.extensions import db
from webapp.models import Lesson, LessonReview, Term
from webapp.review_state import REVIEWED, SCOPE_NAMES, status_column


@dataclass(frozen=True)
class Share:
    reviewed: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.reviewed / self.total) if self.total else 0


@dataclass(frozen=True)
class AreaRow:
    name: str
    shares: dict[str, Share]  # language → share; "lessons" → the area's lessons


@dataclass(frozen=True)
class Progress:
    languages: list[tuple[str, str, Share]]  # (code, Swedish name, share) for the whole bank
    lessons: Share
    areas: list[AreaRow]


def review_progress() -> Progress:
    reviewed: Counter = Counter()
    total: Counter = Counter()
    statuses = select(Term.area, *(status_column(lang) for lang in LANGUAGES))
    for area, *by_language in db.session.execute(statuses):
        for lang, status in zip(LANGUAGES, by_language, strict=True):
            total[area, lang] += status is not None
            reviewed[area, lang] += status == REVIEWED
    lesson_rows = db.session.execute(
        select(Lesson.area, LessonReview.status).outerjoin(
            LessonReview, LessonReview.lesson_id == Lesson.id
        )
    )
    for area, status in lesson_rows:
        total[area, "lessons"] += 1
        reviewed[area, "lessons"] += status == REVIEWED

    def share(key: str, area: str | None = None) -> Share:
        if area is not None:
            return Share(reviewed[area, key], total[area, key])
        return Share(
            sum(n for (_, k), n in reviewed.items() if k == key),
            sum(n for (_, k), n in total.items() if k == key),
        )

    areas = [
        AreaRow(name, {key: share(key, slug) for key in (*LANGUAGES, "lessons")})
        for slug, name in load_areas().items()
    ]
    return Progress(
        languages=[(lang, SCOPE_NAMES[lang], share(lang)) for lang in LANGUAGES],
        lessons=share("lessons"),
        areas=areas,
    )
