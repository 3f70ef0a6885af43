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
from webapp import review_state
from webapp.extensions import db
from webapp.free_text import refuse_personal_id_in_content, refuse_unstorable_in_content
from webapp.learn.access import visible_to
from webapp.models import Lesson, LessonTerm, Term, TermEdit, User
from webapp.words.store import TermConflict, record_of, save_term


def areas_with_counts() -> list[tuple[str, str, int]]:
    """(slug, Swedish name, number of terms) for every care area, in the site's order."""
    counts = dict(db.session.execute(select(Term.area, func.count()).group_by(Term.area)).all())
    return [(slug, name, counts.get(slug, 0)) for slug, name in load_areas().items()]


def terms_in_area(area: str, lang: str = "", status: str = "") -> list[Term]:
    """The area's terms by lemma; with ``lang`` and ``status`` only those whose translation
    into ``lang`` has that review status (``webapp.review_state``)."""
    terms = db.session.scalars(select(Term).where(Term.area == area).order_by(Term.lemma))
    if not (lang and status):
        return list(terms)
    return [t for t in terms if review_state.translation_status(t.record, lang) == status]


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
    decisions: dict[str, review_state.Decision]  # for teachers: who reviewed which language

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
        decisions=review_state.term_decisions(term.id) if viewer.is_teacher else {},
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


@dataclass(frozen=True)
class ImportResult:
    count: int
    # translations the file called reviewed that were saved as drafts: only a reviewer's
    # decision in Ordvård, on this very text, makes a translation reviewed
    unconfirmed_reviews: int


def import_file(filename: str, data: bytes, user: User) -> ImportResult:
    """Import a CSV or JSON file: every term is saved, or none (ContentError names the rows)."""
    if filename.lower().endswith(".json"):
        records = exchange.import_json(data)
    elif filename.lower().endswith(".csv"):
        records = exchange.import_csv(data)
    else:
        raise ContentError([Problem(filename, "filen ska vara en .csv- eller .json-fil")])
    for record in records:
        refuse_unstorable_in_content(record, filename)
        refuse_personal_id_in_content(record, filename)
    unconfirmed = 0
    try:
        for record in records:
            saved = save_term(record, user=user, source="teacher")
            unconfirmed += sum(
                tr.status == review_state.REVIEWED
                and review_state.translation_status(saved.record, lang) != review_state.REVIEWED
                for lang, tr in record.translations.items()
            )
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return ImportResult(len(records), unconfirmed)


def export_records() -> Iterable[TermRecord]:
    """Every term with its translations' review status, reviewer and date (two queries)."""
    reviewers = review_state.translation_reviewers()
    records = []
    for term in db.session.scalars(select(Term).order_by(Term.area, Term.lemma)):
        record = record_of(term)
        reviewed = {
            lang: tr.model_copy(update=dict(zip(("reviewer", "reviewed_at"), found, strict=True)))
            for lang, tr in record.translations.items()
            if (found := reviewers.get((term.id, lang)))
        }
        if reviewed:
            record = record.model_copy(update={"translations": {**record.translations, **reviewed}})
        records.append(record)
    return records


def export_file(kind: str) -> tuple[bytes, str]:
    """The whole bank as (file content, mimetype); ``kind`` is ``csv`` or ``json``."""
    records = export_records()
    if kind == "csv":
        return exchange.export_csv(records), "text/csv; charset=utf-8"
    return exchange.export_json(records).encode("utf-8"), "application/json"
