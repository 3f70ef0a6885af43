"""Terms in the database: saving a glossary record, its search keys and its history.

Every write of a term goes through :func:`save_term`, whether it comes from the bundled files,
a teacher's form or an import, so search keys and history never drift from the record.
"""

from __future__ import annotations

from sqlalchemy import select

from glossary.load import load_bundled
from glossary.model import Term as TermRecord
from glossary.search import KIND_WEIGHTS, search_keys
from webapp.extensions import db
from webapp.models import Term, TermEdit, TermKey, User
from webapp.models.time import utcnow


def record_of(term: Term) -> TermRecord:
    """The glossary record a row holds."""
    return TermRecord.model_validate(term.record)


def _keys(record: TermRecord) -> list[TermKey]:
    return [
        TermKey(key=key.key[:120], kind=key.kind, rank=KIND_WEIGHTS[key.kind])
        for key in search_keys(record)
    ]


def save_term(record: TermRecord, *, user: User | None = None, source: str = "teacher") -> Term:
    """Insert or update the term (matched on lemma + word class); the caller commits.

    An unchanged record writes nothing, so loading the bundled files twice is a no-op.
    """
    dumped = record.model_dump(mode="json")
    term = db.session.scalar(select(Term).where(Term.lemma == record.lemma, Term.pos == record.pos))
    if term is not None and term.record == dumped:
        return term
    before = None if term is None else term.record
    if term is None:
        term = Term(lemma=record.lemma, pos=record.pos, source=source)
        db.session.add(term)
    else:
        term.version += 1
    term.area = record.area
    term.record = dumped
    term.updated_at = utcnow()
    term.updated_by_id = user.id if user else None
    term.keys = _keys(record)
    db.session.flush()
    db.session.add(TermEdit(term_id=term.id, user_id=term.updated_by_id, before=before, after=dumped))
    return term


def load_bundled_terms() -> int:
    """Write the bundled term bank (all of it validates, or ContentError and nothing)."""
    bank = load_bundled()
    for record in bank:
        save_term(record, source="bundled")
    return len(bank)
