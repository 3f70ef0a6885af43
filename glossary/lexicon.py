"""The term bank seen from the note checker: plain dicts, because ``glossary`` must not import
``nlp``. The web layer turns them into ``nlp.Lexicon(**lexicon(terms))`` and
``nlp.TermSpec(**term_spec(term))``.
"""

from __future__ import annotations

from collections.abc import Iterable

from glossary.model import Term


def term_spec(term: Term) -> dict:
    """What the checker needs to find one term in a note, in every form it may take."""
    return {
        "lemma": term.lemma,
        "forms": term.surface_forms,
        "compound_forms": term.compound_forms,
        "synonyms": term.synonyms,
        "abbreviations": term.abbreviations,
        "colloquial": term.colloquial,
    }


def lexicon(terms: Iterable[Term]) -> dict:
    """Form → lemma, compound stem → lemma, and every accepted word of the bank.

    Forms are lower-cased (abbreviations keep their case in ``words``). When two terms share a
    form (a noun and a verb with the same spelling), the term whose lemma *is* that form wins,
    otherwise the first term in bank order.
    """
    forms: dict[str, str] = {}
    stems: dict[str, str] = {}
    words: set[str] = set()
    for term in terms:
        for form in term.surface_forms:
            key = form.lower()
            if key not in forms or key == term.lemma.lower():
                forms[key] = term.lemma
            words.add(form)
        for stem in term.compound_forms:
            stems.setdefault(stem.lower(), term.lemma)
        words.update(term.abbreviations)
    return {"forms": forms, "compound_stems": stems, "words": frozenset(words)}
