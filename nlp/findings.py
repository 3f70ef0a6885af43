"""The ``doc._.findings`` extension the finding components append to."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc

from .report import FINDING_KINDS, GRAMMAR_RULES, Finding

if not Doc.has_extension("findings"):
    Doc.set_extension("findings", default=None)
    Doc.set_extension("form", default="free")
    # kind → sorted, non-overlapping (start, end) of its findings: an overlap test costs
    # O(log n), not a scan of every finding (thousands on a hostile 20,000-character note)
    Doc.set_extension("finding_spans", default=None)


def add_finding(
    doc: Doc, kind: str, start: int, end: int, suggestions, message: str, rule: str = ""
) -> None:
    """Record a finding over ``doc.text[start:end]``; overlapping spans of one kind are skipped."""
    assert kind in FINDING_KINDS, kind
    assert (kind == "grammar") == (rule in GRAMMAR_RULES), (kind, rule)
    if doc._.findings is None:
        doc._.findings = []
    if doc._.finding_spans is None:
        doc._.finding_spans = {}
    spans = doc._.finding_spans.setdefault(kind, [])
    at = bisect_left(spans, (start, end))
    if _overlaps(spans, at, start, end):
        return
    spans.insert(at, (start, end))
    text = doc._.text or doc.text
    doc._.findings.append(
        Finding(kind, text[start:end], start, end, tuple(dict.fromkeys(suggestions)), message, rule)
    )


def _overlaps(spans: list[tuple[int, int]], at: int, start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps a neighbour of position ``at`` in ``spans`` (sorted,
    non-overlapping, so only the neighbours can overlap; empty spans overlap nothing)."""
    before = spans[at - 1] if at > 0 else None
    after = spans[at] if at < len(spans) else None
    return bool(
        before
        and before[0] < end
        and start < before[1]
        or after
        and after[0] < end
        and start < after[1]
    )


def covered(doc: Doc, start: int, end: int, kinds: tuple[str, ...]) -> bool:
    """Whether a finding of one of ``kinds`` already covers part of ``[start, end)``."""
    return any(f.kind in kinds and f.start < end and start < f.end for f in doc._.findings or ())
