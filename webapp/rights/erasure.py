"""Erasing an account: what is deleted and what stays as anonymous counts is described in
``webapp.rights`` (the package docstring). One transaction: all of it, or nothing."""

from __future__ import annotations

from sqlalchemy import delete, select, update

from webapp import audit, review_state
from webapp.extensions import db
from webapp.models import (
    CompetenceCard,
    DrillItem,
    Membership,
    Note,
    NoteDraft,
    NoteVersion,
    ReviewLog,
    Role,
    User,
)
from webapp.models.group import MemberRole
from webapp.models.time import utcnow
from webapp.rights.retention import blank_versions

ERASED_NAME = "Raderat konto"
ERASED_STATUS = "erased"  # a note of an erased account: out of every review queue
REVOKED_REASON = "Kontot är raderat."
UNUSABLE_HASH = "!raderat"  # not an argon2 hash: no password ever matches


class ErasureError(ValueError):
    pass


def erase_account(user: User, *, actor: User) -> None:
    """Erase ``user``'s personal data and keep the anonymous counts; ``actor`` is the user
    themself or an admin. Ends every session of the account."""
    if user.erased_at is not None:
        raise ErasureError("Kontot är redan raderat.")
    now = utcnow()
    user_id = user.id

    for card in db.session.scalars(select(CompetenceCard).where(CompetenceCard.user_id == user_id)):
        if card.revoked_at is None:
            card.revoked_at = now
            audit.record("card_revoked", actor=actor, subject=user_id, card_id=card.id)
        card.revoked_reason = REVOKED_REASON  # an earlier reason is free text: it goes too

    version_ids = list(
        db.session.scalars(select(NoteVersion.id).join(Note).where(Note.user_id == user_id))
    )
    blank_versions(version_ids)
    db.session.execute(update(Note).where(Note.user_id == user_id).values(status=ERASED_STATUS))
    db.session.execute(delete(NoteDraft).where(NoteDraft.user_id == user_id))
    db.session.execute(delete(DrillItem).where(DrillItem.user_id == user_id))
    db.session.execute(update(ReviewLog).where(ReviewLog.user_id == user_id).values(answer=None))
    db.session.execute(
        delete(Membership).where(
            Membership.user_id == user_id, Membership.role == MemberRole.LEADER
        )
    )

    user.email = f"raderad-{user_id}@raderad.invalid"
    user.display_name = ERASED_NAME
    user.password_hash = UNUSABLE_HASH
    user.l1 = "en"
    user.role = Role.TRAINEE
    review_state.drop_scopes(user_id)
    user.erased_at = now
    user.session_version = User.session_version + 1
    audit.record("account_erased", actor=actor, subject=user_id, notes_blanked=len(version_ids))
    db.session.commit()
