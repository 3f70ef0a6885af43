"""What ``check`` returns: found and missing terms, findings, readability and SBAR structure.

Every span (``start``, ``end``) indexes the original string, so ``text[start:end] == span.text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

FINDING_KINDS = (
    "spelling",
    "split_compound",
    "colloquial",
    "judgmental",
    "personal_data",
    "measurement",
    "grammar",
)

# The grammar rules a ``grammar`` finding names in ``rule`` (issue 12).
GRAMMAR_RULES = (
    "v2",
    "subclause_order",
    "np_agreement",
    "predicative_agreement",
    "verb_form",
    "pronoun_case",
    "preposition",
)


@dataclass(frozen=True)
class Mention:
    """One mention of a term in the note."""

    term: str
    text: str
    start: int
    end: int
    negated: bool


@dataclass(frozen=True)
class Finding:
    """Something the writer should look at, with a plain-Swedish message."""

    kind: str
    text: str
    start: int
    end: int
    suggestions: tuple[str, ...]
    message: str
    rule: str = ""  # which grammar rule, for kind "grammar"; empty for the other kinds


@dataclass
class Report:
    """The analysis of one note. ``variants`` lists abbreviations, synonyms and colloquial
    words of a term that the note used (they do not count as the term)."""

    found: list[Mention] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    readability: dict = field(default_factory=dict)
    sbar: dict = field(default_factory=dict)
    variants: list[dict] = field(default_factory=list)
    # how far the analysis went (``budget.py``): {"complete", "end", "words", "message"}; when
    # not complete, findings and terms cover ``text[:end]`` only (personnummer and SBAR parts
    # are still searched in the whole text) and ``message`` says so in Swedish
    checked: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The JSON shape of issue 4 (keys may be added, none renamed)."""
        return {
            "terms": {
                "found": [asdict(m) for m in self.found],
                "missing": list(self.missing),
                "variants": list(self.variants),
            },
            "findings": [{**asdict(f), "suggestions": list(f.suggestions)} for f in self.findings],
            "readability": dict(self.readability),
            "sbar": dict(self.sbar),
            "checked": dict(self.checked),
        }
