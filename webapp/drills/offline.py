"""Drilling without a connection: the items a device takes along, and the answers it brings back.

**Pack.** :func:`pack` hands out the next items of the trainee's queue at once (enough for the
day, at most :data:`MAX_PACK`), as ordinary ``DrillItem`` rows: the device shows them, checks
the answers with the same rules as the server (:func:`device_rules`: ``answers.py`` reads them
from ``data/answer_rules.json``, the personnummer rule is ``nlp.personal``'s; the device's
``static/js/answers.js`` gets both in the pack), and keeps each answer with an id it made
itself and the time it was given.

**Sync.** :func:`sync` records such answers. Exactly once: an answer whose client id is already
recorded is reported ``duplicate`` and changes nothing. Only the trainee's own items: another's
token or an unknown one is ``unknown`` (404). An answer to an item whose lesson is no longer the
trainee's (``queue.in_reach``: taken from their groups after the item was taken along) is
``closed`` (403) and changes nothing. Answers are recorded in answer-time order, each
through ``fsrs`` at the time it was given, so the schedule is the one the same answers given
online would have made. The time is clamped between the item's issue and now (a phone's
clock can be wrong).

**Conflicts.** An item answered twice — the same card answered on two devices that took the
same item along — keeps the answer given first (earlier time; the same time: the smaller
client id), whichever arrives first; the other is ``answered`` (409) and not counted. An
answer older than the card's last review (the card was answered later, elsewhere) is put in
its place in time: the card is recomputed from all its reviews in time order
(``scheduling.replay``). Each answer is committed on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from fsrs import Rating
from sqlalchemy import delete, select

from nlp.personal import patterns
from webapp.drills import answers, kinds
from webapp.drills.items import item_for, lock_drills, queue_for
from webapp.drills.queue import settings_for
from webapp.drills.recording import CLOSED, UNKNOWN, answer_log, judge, still_in_reach
from webapp.drills.scheduling import replay, review
from webapp.extensions import db
from webapp.free_text import PERSONAL_ID_MESSAGE
from webapp.models import Card, DrillItem, ReviewLog, User

MAX_PACK = 40  # items a device takes along; more than a day's limit of new words and reviews
MAX_BATCH = 100  # answers in one sync request
CLIENT_ID = re.compile(r"^[A-Za-z0-9-]{8,40}$")

ANSWERED = (
    "Frågan hade redan ett svar som gavs tidigare, här eller på en annan enhet. Det svaret gäller."
)
STATUS = {
    "recorded": 200,
    "duplicate": 200,
    "invalid": 400,
    "closed": 403,
    "unknown": 404,
    "answered": 409,
}


@dataclass(frozen=True)
class OfflineAnswer:
    """One answer as the device sends it (see ``routes.sync`` for the JSON)."""

    client_id: str
    token: str
    answered_at: datetime
    answer: str = ""
    rating: int | None = None
    give_up: bool = False
    order: tuple[int | None, ...] = ()


@dataclass(frozen=True)
class Result:
    client_id: str
    status: str  # recorded | duplicate | invalid | closed | unknown | answered
    message: str | None = None

    def to_dict(self) -> dict:
        return {
            "id": self.client_id,
            "status": self.status,
            "code": STATUS[self.status],
            "message": self.message,
        }


def device_rules() -> dict:
    """The rules a device judges offline answers by, sent with the pack: the answer rules, and
    the personnummer detector's patterns with the message the server refuses such a text with
    (so a typed personnummer is refused at once offline too; the server checks again at sync)."""
    return {**answers.RULES, "personal_id": {**patterns(), "message": PERSONAL_ID_MESSAGE}}


def pack(user: User, slug: str | None, now: datetime) -> list[DrillItem]:
    """The next items of the queue, one per card, committed (UnknownLesson/ClosedLesson as
    for a session). An item already handed out and not answered is handed out again."""
    lock_drills(user)
    queue = queue_for(user, slug, now, MAX_PACK)
    items = [item_for(user, queue, entry, now) for entry in queue.entries()[:MAX_PACK]]
    db.session.commit()
    return items


def sync(user: User, batch: list[OfflineAnswer], now: datetime) -> list[Result]:
    """Record ``batch`` in answer-time order; one result per answer, in the order sent."""
    results = {}
    for answer in sorted(batch, key=lambda a: (a.answered_at, a.client_id)):
        results[answer.client_id] = _record(user, answer, now)
    return [results[a.client_id] for a in batch]


def _record(user: User, sent: OfflineAnswer, now: datetime) -> Result:
    known = db.session.scalar(
        select(DrillItem.user_id).where(DrillItem.client_id == sent.client_id)
    )
    if known is not None:
        return Result(sent.client_id, "duplicate" if known == user.id else "unknown")
    found = db.session.execute(
        select(DrillItem, Card)
        .join(Card, Card.id == DrillItem.card_id)
        .where(DrillItem.token == sent.token[:64], DrillItem.user_id == user.id)
        .with_for_update(of=Card)
    ).first()
    if found is None:
        return Result(sent.client_id, "unknown", UNKNOWN)
    item, card = found
    if item.client_id == sent.client_id:  # the same answer, sent twice at once
        return Result(sent.client_id, "duplicate")
    if not still_in_reach(user, card):  # its lesson was taken from the trainee's groups since
        db.session.rollback()
        return Result(sent.client_id, "closed", CLOSED)
    text = sent.answer
    if item.kind == kinds.WORD_ORDER and not sent.give_up:
        text = answers.ordered_text(item.prompt["parts"], list(sent.order))
    _, rating, problem = judge(item.prompt, text, sent.rating, sent.give_up, list(sent.order))
    if problem:
        return Result(sent.client_id, "invalid", problem)
    when = min(max(sent.answered_at, item.created_at), now)
    replaced = item.answered_at is not None
    if replaced:
        if (item.answered_at, item.client_id or "") <= (when, sent.client_id):
            db.session.rollback()
            return Result(sent.client_id, "answered", ANSWERED)
        db.session.execute(  # the answer that counted was given later: this one replaces it
            delete(ReviewLog).where(
                ReviewLog.card_id == card.id, ReviewLog.reviewed_at == item.answered_at
            )
        )
    stored = text.strip()[: answers.MAX_ANSWER]
    item.answered_at, item.answer, item.client_id = when, stored, sent.client_id
    db.session.add(answer_log(card, item, rating, when, stored))
    retention = settings_for(user.id).retention
    if replaced or (card.last_review is not None and when < card.last_review):
        db.session.flush()
        history = db.session.execute(
            select(ReviewLog.rating, ReviewLog.reviewed_at).where(ReviewLog.card_id == card.id)
        ).all()
        replay(card, [(Rating(r), at) for r, at in history], retention)
    else:
        review(card, rating, when, retention)
    db.session.commit()
    return Result(sent.client_id, "recorded")


BAD_BATCH = (
    'Svaren kunde inte läsas. Skicka JSON: {"answers": [...]}, varje svar med id, token och '
    "answered_at (tid med tidszon)."
)
TOO_MANY = f"För många svar på en gång. Skicka högst {MAX_BATCH} svar åt gången. Inget sparades."


class BadBatch(ValueError):
    """The request body is not a batch of answers; ``status`` and a Swedish message say why."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def parse_batch(body: object) -> list[OfflineAnswer]:
    """The answers in a sync request's JSON body, or :class:`BadBatch` (nothing is recorded)."""
    sent = body.get("answers") if isinstance(body, dict) else None
    if not isinstance(sent, list) or not sent:
        raise BadBatch(BAD_BATCH)
    if len(sent) > MAX_BATCH:
        raise BadBatch(TOO_MANY, 413)
    batch = [_one_answer(raw) for raw in sent]
    if len({a.client_id for a in batch}) != len(batch):
        raise BadBatch(BAD_BATCH)
    return batch


def _one_answer(raw: object) -> OfflineAnswer:
    if not isinstance(raw, dict):
        raise BadBatch(BAD_BATCH)
    client_id, token, answered_at = raw.get("id"), raw.get("token"), raw.get("answered_at")
    answer, rating, order = raw.get("answer") or "", raw.get("rating"), raw.get("order") or []
    if not (
        isinstance(client_id, str)
        and CLIENT_ID.match(client_id)
        and isinstance(token, str)
        and isinstance(answered_at, str)
        and isinstance(answer, str)
        and (rating is None or (isinstance(rating, int) and not isinstance(rating, bool)))
        and isinstance(order, list)
        and len(order) <= 12
        and all(i is None or (isinstance(i, int) and not isinstance(i, bool)) for i in order)
    ):
        raise BadBatch(BAD_BATCH)
    try:  # a time at the edge of the calendar overflows on its way to UTC (year 1 at +14:00)
        given = datetime.fromisoformat(answered_at)
        when = given.astimezone(UTC) if given.tzinfo is not None else None
    except (ValueError, OverflowError) as error:
        raise BadBatch(BAD_BATCH) from error
    if when is None:
        raise BadBatch(BAD_BATCH)
    return OfflineAnswer(
        client_id,
        token,
        when,
        answer[: answers.MAX_ANSWER + 1],
        rating,
        bool(raw.get("give_up")),
        tuple(order),
    )


@dataclass(frozen=True)
class Shown:
    """The little of a session view that an item's form needs, for an item in a pack."""

    done: int
    slug: str | None = None
    outcome: None = None
