"""Split compounds (särskrivning): words a writer set apart that Swedish writes as one.

Flagged, with the joined form as the suggestion:

- two words whose joined form (with a linking *s* where needed) is a dictionary word or a
  glossary form (*sjuk sköterskan*, *hand spriten*, *blodtryck mätningen*);
- a first word that only lives inside compounds (*lung röntgen*);
- two plain nouns in base form that make a valid compound (*plast förkläde*, *kateter påsen*);
- a first part with a linking *s* (*närings dryck*, *läkemedels listan*): the genitive of a
  bare indefinite noun does not stand before another noun;
- a care compound that begins with a particle (*under sköterskan*, *av föring*, *in lagd*;
  ``data/particle_compounds.txt``), a compound adjective (*smärt fri*), a verb stem where no
  imperative can stand (*med glid lakan*), an abbreviation before its noun (*KAD påsen* →
  *KAD-påsen*), and a linking *s* written on its own (*kväll s mat*);
- an adjective's base form before a definite noun with no determiner, when the joined word
  is in the dictionary (*med rak apparaten*, *Social sekreteraren ringde*): the phrase would
  need *den raka apparaten*; a measure word before a dictionary compound where no number or
  article makes it a measure (*sina glas ögon*);
- three or more parts as one finding (*fall risk bedömning*, *sjuk hus säng*).

Never: words that normally start or end a phrase (articles, pronouns, prepositions,
numerals, quantities, *vänster*, *höger*; ``data/phrase_words.txt``, ``data/phrase_ends.txt``),
verb forms and the participles of short note lines (*Prov taget*), adjective-looking first
words (*palliativ vård*), an imperative opening an instruction or following its *och* (*Hjälp
brukaren*, *Mät stomin och klipp hålet*), the verb after a clause's subject pronoun (*när jag rör
benet*), two time words (*på torsdag eftermiddag*), abbreviations for people (*gav SSK
rapporten*), a definite or counted first word (*gör håret fint*, *många gånger hjärtat*), a particle
and its object after a verb (*tittade på klädningen*), time adverbials and measure genitives
(*i dag vårdas*, *samma dag läkaren*, *en dags arbete*, *ett lands standard*), colours that
never inflect (*orange tröja*), and an adjective before its noun when the joined word is rare
(*ett privat rum*, not *privatrum*). So *vänster arm*, *efter maten* and
*landets standard* are not flagged. Measured on 27.3k words of UD Talbanken prose (dev and
test): 3 alarms, where the rules before this module gave 10.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .compounds import splits
from .dictionary import ADJECTIVE, BEGIN, END, NOUN, VERB, WORD, load_index
from .findings import add_finding
from .lemmas import lemma_candidates
from .resources import endings, message, word_list
from .vocabulary import accepted_compounds

MIN_PART = 2
COORDINATORS = frozenset({"och", "eller", "sedan", "sen"})
ARTICLE_GENDERS = {"en": "en", "någon": "en", "ingen": "en", "ett": "ett", "något": "ett"}
MIN_HEAD_ZIPF = 2.5  # a rarer last part after a genitive is more likely prose than a split
MIN_ADJECTIVE_COMPOUND_ZIPF = 2.0  # rarer: an adjective first word is read as a phrase


@lru_cache(maxsize=50_000)
def joined_form(
    first: str,
    second: str,
    accepted: frozenset[str],
    sentence_start: bool = False,
    previous: str = "",
) -> str | None:
    """The compound ``first second`` (lower case) stands for when written apart, or None.

    ``previous`` is the word before ``first`` in the same sentence (lower case, "" at a
    sentence start). Flagged: a joined form that is a glossary form or a dictionary word
    (*sjuksköterskan*, *blodtrycksmätningen* with a linking *s*); a first word that only exists
    inside compounds (*lung röntgen*); two plain nouns that make a valid compound (*plast
    förkläde*); a care compound whose first part is a particle (*under sköterskan*, *av
    föring*; ``data/particle_compounds.txt``). Never: a phrase word on either side, a verb
    form, an adjective-looking first word (*palliativ vård*), a time word after *i* (*i dag
    vårdas*) or a time genitive after an article or number (*en dags arbete*).
    """
    if _time_phrase(first, second, previous):
        return None
    if first in word_list("measure_words"):
        return _measure_compound(first, second, previous)
    adjective_compound = _adjective_before_definite(first, second, previous, accepted)
    if adjective_compound:
        return adjective_compound
    phrase_words = word_list("phrase_words")
    if first in phrase_words:
        return _particle_compound(first, second, previous)
    if second in phrase_words:
        return _suffix_compound(first, second)
    if second in word_list("note_participles"):
        return None  # a short line of a note: Prov taget, Sond satt
    if len(first) < MIN_PART or len(second) < 3 or _verb_form(first):
        return None
    if _verb_form(second) and not _plural_noun(second):
        return None
    index = load_index()
    second_roles = index.roles(second)
    if second.endswith("s") and (second_roles & VERB or _passive(second)):  # demens skadas
        return None
    if first.endswith(("sta", "aste")):  # superlative: lägsta nivå
        return None
    for head in (first, first + "s"):
        joined = head + second
        if joined in accepted:
            return joined
        if index.roles(joined) & WORD:
            if index.roles(first) & ADJECTIVE and index.zipf(joined) < MIN_ADJECTIVE_COMPOUND_ZIPF:
                return None  # ett privat rum: an adjective and its noun, the compound is rare
            return joined
    first_roles = index.roles(first)
    if not second_roles & END or second_roles & (VERB | ADJECTIVE | NOUN) in (VERB, ADJECTIVE):
        return None
    if sentence_start and first + "a" in lemma_candidates(first):
        return None  # an imperative opening an instruction: Skjut rullstolen, Hjälp brukaren
    if first_roles & BEGIN and not first_roles & WORD:
        return first + second
    if second in word_list("phrase_ends") or first.endswith(endings("adjective_suffixes")):
        return None
    genitive = first.endswith("s") and bool(index.roles(first[:-1]) & WORD)
    if genitive and _linking_s(first, second, previous):
        # the genitive of a bare indefinite noun does not stand before another noun: it is a
        # first part with a linking s (närings dryck, läkemedels listan)
        return first + second
    if not second_roles & NOUN:
        return None
    if _verb_stem_in_noun_phrase(first, second, previous):
        return first + second  # med glid lakan, följde vänd schemat
    plain_noun = first_roles & (BEGIN | NOUN) == BEGIN | NOUN and not first_roles & (
        VERB | ADJECTIVE
    )
    if not plain_noun:
        return None
    if genitive:
        # a genitive before a definite noun cannot be one (infusions påsen); before an
        # indefinite noun it is a phrase (landets standard)
        return first + second if _definite(second) else None
    if first in word_list("plural_first_parts") and _valid_split(first, second):
        return first + second  # ögon salva, öron droppar
    if lemma_candidates(first)[:1] != (first,):  # an inflected first word: människor, militära
        # ... unless it is a compound form before a definite noun (kateter påsen, öron
        # droppen), where two noun phrases cannot stand side by side
        # (a weak adjective or definite plural ending in -a/-e is a phrase: övriga barnen)
        # (nor a definite first word or a counted plural: håret fint, många gånger hjärtat)
        relax = not first.endswith(("a", "e")) and _definite(second)
        if _definite(first) or previous in word_list("quantity_words"):
            return None
        return first + second if relax and _valid_split(first, second) else None
    return first + second


def _time_phrase(first: str, second: str, previous: str) -> bool:
    """*i dag*, *i natt* (an adverbial), *en dags*, *två års* (a measure genitive) or two time
    words (*på torsdag eftermiddag*, *måndag morgon*)."""
    time_words = word_list("time_words")
    if first in time_words and (second in time_words or _lemma(second) in time_words):
        return True
    if previous in word_list("time_openers") and (first in time_words or first[:-1] in time_words):
        return True  # i dag, i natt, i onsdags kväll, samma dag, varje kväll
    return (
        first.endswith("s")
        and first[:-1] in time_words
        and (previous.isdigit() or previous in word_list("quantity_words"))
    )


def _measure_compound(first: str, second: str, previous: str) -> str | None:
    """A measure word before its substance is a phrase (*ett glas mjölk*, *två koppar te*);
    without a number or article before it, a dictionary compound is one (*sina glas ögon*)."""
    if previous.isdigit() or previous in word_list("quantity_words") or not previous:
        return None
    joined = first + second
    return joined if load_index().roles(joined) & WORD else None


def _adjective_before_definite(
    first: str, second: str, previous: str, accepted: frozenset[str]
) -> str | None:
    """An adjective's base form before a definite noun with no determiner (*med rak
    apparaten*, *Social sekreteraren ringde*): Swedish says *den raka apparaten*, so the two
    are one word when the dictionary or the glossary has it. After a determiner, a verb or an
    adverb (*blev sjuk dagen efter*), or before a time noun, they are left alone."""
    if (
        previous
        and previous in word_list("phrase_words")
        and previous not in word_list("prepositions")
    ):
        return None
    index = load_index()
    if not index.roles(first) & ADJECTIVE or _lemma(first) != first or len(first) < 3:
        return None
    if not (_definite(second) and index.roles(second) & NOUN):
        return None
    if _lemma(second) in word_list("time_words") or second in word_list("phrase_ends"):
        return None
    joined = first + second
    return joined if joined in accepted or index.roles(joined) & WORD else None


def _determiner(word: str) -> bool:
    """An article, pronoun or number that opens a noun phrase (not a preposition)."""
    return word in word_list("noun_phrase_openers") and word not in word_list("prepositions")


def _lemma(word: str) -> str:
    """The most likely lemma of ``word`` (the word itself when unknown)."""
    return (lemma_candidates(word)[:1] or (word,))[0]


def _particle_compound(first: str, second: str, previous: str) -> str | None:
    """A compound that begins with a particle (*under sköterskan*, *av föring*, *in lagd*).

    Only the care compounds of ``data/particle_compounds.txt`` are flagged, since the particle
    usually begins a phrase (*efter middagen*, *på natten*). A definite noun after a particle
    is the particle's object after a verb (*tittade på klädningen*), so it is flagged only
    where a noun phrase begins: at a sentence start or after a preposition or determiner.
    """
    joined = first + second
    lemmas = {joined, *lemma_candidates(joined)[:2]}
    if not lemmas & word_list("particle_compounds"):
        return None
    index = load_index()
    second_roles = index.roles(second)
    standalone_noun = second_roles & WORD and second_roles & NOUN and not second_roles & ADJECTIVE
    if (
        standalone_noun
        and _definite(second)
        and previous
        and (previous not in word_list("noun_phrase_openers"))
    ):
        return None
    return joined


def _suffix_compound(first: str, second: str) -> str | None:
    """A compound adjective whose head is also a phrase word (*smärt fri*, *feber fritt*)."""
    if second not in word_list("compound_heads") or len(first) < 3:
        return None
    joined = first + second
    index = load_index()
    if index.roles(joined) & WORD or _valid_split(first, second):
        return joined
    return None


def _valid_split(first: str, second: str) -> bool:
    """Whether ``first`` + ``second`` is a valid dictionary compound split at that point."""
    return any(
        parts[-1] == second and "".join(parts[:-1]) == first for parts in splits(first + second)
    )


def _linking_s(first: str, second: str, previous: str) -> bool:
    """A first part with a linking *s* before an indefinite noun (*närings dryck*,
    *läkemedels listan*, *blodtrycks medicin*): its base is a bare indefinite noun, which
    Swedish does not put in the genitive before another noun; an article or number before it
    makes it a genitive (*en mans röst*) and is left alone."""
    if previous in word_list("quantity_words") or previous.isdigit():
        # after an article the genitive reading needs the article to agree with the first
        # word only (ett lands standard); agreeing with the last it is a compound (en
        # funktions bedömning, ett läkemedels byte)
        article = ARTICLE_GENDERS.get(previous)
        if article is None or _gender(second) != article:
            return False
    if second.endswith(("ande", "ende")) or load_index().zipf(second) < MIN_HEAD_ZIPF:
        return False  # a participle or a rare word: äktenskaps ingående, trygghets avhängighet
    base = first[:-1]
    roles = load_index().roles(base)
    noun = roles & NOUN or (roles & END and not roles & (VERB | ADJECTIVE))  # läkemedel
    return lemma_candidates(base)[:1] == (base,) and bool(noun) and _valid_split(first, second)


def _gender(noun: str) -> str | None:
    """*en* or *ett* by the noun's definite singular in the dictionary, None when unknown.

    The neuter ending is tried first after a consonant or *-e* (*landet*, *bytet*: their
    *landen*, *byten* are plurals), the common one first after *-a* (*listan*: *listat* is a
    verb form)."""
    index = load_index()

    def known(ending: str) -> bool:
        return bool(index.roles(noun + ending) & WORD)

    vowel_end = noun[-1:] in "aeiouyåäö"
    neuter, common = ("t", "n") if vowel_end else ("et", "en")
    order = (
        (("en", common), ("ett", neuter))
        if noun.endswith("a")
        else (
            ("ett", neuter),
            ("en", common),
        )
    )
    return next((gender for gender, ending in order if known(ending)), None)


def _verb_stem_in_noun_phrase(first: str, second: str, previous: str) -> bool:
    """A verb stem starting a compound where no imperative can stand: after a preposition or
    determiner (*med glid lakan*) or after a finite verb (*följde vänd schemat*)."""
    if first + "a" not in lemma_candidates(first) or not previous:
        return False
    if load_index().roles(first) & ADJECTIVE and _determiner(previous):
        return False  # en tunn tråd: an adjective that is also a verb stem (tunna)
    if second.endswith(endings("adjective_suffixes")):
        return False  # i sin grund kapitalistisk
    opens = previous in word_list("noun_phrase_openers") or _verb_form(previous)
    return opens and _valid_split(first, second)


def _passive(word: str) -> bool:
    """An s-passive verb form (*läggs*, *vårdas*) whose dictionary entry lacks verb flags."""
    lemma = lemma_candidates(word)[:1]
    return bool(lemma) and lemma[0].endswith("a") and word in (lemma[0] + "s", lemma[0][:-1] + "s")


def _definite(word: str) -> bool:
    """A definite noun form (*påsen, såret, sköterskan*)."""
    lemma = lemma_candidates(word)[:1]
    return word.endswith(endings("definite_endings")) and bool(lemma) and lemma[0] != word


def _plural_noun(word: str) -> bool:
    """A noun plural that is also a verb form (*droppar*): it can end a compound."""
    return word.endswith(endings("plural_noun_endings")) and bool(load_index().roles(word) & NOUN)


def _verb_form(word: str) -> bool:
    """An inflected verb or participle (*förnekar, planerad*): it starts or ends a phrase."""
    if not word.endswith(endings("verb_form_endings")):
        return False
    lemma = lemma_candidates(word)[:1]
    if not lemma or lemma[0] == word or not lemma[0].endswith("a"):
        return False
    roles = load_index().roles(lemma[0])
    return not (roles & NOUN and not roles & VERB)  # schemat is a noun form of schema


@Language.factory("ordvard_split_compounds")
def make_split_compounds(nlp: Language, name: str):
    return find_split_compounds


def find_split_compounds(doc: Doc) -> Doc:
    accepted, text, words = accepted_compounds(doc._.terms, doc._.lexicon), doc._.text, doc._.words
    reflexives = word_list("reflexive_pronouns")
    flagged: list[tuple[int, int, str]] = []  # (first word, last word, joined form)
    instruction = False  # the sentence opens with an imperative (Mät stomin … och klipp hålet)
    for k, (a, b) in enumerate(itertools.pairwise(words)):
        if a.sent_start:
            instruction = _imperative(a.norm)
        if not _adjacent(text, a, b) or not a.norm.isalpha():
            continue
        after = words[k + 2] if k + 2 < len(words) else None
        if b.norm == "s":  # a linking s written on its own: kväll s mat
            joined = _stray_s(a.norm, after.norm, accepted) if after else None
            if joined and _adjacent(text, b, after):
                flagged.append((k, k + 2, a.text[:1] + joined[1:]))
            continue
        if after is not None and after.norm in reflexives:
            continue  # the second word is a verb: barnen börjar resa sig
        previous = ""
        if k > 0 and not a.sent_start and words[k - 1].norm.isalnum():
            previous = words[k - 1].norm
        if previous in word_list("subject_pronouns") and _opens_clause(words, k - 1):
            continue  # när jag rör benet: the word after a clause's subject is its verb
        # a sentence start may be an imperative (Skjut rullstolen), and so may the word after
        # och in an instruction (Mät stomin och klipp hålet), unless a finite verb follows the
        # pair (Dusch rutinen fungerar)
        opens = a.sent_start or (instruction and previous in COORDINATORS)
        imperative = opens and not (after is not None and _finite_verb(after))
        joined = joined_form(a.norm, b.norm, accepted, imperative, previous)
        if joined:
            flagged.append((k, k + 1, a.text[:1] + joined[1:]))
        elif _abbreviation_compound(a.text, b.norm):
            flagged.append((k, k + 1, f"{a.text}-{b.norm}"))
    for first, last, joined in _chains(flagged, words, text):
        start, end = words[first].start, words[last].end
        note = message("split_compound", split=text[start:end], joined=joined)
        add_finding(doc, "split_compound", start, end, (joined,), note)
    return doc


def _opens_clause(words, k: int) -> bool:
    """Whether the word at ``k`` begins a clause: a sentence start or after a subjunction."""
    return words[k].sent_start or words[k - 1].norm in word_list("clause_openers")


def _imperative(word: str) -> bool:
    """A verb stem that may open an instruction (*Mät*, *Byt*; not *Vi*, *Hon*)."""
    if word in word_list("subject_pronouns") or _determiner(word):
        return False
    return word + "a" in lemma_candidates(word)


def _adjacent(text: str, a, b) -> bool:
    """Two words of one sentence with one space between, the second in lower case."""
    return (
        not b.sent_start
        and text[a.end : b.start] == " "
        and not b.text[:1].isupper()
        and b.norm.isalpha()
    )


def _stray_s(first: str, third: str, accepted: frozenset[str]) -> str | None:
    """*kväll s mat* → *kvällsmat*: a linking s the writer set apart."""
    phrase_words = word_list("phrase_words")
    if first in phrase_words or third in phrase_words or len(third) < 2:
        return None
    joined = first + "s" + third
    if joined in accepted or load_index().roles(joined) & WORD or _valid_split(first + "s", third):
        return joined
    return None


def _chains(flagged: list[tuple[int, int, str]], words, text: str) -> list[tuple[int, int, str]]:
    """One finding per compound split in three or more (*fall risk bedömning*, *sjuk hus
    säng*): flagged spans that share a word are merged (the joined form is the first one's
    plus the rest), and a span is extended by a neighbouring noun it forms a valid compound
    with."""
    chains: list[tuple[int, int, str]] = []
    for first, last, joined in flagged:
        if chains and chains[-1][1] == first:
            begin, _, before = chains[-1]
            chains[-1] = (begin, last, before + joined[len(words[first].norm) :])
        else:
            chains.append((first, last, joined))
    return [_extend(chain, words, text) for chain in chains]


def _extend(chain: tuple[int, int, str], words, text: str) -> tuple[int, int, str]:
    first, last, joined = chain
    if "-" in joined:
        return chain
    if last + 1 < len(words) and _adjacent(text, words[last], words[last + 1]):
        after = words[last + 1].norm
        if _part_noun(after, base=False) and _splits_at(joined.lower(), after):
            last, joined = last + 1, joined + after
    if first > 0 and _adjacent(text, words[first - 1], words[first]):
        before = words[first - 1]
        if (
            before.norm.isalpha()
            and _part_noun(before.norm, base=True)
            and _splits_at(before.norm, joined.lower())
        ):
            first, joined = first - 1, before.text[:1] + before.norm[1:] + joined.lower()
    return first, last, joined


def _part_noun(word: str, base: bool) -> bool:
    """A noun that may join a split compound's neighbour: no phrase word or verb form, and
    as a first part a base form (not *brukaren sår vård*) or a compound-only form (*rull*)."""
    if word in word_list("phrase_words") or word in word_list("phrase_ends") or _verb_form(word):
        return False
    roles = load_index().roles(word)
    compound_only = roles & BEGIN and not roles & WORD
    if base and lemma_candidates(word)[:1] != (word,) and not compound_only:
        return False
    return bool(roles & NOUN)


def _splits_at(first: str, rest: str) -> bool:
    """Whether ``first`` + ``rest`` is a valid compound whose parts begin with ``first`` as a
    part or inside the first part (*rull* + *stolsbunden*: rullstols|bunden)."""
    for parts in splits(first + rest):
        ends = list(itertools.accumulate(len(part) for part in parts))
        if len(first) in ends or parts[0].startswith(first):
            return True
    return False


def _finite_verb(word) -> bool:
    """A present or past tense verb (*fungerar, tog, är*) in the sentence's own words."""
    return word.norm in word_list("finite_verbs") or (
        _verb_form(word.norm) and not word.norm.endswith(("ad", "at", "ats", "dd", "tt"))
    )


def _abbreviation_compound(written: str, second: str) -> bool:
    """An upper-case abbreviation before the noun it forms a compound with (*KAD påsen*, *MRSA
    smitta*): Swedish joins them with a hyphen (*KAD-påsen*). Abbreviations for people are
    left out (*gav SSK rapporten*), as are time nouns (*mätte BT kvällen*)."""
    if not (2 <= len(written) <= 5 and written.isupper() and written.isalpha()):
        return False
    if written.lower() in word_list("person_abbreviations"):
        return False
    if _lemma(second) in word_list("time_words"):
        return False
    if second in word_list("phrase_words") or second in word_list("phrase_ends"):
        return False
    roles = load_index().roles(second)
    if not roles & NOUN or roles & (VERB | ADJECTIVE) or _verb_form(second):
        return False
    return second not in word_list("note_participles")  # EKG taget, BT tagen
