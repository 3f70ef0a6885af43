"""Terms in the database: saving a glossary record, its search keys and its history.

Every write of a term goes through :func:`save_term`, whether it comes from the bundled files,
a teacher's form or an import, so search keys and history never drift from the record.

Search keys are the folded strings of :func:`glossary.search.search_keys` plus, for one-typo
tolerance, each key's single-character deletions (kind ``deletion``). A query then matches a
term with one typo when any of {query, query minus one character} equals a stored key or
deletion: plain indexed equality, the same on SQLite and PostgreSQL (a "deletion
neighbourhood", as in SymSpell), instead of trigram indexes that exist only on PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import delete, insert, select, text

from glossary.load import load_bundled
from glossary.model import Term as TermRecord
from glossary.search import KIND_WEIGHTS, search_keys, typo_variants
from webapp import review_state
from webapp.extensions import db
from webapp.models import Term, TermEdit, TermKey, User
from webapp.models.time import utcnow

DELETION = "deletion"
# Deletion rows are stored as "#" + the deletion: fold() never leaves a "#" in a key, so a
# prefix range over real keys never has to step over the (many more) deletion rows.
DELETION_MARK = "#"
DELETION_RANK = max(KIND_WEIGHTS.values()) + 1
KEY_LENGTH = 120  # the column's width
# Typos are tolerated for queries of 4+ characters (glossary.search.match_rank); keys longer
# than a phrase get no deletions, which keeps the table small without losing real matches.
TYPO_MAX_LENGTH = 40


class TermConflict(ValueError):
    """Another term already has this lemma and word class."""


def record_of(term: Term) -> TermRecord:
    """The glossary record a row holds."""
    return TermRecord.model_validate(term.record)


def deletions(key: str) -> set[str]:
    """The key's deletion neighbourhood without the key itself; none for very long keys,
    which are never typed (this bounds the rows a long translation adds)."""
    if len(key) > TYPO_MAX_LENGTH:
        return set()
    return set(typo_variants(key)) - {key}


def key_rows(record: TermRecord) -> list[tuple[str, str, int]]:
    """(key, kind, rank) rows to store for a record: its search keys, then their deletions."""
    keys = search_keys(record)
    rows = [(k.key[:KEY_LENGTH], k.kind, KIND_WEIGHTS[k.kind]) for k in keys]
    deleted: set[str] = set()
    for k in keys:
        for variant in sorted(deletions(k.key) - deleted):
            deleted.add(variant)
            rows.append((DELETION_MARK + variant, DELETION, DELETION_RANK))
    return rows


def save_term(
    record: TermRecord,
    *,
    user: User | None = None,
    source: str = "teacher",
    term: Term | None = None,
) -> Term:
    """Insert or update the term (matched on lemma + word class); the caller commits.

    Translation statuses come from reviews (``webapp.review_state``), never from ``record``;
    a changed translation text is a draft again. Pass ``term`` to update that row even when the lemma or word class changes (the teacher's
    edit form); TermConflict if another term already has the new lemma and word class.
    An unchanged record writes nothing, so loading the bundled files twice is a no-op.
    """
    same_name = db.session.scalar(
        select(Term).where(Term.lemma == record.lemma, Term.pos == record.pos)
    )
    if term is None:
        term = same_name
    elif same_name is not None and same_name.id != term.id:
        raise TermConflict(f"termen ”{record.lemma}” ({record.pos}) finns redan")
    dumped, stale_reviews = review_state.settle_translations(term, record.model_dump(mode="json"))
    if term is not None and term.record == dumped:
        return term
    review_state.drop_stale(stale_reviews, user)
    before = None if term is None else term.record
    if term is None:
        term = Term(lemma=record.lemma, pos=record.pos, source=source)
        db.session.add(term)
    else:
        term.version += 1
    term.lemma, term.pos = record.lemma, record.pos
    term.area = record.area
    term.record = dumped
    term.updated_at = utcnow()
    term.updated_by_id = user.id if user else None
    db.session.flush()
    _replace_keys(term.id, record)
    db.session.expire(term, ["keys"])
    db.session.add(
        TermEdit(term_id=term.id, user_id=term.updated_by_id, before=before, after=dumped)
    )
    return term


def _replace_keys(term_id: int, record: TermRecord) -> None:
    """Rewrite a term's key rows with one bulk insert (a term has ~100 with the deletions)."""
    db.session.execute(delete(TermKey).where(TermKey.term_id == term_id))
    db.session.execute(
        insert(TermKey.__table__),  # Core executemany: the ORM bulk path costs more than the rows
        [
            {"term_id": term_id, "key": key, "kind": kind, "rank": rank}
            for key, kind, rank in key_rows(record)
        ],
    )


def load_bundled_terms() -> int:
    """Write the bundled term bank (all of it validates, or ContentError and nothing)."""
    bank = load_bundled()
    for record in bank:
        save_term(record, source="bundled")
    if _keys_outdated():
        for term in db.session.scalars(select(Term)):
            _replace_keys(term.id, record_of(term))
    refresh_key_statistics()
    return len(bank)


def _keys_outdated() -> bool:
    """True for a database whose terms were saved before deletion rows were marked."""
    marked = select(TermKey.id).where(TermKey.key.startswith(DELETION_MARK)).limit(1)
    return (
        db.session.scalar(select(Term.id).limit(1)) is not None
        and db.session.scalar(marked) is None
    )


def refresh_key_statistics() -> None:
    """Let the query planner see how many key rows there are after a bulk write.

    Without statistics PostgreSQL guesses the table is small and scans it whole instead of
    using ix_term_keys_key (measured: 500 ms instead of 0.3 ms per search over 2 million rows);
    autovacuum catches up eventually, but a fresh install should be fast at once.
    """
    db.session.execute(text("ANALYZE term_keys"))
