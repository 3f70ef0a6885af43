"""The term bank: all validated terms, with the lookups the web layer and lessons need."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from glossary.model import Term


class TermBank:
    """A read-only collection of terms, unique by ``lemma#pos``.

    Lessons refer to a term by its lemma, or by ``lemma#pos`` when the lemma exists in two
    word classes; :meth:`resolve` accepts both.
    """

    def __init__(self, terms: Iterable[Term]):
        self.terms: tuple[Term, ...] = tuple(terms)
        self._by_key = {t.key: t for t in self.terms}
        self._by_lemma: dict[str, list[Term]] = {}
        for term in self.terms:
            self._by_lemma.setdefault(term.lemma, []).append(term)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def __contains__(self, reference: object) -> bool:
        return isinstance(reference, str) and bool(self.resolve(reference))

    def resolve(self, reference: str) -> tuple[Term, ...]:
        """Terms a lesson reference (``lemma`` or ``lemma#pos``) points at; empty if none."""
        if "#" in reference:
            term = self._by_key.get(reference)
            return (term,) if term else ()
        return tuple(self._by_lemma.get(reference, ()))

    def in_area(self, area: str) -> tuple[Term, ...]:
        """Terms whose primary or extra areas include ``area``, in file order."""
        return tuple(t for t in self.terms if area in t.all_areas)

    def references(self) -> frozenset[str]:
        """Every string a lesson may use to name a term: each lemma and each ``lemma#pos``."""
        return frozenset(self._by_lemma) | frozenset(self._by_key)
