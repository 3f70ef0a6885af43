"""Finding terms on the database: by any form, abbreviation, synonym, translation or one typo.

Three indexed queries, never the whole bank: (1) equality on ``term_keys.key`` for the folded
query and its one-character deletions, (2) a key range for prefixes, (3) the real keys of the
few candidate terms, which :func:`glossary.search.match_rank` orders in Python (exact before
prefix before typo; lemma before form, abbreviation, synonym, colloquial word, translation).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from glossary.search import SearchKey, fold, match_rank
from webapp.extensions import db
from webapp.models import Term, TermKey
from webapp.words.store import DELETION, KEY_LENGTH, deletions

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


def _candidate_ids(query: str) -> set[int]:
    probes = {query} | deletions(query)
    ids = set(
        db.session.scalars(
            select(TermKey.term_id).where(TermKey.key.in_(probes)).distinct().limit(CANDIDATES)
        )
    )
    if len(query) >= 2:
        ids.update(
            db.session.scalars(
                select(TermKey.term_id)
                .where(TermKey.key >= query, TermKey.key < query + PREFIX_END)
                .where(TermKey.kind != DELETION)
                .order_by(TermKey.key)
                .limit(CANDIDATES)
            )
        )
    return ids


def search_terms(text: str, limit: int = 30) -> list[Hit]:
    """The terms ``text`` finds, best first (at most ``limit``)."""
    query = fold(text)[:KEY_LENGTH]
    if not query:
        return []
    ids = _candidate_ids(query)
    if not ids:
        return []
    rows = db.session.execute(
        select(TermKey.term_id, TermKey.key, TermKey.kind).where(
            TermKey.term_id.in_(ids), TermKey.kind != DELETION
        )
    )
    best: dict[int, tuple] = {}
    lemma_key: dict[int, str] = {}
    for term_id, key, kind in rows:
        if kind == "lemma":
            lemma_key[term_id] = key
        rank = match_rank(query, SearchKey(key, kind))
        if rank is not None and (term_id not in best or rank < best[term_id][0]):
            best[term_id] = (rank, kind, key)
    ordered = sorted(best, key=lambda i: (best[i][0], lemma_key.get(i, ""), i))[:limit]
    terms = {t.id: t for t in db.session.scalars(select(Term).where(Term.id.in_(ordered)))}
    return [Hit(terms[i], best[i][0][0], best[i][1], best[i][2]) for i in ordered if i in terms]
