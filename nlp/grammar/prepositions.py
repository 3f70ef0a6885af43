"""The preposition of a fixed expression (``preposition``: *orolig om sin son → orolig
för*, *klagade för smärta → klagade på*, *intresserad för → intresserad av*).

The expressions are data (``data/grammar/prepositions.yaml``): the head word by its
dictionary form (any inflection counts: *klagade* is *klaga*), the right preposition and
the wrong ones writers use. Only a listed wrong preposition right after the head (or after
one object pronoun: *påminde henne på*) is marked, and not when *att* follows (*väntade för
att se*), the right preposition comes later in the clause (*klagade för sjuksköterskan på
smärtan*), the preposition opens a clause or an adverbial of its own (*orolig om hon är
ensam*, *nöjd på morgonen*, *arg med en gång*, *för två dagar sedan*, *på olika sätt*, *på
arabiska*), or an adjective head is an adverb in -t (*tittade nyfiket i lådan*): there the
preposition is not the head's. Only a verb head has a pronoun between (*intresserade sig för*
is the verb, not *intresserad*) or a doer after *av* (*blev varnad av personalen*); a verb
head after an article or possessive is a noun (*hans svar till*), and an adjective head in
*-ade* away from a copula is a verb's past tense (*X påverkade från början*).

A compound noun counts as its last part (*laktosintolerans för → mot*), split by the
dictionary's compound rules, and a few time words take their own preposition whatever comes
before (*i förmiddagen → på förmiddagen*, *i torsdag → på torsdag*; entries with ``noun``).
"""

from __future__ import annotations

from functools import cache

from .. import compounds
from ..lemmas import lemma_candidates
from ..resources import yaml_data
from . import Hit, Tok, durations, is_punct, places, words
from .forms import adjective, noun_readings
from .mined_prepositions import with_mined
from .word_order import is_finite, subject_end

TIME_PREPOSITIONS = frozenset({"på", "i", "om", "under", "efter", "före", "vid", "mot", "till"})
SUBJECT_PRONOUNS = frozenset({"jag", "du", "han", "hon", "vi", "ni", "de", "man"})
CLAUSE_ENDS = frozenset({"och", "men", "eller", "att", "som", "när", "eftersom", "om"})
# words that open a clause: a preposition right before one has no object of its own
CLAUSE_WORDS = frozenset(
    {"och", "men", "eller", "när", "eftersom", "medan", "innan", "tills", "fast", "fastän", "då"}
)


@cache
def expressions() -> dict[str, list[dict]]:
    """The fixed expressions by head lemma."""
    table: dict[str, list[dict]] = {}
    for entry in with_mined(yaml_data("grammar/prepositions")):
        if "head" in entry:
            table.setdefault(entry["head"].split()[0], []).append(entry)
    return table


@cache
def time_phrases() -> list[dict]:
    """The entries without a head: a time or phrase noun that takes its own preposition (*i
    morgonen → på morgonen*, *i måndag → på måndag*, *på januari → i januari*, *i semester →
    på semester*, *i 1930-talet → på 1930-talet*)."""
    return [e for e in yaml_data("grammar/prepositions") if "noun" in e or "decade" in e]


def _time_phrase_hits(sentence: list[Tok]) -> list[Hit]:
    hits = []
    for p, tok in enumerate(sentence[:-1]):
        for entry in time_phrases():
            if tok.norm in entry["wrong"] and _phrase_applies(sentence, p, entry):
                values = {"head": sentence[p + 1].text, "right": entry["right"], "wrong": tok.text}
                hits.append(
                    Hit("preposition", p, p + 1, entry["right"], "preposition_time", values)
                )
                break
    return hits


def _phrase_applies(sentence: list[Tok], p: int, entry: dict) -> bool:
    """Whether the preposition at ``p`` and the noun after it are the wrong phrase of
    ``entry``: not capitalised inside a sentence, the noun as listed (``decade``: any
    *1930-talet*; ``lowercase``: not a name, *landade på Mars*), not after a ``not_after``
    word (*mitt i vintern*) or a head whose own preposition it is (*väntar på juli*), only
    after an ``only_after`` word (*tre gånger i dagen*) or only first (``initial``: *I
    kvällen var hon orolig*), and not before och/eller or an ``unless_next`` word."""
    tok, noun = sentence[p], sentence[p + 1]
    before = sentence[p - 1] if p else None
    if before is not None and (tok.text[:1].isupper() or entry.get("initial")):
        return False
    if entry.get("decade"):
        if not (noun.norm.endswith("talet") and noun.norm[:1].isdigit()):
            return False
    elif noun.norm not in entry["noun"] or (entry.get("lowercase") and not noun.text.islower()):
        return False
    if "only_after" in entry and (before is None or before.norm not in entry["only_after"]):
        return False
    if before is not None and (
        before.norm in entry.get("not_after", ()) or takes(before, tok.norm)
    ):
        return False
    after = sentence[p + 2] if p + 2 < len(sentence) else None
    return after is None or after.norm not in ("och", "eller", *entry.get("unless_next", ()))


def takes(tok: Tok, preposition: str) -> bool:
    """Whether ``tok`` is a head whose right preposition is ``preposition`` before any noun
    (*väntar på juli*, *väntade på hissen*: the preposition is the head's, not the time's or
    the place's; *sitta i* only before *rullstol* does not count)."""
    table = expressions()
    return any(
        e["right"] == preposition and "only_next" not in e
        for lemma in _lemmas(tok)
        for e in table.get(lemma, ())
    )


def find(sentence: list[Tok]) -> list[Hit]:
    hits = []
    table = expressions()
    for i, tok in enumerate(sentence):
        after_subject = i > 0 and sentence[i - 1].norm in SUBJECT_PRONOUNS
        entries = [e for lemma in _lemmas(tok, after_subject) for e in table.get(lemma, ())]
        if not entries and any(t.norm in _wrong_words() for t in sentence[i + 1 : i + 3]):
            entries = _compound_entries(tok)  # penicillinallergi för: allergi mot
        if not entries:
            continue
        for entry in entries:
            p = _preposition_at(sentence, i, entry)
            hit = _check(sentence, i, p, entry) if p is not None else None
            if hit:
                hits.append(hit)
                break
    return [
        *hits,
        *_time_phrase_hits(sentence),
        *places.find(sentence, takes),
        *durations.find(sentence),
    ]


@cache
def _wrong_words() -> frozenset[str]:
    return frozenset(w for entries in expressions().values() for e in entries for w in e["wrong"])


@cache
def _compound_heads() -> dict[str, list[dict]]:
    """The noun heads a compound may end in (*matallergi*, *sömnproblem*, *dödsångest*): no
    verb, adjective or head with a ``before`` condition (*anklaga* is no *klaga*, *osäker* no
    *säker*)."""
    table: dict[str, list[dict]] = {}
    for head, entries in expressions().items():
        for entry in entries:
            if (
                " " not in entry["head"]
                and not entry.get("before")
                and entry.get("compounds", True)
                and not _verb_head(entry)
                and noun_readings(head)
                and adjective(head) is None
            ):
                table.setdefault(head, []).append(entry)
    return table


def _compound_entries(tok: Tok) -> list[dict]:
    """The entries of the last part of a compound noun, split by the dictionary's compound
    rules (*vårdomsorg* is *vård+omsorg*, not *…sorg*)."""
    heads = _compound_heads()
    for lemma in _lemmas(tok):
        for parts in compounds.splits(lemma):
            last = parts[-1]
            for part in dict.fromkeys((last, *(c.lower() for c in lemma_candidates(last)[:1]))):
                if part in heads:
                    return heads[part]
    return []


def _preposition_at(sentence: list[Tok], i: int, entry: dict) -> int | None:
    """Where the preposition of ``entry`` would stand after its head at ``i``."""
    p = i + 1
    for word in entry["head"].split()[1:]:  # ta hand om; står inte ut
        while p < len(sentence) and sentence[p].norm in words("sentence_adverbs"):
            p += 1
        if p >= len(sentence) or sentence[p].norm != word:
            return None
        p += 1
    if p < len(sentence) and (
        (sentence[p].norm in _object_pronouns() and _verb_head(entry))
        or sentence[p].norm in words("sentence_adverbs")
        or sentence[p].norm in ("ofta", "alltid", "mycket", "väldigt", "lite", "länge", "gärna")
        or (_verb_head(entry) and _manner_adverb(sentence[p].norm))
    ):
        p += 1
    return p if p < len(sentence) else None


def _manner_adverb(word: str) -> bool:
    """Whether ``word`` is an adjective's -t form used as an adverb (*tror starkt på*,
    *klagade högt på*)."""
    forms = adjective(word)
    return forms is not None and forms[1] == word != forms[0]


def _verb_head(entry: dict) -> bool:
    """Whether the entry's head is a verb: verb heads are infinitives, and those end in a
    vowel (*påminna*, *be*, *tro*, *oroa sig*); the few adjective and noun heads that do
    are marked ``verb: false`` (*noga*, *oro*, *allergi*)."""
    return entry["head"].split()[0][-1] in "aeiouyåäö" and entry.get("verb", True)


def _person_follows(sentence: list[Tok], k: int) -> bool:
    """Whether a person (*sjuksköterskan*, *min dotter*, *henne*) starts at ``k``."""
    if k < len(sentence) and (
        sentence[k].norm in words("possessives") or sentence[k].norm in words("determiners")
    ):
        k += 1
    return k < len(sentence) and any(
        lemma in words("person_nouns") for lemma in _lemmas(sentence[k])
    )


def _kin_follows(sentence: list[Tok], k: int) -> bool:
    """Whether a relative or friend (*sin dotter*, *henne*) starts at ``k``: someone a person
    lives with or visits, not a resident or the staff of a place."""
    if k < len(sentence) and sentence[k].norm in words("determiners"):
        k += 1
    if k >= len(sentence) or sentence[k].text[:1].isupper():
        return False  # besök på Barnens ö: a name
    word = sentence[k].norm
    return word in _object_pronouns() or any(
        lemma in words("kin_nouns") and not (word.endswith("s") and not lemma.endswith("s"))
        for lemma in _lemmas(sentence[k])
    )  # not a genitive: bor på sin dotters gård


def _lemmas(tok: Tok, after_subject: bool = False) -> tuple[str, ...]:
    """The word and its two likeliest lemmas; right after a subject pronoun also the
    infinitive of an -a verb (*hon tittar*, *tittade* → *titta*, which the lemmatizer may rank
    below the noun *titt*; *drömmar av silver* stays a noun); for a word in -s also the
    deponent of its lemma (*skäms* → *skämma* → *skämmas*)."""
    word = tok.norm
    stem = next((word[: -len(e)] for e in ("ade", "ar", "at") if word.endswith(e)), None)
    infinitive = (stem + "a",) if after_subject and stem and len(stem) >= 3 else ()
    lemmas = [lemma.lower() for lemma in lemma_candidates(word)[:2]]
    deponent = [lemma + "s" for lemma in lemmas if word.endswith("s") and lemma.endswith("a")]
    return tuple(dict.fromkeys((word, *lemmas, *infinitive, *deponent)))


def _opens_own_phrase(sentence: list[Tok], p: int) -> bool:
    """Whether the preposition at ``p`` opens a clause (*om hon är ensam*, *för hon hade
    ont*) or an adverbial phrase (*på morgonen*, *med en gång*), not the head's complement."""
    k = p + 1
    if sentence[k].norm in ("hela", "varje", "samma", "nästa", "förra", "sista"):
        k += 1
    if (
        sentence[p].norm in TIME_PREPOSITIONS
        and k < len(sentence)
        and sentence[k].norm in words("time_nouns")
        and not (sentence[p].norm in ("om", "i") and sentence[k].norm in words("meal_nouns"))
        and not (sentence[p].norm == "om" and sentence[k].norm in ("tid", "tiden"))
    ):
        return True  # nöjd på morgonen; not vänta för lunchen, tackade om maten
    ahead = [tok.norm for tok in sentence[p + 1 : p + 6]]
    if sentence[p].norm == "för" and any(
        w in ("sedan", "sen", "skull", "räkning", "del") for w in ahead
    ):
        return True  # för två dagar sedan, för hennes skull, för min mammas räkning
    if sentence[p].norm == "på" and (
        any(w in ("sätt", "sättet", "vis", "viset") for w in ahead[:4])
        or sentence[p + 1].norm in words("language_names")
    ):
        return True  # på olika sätt, på svenska
    rest = " ".join(tok.norm for tok in sentence[p : p + 5])
    if any((rest + " ").startswith(phrase + " ") for phrase in words("adverbial_phrases")):
        return True
    if sentence[p].norm == "om" and _finite_soon(sentence, p + 1):
        return True  # inte säker om någon har ringt: om is "whether"
    if sentence[p].norm not in ("för", "om", "till"):
        return False  # only these open a clause (för hon hade ont); orsaken av fallet är oklar
    end = subject_end(sentence, p + 1)
    if end is None:
        return False
    while end < len(sentence) and sentence[end].norm in words("sentence_adverbs"):
        end += 1
    return end < len(sentence) and is_finite(sentence[end], True)


def _word_before(sentence: list[Tok], i: int) -> str | None:
    """The word before the head at ``i``, over adverbs (*är helt beroende*, *var inte så
    nöjd*)."""
    k = i - 1
    while k >= 0 and (
        sentence[k].norm in words("sentence_adverbs") or sentence[k].norm in words("degree_adverbs")
    ):
        k -= 1
    return sentence[k].norm if k >= 0 else None


def _noun_for_verb(sentence: list[Tok], i: int, entry: dict) -> bool:
    """Whether a verb head at ``i`` is a noun of the same spelling (*en ny tro i landet*,
    *hans svar till*): an article or possessive stands before it."""
    if not _verb_head(entry) or i == 0:
        return False
    before = sentence[i - 1].norm
    return before in words("possessives") or (
        before in words("determiners") and sentence[i].upos == "NOUN"
    )


def _verb_for_adjective(sentence: list[Tok], i: int, entry: dict) -> bool:
    """Whether a participle head in *-ade* (*påverkade*, *överraskade*) may be its verb's
    past tense (*X påverkade från början*, *hon överraskade med ett besök*): only after a
    copula (*är*, *blev*, *kändes*), perhaps with an adverb between, is it the adjective."""
    head = entry["head"]
    if _verb_head(entry) or not head.endswith("ad") or not sentence[i].norm.endswith("ade"):
        return False
    before = [tok.norm for tok in sentence[max(0, i - 3) : i]]
    return not any(word in words("copulas") or word in words("linking_verbs") for word in before)


def _passive(tok: Tok, entry: dict) -> bool:
    """Whether the verb head ``tok`` is a participle or passive (*varnad*, *varnades*), after
    which *av* names the doer."""
    return _verb_head(entry) and (
        tok.feats.get("VerbForm") == "Part" or tok.feats.get("Voice") == "Pass"
    )


def _finite_soon(sentence: list[Tok], k: int) -> bool:
    """Whether a finite verb comes within four words from ``k``, before the clause or a
    prepositional phrase (*tack om hjälpen i går*) starts, or a subject pronoun that is not
    the first of them (*om all hjälp hon får*, *om hur pigg hon var*)."""
    for n, tok in enumerate(sentence[k : k + 4]):
        if tok.norm in CLAUSE_ENDS or is_punct(tok) or tok.norm in words("prepositions"):
            return False
        if n and tok.norm in words("pronouns"):
            return False  # tacksam om all hjälp hon får: the pronoun opens a clause of its own
        if is_finite(tok):
            return True
    return False


def _in_adverbial(sentence: list[Tok], i: int) -> bool:
    """Whether the head at ``i`` ends an adverbial phrase (*till exempel om kriget*)."""
    return i > 0 and f"{sentence[i - 1].norm} {sentence[i].norm}" in words("adverbial_phrases")


def _adverb_head(sentence: list[Tok], i: int, head: str) -> bool:
    """Whether the adjective head at ``i`` is in its -t form used as an adverb (*tittade
    nyfiket i*), not a predicative after a copula (*det var viktigt för*); a verb's supine
    (*har väntat för*) is no adverb."""
    forms = adjective(head)
    if forms is None or forms[0] != head or not sentence[i].norm == forms[1] != forms[0]:
        return False
    return i == 0 or sentence[i - 1].norm not in words("copulas")


@cache
def _object_pronouns() -> frozenset[str]:
    return frozenset(words("pronouns").values()) | {"sig"}


def _check(sentence: list[Tok], i: int, p: int, entry: dict) -> Hit | None:
    prep = sentence[p]
    if prep.norm not in entry["wrong"] or prep.text[:1].isupper():
        return None  # … som svar Av importens fröjder: a capital opens a sentence of its own
    after = sentence[p + 1] if p + 1 < len(sentence) else None
    if after is None or is_punct(after) or (after.norm == "att" and prep.norm == "för"):
        return None  # väntade för att se; klagade för.
    if (
        prep.norm == "för"
        and (after.upos in ("ADJ", "ADV") or after.norm in words("too_words"))
        and after.norm not in words("comparatives")
        and after.norm not in entry.get("only_next", ())
    ):
        return None  # väntade för länge: för is "too"; not behov för mer hjälp
    if after.norm in CLAUSE_WORDS:
        return None  # fick tänka om när hissen var trasig: the preposition has no object
    if after.norm in entry.get("unless_next", ()) or sentence[i].norm in entry.get(
        "unless_forms", ()
    ):
        return None
    if prep.norm == "av" and entry["right"] != "av" and _passive(sentence[i], entry):
        return None  # blev varnad av personalen: av names the doer
    if prep.norm == "om" and after.norm in words("definite_times"):
        return None  # orolig om natten: om with a definite time is "at", not a preposition error
    if prep.norm == "av" and after.norm == "sig":
        return None  # rädd av sig: "by nature", a fixed phrase of its own
    if entry.get("unless_person") and _person_follows(sentence, p + 1):
        return None
    if entry.get("only_person") and not _person_follows(sentence, p + 1):
        return None  # ringde med hennes son, not ringde med mobilen
    if entry.get("only_kin") and not _kin_follows(sentence, p + 1):
        return None  # bor på sin dotter, not bor på ett boende
    if entry.get("next_endings") and not after.norm.endswith(tuple(entry["next_endings"])):
        return None
    if entry.get("before") and _word_before(sentence, i) not in entry["before"]:
        return None
    if entry.get("only_next") and after.norm not in entry["only_next"]:
        return None
    if entry.get("head_endings") and not sentence[i].norm.endswith(tuple(entry["head_endings"])):
        return None
    # kom på tid, ont på tid: a listed time noun is the expression's, no time adverbial
    listed = after.norm in entry.get("only_next", ()) and after.norm in words("time_nouns")
    if (not listed and _opens_own_phrase(sentence, p)) or _adverb_head(sentence, i, entry["head"]):
        return None
    if _noun_for_verb(sentence, i, entry) or _verb_for_adjective(sentence, i, entry):
        return None
    if not entry.get("before") and _in_adverbial(sentence, i):
        return None  # till exempel om; but i stället av is the entry's own phrase
    for k in range(p + 1, len(sentence)):
        tok = sentence[k]
        if tok.norm == "att" and entry.get("unless_att"):
            return None  # anledning för oss att oroa oss
        if tok.norm in CLAUSE_ENDS or (is_punct(tok) and tok.text != "-"):
            break
        if tok.norm == entry["right"] and not (
            k + 1 < len(sentence) and sentence[k + 1].norm in words("time_nouns")
        ):
            return None  # klagade för sjuksköterskan på smärtan; not ont på ryggen i går
    head = " ".join(t.text for t in sentence[i : i + len(entry["head"].split())])
    values = {"head": head, "right": entry["right"], "wrong": prep.text}
    return Hit("preposition", p, p + 1, entry["right"], "preposition", values)
