"""Verb forms after a verb that governs them (``verb_form``): an infinitive after a modal or
infinitive *att* (*han behöver vilar → vila*, *får inte reser sig → resa*, *att stängde →
att stänga*, *måste ät → äta*, *ska byts → bytas*), a supine after *har/hade/ha* (*jag har
skrev → har skrivit*, *har stängd fönstret → stängt*, *har sova → sovit*), and a finite
verb where a clause has only an infinitive (*Hon äta frukost → åt*).

The governed word must be a verb form by the lemmatizer (present *-r*, past *-de/-te*, an
irregular form, an imperative or an *-s* form of a known infinitive). Where it may also be a
noun (*flyttar*, *får*), the tagger must call it a verb, unless the governor never takes an
object (*ska*, *måste*, *brukar*). *kan svenska*, *måste på toaletten*, *har ont* and
infinitive passives (*ska bytas*) are left alone. Adverbs (*kan inte gick*, *ska nu äter*)
and, after an inverted modal, its pronoun subject (*Sedan ska hon duschar*) may stand
between.
"""

from __future__ import annotations

from ..dictionary import WORD, load_index
from . import Hit, Tok, is_punct, words
from .forms import (
    adjective,
    finite_forms,
    infinitive_of_imperative,
    is_irregular,
    lemma_of_supine,
    noun_form,
    noun_readings,
    participle_verb,
    passive_reading,
    supine,
    verb_reading,
)

MAX_BETWEEN = 2
# a subject right after the verb means the verb opens a new (inverted) clause
NEW_SUBJECTS = frozenset({"jag", "du", "han", "hon", "vi", "ni", "de", "det", "man", "den"})
SUBJECT_PRONOUNS = frozenset({"jag", "du", "han", "hon", "vi", "de"})
NOT_GOVERNORS = frozenset({"NOUN", "PROPN", "ADP", "ADJ", "NUM"})
OBJECT_PRONOUNS = frozenset({"mig", "dig", "honom", "henne", "oss", "dem"})
REFLEXIVE_POSSESSIVES = frozenset({"sin", "sitt", "sina"})
FUTURE = frozenset({"kommer", "kom", "komma", "kommit"})
FÅ = frozenset(
    {"få", "får", "fick", "fått"}
)  # få betalt, fick nog: an object may follow  # kommer att + infinitive
PAST_HINTS = frozenset({"igår", "går", "natt", "morse", "förra"})


def find(sentence: list[Tok]) -> list[Hit]:
    hits = []
    for i, tok in enumerate(sentence):
        wanted = _wanted(sentence, i)
        if wanted is None:
            continue
        j = _governed(sentence, i) if wanted != "object" else _after_object(sentence, i)
        if wanted == "object":
            wanted = "infinitive"
        if j is None:
            continue
        hit = _check(sentence, i, j, wanted)
        if hit:
            hits.append(hit)
    hits += _bare_infinitives(sentence)
    return hits


def _wanted(sentence: list[Tok], i: int) -> str | None:
    tok = sentence[i]
    if tok.norm in words("infinitive_governors") and tok.upos not in NOT_GOVERNORS:
        return "infinitive"
    if tok.norm in words("nonfinite_governors") and tok.upos in ("VERB", "AUX"):
        return "infinitive"  # vill kunna gå, har börjat äta
    if tok.norm == "att" and (tok.upos == "PART" or (i and sentence[i - 1].norm in FUTURE)):
        return "infinitive"  # also kommer att, whatever the tagger calls att
    if tok.norm in words("object_infinitive_governors") and tok.upos not in NOT_GOVERNORS:
        return "object"  # lät henne sova

    if tok.norm in words("perfect_auxiliaries") and tok.upos in ("AUX", "VERB"):
        return "supine"
    return None


def _after_object(sentence: list[Tok], i: int) -> int | None:
    """The verb after the object pronoun of *lät*, *bad* (*lät henne sova*), or None."""
    j = i + 2
    if j >= len(sentence) or sentence[i + 1].norm not in OBJECT_PRONOUNS:
        return None
    tok = sentence[j]
    if tok.upos not in ("VERB", "AUX") and not is_irregular(tok.norm):
        return None
    return j


def _governed(sentence: list[Tok], i: int) -> int | None:
    """The index of the verb that ``sentence[i]`` governs: the next word after at most two
    adverbs, or after the pronoun subject of an inverted modal."""
    j = i + 1
    between = 0
    while j < len(sentence) and between < MAX_BETWEEN:
        tok = sentence[j]
        if tok.norm in words("sentence_adverbs") or tok.norm in words("between_adverbs"):
            j += 1
            between += 1
            continue
        if tok.norm in SUBJECT_PRONOUNS and sentence[i].norm != "att":
            j += 1  # an inverted modal's subject: Kan hon går, Sedan ska hon duschar
            between += 1
            continue
        break
    return j if j < len(sentence) else None


def _check(sentence: list[Tok], i: int, j: int, wanted: str) -> Hit | None:
    tok = sentence[j]
    if tok.text[:1].isupper() or is_punct(tok):
        return None
    following = sentence[j + 1].norm if j + 1 < len(sentence) else ""
    if following in NEW_SUBJECTS:
        return None  # a new clause begins: Om hon vill kan vi gå ut
    if tok.norm in ("är", "var") and sentence[i].norm != "att":
        return None  # Det enda hon vill är att vila: the governor ends a relative clause
    if _ends_relative_clause(sentence, i, j) or _ends_bare_relative(sentence, i):
        return None  # De som vill får gå ut, Hunden han har heter Bella: the main clause's verb
    if tok.norm == "var" and following == "och":
        return None  # var och en
    if sentence[i].norm == "att" and tok.norm in words("perfect_auxiliaries") | words("copulas"):
        return None  # att har en samlevnad pågått: a conditional clause, not an infinitive
    if wanted == "supine":
        return _check_supine(sentence, i, j)
    right = _infinitive(sentence, i, j)
    if right is None or right == tok.norm:
        return None
    values = {"trigger": sentence[i].text, "right": right}
    return Hit("verb_form", j, j + 1, right, "verb_form_infinitive", values)


def _ends_relative_clause(sentence: list[Tok], i: int, j: int) -> bool:
    """Whether the governor at ``i`` closes a *som* clause on its own and ``j`` is a finite
    verb of the main clause (*De som vill får gå ut*, *Alla som inte orkar kan vila*); a
    learner's *som vill duschar* reads the same way and is let pass."""
    if sentence[i].norm not in words("elliptic_governors") or j != i + 1:
        return False
    k = i - 1
    while k >= 0 and sentence[k].norm in words("sentence_adverbs"):
        k -= 1
    return k >= 0 and sentence[k].norm == "som" and verb_reading(sentence[j].norm) is not None


def _ends_bare_relative(sentence: list[Tok], i: int) -> bool:
    """Whether the governor at ``i`` closes a relative clause without *som* that follows the
    sentence's first noun (*Hunden han har heter Bella*, *Boken hon har ligger där*)."""
    if i < 2 or sentence[i - 1].norm not in SUBJECT_PRONOUNS:
        return False
    k = i - 2
    noun = sentence[k]
    opens = k == 0 or is_punct(sentence[k - 1]) or sentence[k - 1].norm in words("determiners")
    return opens and noun.upos == "NOUN" and bool(noun_readings(noun.norm))


def _infinitive(sentence: list[Tok], i: int, j: int) -> str | None:
    """The infinitive the learner meant at ``j`` after the governor at ``i``, or None."""
    tok = sentence[j]
    if (
        sentence[i].norm in words("nonfinite_governors")
        and noun_readings(tok.norm)
        and not is_irregular(tok.norm)
        and not (tok.upos == "VERB" and _object_follows(sentence, j))
    ):
        return None  # har fått bakterier: after få, fått a noun may follow
    passive = passive_reading(tok.norm)
    object_less = sentence[i].norm in words("object_less_governors") or (
        sentence[i].norm == "att" and i > 0 and sentence[i - 1].norm in FUTURE
    )
    if passive and (tok.upos in ("VERB", "AUX") or object_less):
        return passive  # ska byts → bytas, måste tvättades → tvättas
    reading = verb_reading(tok.norm)
    if reading is not None:
        if tok.upos in ("VERB", "AUX") or is_irregular(tok.norm):
            return reading[0]
        if object_less and tok.upos != "PROPN":
            return reading[0]  # ska flyttar: after ska no noun can follow
        if tok.upos != "PROPN" and _object_follows(sentence, j):
            return reading[0]  # försökte duschar henne: no bare plural takes an object
        if reading[1] == "past" and _participle_misread(sentence, i, j):
            return reading[0]  # vill inte duschade: a past tense the tagger took for a participle
        return None
    if tok.feats.get("VerbForm") == "Sup" and lemma_of_supine(tok.norm):
        return _infinitive_of_supine(sentence, i, j)  # vill inte stört: störa, not störta
    imperative = _imperative_may_follow(sentence, i, j) and infinitive_of_imperative(tok.norm)
    return imperative or _infinitive_of_supine(sentence, i, j)  # måste ät → äta


def _participle_misread(sentence: list[Tok], i: int, j: int) -> bool:
    """Whether the past tense at ``j`` after a present modal (*vill*, *kan*) can be no
    participle: nothing it could describe follows (*kan lagade skor*)."""
    if sentence[i].norm not in words("supine_free_governors") or sentence[j].upos != "ADJ":
        return False
    following = sentence[j + 1] if j + 1 < len(sentence) else None
    return following is None or following.upos not in ("NOUN", "ADJ", "PROPN", "NUM")


def _infinitive_of_supine(sentence: list[Tok], i: int, j: int) -> str | None:
    """*ska ätit → äta*, *kan inte sovit → sova*: a supine right after a present-tense
    modal of ``supine_free_governors`` (or its adverbs), where the tagger reads a supine or
    the form is an irregular verb's; not an adjective's -t form (*ska stängt*: stängd)."""
    tok = sentence[j]
    if sentence[i].norm not in words("supine_free_governors"):
        return None
    if tok.feats.get("VerbForm") != "Sup" and not is_irregular(tok.norm):
        return None
    if adjective(tok.norm) is not None or noun_readings(tok.norm):
        return None
    infinitive = lemma_of_supine(tok.norm)
    return infinitive if infinitive and supine(infinitive) == tok.norm else None


def _object_follows(sentence: list[Tok], j: int) -> bool:
    """Whether an object opens right after ``j``: a possessive, an object pronoun or a
    definite noun (*få träffar sin läkare*, *försökt ringer dottern*), which no bare plural
    noun takes, so the word at ``j`` is a verb (but *fått sår på benen*, *fått träffar
    varje vecka*)."""
    if j + 1 >= len(sentence):
        return False
    tok = sentence[j + 1]
    if tok.norm in words("possessives") | REFLEXIVE_POSSESSIVES or tok.norm in OBJECT_PRONOUNS:
        return True
    if tok.upos != "NOUN" or tok.norm in words("time_nouns") or tok.text[:1].isupper():
        return False
    readings = noun_readings(tok.norm)
    return bool(readings) and all(r.definite == "def" for r in readings)


def _imperative_may_follow(sentence: list[Tok], i: int, j: int) -> bool:
    """An imperative stands for the infinitive only right after its governor (or adverbs),
    tagged a verb, and when it is no noun (*får mat*, not *mata*) or pronoun (*tänker jag
    mej*)."""
    tok = sentence[j]
    if tok.upos not in ("VERB", "AUX") or tok.norm in words("function_words"):
        return False
    skipped = sentence[i + 1 : j]
    return not noun_readings(tok.norm) and not any(t.norm in SUBJECT_PRONOUNS for t in skipped)


def _check_supine(sentence: list[Tok], i: int, j: int) -> Hit | None:
    tok = sentence[j]
    if _has_object_phrase(sentence, j):
        return None
    reading = verb_reading(tok.norm)
    if reading is not None:
        if tok.upos not in ("VERB", "AUX") and not is_irregular(tok.norm):
            return None
        if tok.norm in words("also_supines"):
            return None
        infinitive, form = reading
        right = supine(infinitive, tok.norm if form == "past" else "")
    else:
        right = _supine_of_participle(sentence, j) or _supine_of_infinitive(tok)
    if right is None or right == tok.norm:
        return None
    values = {"trigger": sentence[i].text, "right": right}
    return Hit("verb_form", j, j + 1, right, "verb_form_supine", values)


def _has_object_phrase(sentence: list[Tok], j: int) -> bool:
    """Whether the word after *har* at ``j`` begins its object rather than being a wrong
    verb form: an adjective before an indefinite noun (*har låg puls*, *har korta ärmar*; not
    *har åt frukost*: ``pasts_not_attributes``) or a plural noun not followed by an object of
    its own (*Huden har fläckar på benen*, but *har tvättar håret*)."""
    tok = sentence[j]
    following = sentence[j + 1] if j + 1 < len(sentence) else None
    forms = adjective(tok.norm)
    if (
        forms is not None
        and tok.norm not in words("pasts_not_attributes")
        and participle_verb(forms[0]) is None  # har skriven en lista: a supine is meant
        and following is not None
        and following.upos not in ("DET", "PRON", "ADP", "ADV", "CCONJ", "SCONJ", "PART")
    ):
        readings = noun_readings(following.norm)
        if readings and not any(r.definite == "def" for r in readings):
            return True  # not har stängd fönstret: an attribute takes an indefinite noun
        if not readings and following.upos == "NOUN" and following.feats.get("Definite") == "Ind":
            return True  # a compound the dictionary lacks (har täta urinträngningar)
    if is_irregular(tok.norm) or not any(r.number == "plur" for r in noun_readings(tok.norm)):
        return False
    if following is None or following.upos in ("DET", "PRON"):
        return following is None
    return not any(r.definite == "def" for r in noun_readings(following.norm))


def _supine_of_infinitive(tok: Tok) -> str | None:
    """The supine for an infinitive after *har/hade* (*har sova → sovit*): only when the
    tagger reads an infinitive and the word has no definite noun form (*har smärta*:
    *smärtan*, *har vila*) and is not listed as ``verb_nouns`` (*har fika*)."""
    if tok.feats.get("VerbForm") != "Inf" or tok.upos != "VERB":
        return None
    if tok.norm in words("verb_nouns") or load_index().roles(tok.norm + "n") & WORD:
        return None
    if tok.norm in words("indeclinable_adjectives"):
        return None  # har nära till affären: nära is "near", not the verb nära
    return supine(tok.norm)


def _supine_of_participle(sentence: list[Tok], j: int) -> str | None:
    """*har stängd fönstret → stängt*: a participle where the supine goes, before its object
    (a definite noun, a determiner or pronoun) or the sentence's end; before an indefinite
    noun it is an attribute (*hon har stängd dörr på natten*)."""
    tok = sentence[j]
    forms = adjective(tok.norm)
    if forms is None or tok.norm != forms[0] or not tok.norm.endswith(("d", "en")):
        return None
    following = sentence[j + 1] if j + 1 < len(sentence) else None
    if following is None or not (
        following.upos in ("DET", "PRON")
        or following.text in (".", "!")
        or following.upos == "NOUN"
        and (noun_form(following.norm) or ("", "", "", ""))[3] == "def"
    ):
        return None
    verb = participle_verb(tok.norm)
    return supine(verb) if verb else None


def _subject(tok: Tok) -> bool:
    """A pronoun subject or a definite noun (*Brukaren gå till matsalen*)."""
    if tok.norm in SUBJECT_PRONOUNS:
        return True
    reading = noun_form(tok.norm)
    return tok.upos == "NOUN" and reading is not None and reading.definite == "def"


def _bare_infinitives(sentence: list[Tok]) -> list[Hit]:
    """*Hon äta frukost*: a subject opening the sentence followed by a word that is only an
    infinitive; the tense is guessed from the sentence's time words."""
    if len(sentence) < 3 or not _subject(sentence[0]):
        return []
    tok = sentence[1]
    forms = finite_forms(tok.norm)
    if forms is None or tok.text[:1].isupper():
        return []
    past = any(t.norm in PAST_HINTS for t in sentence)
    right = forms[1] if past else forms[0]
    if right is None:
        return []  # igår hon bita: the past (bet) is left out of the data, so no suggestion
    values = {"subject": sentence[0].text, "right": right}
    return [Hit("verb_form", 1, 2, right, "verb_form_finite", values)]
