"""The finite verb second in a main clause (``v2``): *I morgon jag ska ringa → ska jag*,
*Efter duschen brukaren fick → fick brukaren*, *När jag kom in hon låg → låg hon*.

A finding needs a fronted adverbial from ``data/grammar/words.yaml``: an adverb (*Nu*,
*Förmodligen*), a prepositional phrase (*Efter frukosten*, *Kl. 14*, *Strax efter lunch*), a
time phrase (*Dagen efter*, *Två gånger*, *Varje morgon*), a subordinate clause (*När jag
kom in*, *Eftersom det var kallt*) or an infinitive clause (*Efter att ha ätit frukost*);
then a subject — a personal pronoun, a definite noun, a name, *ssk*, *brukarens dotter*,
*hon och jag* — and right after it (or after *inte*) a finite verb. A noun after a fronted
clause may be the clause's object (*När jag ringde dottern svarade ingen*): it counts as the
subject only when no subject or noun phrase follows the verb. *Sedan* and *Då* open a main
clause only when nothing follows that could be the main clause. The rule stays silent when
the opening turns out to be a subordinate clause after all (*Sedan hon flyttade hit mår hon
bättre*: a later verb comes before its subject), on questions and on *Vad hon menade förstod
jag inte*.
"""

from __future__ import annotations

from . import Hit, Tok, is_punct, words
from .forms import noun_readings
from .fronted_objects import fronted_object
from .word_order import (
    AMBIGUOUS,
    FINITE_WORDS,
    NP_ENDS,
    SUBJECT_PRONOUNS,
    WH_WORDS,
    extended_subject_end,
    is_finite,
    later_finite,
    later_inversion,
    subject_end,
    time_phrase,
)


def find(sentence: list[Tok]) -> list[Hit]:
    hits = []
    starts = [0] + [
        i + 1
        for i, tok in enumerate(sentence[:-1])  # a sentence may end in och/men: Hon åt och
        if tok.norm in ("och", "men")
    ]
    for start in starts:
        if start and not (
            sentence[start].norm in words("fronting_adverbs") or time_phrase(sentence, start)
        ):
            continue  # after och/men only an adverb or a time: och nu hon klagar, men på
            # kvällen hon var
        v2 = _v2(sentence[start:]) if len(sentence) - start > 2 else None
        if v2:
            hits.append(v2._replace(start=v2.start + start, end=v2.end + start))
    return hits


MAX_FRONTED = 6  # words in a fronted adverbial before the subject
MAX_SUBCLAUSE = 12  # words in a fronted subordinate clause
# words that end a fronted phrase whatever the tagger calls them (Till slut, I morse)
PHRASE_FINAL = frozenset({"slut", "sist", "bitti", "morse", "lunch", "midnatt"})
OBJECT_PRONOUNS = frozenset({"mig", "dig", "honom", "henne", "oss", "er", "dem", "sig"})
# subjects of a fronted clause besides personal pronouns and definite nouns
CLAUSE_SUBJECTS = frozenset({"det", "den", "man", "någon", "ingen", "alla", "allt", "inget"})


def _v2(sentence: list[Tok]) -> Hit | None:
    if sentence[-1].text == "?" or sentence[0].norm in WH_WORDS:
        return None
    if (
        sentence[0].norm in words("fronting_prefixes")
        and len(sentence) > 3
        and _opens(sentence[1:])
    ):
        hit = _v2(sentence[1:])  # Strax efter lunch, Mitt i natten, Direkt när hon vaknade
        return hit and hit._replace(start=hit.start + 1, end=hit.end + 1)
    first = sentence[0].norm
    if sentence[1].norm in FINITE_WORDS:
        return None  # Igår sa läkaren hon skulle vila, Sedan sa hon: the verb is second
    two = f"{first} {sentence[1].norm}"
    if two in words("fronting_subjunctions"):
        if _infinitive_clause(sentence[2]):
            return _main_clause_after(sentence, 2)  # Efter att ha ätit frukost hon vilade
        return _after_subclause(sentence, 2)  # Efter att hon hade ätit ville hon vila
    if first in words("fronting_subjunctions"):
        hit = _after_subclause(sentence)
        if hit or first not in words("fronting_prepositions") | words("fronting_adverbs"):
            return hit
        hit = _adverb_reading(sentence)
        if hit or first not in words("fronting_prepositions"):
            return hit
        start = 2  # om is a preposition too: Om en vecka kommer läkaren
    elif first in words("fronting_adverbs"):
        start = 1
    elif first in words("fronting_prepositions") or first in words("fronting_determiners"):
        start = 2  # the preposition and at least one word of its phrase
    elif first in words("time_nouns") and sentence[1].norm in words("time_noun_followers"):
        start = 2  # Dagen efter, Kvällen innan
    elif first in ("den", "det") and sentence[1].norm in ("här", "där") and _time_at(sentence, 2):
        start = 3  # Den här veckan vi har → har vi
    elif first in words("time_determiners") and any(
        tok.norm in words("time_nouns") for tok in sentence[1:3]
    ):
        start = 2  # En gång, Två gånger, Denna morgon
    else:
        return fronted_object(sentence)  # Kaffe hon vill ha med mjölk
    for k in range(start, min(len(sentence), start + MAX_FRONTED)):
        tok = sentence[k]
        if tok.norm in words("straight_order_adverbs"):
            return None  # I dag kanske hon orkar: kanske lets the subject come first
        end = extended_subject_end(sentence, k)
        if end is None and tok.norm == "det" and sentence[k - 1].upos in NP_ENDS:
            end = k + 1  # I natt det regnade: the formal subject after a time phrase
        verb = _finite_after_subject(sentence, end)
        if verb is not None:
            after_adverb = k == start and (start == 1 or first in words("time_nouns"))
            if tok.norm not in SUBJECT_PRONOUNS and (
                _pronoun_follows(sentence, verb)
                or not (after_adverb or _phrase_ends(sentence[k - 1]))
            ):
                if tok.norm in words("time_nouns"):
                    continue  # Efter en timme brukaren: the tagger took timme for an adjective
                return None  # the noun belongs to the fronted phrase (I själva verket har)
            if later_inversion(sentence, verb + 1):
                return None
            if first == "där" and tok.norm not in SUBJECT_PRONOUNS:
                return None  # Där personalen skriver om …: a relative clause on its own
            if start == 3 and later_finite(sentence, verb + 1):
                return None  # Den här veckan vi hade semester var lugn: a relative clause
            if first in words("fronting_determiners") and later_finite(sentence, verb + 1):
                return _after_subclause(sentence, k)  # Varje gång hon ringer vi kommer
            return _hit(sentence, k, end, verb)
        if tok.norm in PHRASE_FINAL or _number_range(sentence, k):
            continue  # Imorgon bitti, Mellan 22 och 06
        if (
            is_finite(tok)
            or tok.upos in ("VERB", "AUX", "SCONJ", "CCONJ", "PRON")
            or tok.norm in words("conjunctions")
            or tok.norm in words("subjunctions")
            or (is_punct(tok) and tok.text != ".")
        ):
            return None
    return None


def _time_at(sentence: list[Tok], k: int) -> bool:
    return k < len(sentence) and sentence[k].norm in words("time_nouns")


def _number_range(sentence: list[Tok], k: int) -> bool:
    """Whether ``och`` at ``k`` joins two numbers (*Mellan 22 och 06*)."""
    return (
        sentence[k].norm == "och"
        and 0 < k < len(sentence) - 1
        and sentence[k - 1].upos == "NUM"
        and sentence[k + 1].upos == "NUM"
    )


def _opens(sentence: list[Tok]) -> bool:
    """Whether ``sentence`` opens with a fronted adverbial's first word."""
    first = sentence[0].norm
    return any(
        first in words(name)
        for name in (
            "fronting_adverbs",
            "fronting_prepositions",
            "fronting_subjunctions",
            "fronting_determiners",
        )
    )


def _hit(sentence: list[Tok], k: int, end: int, verb: int) -> Hit:
    """The finding for a subject at ``k``..``end`` before the finite verb at ``verb`` (a
    sentence adverb may stand between: *hon inte ville → ville hon inte*)."""
    fronted = " ".join(t.text for t in sentence[:k]).rstrip(" ,")
    subject = " ".join(t.text for t in sentence[k:end])
    right = " ".join([sentence[verb].text, subject] + [t.text for t in sentence[end:verb]])
    return Hit("v2", k, verb + 1, right, "v2", {"fronted": fronted, "right": right})


def _finite_after_subject(sentence: list[Tok], end: int | None) -> int | None:
    """The index of the finite verb right after a subject ending at ``end``, or after one
    sentence adverb (*hon inte ville*)."""
    if end is None or end >= len(sentence):
        return None
    if is_finite(sentence[end], True):
        return end
    if sentence[end].norm in words("sentence_adverbs") and end + 1 < len(sentence):
        verb = sentence[end + 1]
        if (verb.upos in ("VERB", "AUX") and is_finite(verb)) or (
            verb.norm in FINITE_WORDS and verb.norm not in AMBIGUOUS
        ):
            return end + 1
    return None


def _pronoun_follows(sentence: list[Tok], verb: int) -> bool:
    """Whether a subject pronoun follows the finite verb (*I Svenska Dagbladets debatt
    använde man*): the verb is already inverted."""
    return verb + 1 < len(sentence) and (
        sentence[verb + 1].norm in SUBJECT_PRONOUNS or sentence[verb + 1].norm in CLAUSE_SUBJECTS
    )


def _phrase_ends(tok: Tok) -> bool:
    """Whether a fronted phrase may end with ``tok`` before a noun subject (*I morse*, *Vid
    lunch*, *Till slut*, *Klockan sju*, *På vägen hem*): a noun, a number or an adverb, by
    the tagger or by the dictionary; never a preposition, determiner or adjective alone."""
    if tok.upos in NP_ENDS or tok.norm in words("time_nouns") or tok.norm.endswith("tiden"):
        return True
    if tok.norm in words("cardinal_numbers") or any(ch.isdigit() for ch in tok.text):
        return True
    if tok.norm in PHRASE_FINAL:
        return True
    if tok.norm in words("prepositions") or tok.norm in words("determiners"):
        return False
    if tok.norm in words("possessives") or tok.norm in words("function_words"):
        return False
    if tok.upos in ("DET", "ADP", "PRON", "ADJ"):
        return False  # I den ena gruppen, Med det långa skohornet
    return tok.upos == "ADV" or bool(noun_readings(tok.norm))


def _adverb_reading(sentence: list[Tok]) -> Hit | None:
    """*Sedan hon åt lite.*, *Då han blev arg och slog i bordet.*: *sedan* and *då* open a
    main clause when no other clause follows (no comma, no later finite verb but after
    *och*/*men*)."""
    if sentence[0].norm not in words("fronting_adverbs"):
        return None
    end = extended_subject_end(sentence, 1)
    verb = _finite_after_subject(sentence, end)
    if verb is None:
        return None
    for k in range(verb + 1, len(sentence)):
        tok = sentence[k]
        if tok.text in (",", ";", ":") or tok.norm in words("subjunctions"):
            return None
        if is_finite(tok) and sentence[k - 1].norm not in ("och", "men", "eller"):
            return None
    return _hit(sentence, 1, end, verb)


def _after_subclause(sentence: list[Tok], opener: int = 1) -> Hit | None:
    """``När jag kom in i rummet hon låg`` → ``låg hon`` (``opener``: the subjunction's
    words, *efter att* has two)."""
    end = subject_end(sentence, opener)
    if end is None and opener < len(sentence) and sentence[opener].norm in CLAUSE_SUBJECTS:
        end = opener + 1  # Eftersom det var kallt, När man kom in
    if end is None:
        return None
    verb = next(
        (
            k
            for k in range(end, min(len(sentence), end + 3))
            if is_finite(sentence[k], after_subject=k == end)
        ),
        None,
    )
    if verb is None:
        return None
    return _main_clause_after(sentence, verb + 1)


def _infinitive_clause(tok: Tok) -> bool:
    """Whether ``tok`` after *efter att*, *för att*, *utan att* opens an infinitive clause
    (*Efter att ha ätit*, *För att undvika trycksår*)."""
    if tok.norm == "ha":
        return True
    return tok.upos == "VERB" and tok.feats.get("VerbForm") == "Inf"


def _main_clause_after(sentence: list[Tok], start: int) -> Hit | None:
    """The v2 finding for a subject and a finite verb after a fronted clause that ends
    before ``start``: a pronoun, or a noun subject where it cannot be an object of the
    clause (after a comma, or not followed by a subject or noun phrase after the verb: in
    *När jag ringde dottern svarade ingen* the noun is an object)."""
    for k in range(start, min(len(sentence), start + MAX_SUBCLAUSE)):
        tok = sentence[k]
        if (
            is_finite(tok)
            or tok.norm in words("subjunctions")
            or tok.norm in ("och", "men", "eller")
        ):
            return None
        pronoun = tok.norm in SUBJECT_PRONOUNS
        end = extended_subject_end(sentence, k) or (k + 1 if pronoun else None)
        if end is None:
            continue
        verb = _finite_after_subject(sentence, end)
        if verb is None:
            if pronoun:
                return None
            continue
        previous = sentence[k - 1]
        if previous.upos == "ADP" and k - 1 != start - 1:
            return None  # an object after a preposition: med hon (another rule's)
        if not pronoun:
            if previous.norm in words("prepositions") or previous.upos in ("ADP", "DET"):
                return None
            following = sentence[verb + 1] if verb + 1 < len(sentence) else None
            intransitive = k == start and previous.norm in words("intransitive_verbs")
            if (
                previous.text != ","
                and not intransitive
                and (
                    following is None
                    or (
                        following.upos in ("NOUN", "PROPN", "DET", "NUM")
                        and following.norm not in words("degree_adverbs")
                    )
                    or (following.upos == "PRON" and following.norm not in OBJECT_PRONOUNS)
                    or following.norm in CLAUSE_SUBJECTS
                    or subject_end(sentence, verb + 1) is not None
                )
            ):
                return None
        return _hit(sentence, k, end, verb)
    return None
