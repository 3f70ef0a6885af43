"""What the feedback page shows, made from a stored version: the note cut into marked
pieces, the numbered findings with the teacher's overrides, the word diff between two
versions, the teacher's reviews, and the finding explanations in the trainee's language."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path

import yaml
from sqlalchemy import select

from webapp.extensions import db
from webapp.languages import text_direction
from webapp.models import FindingOverride, NoteVersion, Review, ReviewComment

DATA = Path(__file__).parent / "data"

KIND_LABELS = {
    "spelling": "stavning",
    "split_compound": "särskrivning",
    "colloquial": "vardagligt ord",
    "judgmental": "värderande ord",
    "personal_data": "personuppgift",
    "measurement": "mätvärde",
    "grammar": "grammatik",
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
    start: int = 0  # offset of ``text`` in the note


@dataclass
class Passage:
    """Consecutive pieces; ``comment`` is the number of the teacher's comment on them, if any."""

    pieces: list[Piece]
    comment: int | None = None


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
    rule: str = ""

    @property
    def help_key(self) -> str:
        return help_key(self.kind, self.rule)


@dataclass
class Feedback:
    pieces: list[Piece]
    findings: list[NumberedFinding]
    found: list[dict]
    negated: list[dict]
    readability: dict
    sbar: dict
    variants: list[dict] = field(default_factory=list)
    anonymised: bool = False  # the text was erased or purged; only the counts are left
    passages: list[Passage] = field(default_factory=list)
    checked: dict = field(default_factory=dict)  # nlp's Report.checked; empty in older reports

    @property
    def open_findings(self) -> list[NumberedFinding]:
        """The findings still to look at: not those the teacher marked "inte ett fel"."""
        return [f for f in self.findings if not f.overridden]


def _override_keys(overrides: list[FindingOverride]) -> dict[tuple, FindingOverride]:
    return {(o.kind, o.start, o.end): o for o in overrides}


def quoted(text: str) -> str:
    """A finding's words as the list quotes them: all of an ordinary slip, the beginning of a
    run of 20,000 letters (the note itself marks all of it)."""
    return text if len(text) <= 60 else text[:40] + "…"


def feedback_of(
    text: str,
    report: dict,
    overrides: list[FindingOverride] = (),
    comments: list[ReviewComment] = (),
) -> Feedback:
    """The note cut into pieces at every mark. Findings win over term marks where they overlap;
    an overlapped mark is still listed, only not drawn twice. ``passages`` groups the pieces
    by the teacher's comment (numbered in the order given) that covers them."""
    by_key = _override_keys(list(overrides))
    findings = []
    for number, f in enumerate(report.get("findings", []), start=1):
        override = by_key.get((f["kind"], f["start"], f["end"]))
        findings.append(
            NumberedFinding(
                number=number,
                kind=f["kind"],
                label=finding_label(f["kind"], f.get("rule", "")),
                text=quoted(f["text"]),
                message=f["message"],
                suggestions=list(f.get("suggestions", [])),
                overridden=override is not None,
                override_reason=override.reason if override else "",
                rule=f.get("rule", ""),
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
            pieces.append(Piece(text[position:start], start=position))
        if priority == 0:
            finding = findings[index]
            pieces.append(
                Piece(text[start:end], finding.kind, finding.number, finding.label, start=start)
            )
        else:
            mention = found[index]
            pieces.append(
                Piece(
                    text[start:end],
                    "term",
                    label=mention["term"],
                    negated=mention["negated"],
                    start=start,
                )
            )
        position = end
    if position < len(text):
        pieces.append(Piece(text[position:], start=position))
    return Feedback(
        pieces=pieces,
        findings=findings,
        found=found,
        negated=[m for m in found if m["negated"]],
        readability=report.get("readability", {}),
        sbar=report.get("sbar", {}),
        variants=report.get("terms", {}).get("variants", []),
        anonymised=bool(report.get("anonymised")),
        passages=_passages(pieces, [(c.start, c.end) for c in comments]),
        checked=report.get("checked", {}),
    )


def _passages(pieces: list[Piece], spans: list[tuple[int, int]]) -> list[Passage]:
    """Group ``pieces`` by the commented span (1-based number) each lies in; plain text is cut
    at the spans' edges, a mark belongs to the shortest span it overlaps."""
    cuts = sorted({edge for span in spans for edge in span})
    cut_pieces = []
    for piece in pieces:
        end = piece.start + len(piece.text)
        inner = [c for c in cuts if piece.start < c < end] if piece.kind is None else []
        if not inner:
            cut_pieces.append(piece)
            continue
        for a, b in pairwise([piece.start, *inner, end]):
            cut_pieces.append(Piece(piece.text[a - piece.start : b - piece.start], start=a))
    passages: list[Passage] = []
    for piece in cut_pieces:
        end = piece.start + len(piece.text)
        covering = [(b - a, n) for n, (a, b) in enumerate(spans, 1) if a < end and piece.start < b]
        number = min(covering)[1] if covering else None  # the innermost of nested comments
        if passages and passages[-1].comment == number:
            passages[-1].pieces.append(piece)
        else:
            passages.append(Passage([piece], number))
    return passages


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
    """Plain explanations of each finding kind and grammar rule in Swedish and the help
    languages (drafts)."""
    with (DATA / "finding_help.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def help_key(kind: str, rule: str = "") -> str:
    """Which explanation a finding gets: its grammar rule's when it names a known one, else
    its kind's."""
    if kind == "grammar" and rule in finding_help()["rules"]:
        return f"grammar:{rule}"
    return kind


def finding_label(kind: str, rule: str = "") -> str:
    """The finding's name on the page: "särskrivning", or "grammatik – ordföljd" for a rule."""
    key = help_key(kind, rule)
    if key.startswith("grammar:"):
        return f"{KIND_LABELS['grammar']} – {finding_help()['rules'][rule]['label']}"
    return KIND_LABELS.get(kind, kind)


def explanation(key: str, language: str) -> dict | None:
    """{"sv", "l1" (or None), "status", "examples": [{"right", "wrong"}]} for a finding kind or a
    ``help_key``; None for a kind without help."""
    data = finding_help()
    kind, _, rule = key.partition(":")
    entry = data["rules"].get(rule) if rule else data["kinds"].get(kind)
    if entry is None:
        return None
    translated = entry.get("translations", {}).get(language)
    return {
        "sv": entry["sv"],
        "l1": translated,
        "status": data["translation_status"],
        "examples": list(entry.get("examples", [])),
    }


def explained(report: dict, language: str) -> dict:
    """The report as the live check answers it: each finding also carries its ``label`` and its
    ``help`` key, and ``help`` maps those keys to their explanation (as :func:`explanation`,
    plus ``l1_lang`` and ``l1_dir`` for the translation)."""
    findings, keys = [], {}
    for finding in report.get("findings", []):
        key = help_key(finding["kind"], finding.get("rule", ""))
        label = finding_label(finding["kind"], finding.get("rule", ""))
        findings.append({**finding, "label": label, "help": key})
        keys.setdefault(key, None)
    explanations = {}
    for key in keys:
        found = explanation(key, language)
        if found is not None:
            explanations[key] = {**found, "l1_lang": language, "l1_dir": text_direction(language)}
    return {**report, "findings": findings, "help": explanations}


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
