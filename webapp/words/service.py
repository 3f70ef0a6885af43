"""The word list's work: browsing, a term's page, teachers' edits, import and export.

Functions take plain arguments and return plain data, so they are testable without a request;
every write goes through ``store.save_term`` and is committed here, all or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from glossary import exchange
from glossary.load import load_areas
from glossary.model import LANGUAGE_NAMES
from glossary.model import Term as TermRecord
from glossary.problems import ContentError, Problem
from webapp.extensions import db
from webapp.free_text import refuse_personal_id_in_content
from webapp.learn.access import visible_to
from webapp.models import Lesson, LessonTerm, Term, TermEdit, User
from webapp.words.store import TermConflict, record_of, save_term


def areas_with_counts() -> list[tuple[str, str, int]]:
    """(slug, Swedish name, number of terms) for every care area, in the site's order."""
    counts = dict(db.session.execute(select(Term.area, func.count()).group_by(Term.area)).all())
    return [(slug, name, counts.get(slug, 0)) for slug, name in load_areas().items()]


def terms_in_area(area: str) -> list[Term]:
    return list(db.session.scalars(select(Term).where(Term.area == area).order_by(Term.lemma)))


def spoken_texts(record: dict) -> list[str]:
    """What a term's page lets you hear: the lemma, each form, the example sentence."""
    forms = [form for form in record["forms"].values() if form]
    return list(dict.fromkeys([record["lemma"], *forms, record["example"]]))


def all_spoken_texts(limit: int | None = None) -> list[str]:
    """Every text of every term in the database (the first ``limit`` terms if given)."""
    records = db.session.scalars(select(Term.record).order_by(Term.id).limit(limit))
    return list(dict.fromkeys(text for record in records for text in spoken_texts(record)))


@dataclass(frozen=True)
class LastEdit:
    by: str | None  # None: the bundled files
    at: datetime


@dataclass(frozen=True)
class TermPage:
    term: Term
    record: TermRecord
    own_language: str
    lessons: list[Lesson]
    last_edit: LastEdit | None

    @property
    def own_translation(self):
        return self.record.translation(self.own_language)

    @property
    def other_translations(self):
        return [
            (lang, LANGUAGE_NAMES[lang], tr)
            for lang, tr in self.record.translations.items()
            if lang != self.own_language
        ]


def term_page(term_id: int, viewer: User) -> TermPage | None:
    term = db.session.get(Term, term_id)
    if term is None:
        return None
    lessons = select(Lesson).join(LessonTerm).where(LessonTerm.term_id == term.id)
    if not viewer.is_teacher:  # teachers see drafts too; trainees the lessons they may see
        lessons = lessons.where(visible_to(viewer))
    edit = db.session.execute(
        select(TermEdit.edited_at, User.display_name)
        .outerjoin(User, User.id == TermEdit.user_id)
        .where(TermEdit.term_id == term.id)
        .order_by(TermEdit.id.desc())
        .limit(1)
    ).first()
    return TermPage(
        term=term,
        record=record_of(term),
        own_language=viewer.l1,
        lessons=list(db.session.scalars(lessons.order_by(Lesson.title))),
        last_edit=LastEdit(by=edit.display_name, at=edit.edited_at) if edit else None,
    )


def save_from_form(
    entry: dict, user: User, term: Term | None = None, version: str | None = None
) -> Term:
    """Validate a teacher's term (as the loader does) and save it; ContentError if refused.

    ``version`` is the term's version when the edit began: a term saved by someone else since
    is refused rather than overwritten.
    """
    if term is not None and version and version != str(term.version):
        message = (
            "någon annan har ändrat termen medan du skrev. Öppna termen igen för att se"
            " ändringen; det du skrev finns kvar i formuläret"
        )
        raise ContentError([Problem("formulär", message)])
    record = exchange.parse_term(entry)
    refuse_personal_id_in_content(record, "formulär")
    try:
        saved = save_term(record, user=user, source="teacher", term=term)
    except TermConflict as exc:
        db.session.rollback()
        raise ContentError([Problem("formulär", str(exc), field="lemma")]) from exc
    db.session.commit()
    return saved


def import_file(filename: str, data: bytes, user: User) -> int:
    """Import a CSV or JSON file: every term is saved, or none (ContentError names the rows)."""
    if filename.lower().endswith(".json"):
        records = exchange.import_json(data)
    elif filename.lower().endswith(".csv"):
        records = exchange.import_csv(data)
    else:
        raise ContentError([Problem(filename, "filen ska vara en .csv- eller .json-fil")])
    for record in records:
        refuse_personal_id_in_content(record, filename)
    try:
        for record in records:
            save_term(record, user=user, source="teacher")
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return len(records)


def export_records() -> Iterable[TermRecord]:
    return [record_of(t) for t in db.session.scalars(select(Term).order_by(Term.area, Term.lemma))]


def export_file(kind: str) -> tuple[bytes, str]:
    """The whole bank as (file content, mimetype); ``kind`` is ``csv`` or ``json``."""
    records = export_records()
    if kind == "csv":
        return exchange.export_csv(records), "text/csv; charset=utf-8"
    return exchange.export_json(records).encode("utf-8"), "application/json"
