"""Finding terms on the database: by any form, abbreviation, synonym, translation or one typo.

A few indexed queries, never the whole bank: (1) equality on ``term_keys.key`` for the folded
query and its one-character deletions and (2) a key range for prefixes, in one round trip;
(3) only for terms that matched through a deletion row, their real keys (one typo or two?);
(4) the winning terms.
:func:`glossary.search.match_rank` orders the candidates in Python: exact before prefix before
one typo; lemma before form, abbreviation, synonym, colloquial word, translation.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, union_all

from glossary.search import SearchKey, fold, match_rank
from webapp.extensions import db
from webapp.models import Term, TermKey
from webapp.words.store import DELETION, DELETION_MARK, KEY_LENGTH, deletions

CANDIDATES = 100  # terms considered per query, from each of the equality and prefix lookups
PREFIX_END = "\U0010ffff"  # sorts after every character, so [q, q + END) holds q's prefixes
TIERS = {0: "exakt", 1: "början av ordet", 2: "stavat nästan likadant"}
KIND_LABELS = {
    "lemma": "grundform",
    "form": "böjd form",
    "abbreviation": "förkortning",
    "synonym": "synonym",
    "colloquial": "vardagligt ord",
    "translation": "översättning",
}


@dataclass(frozen=True)
class Hit:
    term: Term
    tier: int  # 0 exact, 1 prefix, 2 one typo
    kind: str  # which kind of key matched best: lemma, form, abbreviation, ...
    key: str  # the folded key that matched

    @property
    def how(self) -> str:
        return TIERS[self.tier]

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def _matching_rows(query: str) -> list[tuple[int, str, str]]:
    """(term id, key, kind) rows equal to the query or one of its deletions, or starting
    with the query: one round trip (UNION ALL of two index lookups)."""
    probes = {query} | deletions(query)
    probes |= {DELETION_MARK + probe for probe in probes}  # query or its deletion = a deletion
    columns = (TermKey.term_id, TermKey.key, TermKey.kind)
    equal = select(*columns).where(TermKey.key.in_(probes)).limit(CANDIDATES * 4)
    if len(query) < 2:
        return list(db.session.execute(equal))
    prefix = (
        select(*columns)
        .where(TermKey.key >= query, TermKey.key < query + PREFIX_END)
        .order_by(TermKey.key)
        .limit(CANDIDATES)
    )
    both = union_all(equal.subquery().select(), prefix.subquery().select())
    return list(db.session.execute(both))


def _real_keys(term_ids: set[int]) -> list[tuple[int, str, str]]:
    """The keys (not deletions) of terms that matched only through a deletion row, whose
    original key is needed to tell one typo from two."""
    if not term_ids:
        return []
    query = select(TermKey.term_id, TermKey.key, TermKey.kind).where(
        TermKey.term_id.in_(term_ids), TermKey.kind != DELETION
    )
    return list(db.session.execute(query))


def search_terms(text: str, limit: int = 30) -> list[Hit]:
    """The terms ``text`` finds, best first (at most ``limit``); ties in order of the key."""
    query = fold(text)[:KEY_LENGTH]
    if not query:
        return []
    best: dict[int, tuple] = {}

    def consider(rows) -> None:
        for term_id, key, kind in rows:
            rank = match_rank(query, SearchKey(key, kind))
            if rank is not None and (term_id not in best or (rank, key) < best[term_id][:2]):
                best[term_id] = (rank, key, kind)

    rows = _matching_rows(query)
    consider(row for row in rows if row[2] != DELETION)
    via_deletion = {term_id for term_id, _, kind in rows if kind == DELETION}
    consider(_real_keys(set(list(via_deletion - best.keys())[:CANDIDATES])))
    ordered = sorted(best, key=lambda i: (*best[i][:2], i))[:limit]
    terms = {t.id: t for t in db.session.scalars(select(Term).where(Term.id.in_(ordered)))}
    return [Hit(terms[i], best[i][0][0], best[i][2], best[i][1]) for i in ordered if i in terms]
