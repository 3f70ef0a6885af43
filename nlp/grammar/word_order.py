"""Word order: a sentence adverb before the finite verb in a subordinate clause
(``subclause_order``: *om hon har redan ätit → redan har*, *som kan inte gå → inte kan*), and
what the word-order rules share: a finite verb, a subject, a fronted adverbial. The finite
verb second in a main clause (``v2``) is in ``fronting.py``.
"""

from __future__ import annotations

from ..dictionary import WORD, load_index
from ..resources import word_list
from . import Hit, Tok, is_punct, words
from .forms import noun_readings, verb_reading

SUBJECT_PRONOUNS = frozenset({"jag", "du", "han", "hon", "vi", "ni", "de", "man"})
FINITE_WORDS = frozenset(
    {
        "är", "var", "har", "hade", "ska", "skall", "skulle", "kan", "kunde", "vill", "ville",
        "måste", "bör", "borde", "får", "fick", "blir", "blev", "brukar", "brukade", "gick",
        "kom", "låg", "satt", "stod", "sov", "åt", "drack", "tog", "gav", "såg", "sa", "sade",
        "bad", "log", "bar", "drog", "fann", "hann", "höll", "lät", "slog", "svarade",
    }
)  # fmt: skip
# also where, so, to, set, bath, clay, carried, fold …
AMBIGUOUS = frozenset({"var", "sa", "åt", "satt", "bad", "log", "bar", "slog", "fann"})
NEVER_VERBS = frozenset({"ADP", "CCONJ", "SCONJ", "PRON", "DET", "PUNCT", "NUM", "PART"})
NP_ENDS = frozenset({"NOUN", "PROPN", "NUM"})  # a fronted phrase ends before a noun subject
# pronouns that may be a subject of their own (ingen ville, alla var)
QUANTIFIER_SUBJECTS = frozenset({"ingen", "alla", "någon", "inget", "ingenting", "allt"})
REFLEXIVES = frozenset({"sig", "mig", "dig", "oss"})  # between a verb and its adverb
WH_WORDS = frozenset({"vad", "vem", "vilken", "vilket", "vilka", "varför", "hur", "var", "vart"})


def find(sentence: list[Tok]) -> list[Hit]:
    return _subclause_order(sentence)


# ---------------------------------------------------------------- shared


def is_finite(tok: Tok, after_subject: bool = False) -> bool:
    """A present or past tense verb (never an infinitive, supine or imperative). Right after
    a subject, *åt*, *var*, *satt* and *sa* are verbs whatever the tagger says."""
    if tok.text[:1].isupper() and tok.word.i > 0 and not tok.word.sent_start:
        return False
    if tok.norm in FINITE_WORDS:
        return after_subject or tok.upos in ("VERB", "AUX") or tok.norm not in AMBIGUOUS
    if tok.upos in NEVER_VERBS:
        return False
    if verb_reading(tok.norm) is not None and (after_subject or tok.upos in ("VERB", "AUX")):
        return True
    if tok.upos not in ("VERB", "AUX"):
        return False
    return tok.feats.get("VerbForm") == "Fin" and tok.feats.get("Mood") != "Imp"


def subject_end(sentence: list[Tok], k: int) -> int | None:
    """The index after the subject that starts at ``k`` (a personal pronoun, or a definite
    noun with its determiner and adjectives), or None."""
    if k >= len(sentence):
        return None
    tok = sentence[k]
    if tok.norm in SUBJECT_PRONOUNS or _name(tok):
        return k + 1
    j = k
    while j < len(sentence) and (
        sentence[j].norm in words("possessives")
        or sentence[j].norm in ("den", "det", "de")
        or sentence[j].upos == "ADJ"
    ):
        j += 1
    if j >= len(sentence) or j - k > 2:
        return None
    noun = sentence[j]
    if noun.upos not in ("NOUN", "PROPN") or noun.norm in words("time_nouns"):
        return None
    readings = noun_readings(noun.norm)
    definite = readings and all(r.definite == "def" for r in readings)
    possessed = j > k and sentence[k].norm in words("possessives")
    if definite or possessed or (noun.upos == "PROPN" and noun.text[:1].isupper()):
        return j + 1
    return None


def extended_subject_end(sentence: list[Tok], k: int) -> int | None:
    """The index after a subject starting at ``k``: as ``subject_end``, and also a person's
    abbreviation (*ssk*), a genitive before its noun (*brukarens dotter*), two subjects
    joined by *och* (*hon och jag*), a pronoun with *båda* or *alla* (*vi båda*) and a room
    after a noun (*patienten i rum 4*)."""
    end = _one_subject(sentence, k)
    if end is None:
        return None
    if end + 1 < len(sentence) and sentence[end].norm == "och":
        second = _one_subject(sentence, end + 1)
        if second is not None:
            end = second
    if (
        end == k + 1 < len(sentence)
        and sentence[k].norm in SUBJECT_PRONOUNS
        and sentence[end].norm in ("båda", "bägge", "alla", "två", "tre")
    ):
        end += 1
    if (
        end + 2 < len(sentence)
        and sentence[end].norm in ("i", "på")
        and sentence[end + 2].upos == "NUM"
    ):
        end += 3  # patienten i rum 4
    return end


def _one_subject(sentence: list[Tok], k: int) -> int | None:
    if k >= len(sentence):
        return None
    tok = sentence[k]
    if tok.norm in QUANTIFIER_SUBJECTS and tok.text.islower():
        return k + 1  # Efter maten ingen ville, På avdelningen alla var
    if tok.norm in word_list("person_abbreviations") and not tok.text.isupper():
        return k + 1
    if (
        tok.norm.endswith("s")
        and tok.text.islower()
        and tok.upos in ("NOUN", "PROPN")
        and k + 1 < len(sentence)
        and sentence[k + 1].upos == "NOUN"
        and sentence[k + 1].norm not in words("time_nouns")
    ):
        owner = noun_readings(tok.norm[:-1])
        if owner and all(r.definite == "def" for r in owner):
            return k + 2  # brukarens dotter
    return subject_end(sentence, k)


def fronted_before(sentence: list[Tok], c: int) -> bool:
    """Whether the words before ``c`` are one fronted adverbial: an adverb (*Nu*, *Sedan*) or
    a short prepositional or time phrase (*I dag*, *Efter badet*, *Kl. 14*)."""
    first = sentence[0].norm
    if c == 1:
        return first in words("fronting_adverbs")
    if c > 5 or not (
        first in words("fronting_prepositions") or first in words("fronting_determiners")
    ):
        return False
    return not any(
        tok.upos in ("VERB", "AUX", "PRON", "CCONJ", "SCONJ")
        or tok.norm in words("conjunctions")
        or (is_punct(tok) and tok.text != ".")
        for tok in sentence[1:c]
    )


def _name(tok: Tok) -> bool:
    """A first name inside a sentence (*Karin*, *Ahmed*): capitalised, not a word of the
    dictionary in lower case (the tagger often takes unseen names for something else)."""
    text = tok.text
    return (
        not tok.word.sent_start
        and len(text) > 1
        and text[:1].isupper()
        and text[1:].islower()
        and text.isalpha()
        and not load_index().roles(tok.norm) & WORD
    )


def later_inversion(sentence: list[Tok], start: int) -> bool:
    """Whether a finite verb after ``start`` comes right before a subject or right after a
    comma: the opening was a subordinate clause (*Sedan hon kom, har hon mått bättre*)."""
    for k in range(start, len(sentence)):
        tok = sentence[k]
        if tok.norm in words("conjunctions") and tok.norm != "så":
            return False
        if is_finite(tok) and (
            subject_end(sentence, k + 1) is not None or (k > 0 and sentence[k - 1].text == ",")
        ):
            return True
    return False


def time_phrase(sentence: list[Tok], k: int) -> bool:
    """Whether a preposition and a time noun start at ``k`` (*på kvällen*, *efter en
    stund*): after *och* or *men* it may be fronted like an adverb; not when *och* joins two
    prepositions (*från och med den månad*)."""
    if k >= 2 and sentence[k - 2].norm in words("prepositions"):
        return False
    return sentence[k].norm in words("fronting_prepositions") and any(
        tok.norm in words("time_nouns") for tok in sentence[k + 1 : k + 3]
    )


def _comparative(sentence: list[Tok], k: int) -> bool:
    """Whether a comparative (*längre*, *mer*, *bättre*) stands at ``k``."""
    if k >= len(sentence):
        return False
    word = sentence[k].norm
    return word in words("comparatives") or (word.endswith("are") and sentence[k].upos == "ADJ")


def later_finite(sentence: list[Tok], start: int) -> bool:
    """Whether another finite verb follows in the same clause (before *och*, *men* or a
    comma)."""
    for tok in sentence[start:]:
        if tok.norm in ("och", "men", "eller") or tok.text in (",", ";", ":"):
            return False
        if is_finite(tok):
            return True
    return False


# ---------------------------------------------------------------- subordinate clauses


def _inner_adverb(sentence: list[Tok], k: int) -> bool:
    """Whether a frequency or focus adverb at ``k`` (*ofta*, *gärna*, *helst*, *bara*) stands
    after a subordinate clause's finite verb with more of the clause after it (*att hon har
    ofta ont*, *att han vill gärna åka*); at the clause's end it is right (*eftersom han äter
    ofta*), and *bara*, *snart*, *nyss* only count between a modal or *har* and its verb
    (*kan bara dricka*, *hade nyss ätit*; *har bara två tänder* is right)."""
    if sentence[k].norm not in words("subclause_inner_adverbs") or k + 1 >= len(sentence):
        return False
    following = sentence[k + 1]
    if is_punct(following) or following.norm in words("conjunctions"):
        return False
    if following.norm in words("subjunctions") or following.norm in words("too_words"):
        return False
    if is_finite(following):
        return False  # Eftersom han äter ofta mår han bättre: the main clause begins
    if sentence[k].norm in words("verb_bound_inner_adverbs"):  # kan bara dricka, kan snart gå
        governor = sentence[k - 1].norm
        return (
            governor in words("infinitive_governors") or governor in words("perfect_auxiliaries")
        ) and following.upos in ("VERB", "AUX")
    return True


def _subclause_order(sentence: list[Tok]) -> list[Hit]:
    hits = []
    adverbs = words("sentence_adverbs")
    for i, tok in enumerate(sentence):
        if tok.norm not in words("subjunctions") or tok.norm in ("för", "så"):
            continue
        if tok.norm in WH_WORDS and i == 0:
            continue  # a direct question: Varför vill hon inte?
        if tok.norm == "att" and tok.upos == "PART":
            continue  # the infinitive marker
        if tok.norm == "som" and i + 1 < len(sentence) and is_finite(sentence[i + 1]):
            end = i + 1  # som is the subject: som kan inte gå
        elif i + 1 < len(sentence) and sentence[i + 1].norm in ("det", "den", "detta"):
            end = i + 2  # att det var inte rent
        else:
            end = extended_subject_end(sentence, i + 1)
            if end is None:
                continue
            if tok.norm in words("ambiguous_subjunctions") and sentence[i + 1].norm not in (
                SUBJECT_PRONOUNS
            ):
                continue
        if end + 1 >= len(sentence) or not is_finite(sentence[end], True):
            continue
        reflexive = sentence[end + 1].norm in REFLEXIVES and end + 2 < len(sentence)
        adverb = sentence[end + 1 + reflexive]  # att hon kände sig inte bra
        if adverb.norm not in adverbs and not (not reflexive and _inner_adverb(sentence, end + 1)):
            continue
        if adverb.norm == "ännu" and _comparative(sentence, end + 2):
            continue  # slungas ännu längre bort: ännu is "even", not "yet"
        right = " ".join(t.text for t in (adverb, *sentence[end : end + 1 + reflexive]))
        values = {"adverb": adverb.text, "right": right}
        span_end = end + 2 + reflexive
        hits.append(Hit("subclause_order", end, span_end, right, "subclause_order", values))
    return hits
