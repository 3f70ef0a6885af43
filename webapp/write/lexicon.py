"""The term bank as the checker sees it: the exercise's terms and the bank's lexicon.

Building the lexicon means reading every term record (hundreds of JSON rows), so it is built
once per process and rebuilt only when the bank changes: the cache key is the number of terms
and their latest ``updated_at`` (one cheap aggregate query per use), so an edit, import or
deletion in any worker is seen by every other worker on its next check. The exercises' term
specs are cached on the same key.
"""

from __future__ import annotations

import threading

from sqlalchemy import func, select

import nlp
from glossary import lexicon as glossary_lexicon
from webapp.extensions import db
from webapp.models import Term
from webapp.words.store import record_of

_lock = threading.Lock()
_cached: tuple[tuple, nlp.Lexicon] | None = None
_specs: dict[tuple, list[nlp.TermSpec]] = {}
MAX_CACHED_EXERCISES = 512


def _bank_key() -> tuple:
    count, latest = db.session.execute(select(func.count(Term.id), func.max(Term.updated_at))).one()
    return (str(db.engine.url), count, latest)


def _lexicon_for(key: tuple) -> nlp.Lexicon:
    global _cached
    cached = _cached
    if cached is not None and cached[0] == key:
        return cached[1]
    with _lock:
        records = [record_of(row) for row in db.session.scalars(select(Term).order_by(Term.id))]
        lexicon = nlp.Lexicon(**glossary_lexicon.lexicon(records))
        _cached = (key, lexicon)
        _specs.clear()
    return lexicon


def bank_lexicon() -> nlp.Lexicon:
    """The whole term bank's lexicon, current as of this call."""
    return _lexicon_for(_bank_key())


def checker_inputs(references: tuple[str, ...]) -> tuple[list[nlp.TermSpec], nlp.Lexicon]:
    """The exercise's term specs and the bank's lexicon, both cached on the same bank key
    (one aggregate query when nothing changed)."""
    key = _bank_key()
    lexicon = _lexicon_for(key)
    specs = _specs.get((key, references))
    if specs is None:
        specs = term_specs(references)
        if len(_specs) >= MAX_CACHED_EXERCISES:
            _specs.clear()
        _specs[(key, references)] = specs
    return specs, lexicon


def terms_by_reference(references: list[str] | tuple[str, ...]) -> dict[str, Term]:
    """The bank's rows for term references (``lemma`` or ``lemma#pos``), in one query."""
    lemmas = {reference.split("#")[0] for reference in references}
    rows = db.session.scalars(select(Term).where(Term.lemma.in_(lemmas)).order_by(Term.id))
    found: dict[str, Term] = {}
    for row in rows:
        found.setdefault(row.lemma, row)
        found[f"{row.lemma}#{row.pos}"] = row
    return {reference: found[reference] for reference in references if reference in found}


def term_specs(references: list[str] | tuple[str, ...]) -> list[nlp.TermSpec]:
    """What the checker looks for: each required term with all its forms; a reference the
    bank does not hold is looked for by its lemma alone."""
    rows = terms_by_reference(references)
    return [
        nlp.TermSpec(**glossary_lexicon.term_spec(record_of(rows[ref])))
        if ref in rows
        else nlp.TermSpec(ref.split("#")[0])
        for ref in references
    ]
