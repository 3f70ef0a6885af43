"""A group's common errors, from the checker's reports on its members' notes: the terms most
often missing, the findings by kind, grammar findings by rule and findings by word, how notes improved from the first to the last
version, and the findings a teacher marked *inte ett fel*. Only counts leave this module —
never a trainee's name or text. Two queries per page, whatever the number of notes.

Counting rules (the page says them in plain words):
- missing terms and findings are counted per submitted version (a term missing in two
  versions of one note counts twice);
- findings a teacher overrode are not counted as errors; they are listed on their own;
- improvement compares the first and the last version of each note written more than once.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select

from webapp.extensions import db
from webapp.models import FindingOverride, Group, Lesson, Membership, Note, NoteVersion
from webapp.models.group import MemberRole
from webapp.write.feedback import KIND_LABELS, finding_label

GRAMMAR = "grammar"

TOP = 15
FORMULA_STARTS = tuple("=+-@\t\r")


@dataclass(frozen=True)
class ExerciseOption:
    value: str  # "<lesson slug>/<exercise key>"
    label: str


@dataclass(frozen=True)
class Improvement:
    notes: int
    findings_first: float
    findings_last: float
    missing_first: float
    missing_last: float


@dataclass
class Insights:
    group: Group
    exercises: list[ExerciseOption]
    chosen: str
    notes: int = 0
    versions: int = 0
    missing: list[tuple[str, int]] = field(default_factory=list)
    kinds: list[tuple[str, int]] = field(default_factory=list)
    rules: list[tuple[str, int]] = field(default_factory=list)  # grammar findings per rule
    words: list[tuple[str, str, int]] = field(default_factory=list)
    overrides: list[tuple[str, str, str, int]] = field(default_factory=list)
    improvement: Improvement | None = None


def _label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def group_insights(group: Group, exercise: str = "") -> Insights:
    """The counts for ``group``'s members' notes, for one exercise (``"slug/key"``) or all."""
    rows = db.session.execute(
        select(
            Lesson.slug,
            Lesson.title,
            Note.exercise_key,
            Note.id,
            NoteVersion.id,
            NoteVersion.number,
            NoteVersion.report,
        )
        .join(NoteVersion, NoteVersion.note_id == Note.id)
        .join(Lesson, Lesson.id == Note.lesson_id)
        .join(Membership, Membership.user_id == Note.user_id)
        .where(Membership.group_id == group.id, Membership.role == MemberRole.MEMBER)
        .order_by(Note.id, NoteVersion.number)
    ).all()
    options = {f"{slug}/{key}": f"{title} ({key})" for slug, title, key, *_ in rows}
    chosen = exercise if exercise in options else ""
    exercises = [
        ExerciseOption(value, label) for value, label in sorted(options.items(), key=lambda o: o[1])
    ]
    if chosen:
        rows = [row for row in rows if f"{row[0]}/{row[2]}" == chosen]
    result = Insights(group, exercises, chosen)
    if not rows:
        return result
    overridden = _overrides([row[4] for row in rows])
    _count(result, rows, overridden)
    return result


def _overrides(version_ids: list[int]) -> dict[int, list[FindingOverride]]:
    found: dict[int, list[FindingOverride]] = {}
    for override in db.session.scalars(
        select(FindingOverride).where(FindingOverride.note_version_id.in_(version_ids))
    ):
        found.setdefault(override.note_version_id, []).append(override)
    return found


def _count(result: Insights, rows, overridden: dict[int, list[FindingOverride]]) -> None:
    missing, kinds, rules, words, wrong = Counter(), Counter(), Counter(), Counter(), Counter()
    per_note: dict[int, list[tuple[int, int]]] = {}
    for *_, note_id, version_id, _number, report in rows:
        overrides = overridden.get(version_id, [])
        skipped = {(o.kind, o.start, o.end) for o in overrides}
        rule_at = {
            (f["kind"], f["start"], f["end"]): f.get("rule", "") for f in report.get("findings", [])
        }
        findings = [
            f
            for f in report.get("findings", [])
            if (f["kind"], f["start"], f["end"]) not in skipped
        ]
        lacking = report.get("terms", {}).get("missing", [])
        missing.update(lacking)
        kinds.update(f["kind"] for f in findings)
        rules.update(f.get("rule", "") for f in findings if f["kind"] == GRAMMAR)
        # a blanked word (erased account, purged note: webapp.rights) counts by kind only
        words.update(
            (f["kind"], f.get("rule", ""), f["text"].lower()) for f in findings if f["text"]
        )
        per_note.setdefault(note_id, []).append((len(findings), len(lacking)))
        wrong.update(
            (o.kind, rule_at.get((o.kind, o.start, o.end), ""), o.text.lower(), o.reason)
            for o in overrides
        )
    result.notes, result.versions = len(per_note), len(rows)
    result.missing = missing.most_common(TOP)
    result.kinds = [(_label(kind), n) for kind, n in kinds.most_common()]
    result.rules = [(finding_label(GRAMMAR, rule), n) for rule, n in rules.most_common()]
    result.words = [
        (finding_label(kind, rule), word, n) for (kind, rule, word), n in words.most_common(TOP)
    ]
    result.overrides = [
        (finding_label(kind, rule), word, reason, n)
        for (kind, rule, word, reason), n in wrong.most_common()
    ]
    revised = [counts for counts in per_note.values() if len(counts) > 1]
    if revised:
        n = len(revised)
        result.improvement = Improvement(
            notes=n,
            findings_first=sum(c[0][0] for c in revised) / n,
            findings_last=sum(c[-1][0] for c in revised) / n,
            missing_first=sum(c[0][1] for c in revised) / n,
            missing_last=sum(c[-1][1] for c in revised) / n,
        )


def _decimal(value: float) -> str:
    """A number as Swedish Excel reads it: decimal comma."""
    return f"{value:.1f}".replace(".", ",")


def _cell(value):
    """Text a trainee wrote never runs as an Excel formula."""
    return "'" + value if isinstance(value, str) and value[:1] in FORMULA_STARTS else value


class _SafeWriter:
    def __init__(self, out):
        self._writer = csv.writer(out, delimiter=";", lineterminator="\r\n")

    def writerow(self, row):
        self._writer.writerow([_cell(value) for value in row])


def insights_csv(insights: Insights) -> bytes:
    """The counts as CSV for Swedish Excel: UTF-8 with BOM, semicolons, decimal commas."""
    out = io.StringIO()
    writer = _SafeWriter(out)
    writer.writerow(["Avsnitt", "Typ", "Ord", "Antal", "Kommentar"])
    for term, n in insights.missing:
        writer.writerow(["Saknade ord", "", term, n, ""])
    for label, n in insights.kinds:
        writer.writerow(["Fynd per typ", label, "", n, ""])
    for label, n in insights.rules:
        writer.writerow(["Grammatik per regel", label, "", n, ""])
    for label, word, n in insights.words:
        writer.writerow(["Fynd per ord", label, word, n, ""])
    for label, word, reason, n in insights.overrides:
        writer.writerow(["Inte ett fel (läraren)", label, word, n, reason])
    if insights.improvement:
        imp = insights.improvement
        writer.writerow(
            [
                "Förbättring",
                "fynd per anteckning, första versionen",
                "",
                _decimal(imp.findings_first),
                "",
            ]
        )
        writer.writerow(
            [
                "Förbättring",
                "fynd per anteckning, sista versionen",
                "",
                _decimal(imp.findings_last),
                "",
            ]
        )
        writer.writerow(
            [
                "Förbättring",
                "saknade ord per anteckning, första versionen",
                "",
                _decimal(imp.missing_first),
                "",
            ]
        )
        writer.writerow(
            [
                "Förbättring",
                "saknade ord per anteckning, sista versionen",
                "",
                _decimal(imp.missing_last),
                "",
            ]
        )
        writer.writerow(["Förbättring", "anteckningar som skrivits om", "", imp.notes, ""])
    return out.getvalue().encode("utf-8-sig")
