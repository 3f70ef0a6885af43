"""Whether two words written apart are one compound, and which (``joined_form``).

The evidence for each class of split compound (a dictionary or glossary word when joined, a
compound-only first part, two plain nouns, a linking *s*, a particle, an adjective before a
definite noun, a measure word, a verb stem in a noun phrase) and the look-alikes each must
leave alone; ``split_compounds`` walks the note's word pairs and reports what this finds.
Evidence from agreement with the words around them is in ``agreement_compounds``.
"""

from __future__ import annotations

from functools import lru_cache

from .agreement_compounds import (
    ARTICLE_GENDERS,
    NEUTER_POSSESSIVES,
    POSSESSION_VERBS,
    VOWELS,
    adjective_against_article,
    adjective_before_definite,
    adjective_compound,
    noun_before_phrase_word,
    participle_after_verb,
    phrase_adjective_compound,
    possessive_against_noun,
)
from .caches import WORDS
from .compounds import valid_split
from .dictionary import (
    ADJECTIVE,
    BEGIN,
    END,
    NOUN,
    VERB,
    WORD,
    load_index,
)
from .lemmas import lemma_candidates
from .phrase_forms import (
    definite,
    determiner,
    lemma,
    passive,
    plural_noun,
    time_phrase,
    verb_form,
)
from .resources import endings, word_list

MIN_PART = 2
# the verb stems among data/phrase_words.txt, listed there because they open instructions
IMPERATIVE_PHRASE_WORDS = frozenset({"ring", "mät", "kontrollera"})
PLURAL_DETERMINERS = frozenset({"de", "dessa", "inga", "några", "många", "alla", "flera", "båda"})
MAX_HEAD_ZIPF = 6.0  # commoner words (vara, göra) are verbs and function words, not heads
MIN_HEAD_ZIPF = 2.5  # a rarer last part after a genitive is more likely prose than a split
ADJECTIVE_MARGIN = 1.5  # Zipf units an adjective is rarer than the noun it may shorten


@lru_cache(maxsize=WORDS)
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
    if time_phrase(first, second, previous):
        return None
    bound = _bound_head(first, second)
    if bound:
        return bound
    if first in word_list("measure_words"):
        return _measure_compound(first, second, previous)
    before_definite = adjective_before_definite(first, second, previous, accepted)
    if before_definite:
        return before_definite
    neuter_compound = adjective_against_article(first, second, previous)
    if neuter_compound:
        return neuter_compound
    if first in word_list("phrase_adjectives"):
        return phrase_adjective_compound(first, second, previous)
    if first in NEUTER_POSSESSIVES:
        possessive_compound = possessive_against_noun(first, second)
        if possessive_compound:
            return possessive_compound
    phrase_words = word_list("phrase_words")
    participle = participle_after_verb(first, second, previous)
    if participle:
        return participle
    if first in phrase_words:
        if _stem_in_noun_phrase(first, second, previous):
            return first + second  # i ring klockan
        return _particle_compound(first, second, previous)
    participle_compound = _participle_compound(first, second, previous)
    if participle_compound:
        return participle_compound
    if second in phrase_words:
        return _suffix_compound(first, second) or noun_before_phrase_word(first, second, previous)
    if second in word_list("note_participles") or _past_participle(second, first + second):
        return None  # a short line of a note: Prov taget, Sond satt, Säng bäddad
    if len(first) < MIN_PART or len(second) < 3 or verb_form(first):
        return None
    index = load_index()
    if (
        verb_form(second)
        and not plural_noun(second)
        and not _noun_compound(first, second, previous)
    ):
        return None
    second_roles = index.roles(second)
    if second.endswith("s") and (second_roles & VERB or passive(second)):  # demens skadas
        return None
    if first.endswith(("sta", "aste")):  # superlative: lägsta nivå
        return None
    for head in (first, first + "s"):
        joined = head + second
        if joined in accepted:
            return joined
        if index.roles(joined) & WORD:
            adjective = index.roles(first) & ADJECTIVE
            if adjective and not adjective_compound(first, second, joined, previous):
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
    if _truncated_noun(first, first_roles, previous) and (
        second_roles & NOUN or index.noun_bits(second)
    ):
        return first + second  # smärt plåster, mag medicin
    if not second_roles & NOUN:
        return None
    if _verb_stem_in_noun_phrase(first, second, previous):
        return first + second  # med glid lakan, följde vänd schemat
    if not _noun_first_part(first, first_roles):
        return None
    if genitive:
        # a genitive before a definite noun cannot be one (infusions påsen); before an
        # indefinite noun it is a phrase (landets standard)
        return first + second if definite(second) else None
    if first in word_list("plural_first_parts") and valid_split(first, second):
        return first + second  # ögon salva, öron droppar
    if lemma_candidates(first)[:1] != (first,):  # an inflected first word: människor, militära
        # ... unless it is a compound form before a definite noun (kateter påsen, öron
        # droppen), where two noun phrases cannot stand side by side
        # (a weak adjective or definite plural ending in -a/-e is a phrase: övriga barnen)
        # (nor a definite first word or a counted plural: håret fint, många gånger hjärtat)
        relax = not first.endswith(("a", "e")) and definite(second)
        if definite(first) or previous in word_list("quantity_words"):
            return None
        return first + second if relax and valid_split(first, second) else None
    return first + second


def _past_participle(word: str, joined: str) -> bool:
    """A past participle (*bäddad*, *städat*, *dukade*) of an *-a* verb among the word's
    likely lemmas, after a noun whose compound with it the dictionary lacks: a short note
    line (*Säng bäddad, rum vädrat*), not a compound adjective (*smärtlindrad*) nor a noun
    (*schemat*)."""
    index = load_index()
    if not word.endswith(("ad", "at", "ade")) or index.roles(joined) & WORD:
        return False
    verb = word[: -3 if word.endswith("ade") else -2] + "a"
    if verb not in lemma_candidates(word)[:3]:
        return False
    # -at is also the definite form of an -a noun (vänd schemat): then the -a word must be a verb
    return not word.endswith("at") or bool(index.roles(verb) & VERB)


def _stem_in_noun_phrase(first: str, second: str, previous: str) -> bool:
    """A verb stem among the phrase words (*ring*, *mät*, *hjälp*: they open instructions)
    after a preposition or determiner, where no imperative can stand, before a noun it makes
    a dictionary word with (*i ring klockan*)."""
    if first not in IMPERATIVE_PHRASE_WORDS:
        return False
    if previous not in word_list("noun_phrase_openers") or second in word_list("phrase_words"):
        return False
    index = load_index()
    noun = index.roles(second) & NOUN or index.noun_bits(second)
    return bool(index.roles(first + second) & WORD and noun)


def _bound_head(first: str, second: str) -> str | None:
    """A second word that is no word on its own, joined with the first into a dictionary word
    (*vänster sidig*, *halv sidig*: *sidig* only ends compounds)."""
    index = load_index()
    if len(second) < 4 or index.roles(second) & WORD or first in word_list("phrase_ends"):
        return None  # a short unknown word is likely foreign: in die
    if first in word_list("subject_pronouns") or first == "man":
        return None  # a pronoun before a misheard or misspelt word: man gors
    joined = first + second
    return joined if index.roles(joined) & WORD else None


def _noun_compound(first: str, second: str, previous: str) -> bool:
    """A base-form noun and a word that also reads as a verb form, joined into a dictionary
    noun, where a noun phrase has begun: after an article, possessive or preposition, or a
    plural adjective before a singular noun (*hennes gardin stänger*, *svullna fot leder*,
    *efter kvälls fikat*). Elsewhere the noun may be the verb's subject (*fientligt flyg
    bombar*)."""
    plural_adjective = previous.endswith("a") and lemma(previous) != previous
    opens = previous in word_list("possessives_and_articles") or previous in word_list(
        "prepositions"
    )
    if not (opens or (plural_adjective and not plural_noun(first))):
        return False
    index = load_index()
    joined = first + second
    if not index.roles(joined) & WORD:
        return False
    noun = index.roles(joined) & NOUN or index.noun_bits(joined)
    if not noun and not index.roles(lemma(joined)) & NOUN:  # gardinstänger, of gardinstång
        return False
    if definite(first) or first in word_list("phrase_words") or first in word_list("phrase_ends"):
        return False
    base = first.removesuffix("s")  # a linking s: kvälls
    return bool(index.roles(base) & NOUN) and lemma(base) == base


def _truncated_noun(first: str, roles: int, previous: str) -> bool:
    """A noun's compound form without its final vowel (*smärt-* of *smärta*, *mag-* of
    *mage*), which the dictionary lets begin compounds: not a noun itself, and rarer on its
    own than the noun it shortens (*sjuk* is commoner than *sjuka*: *en sjuk man* is a
    phrase), nor an adjective after a determiner (*en smärt kvinna*)."""
    if roles & NOUN or not roles & BEGIN:
        return False
    if roles & ADJECTIVE and determiner(previous):
        return False
    index = load_index()
    # an adjective must be much rarer than the noun (smärt, not finsk of finska)
    margin = ADJECTIVE_MARGIN if roles & ADJECTIVE else 0.0
    for noun in (first + "a", first + "e"):
        if index.roles(noun) & NOUN and noun in lemma_candidates(first):
            return index.zipf(first) + margin < index.zipf(noun)
    return False


def _noun_first_part(first: str, roles: int) -> bool:
    """A plain noun the dictionary lets begin a compound, not also a verb or adjective."""
    return roles & (BEGIN | NOUN) == BEGIN | NOUN and not roles & (VERB | ADJECTIVE)


def _participle_compound(first: str, second: str, previous: str) -> str | None:
    """A noun in its base form before a present participle makes a compound adjective (*är
    insulin beroende*, *syre krävande*, *smärt lindrande*), since a bare noun does not stand
    before a participle. With a linking *s* (*inflammations dämpande*) only where a noun
    phrase or a predicative begins, after a determiner, preposition or verb: after *som* the
    two are a genitive and a participle used as a noun (*som äktenskaps ingående medför*)."""
    if len(first) < 3 or len(second) < 5 or not second.endswith(("ande", "ende")):
        return None
    if first in word_list("phrase_words") or first in word_list("phrase_ends"):
        return None
    if verb_form(first) or definite(first):
        return None
    base = first
    if first.endswith("s") and lemma(first) != first:
        if not (previous in word_list("noun_phrase_openers") or _verb_before(previous)):
            return None
        base = first[:-1]
    index = load_index()
    roles = index.roles(base)
    if lemma(base) != base or definite(base) or not roles & NOUN or roles & (ADJECTIVE | VERB):
        return None
    joined = first + second
    return joined if index.roles(joined) & WORD or valid_split(first, second) else None


def _verb_before(word: str) -> bool:
    """A finite verb or participle (*är*, *fick*, *behöver*) before a phrase."""
    return word in word_list("finite_verbs") or verb_form(word)


def _measure_compound(first: str, second: str, previous: str) -> str | None:
    """A measure word before its substance is a phrase (*ett glas mjölk*, *två koppar te*);
    without a number or article before it, a dictionary compound is one (*sina glas ögon*)."""
    if previous.isdigit() or previous in word_list("quantity_words") or not previous:
        return None
    joined = first + second
    return joined if load_index().roles(joined) & WORD else None


def _particle_compound(first: str, second: str, previous: str) -> str | None:
    """A compound that begins with a particle (*under sköterskan*, *av föring*, *in lagd*).

    Only the care compounds of ``data/particle_compounds.txt`` are flagged, since the particle
    usually begins a phrase (*efter middagen*, *på natten*). A definite noun after a particle
    is the particle's object after a verb (*tittade på klädningen*), so it is flagged only
    where a noun phrase begins: at a sentence start or after a preposition or determiner.
    """
    joined = first + second
    if _particle_opens_noun(first, second, previous):
        return joined
    lemmas = {joined, *lemma_candidates(joined)[:2]}
    if not lemmas & word_list("particle_compounds"):
        return None
    index = load_index()
    second_roles = index.roles(second)
    standalone_noun = second_roles & WORD and second_roles & NOUN and not second_roles & ADJECTIVE
    if (
        standalone_noun
        and definite(second)
        and previous
        and (previous not in word_list("noun_phrase_openers"))
    ):
        return None
    return joined


def _particle_opens_noun(first: str, second: str, previous: str) -> bool:
    """A particle where only a noun can begin: right after an article or possessive (*en
    genom gång*, *ett under lakan*; ``data/possessives_and_articles.txt``) before an
    indefinite noun, or right after a preposition (*i över armen*, *med på klädnaden*). It
    begins a compound when the dictionary has the joined word (``data/compound_particles.txt``);
    a time word after it is a phrase after a preposition (*av efter middagen*)."""
    if first not in word_list("compound_particles") or len(second) < 3:
        return False
    if second in word_list("phrase_words"):
        return False
    joined = first + second
    index = load_index()
    time_word = second in word_list("phrase_ends") or {second, lemma(second)} & (
        word_list("time_words") | word_list("phrase_ends")
    )
    if previous in word_list("prepositions"):
        return not time_word and bool(index.roles(joined) & WORD)
    # after an article the particle cannot start a time phrase either (en genom gång)
    if previous in word_list("possessives_and_articles") and not definite(second):
        return bool(index.roles(joined) & WORD) or valid_split(first, second)
    return False


def _suffix_compound(first: str, second: str) -> str | None:
    """A compound adjective whose head is also a phrase word (*smärt fri*, *feber fritt*)."""
    if second not in word_list("compound_heads") or len(first) < 3:
        return None
    joined = first + second
    index = load_index()
    if index.roles(joined) & WORD or valid_split(first, second):
        return joined
    return None


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
    return lemma_candidates(base)[:1] == (base,) and bool(noun) and valid_split(first, second)


def _gender(noun: str) -> str | None:
    """*en* or *ett* by the noun's definite singular in the dictionary, None when unknown.

    The neuter ending is tried first after a consonant or *-e* (*landet*, *bytet*: their
    *landen*, *byten* are plurals), the common one first after *-a* (*listan*: *listat* is a
    verb form)."""
    index = load_index()

    def known(ending: str) -> bool:
        return bool(index.roles(noun + ending) & WORD)

    vowel_end = noun[-1:] in VOWELS
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
    adjective = load_index().roles(first) & ADJECTIVE
    if adjective and (determiner(previous) or previous in POSSESSION_VERBS):
        return False  # en tunn tråd, har tunn hud: an adjective that is also a verb stem (tunna)
    if second.endswith(endings("adjective_suffixes")):
        return False  # i sin grund kapitalistisk
    opens = (
        previous in word_list("noun_phrase_openers")
        or verb_form(previous)
        or previous in POSSESSION_VERBS  # tog sov medicinen
    )
    return opens and (valid_split(first, second) or _unflagged_first_part(first, second, previous))


def _unflagged_first_part(first: str, second: str, previous: str) -> bool:
    """A first part the dictionary's flags miss (*sår*, *glid*, *sug*: it lists *sårvård*,
    *glidlakan*, *sugkateter* but does not flag them as compound beginnings;
    ``data/compound_starts.txt``) before a plain noun that may end a compound. Not after a
    plural determiner, where the first word is a plural noun (*inga sår syns*), nor before
    an adjective, a verb form or one of the commonest words (*en låt vara*)."""
    if first not in word_list("compound_starts") or previous in PLURAL_DETERMINERS:
        return False
    index = load_index()
    roles = index.roles(second)
    if not roles & END or not roles & NOUN or roles & VERB or index.roles(first) & ADJECTIVE:
        return False
    if passive(second) or verb_form(second):
        return False
    return index.zipf(second) < MAX_HEAD_ZIPF
