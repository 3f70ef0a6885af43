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
  *KAD-påsen*, *tv antennen*), a number before *årsdag* or *åring* (*90 årsdag* →
  *90-årsdag*), and a linking *s* written on its own (*kväll s mat*);
- an adjective's base form before a definite noun with no determiner, when the joined word
  is in the dictionary (*med rak apparaten*, *Social sekreteraren ringde*, *har fin
  motoriken*): the phrase would need *den raka apparaten*; an adjective without the *-t* a
  neuter noun after *ett* needs (*ett fri kort*); a measure word before a dictionary compound where no number or
  article makes it a measure (*sina glas ögon*);
- three or more parts as one finding (*fall risk bedömning*, *sjuk hus säng*), also with a
  linking *s* in the middle word (*urin vägs infektion*; ``linked_compounds``).

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

from spacy.language import Language
from spacy.tokens import Doc

from .compound_joins import joined_form
from .compounds import splits_at, valid_split
from .dictionary import ADJECTIVE, BEGIN, NOUN, VERB, WORD, load_index
from .findings import add_finding
from .lemmas import lemma_candidates
from .linked_compounds import linked_compound
from .phrase_forms import determiner, lemma, verb_form
from .resources import message, word_list
from .vocabulary import accepted_compounds

COORDINATORS = frozenset({"och", "eller", "sedan", "sen"})
# an infinitive follows these (kan BT sjunka), so a noun-or-verb after an abbreviation is a verb
MODAL_VERBS = frozenset(
    {"kan", "kunde", "ska", "skall", "skulle", "vill", "ville", "måste", "bör", "borde", "lär"}
)


@Language.factory("ordvard_split_compounds")
def make_split_compounds(nlp: Language, name: str):
    return find_split_compounds


def find_split_compounds(doc: Doc) -> Doc:
    accepted, text, words = accepted_compounds(doc._.terms, doc._.lexicon), doc._.text, doc._.words
    reflexives = word_list("reflexive_pronouns")
    flagged: list[tuple[int, int, str]] = []  # (first word, last word, joined form)
    instruction = False  # the sentence opens with an imperative (Mät stomin … och klipp hålet)
    covered = -1  # the last word of a three-word finding: its second pair is not checked again
    for k, (a, b) in enumerate(itertools.pairwise(words)):
        if a.sent_start:
            instruction = _imperative(a.norm)
        if k < covered or not _adjacent(text, a, b):
            continue
        if a.norm.isdigit() and lemma(b.norm) in word_list("number_compound_heads"):
            flagged.append((k, k + 1, f"{a.text}-{b.norm}"))  # 90 årsdag → 90-årsdag
            continue
        if not a.norm.isalpha():
            continue
        after = words[k + 2] if k + 2 < len(words) else None
        if after is not None and _adjacent(text, b, after):
            before = words[k - 1].norm if k > 0 and not a.sent_start else ""
            linked = linked_compound(a.norm, b.norm, after.norm, before)
            if linked:  # urin vägs infektion → urinvägsinfektion
                flagged.append((k, k + 2, a.text[:1] + linked[1:]))
                covered = k + 2
                continue
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
        shouted = k > 0 and words[k - 1].text.isupper() and len(words[k - 1].text) > 1
        if not shouted and _abbreviation_compound(a.text, b.norm, previous):  # KOL-medicin
            flagged.append((k, k + 1, f"{a.text}-{b.norm}"))
            continue
        joined = joined_form(a.norm, b.norm, accepted, imperative, previous)
        if joined:
            flagged.append((k, k + 1, a.text[:1] + joined[1:]))
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
    if word in word_list("subject_pronouns") or determiner(word):
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
    if joined in accepted or load_index().roles(joined) & WORD or valid_split(first + "s", third):
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
        if _part_noun(after, base=False) and splits_at(joined.lower(), after):
            last, joined = last + 1, joined + after
    if first > 0 and _adjacent(text, words[first - 1], words[first]):
        before = words[first - 1]
        if (
            before.norm.isalpha()
            and _part_noun(before.norm, base=True)
            and splits_at(before.norm, joined.lower())
        ):
            first, joined = first - 1, before.text[:1] + before.norm[1:] + joined.lower()
    return first, last, joined


def _part_noun(word: str, base: bool) -> bool:
    """A noun that may join a split compound's neighbour: no phrase word or verb form, and
    as a first part a base form (not *brukaren sår vård*) or a compound-only form (*rull*)."""
    if word in word_list("phrase_words") or word in word_list("phrase_ends") or verb_form(word):
        return False
    roles = load_index().roles(word)
    compound_only = roles & BEGIN and not roles & WORD
    if base and lemma_candidates(word)[:1] != (word,) and not compound_only:
        return False
    return bool(roles & NOUN)


def _finite_verb(word) -> bool:
    """A present or past tense verb (*fungerar, tog, är*) in the sentence's own words."""
    return word.norm in word_list("finite_verbs") or (
        verb_form(word.norm) and not word.norm.endswith(("ad", "at", "ats", "dd", "tt"))
    )


def _abbreviation_compound(written: str, second: str, previous: str) -> bool:
    """An abbreviation before the noun it forms a compound with (*KAD påsen*, *MRSA smitta*,
    *tv antennen*): Swedish joins them with a hyphen (*KAD-påsen*). Upper-case ones of two to
    five letters, and the few written in lower case (``data/lowercase_abbreviations.txt``).
    Abbreviations for people are left out (*gav SSK rapporten*), as are time nouns (*mätte BT
    kvällen*) and words in a line of capitals (*SE CRS hemmet*). A noun that is also a verb or adjective (*smitta*, *kort*) counts only where a
    noun phrase is open: after an article or possessive (*ett ID kort*), and for an
    infinitive-looking noun anywhere but after a modal verb (*kan BT sjunka*)."""
    upper = 2 <= len(written) <= 5 and written.isupper() and written.isalpha()
    if not upper and written not in word_list("lowercase_abbreviations"):
        return False
    if written.lower() in word_list("person_abbreviations"):
        return False
    if lemma(second) in word_list("time_words"):
        return False
    index = load_index()
    roles = index.roles(second)
    noun = roles & NOUN or index.noun_bits(second)  # smitta: the dictionary files it as a verb
    in_noun_phrase = previous in word_list("possessives_and_articles")
    noun_or_adjective = roles & NOUN and roles & ADJECTIVE  # ett ID kort, not NS då
    if (second in word_list("phrase_words") and not (in_noun_phrase and noun_or_adjective)) or (
        second in word_list("phrase_ends") and second not in word_list("care_recipients")
    ):
        return False
    if not noun or verb_form(second) or second in word_list("note_participles"):
        return False  # EKG taget, BT tagen
    if not roles & (VERB | ADJECTIVE) or in_noun_phrase:
        return True
    return (
        not roles & ADJECTIVE
        and second.endswith("a")
        and previous not in MODAL_VERBS
        and previous != "att"
    )
