"""Recording an answer: judged, and stored with the card's new FSRS state.

An answer counts only for an unanswered item of the user who sends it, and is marked answered
by one conditional UPDATE, so a replayed or doubled post changes nothing even when two arrive
at once. Each answer — the card's new FSRS state and its review log — is committed on its own
(or with the next item, ``commit=False``), so a session can stop at any moment without losing
what was answered. Online answers and answers synced from a phone (``offline``) share
``judge``, ``still_in_reach`` and ``answer_log``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fsrs import Rating
from sqlalchemy import select, update

from nlp.personal import contains_personal_id
from webapp.drills import answers, kinds
from webapp.drills.items import lock_drills
from webapp.drills.queue import in_reach, settings_for
from webapp.drills.scheduling import review
from webapp.extensions import db
from webapp.free_text import PERSONAL_ID_MESSAGE
from webapp.models import Card, DrillItem, ReviewLog, User

MAX_DURATION_MS = 5 * 60 * 1000
RATING_NAMES = {Rating.Again: "Igen", Rating.Hard: "Svårt", Rating.Good: "Bra", Rating.Easy: "Lätt"}

UNKNOWN = "Den här frågan finns inte, eller så är den inte din. Inget sparades. Här är en ny fråga."
CLOSED = (
    "Den här frågan hör till en lektion som din grupp inte har längre. "
    "Svaret räknades inte och ändrar inte när orden kommer tillbaka."
)
REPLAYED = "Du har redan svarat på den här frågan. Svaret räknades bara en gång."
EMPTY = answers.MESSAGES["empty"]
TOO_LONG = answers.MESSAGES["too_long"].format(max=answers.MAX_ANSWER)
NO_RATING = answers.MESSAGES["no_rating"]


@dataclass(frozen=True)
class Outcome:
    """What happened to a posted answer: ``status`` is recorded, unknown, closed (its lesson is
    no longer the trainee's: ``queue.in_reach``), replayed or invalid."""

    status: str
    message: str | None = None
    item: DrillItem | None = None
    verdict: answers.Verdict | None = None
    rating: Rating | None = None
    next_due: datetime | None = None
    given: str | None = None  # what the trainee typed or picked, shown beside the right answer
    order: tuple = ()  # the parts' order as posted (a word-order item shown again keeps it)
    typed: str = ""  # an invalid answer as typed, put back in the field to be corrected

    @property
    def recorded(self) -> bool:
        return self.status == "recorded"


def record_answer(
    user: User,
    token: str,
    now: datetime,
    *,
    answer: str = "",
    rating: int | None = None,
    give_up: bool = False,
    order: list[int | None] | None = None,
    commit: bool = True,
) -> Outcome:
    """Check and store one answer (see the module docstring for what is refused).

    ``commit=False`` leaves the commit to the caller, who then commits the answer together
    with the next item in one transaction (one disk flush per answer instead of two).
    """
    lock_drills(user)
    found = db.session.execute(
        select(DrillItem, Card)
        .join(Card, Card.id == DrillItem.card_id)
        .where(DrillItem.token == token[:64])
        .with_for_update(of=Card)
    ).first()
    if found is None or found.DrillItem.user_id != user.id:
        return Outcome("unknown", UNKNOWN)
    item, card = found
    if item.answered_at is not None:
        return Outcome("replayed", REPLAYED, item)
    if not still_in_reach(user, card):
        return Outcome("closed", CLOSED)
    if item.kind == kinds.WORD_ORDER and not give_up:
        answer = answers.ordered_text(item.prompt["parts"], order or [])
    verdict, chosen, problem = judge(item.prompt, answer, rating, give_up, order)
    if problem:
        return Outcome(
            "invalid", problem, item, order=tuple(order or ()), typed=answer[: answers.MAX_TYPED]
        )
    marked = db.session.execute(
        update(DrillItem)
        .where(
            DrillItem.id == item.id, DrillItem.user_id == user.id, DrillItem.answered_at.is_(None)
        )
        .values(answered_at=now, answer=answer.strip()[: answers.MAX_ANSWER])
        .execution_options(synchronize_session=False)
    )
    if marked.rowcount != 1:
        db.session.rollback()
        return Outcome("replayed", REPLAYED, item)
    review(card, chosen, now, settings_for(user.id).retention)
    db.session.add(answer_log(card, item, chosen, now, answer.strip()[: answers.MAX_ANSWER]))
    if commit:
        db.session.commit()
    else:
        db.session.flush()
    given = None if give_up or verdict is None else answer.strip()[: answers.MAX_ANSWER] or None
    return Outcome("recorded", None, item, verdict, chosen, card.due, given)


def still_in_reach(user: User, card: Card) -> bool:
    """Whether an answer to ``card`` may still count (``queue.in_reach``)."""
    return bool(db.session.scalar(select(in_reach(user)).where(Card.id == card.id)))


def keep_answer() -> None:
    """Commit an answer recorded with ``commit=False`` when no next item follows it."""
    db.session.commit()


def judge(prompt: dict, answer: str, rating: int | None, give_up: bool, order=None):
    """(verdict or None, rating, problem message or None) for an answer to ``prompt``."""
    expected = prompt["expected"]
    if contains_personal_id(answer):  # refused whatever the kind: every answer text is stored
        return None, None, PERSONAL_ID_MESSAGE
    if prompt["kind"] == kinds.WORD_ORDER and not give_up:
        problem = answers.order_problem(prompt["parts"], order or [])
        if problem:
            return None, None, problem
        verdict = answers.check_order(prompt, order)
        return verdict, verdict.rating, None
    if prompt["kind"] == "flashcard":
        if rating not in {r.value for r in Rating}:
            return None, None, NO_RATING
        return None, Rating(rating), None
    if give_up:
        verdict = answers.gave_up(expected)
        return verdict, verdict.rating, None
    if not answer.strip():
        return None, None, EMPTY
    if len(answer) > answers.MAX_ANSWER:
        return None, None, TOO_LONG
    if prompt["kind"] in ("choice", "gender"):
        verdict = answers.check_choice(answer, expected)
    else:
        verdict = answers.check_typed(
            answer,
            expected,
            accepted=tuple(prompt.get("accepted", ())),
            other_forms=prompt.get("other_forms"),
        )
    return verdict, verdict.rating, None


def answer_log(
    card: Card, item: DrillItem, rating: Rating, when: datetime, answer: str
) -> ReviewLog:
    """The review log row of one answer, the same whether it was given online or synced from a
    phone later: the time spent is counted from when the item was handed out, capped."""
    duration = min(int((when - item.created_at).total_seconds() * 1000), MAX_DURATION_MS)
    return ReviewLog(
        card_id=card.id,
        user_id=card.user_id,
        rating=rating.value,
        reviewed_at=when,
        review_duration_ms=max(duration, 0),
        drill_kind=item.kind,
        answer=answer or None,
        correct=rating is not Rating.Again,
    )
