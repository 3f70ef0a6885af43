"""The ``doc._.findings`` extension the finding components append to."""

from __future__ import annotations

from spacy.tokens import Doc

from .report import FINDING_KINDS, GRAMMAR_RULES, Finding

if not Doc.has_extension("findings"):
    Doc.set_extension("findings", default=None)
    Doc.set_extension("form", default="free")


def add_finding(
    doc: Doc, kind: str, start: int, end: int, suggestions, message: str, rule: str = ""
) -> None:
    """Record a finding over ``doc.text[start:end]``; overlapping spans of one kind are skipped."""
    assert kind in FINDING_KINDS, kind
    assert (kind == "grammar") == (rule in GRAMMAR_RULES), (kind, rule)
    if doc._.findings is None:
        doc._.findings = []
    if covered(doc, start, end, (kind,)):
        return
    text = doc._.text or doc.text
    doc._.findings.append(
        Finding(kind, text[start:end], start, end, tuple(dict.fromkeys(suggestions)), message, rule)
    )


def covered(doc: Doc, start: int, end: int, kinds: tuple[str, ...]) -> bool:
    """Whether a finding of one of ``kinds`` already covers part of ``[start, end)``."""
    return any(f.kind in kinds and f.start < end and start < f.end for f in doc._.findings or ())
