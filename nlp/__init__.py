"""Ordvård's care-note checker: Swedish text in, a report of terms and findings out.

``check(text, terms)`` finds the terms in any inflection or compound position (with negation),
and reports spelling, split compounds, colloquial and judgmental words, personal data,
implausible measurements, readability (LIX) and SBAR structure. ``load()`` builds the spaCy
pipeline once per process; ``check`` loads it on first use.
"""

from __future__ import annotations

from .pipeline import analyse, load
from .report import Finding, Mention, Report
from .specs import Lexicon, TermSpec

__all__ = ["Finding", "Lexicon", "Mention", "Report", "TermSpec", "check", "load"]

FORMS = ("free", "sbar")


def _spec(term) -> TermSpec:
    if isinstance(term, TermSpec):
        return TermSpec(
            term.lemma,
            tuple(term.forms),
            tuple(term.compound_forms),
            tuple(term.synonyms),
            tuple(term.abbreviations),
            tuple(term.colloquial),
        )
    if isinstance(term, str):
        return TermSpec(term.strip())
    raise TypeError(f"a term is a str or a TermSpec, not {type(term).__name__}")


def check(text: str, terms, *, lexicon: Lexicon | None = None, form: str = "free") -> Report:
    """Analyse a care note; every span in the report indexes ``text`` itself."""
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if isinstance(terms, str):
        raise TypeError("terms is a list of lemmas or TermSpecs, not one string")
    if form not in FORMS:
        raise ValueError(f"form must be one of {FORMS}")
    specs = tuple(dict.fromkeys(s for s in map(_spec, terms) if s.lemma))
    doc = analyse(text, specs, lexicon, form)
    found_terms = {m.term for m in doc._.mentions}
    return Report(
        found=list(doc._.mentions),
        missing=[s.lemma for s in specs if s.lemma not in found_terms],
        findings=sorted(doc._.findings or [], key=lambda f: (f.start, f.end, f.kind)),
        readability=doc._.readability,
        sbar=doc._.sbar,
        variants=list(doc._.variants),
    )
