"""What the feedback page shows, made from a stored version: the note cut into marked
pieces, the numbered findings with the teacher's overrides, the word diff between two
versions, the teacher's reviews, and the finding explanations in the trainee's language."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from sqlalchemy import select

from webapp.extensions import db
from webapp.models import FindingOverride, NoteVersion, Review, ReviewComment

DATA = Path(__file__).parent / "data"

KIND_LABELS = {
    "spelling": "stavning",
    "split_compound": "särskrivning",
    "colloquial": "vardagligt ord",
    "judgmental": "värderande ord",
    "personal_data": "personuppgift",
    "measurement": "mätvärde",
}
SBAR_LABELS = {
    "situation": "S – Situation",
    "bakgrund": "B – Bakgrund",
    "aktuellt": "A – Aktuellt tillstånd",
    "rekommendation": "R – Rekommendation",
}
VERDICTS = {"approved": "Godkänd", "revise": "Skriv om"}


@dataclass
class Piece:
    """A stretch of the note: plain (``kind`` None), a found term, or a finding (``number``)."""

    text: str
    kind: str | None = None
    number: int | None = None
    label: str = ""
    negated: bool = False


@dataclass
class NumberedFinding:
    number: int
    kind: str
    label: str
    text: str
    message: str
    suggestions: list[str]
    overridden: bool = False
    override_reason: str = ""


@dataclass
class Feedback:
    pieces: list[Piece]
    findings: list[NumberedFinding]
    found: list[dict]
    negated: list[dict]
    readability: dict
    sbar: dict
    variants: list[dict] = field(default_factory=list)


def _override_keys(overrides: list[FindingOverride]) -> dict[tuple, FindingOverride]:
    return {(o.kind, o.start, o.end): o for o in overrides}


def feedback_of(text: str, report: dict, overrides: list[FindingOverride] = ()) -> Feedback:
    """The note cut into pieces at every mark. Findings win over term marks where they overlap;
    an overlapped mark is still listed, only not drawn twice."""
    by_key = _override_keys(list(overrides))
    findings = []
    for number, f in enumerate(report.get("findings", []), start=1):
        override = by_key.get((f["kind"], f["start"], f["end"]))
        findings.append(
            NumberedFinding(
                number=number,
                kind=f["kind"],
                label=KIND_LABELS.get(f["kind"], f["kind"]),
                text=f["text"],
                message=f["message"],
                suggestions=list(f.get("suggestions", [])),
                overridden=override is not None,
                override_reason=override.reason if override else "",
            )
        )
    found = report.get("terms", {}).get("found", [])
    marks = [(f["start"], f["end"], 0, n) for n, f in enumerate(report.get("findings", []))]
    marks += [(m["start"], m["end"], 1, n) for n, m in enumerate(found)]
    pieces, position = [], 0
    for start, end, priority, index in sorted(marks):
        if start < position or end > len(text):
            continue
        if start > position:
            pieces.append(Piece(text[position:start]))
        if priority == 0:
            finding = findings[index]
            pieces.append(Piece(text[start:end], finding.kind, finding.number, finding.label))
        else:
            mention = found[index]
            pieces.append(
                Piece(text[start:end], "term", label=mention["term"], negated=mention["negated"])
            )
        position = end
    if position < len(text):
        pieces.append(Piece(text[position:]))
    return Feedback(
        pieces=pieces,
        findings=findings,
        found=found,
        negated=[m for m in found if m["negated"]],
        readability=report.get("readability", {}),
        sbar=report.get("sbar", {}),
        variants=report.get("terms", {}).get("variants", []),
    )


_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class DiffPiece:
    change: str  # same | added | removed
    text: str


def word_diff(before: str, after: str) -> list[DiffPiece]:
    """Word-level changes from ``before`` to ``after`` (whitespace kept as its own token)."""
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    pieces: list[DiffPiece] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(DiffPiece("same", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(DiffPiece("removed", "".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(DiffPiece("added", "".join(new[j1:j2])))
    return pieces


@dataclass
class VersionReview:
    """What the teacher said about one version (rows made on the review pages)."""

    reviews: list[Review]
    comments: list[ReviewComment]
    overrides: list[FindingOverride]


def reviews_of(versions: list[NoteVersion]) -> dict[int, VersionReview]:
    """Version id → its reviews, passage comments and overrides: three queries in all."""
    ids = [v.id for v in versions]
    result = {i: VersionReview([], [], []) for i in ids}
    if not ids:
        return result
    for model, attribute in (
        (Review, "reviews"),
        (ReviewComment, "comments"),
        (FindingOverride, "overrides"),
    ):
        rows = db.session.scalars(
            select(model).where(model.note_version_id.in_(ids)).order_by(model.created_at, model.id)
        )
        for row in rows:
            getattr(result[row.note_version_id], attribute).append(row)
    return result


@cache
def finding_help() -> dict:
    """Plain explanations of each finding kind in Swedish and the help languages (drafts)."""
    with (DATA / "finding_help.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def explanation(kind: str, language: str) -> dict | None:
    """{"sv": ..., "l1": ... or None, "status": ...} for a finding kind."""
    data = finding_help()
    entry = data["kinds"].get(kind)
    if entry is None:
        return None
    translated = entry.get("translations", {}).get(language)
    return {"sv": entry["sv"], "l1": translated, "status": data["translation_status"]}


LIX_BANDS = ((25, "mycket lätt"), (35, "lätt"), (45, "medelsvår"), (55, "svår"))


def lix_sentence(readability: dict) -> str:
    """Readability in one plain sentence."""
    lix = readability.get("lix")
    if lix is None or not readability.get("words"):
        return "Texten är för kort för att räkna läsbarheten."
    band = next((name for limit, name in LIX_BANDS if lix < limit), "mycket svår")
    value = f"{lix:.0f}"
    return (
        f"Läsbarheten (LIX) är {value}, vilket betyder att texten är {band} att läsa: "
        "LIX blir högre ju längre meningarna och orden är."
    )
