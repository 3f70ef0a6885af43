"""Finding the exercise's terms in a note, in any inflection or compound position.

A word mentions a term when the lemmatizer's best lemma (in context) is the term, when it is
one of the term's known forms (the glossary's forms, the irregular tables, or regular endings
the dictionary and the lemmatizer confirm), or when it is a compound with the term as a part:
the head in any inflection (*hälsocentralen* holds *central*), a non-final part in a linking
form (*lungröntgen* holds *lunga*, *trycksårsrisken* holds *trycksår*). Only the best lemma
counts, because the other candidates cross word classes (*dusch* is also the imperative of
*duscha*). A misspelled word never counts (*sovde*), nor does a word inside a fixed expression
where it is another word (*i går*, *var mätt*). Lemmas under three letters are not searched
inside compounds. Abbreviations, synonyms and colloquial words are reported as ``variants``
but never count as the term. Per-word results are cached per term list, so a note checked on
every keystroke pause costs about one dictionary lookup per new word.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .caches import WORD_PAIRS, WORDS
from .compounds import linking_forms, splits
from .dictionary import ADJECTIVE, BEGIN, END, NOUN, WORD, load_index
from .lemmas import lemma_candidates
from .report import Mention
from .resources import endings, word_list, yaml_data
from .sentences import nfc_lower
from .specs import Lexicon, TermSpec
from .spelling import is_known, wrong_forms
from .words import Word

MAX_GAP = 2  # gap words allowed between two words of a multi-word term
MIN_COMPOUND_TERM = 3  # shorter lemmas (ge, tå) hide inside too many unrelated words


if not Doc.has_extension("terms"):
    Doc.set_extension("terms", default=())
    Doc.set_extension("lexicon", default=None)
    Doc.set_extension("mentions", default=[])
    Doc.set_extension("variants", default=[])


@lru_cache(maxsize=1)
def _irregular() -> dict[str, frozenset[str]]:
    table = {}
    for verb, forms in yaml_data("irregular_verbs").items():
        words = {w for key in ("present", "past", "supine", "participle") for w in forms[key]}
        table[verb] = frozenset(words)
    for noun, forms in yaml_data("irregular_nouns").items():
        table[noun] = frozenset(forms)
    return table


@lru_cache(maxsize=4096)
def regular_forms(lemma: str) -> frozenset[str]:
    """Inflected forms of a one-word lemma that the dictionary knows and the lemmatizer
    relates to it (noun, verb and adjective endings by the lemma's shape)."""
    index = load_index()
    if len(lemma) < MIN_COMPOUND_TERM:  # ge, gå, ta, se: only the irregular-verb table
        return frozenset(_irregular().get(lemma, frozenset()) | {lemma})
    if lemma.endswith("a"):
        candidates = {lemma + e for e in endings("a_lemma_endings")} | {
            lemma[:-1] + e for e in endings("a_stem_endings")
        }
        if lemma_candidates(lemma[:-1])[:1] == (lemma,):  # the imperative täck; lås is a noun
            candidates.add(lemma[:-1])
    else:
        roles = index.roles(lemma)
        suffixes = endings("adjective_endings") if roles & ADJECTIVE else ()
        suffixes += endings("noun_endings") if roles & NOUN or not roles & ADJECTIVE else ()
        candidates = {lemma + e for e in suffixes}
        if lemma.endswith(endings("syncope_lemma_endings")):  # muskel → musklerna
            syncope = lemma[:-2] + lemma[-1]
            candidates |= {syncope + e for e in endings("syncope_endings")}
        for ending, replacements in yaml_data("morphology")["participle_endings"].items():
            if lemma.endswith(ending):  # marmorerad → marmorerade, avliden → avlidna
                candidates |= {lemma[: -len(ending)] + r for r in replacements}
    if not index.roles(lemma):  # a care word Hunspell lacks (saturation): trust the endings
        known = {c for c in candidates if c.startswith(lemma)}
        if lemma.endswith(endings("syncope_lemma_endings")):  # vitalparameter → -parametrar
            known |= {lemma[:-2] + lemma[-1] + e for e in endings("syncope_endings")}
    else:
        known = {c for c in candidates if index.roles(c) & WORD and lemma in lemma_candidates(c)}
    return frozenset(known | _irregular().get(lemma, frozenset()) | {lemma})


@dataclass(frozen=True, eq=False)  # hashed by identity: compiled once, cached
class _Word:
    """One word of a compiled term: the forms and linking forms that count as it."""

    lemma: str
    forms: frozenset[str]
    links: frozenset[str]


@dataclass(frozen=True, eq=False)
class _Term:
    name: str
    words: tuple[_Word, ...]
    variants: tuple[tuple[str, str], ...]


@lru_cache(maxsize=4096)
def compile_term(spec: TermSpec, lexicon: Lexicon | None) -> _Term:
    lemma_words = [w.strip(".,;:!?()\"'”") for w in nfc_lower(spec.lemma).split()]
    lemma_words = [w for w in lemma_words if w] or [nfc_lower(spec.lemma)]
    extra_forms = {nfc_lower(f) for f in spec.forms if f}
    extra_links = {nfc_lower(f) for f in spec.compound_forms if f}
    if lexicon is not None:
        extra_forms |= {
            nfc_lower(f)
            for f, lem in lexicon.forms.items()
            if nfc_lower(lem) == nfc_lower(spec.lemma)
        }
        extra_links |= {
            nfc_lower(s)
            for s, lem in lexicon.compound_stems.items()
            if nfc_lower(lem) == nfc_lower(spec.lemma)
        }
    words = []
    for n, lemma in enumerate(lemma_words):
        last = n == len(lemma_words) - 1
        forms = set(regular_forms(lemma))
        links = {
            f for f in linking_forms(lemma) if f.startswith(lemma) or not _other_word(f, lemma)
        }
        if len(lemma_words) == 1:
            forms |= extra_forms
            links |= extra_links
        elif (
            last
        ):  # "den palliativa vården": glossary forms of the phrase give the last word's forms
            forms |= {f.split()[-1] for f in extra_forms if f.split()}
        words.append(_Word(lemma, frozenset(forms), frozenset(links)))
    variants = tuple(
        (kind, nfc_lower(v))
        for kind, values in (
            ("synonym", spec.synonyms),
            ("abbreviation", spec.abbreviations),
            ("colloquial", spec.colloquial),
        )
        for v in values
    )
    return _Term(spec.lemma, tuple(words), variants)


def _other_word(form: str, lemma: str) -> bool:
    """Whether the stem of an *-a* lemma is a noun of its own (*tvätt* is not *tvätta*,
    *dusch* not *duscha*); a stem that only lives in compounds (*lung*, *smärt*) is kept."""
    return form == lemma[:-1] and bool(load_index().roles(form) & NOUN)


def _is_word(word: str, lemma: str, target: _Word) -> bool:
    """Whether ``word`` (best lemma ``lemma``) is a form of ``target``, also in the genitive.

    A listed form that the lemmatizer reads as a noun of its own is that noun: the imperative
    *fall* of *falla* is the noun *fall*, *dusch* of *duscha* the noun *dusch*."""
    if lemma == target.lemma:
        return True
    if word in target.forms:
        imperative = target.lemma.endswith("a") and word == target.lemma[:-1]
        return not (imperative and lemma == word and load_index().roles(word) & NOUN)
    return word.endswith("s") and word[:-1] in target.forms


@lru_cache(maxsize=50_000)
def _head_lemma(head: str) -> str:
    candidates = lemma_candidates(head)
    return candidates[0] if candidates else head


def _in_compound(word: str, target: _Word) -> bool:
    """Whether ``word`` is a compound holding ``target`` as one of its parts."""
    if len(target.lemma) < MIN_COMPOUND_TERM:
        return False
    needles = target.links | {target.lemma[:-1] if len(target.lemma) > 3 else target.lemma}
    if word in target.forms or not any(n in word for n in needles):
        return False
    for parts in splits(word):
        for i in range(len(parts)):
            for j in range(i + 1, len(parts) + 1):
                if (i, j) == (0, len(parts)):
                    continue
                piece = "".join(parts[i:j])
                if j == len(parts):
                    if _is_word(piece, _head_lemma(piece), target):
                        return True
                elif piece in target.links or _starts_with_link(piece, target):
                    return True
    return _loose_compound(word, target)


def _loose_compound(word: str, target: _Word) -> bool:
    """A compound the strict rules cannot split (*eltandborsten*, *sårkanterna*): the term's
    form with a known word before it and/or a compound ending after it, where the letters do
    not read better as another word (*kommunalt* holds no *mun*, *utbildningsåret* no *sår*)."""
    index = load_index()
    for form in target.links | target.forms:
        if len(form) < 3:
            continue
        start = word.find(form)
        while start >= 0:
            end = start + len(form)
            if _loose_part(word, start, end, form in target.forms, form in target.links, index):
                return True
            start = word.find(form, start + 1)
    return False


def _loose_part(word: str, start: int, end: int, inflected: bool, linking: bool, index) -> bool:
    prefix, form, rest = word[:start], word[start:end], word[end:]
    if not prefix and not rest:
        return False
    if prefix:
        roles = index.roles(prefix)
        if len(prefix) < 2 or not roles or not (rest or roles & BEGIN or len(form) >= 4):
            return False
        if rest and len(prefix) <= 3 and index.roles(prefix + form) & (WORD | BEGIN):
            return False  # al+arm+beredskap is alarmberedskap, kom+mun+alt is kommunalt
        if (
            form.startswith("s")
            and index.roles(prefix + "s") & BEGIN
            and index.roles(form[1:]) & WORD
            and not index.roles(prefix + form) & WORD
        ):
            return False  # utbildnings+året, not utbildning+såret (but trycksår+et is fine)
    if not rest:
        return inflected
    return len(rest) >= 3 and linking and _compound_tail(rest)


def _starts_with_link(piece: str, target: _Word) -> bool:
    """A first part that is itself a compound of the term (*urinvägs-* holds *urin*)."""
    index = load_index()
    return any(
        piece.startswith(link)
        and len(piece) - len(link) >= 3
        and index.roles(piece[len(link) :]) & (WORD | BEGIN)
        for link in target.links
        if len(link) >= 3
    )


def _compound_tail(rest: str) -> bool:
    """Whether ``rest`` can end a compound: a noun or compound ending (*-protes*), not a short
    function word (*bensin* is not *ben* + *sin*)."""
    return bool(load_index().roles(rest) & (END | NOUN)) or bool(splits(rest))


def fixed_expression_words(words: list[Word]) -> set[int]:
    """Token indexes of words inside a fixed expression where they are another word
    (*i går* holds no *gå*, *åt henne* no *äta*, *var mätt* no *mäta*)."""
    expressions, inside = word_list("fixed_expressions"), set()
    for a, b in itertools.pairwise(words):
        if f"{a.norm} {b.norm}" in expressions:
            inside |= {a.i, b.i}
    return inside


@lru_cache(maxsize=WORD_PAIRS)
def word_is(word: str, lemma: str, target: _Word) -> bool:
    """Whether the written ``word`` (best lemma ``lemma``) mentions ``target``."""
    if not word[:1].isalpha() or word in wrong_forms():
        return False
    if word.endswith("-"):  # "hälso- och sjukvård": a first part standing alone
        return word[:-1] in target.links or word[:-1] == target.lemma
    if ":" in word:  # an abbreviation's ending after a colon: PEG:en, KAD:n
        return word.split(":")[0] == target.lemma
    if _is_word(word, lemma, target) and (word in target.forms or is_known(word)):
        return True
    return is_known(word) and _in_compound(word, target)


@lru_cache(maxsize=256)
def _compile_all(specs: tuple[TermSpec, ...], lexicon: Lexicon | None):
    """The compiled terms of one call and all their words in one tuple (cached per term list:
    a trainee's note is checked again and again with the same terms)."""
    terms = tuple(compile_term(spec, lexicon) for spec in specs)
    targets = tuple(dict.fromkeys(w for term in terms for w in term.words))
    return terms, targets


@lru_cache(maxsize=WORDS)
def _hits(word: str, lemma: str, targets: tuple[_Word, ...]) -> frozenset[_Word]:
    """The term words that ``word`` (best lemma ``lemma``) mentions."""
    if not word[:1].isalpha():
        return frozenset()
    return frozenset(t for t in targets if word_is(word, lemma, t))


def find_mentions(
    words: list[Word],
    where: dict[_Word, list[int]],
    hits: list[frozenset],
    text: str,
    negated: frozenset[int],
    term: _Term,
) -> list[Mention]:
    """Mentions of ``term``; ``where`` gives the word positions each term word was seen at.
    Between the words of a multi-word term, up to two gap words may stand (*kände inte igen*)."""
    mentions, gap_words = [], word_list("term_gap_words")
    for k in where.get(term.words[0], ()):
        positions, at = [k], k
        for target in term.words[1:]:
            at += 1
            while at < len(words) and at - positions[-1] <= MAX_GAP and words[at].norm in gap_words:
                if target in hits[at]:
                    break
                at += 1
            if at >= len(words) or words[at].sent_start or target not in hits[at]:
                break  # the words of a term stand in one sentence
            positions.append(at)
        if len(positions) != len(term.words):
            continue
        start, end = words[k].start, words[positions[-1]].end
        negation = any(words[p].i in negated for p in positions) or _absent_by_suffix(
            words[positions[-1]].norm, term
        )
        mentions.append(Mention(term.name, text[start:end], start, end, negation))
    return mentions


def _absent_by_suffix(word: str, term: _Term) -> bool:
    """A compound that says the term is absent: *smärtfri*, *feberfritt*, *tandlös*."""
    suffixes = endings("absence_suffixes")
    return word.endswith(suffixes) and not term.words[-1].lemma.endswith(suffixes)


def find_variants(words: list[Word], text: str, term: _Term) -> list[dict]:
    hits = []
    for kind, variant in term.variants:
        parts = variant.split()
        for k in range(len(words) - len(parts) + 1):
            group = words[k : k + len(parts)]
            if all(
                w.norm == v or w.norm.rstrip(".") == v.rstrip(".") or w.lemma == v
                for w, v in zip(group, parts)
            ):
                start, end = group[0].start, group[-1].end
                hits.append(
                    {
                        "term": term.name,
                        "kind": kind,
                        "text": text[start:end],
                        "start": start,
                        "end": end,
                    }
                )
    return hits


@Language.factory("ordvard_terms")
def make_terms(nlp: Language, name: str):
    return match_terms


def match_terms(doc: Doc) -> Doc:
    """Set ``doc._.mentions`` and ``doc._.variants`` for the specs in ``doc._.terms``."""
    mentions, variants = [], []
    words, text, negated = doc._.words, doc._.text, doc._.negated
    terms, targets = _compile_all(doc._.terms, doc._.lexicon)
    blocked = fixed_expression_words(words)
    hits = [
        _hits(w.norm, w.lemmas[0] if w.lemmas else w.norm, targets)
        if w.i not in blocked  # in a fixed expression a word only counts as itself (var mätt)
        else frozenset(t for t in targets if t.lemma == w.norm)
        for w in words
    ]
    where: dict[_Word, list[int]] = {}
    for k, found in enumerate(hits):
        for target in found:
            where.setdefault(target, []).append(k)
    for term in terms:
        mentions.extend(find_mentions(words, where, hits, text, negated, term))
        if term.variants:
            variants.extend(find_variants(words, text, term))
    doc._.mentions = sorted(mentions, key=lambda m: (m.start, m.term))
    doc._.variants = variants
    return doc
