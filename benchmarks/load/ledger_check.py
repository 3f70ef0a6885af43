"""Is every acknowledged drill answer and draft in the database, exactly once?

An answer is its drill item (found by the token the trainee answered) marked answered, with
exactly one review log written at that moment for that card: none is *lost*, two or more
*doubled*. A draft is one row per (trainee, lesson, exercise) whose text holds each
acknowledged save's marker once: missing is *lost*, repeated (or two rows) *doubled*.
SQLAlchemy Core over any connection, so the test (SQLite) and the fault script (PostgreSQL)
run the same check.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import bindparam, text

from benchmarks.load.visits import Ledger

ANSWERS = text(
    """
    SELECT d.token, d.answered_at IS NOT NULL AS answered,
           (SELECT count(*) FROM review_logs r
             WHERE r.card_id = d.card_id AND r.user_id = d.user_id
               AND r.reviewed_at = d.answered_at) AS logs
      FROM drill_items d WHERE d.token IN :tokens
    """
).bindparams(bindparam("tokens", expanding=True))
DRAFTS = text(
    """
    SELECT u.email, l.slug, n.exercise_key, n.text
      FROM note_drafts n JOIN users u ON u.id = n.user_id JOIN lessons l ON l.id = n.lesson_id
     WHERE u.email IN :emails
    """
).bindparams(bindparam("emails", expanding=True))
CHUNK = 500


@dataclass(frozen=True)
class Count:
    written: int
    found: int
    lost: int
    doubled: int

    def __add__(self, other: Count) -> Count:
        return Count(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True)))

    def as_tuple(self) -> tuple[int, int, int, int]:
        return self.written, self.found, self.lost, self.doubled

    def line(self, what: str) -> str:
        return (
            f"{what}: {self.written} written, {self.found} found, {self.lost} lost, "
            f"{self.doubled} doubled"
        )


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def check_answers(connection, ledger: Ledger) -> Count:
    tokens = [token for _, token in ledger.answers]
    acknowledged = Counter(tokens)
    rows = {}
    for chunk in _chunks(tokens):
        rows.update({row.token: row for row in connection.execute(ANSWERS, {"tokens": chunk})})
    found = lost = doubled = 0
    for token in tokens:
        row = rows.get(token)
        if row is None or not row.answered or row.logs == 0:
            lost += 1
        elif row.logs > 1 or acknowledged[token] > 1:
            doubled += 1
        else:
            found += 1
    return Count(len(tokens), found, lost, doubled)


def check_drafts(connection, ledger: Ledger) -> Count:
    emails = sorted({email for email, _, _ in ledger.drafts})
    texts: dict[tuple[str, str, str], list[str]] = {}
    for chunk in _chunks(emails):
        for row in connection.execute(DRAFTS, {"emails": chunk}):
            texts.setdefault((row.email, row.slug, row.exercise_key), []).append(row.text)
    written = found = lost = doubled = 0
    for key, markers in ledger.drafts.items():
        stored = texts.get(key, [])
        for marker in markers:
            written += 1
            times = sum(draft.count(marker) for draft in stored)
            if times == 0:
                lost += 1
            elif times > 1:
                doubled += 1
            else:
                found += 1
    return Count(written, found, lost, doubled)


def check(connection, ledger: Ledger) -> dict[str, Count]:
    answers, drafts = check_answers(connection, ledger), check_drafts(connection, ledger)
    return {"answers": answers, "drafts": drafts, "total": answers + drafts}
