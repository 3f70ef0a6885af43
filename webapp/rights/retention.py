"""Blanking note texts while keeping the counts the group pages are made of.

Used by erasure (every note of one person) and by ``ordvard purge-notes`` (every note version
older than a cut-off). A blanked version keeps, per finding, its kind, rule and position,
and the word only for kinds whose words come from the checker's own lists; plus the missing
terms (names from the term bank). Review comments on it (they quote the text) are deleted,
and the teacher's overall comment is blanked; verdicts and rubric points stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update

from webapp import audit
from webapp.extensions import db
from webapp.models import FindingOverride, NoteDraft, NoteVersion, Review, ReviewComment
from webapp.models.time import utcnow

# Kinds whose finding text is a word from the checker's own lexicons, never free text.
LISTED_KINDS = frozenset({"colloquial", "judgmental", "split_compound", "measurement"})
BATCH = 500


def anonymous_report(report: dict) -> dict:
    """What of a checker report may outlive the note text."""
    findings = []
    for f in report.get("findings", []):
        listed = f.get("kind") in LISTED_KINDS
        findings.append(
            {
                "kind": f.get("kind", ""),
                "rule": f.get("rule", ""),
                "start": f.get("start", 0),
                "end": f.get("end", 0),
                "text": f.get("text", "") if listed else "",
                "message": f.get("message", "") if listed else "",
                "suggestions": list(f.get("suggestions", [])) if listed else [],
            }
        )
    missing = list(report.get("terms", {}).get("missing", []))
    return {
        "anonymised": True,
        "findings": findings,
        "terms": {"found": [], "missing": missing, "negated": [], "variants": []},
    }


def blank_versions(version_ids: list[int]) -> None:
    """Blank the texts of ``version_ids`` and what quotes them (no commit)."""
    for start in range(0, len(version_ids), BATCH):
        ids = version_ids[start : start + BATCH]
        for version in db.session.scalars(select(NoteVersion).where(NoteVersion.id.in_(ids))):
            version.text = ""
            version.report = anonymous_report(version.report)
        db.session.execute(delete(ReviewComment).where(ReviewComment.note_version_id.in_(ids)))
        db.session.execute(update(Review).where(Review.note_version_id.in_(ids)).values(comment=""))
        for override in db.session.scalars(
            select(FindingOverride).where(FindingOverride.note_version_id.in_(ids))
        ):
            if override.kind not in LISTED_KINDS:
                override.text = ""


AGE = re.compile(r"^\s*(\d{1,4})\s*([dmy])\s*$")


def parse_age(text: str) -> timedelta:
    """``18m`` (months, 30 days each), ``90d`` or ``2y`` (365 days) as a timedelta."""
    match = AGE.match(text.lower())
    if not match:
        raise ValueError("Skriv en ålder som 18m (månader), 90d (dagar) eller 2y (år).")
    amount, unit = int(match.group(1)), match.group(2)
    if amount == 0:
        raise ValueError("Åldern måste vara större än noll.")
    return timedelta(days=amount * {"d": 1, "m": 30, "y": 365}[unit])


@dataclass(frozen=True)
class PurgePlan:
    cutoff: datetime
    versions: list[int]
    drafts: int


def plan_purge(older_than: timedelta, now: datetime | None = None) -> PurgePlan:
    cutoff = (now or utcnow()) - older_than
    versions = list(
        db.session.scalars(
            select(NoteVersion.id)
            .where(NoteVersion.submitted_at < cutoff, NoteVersion.text != "")
            .order_by(NoteVersion.id)
        )
    )
    drafts = len(
        db.session.scalars(select(NoteDraft.id).where(NoteDraft.updated_at < cutoff)).all()
    )
    return PurgePlan(cutoff, versions, drafts)


def purge(plan: PurgePlan, label: str) -> None:
    """Carry out ``plan`` in one transaction and note it in the audit trail."""
    blank_versions(plan.versions)
    db.session.execute(delete(NoteDraft).where(NoteDraft.updated_at < plan.cutoff))
    audit.record(
        "notes_purged",
        actor=None,
        older_than=label,
        versions=len(plan.versions),
        drafts=plan.drafts,
    )
    db.session.commit()
