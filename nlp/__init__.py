"""Ordvård's care-note checker: Swedish text in, a report of terms and findings out.

``check(text, terms)`` finds the terms in any inflection or compound position (with negation),
and reports spelling, split compounds, colloquial and judgmental words, personal data,
implausible measurements, readability (LIX) and SBAR structure. ``load()`` builds the spaCy
pipeline once per process; ``check`` loads it on first use.

One check's work is bounded whatever the text (``budget.py``): a very long or hostile text is
analysed only up to where the budget ends, and ``Report.checked`` says so in Swedish.
"""

from __future__ import annotations

import threading
import unicodedata

from .startup import long_lived

with long_lived():  # spaCy and the components: ~0.1 s less CPU (startup.py)
    from .kept_words import keep, words_of
    from .pipeline import analyse, load
    from .report import Finding, Mention, Report
    from .resources import message
    from .specs import Lexicon, TermSpec

__all__ = ["Finding", "Lexicon", "Mention", "Report", "TermSpec", "check", "load"]

FORMS = ("free", "sbar")
# One check at a time per process: spaCy's memory zones must not overlap, and under the GIL
# two checks in threads would not run faster than one after the other.
_ONE_AT_A_TIME = threading.Lock()


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
    lang = load()
    # The strings and lexemes a check adds to spaCy's vocabulary (every new word, and hostile
    # input is all new words) are freed when the zone ends; the report holds only Python
    # strings, made inside it. Its words are then kept, up to a bound (kept_words.py).
    with _ONE_AT_A_TIME:
        with lang.memory_zone():
            doc = analyse(text, specs, lexicon, form)
            found_terms = {m.term for m in doc._.mentions}
            report = Report(
                found=list(doc._.mentions),
                missing=[s.lemma for s in specs if s.lemma not in found_terms],
                findings=sorted(doc._.findings or [], key=lambda f: (f.start, f.end, f.kind)),
                readability=doc._.readability,
                sbar=doc._.sbar,
                variants=list(doc._.variants),
                checked=_checked(text, doc._.checked),
            )
            words = words_of(doc)
        keep(lang, words)
    return report


def _checked(text: str, plan) -> dict:
    """``Report.checked``: how far the analysis went, and the writer's message when not all
    the way."""
    if plan.complete:
        return {"complete": True, "end": len(text), "words": plan.words, "message": ""}
    last = (text[: plan.end].split() or [""])[-1]
    # quoted in the message: no control or format characters (a direction override would
    # turn the rest of the message around), and not a whole run of 100 characters
    last = "".join(c for c in last if unicodedata.category(c)[0] != "C")
    last = last if len(last) <= 30 else last[:29] + "…"
    note = message("partly_checked", words=f"{plan.words:,}".replace(",", "\u00a0"), last=last)
    return {"complete": False, "end": plan.end, "words": plan.words, "message": note}
