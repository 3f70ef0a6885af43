"""Subject and object forms of personal pronouns (``pronoun_case``): an object form as the
subject (*Honom ville inte äta → Han*, *När henne vaknade → hon*, *Brukaren och mig gick →
jag*) and a subject form as an object (*jag frågade hon → henne*, *pratade med hon →
henne*, *Vi gav de kaffe → dem*, *Ge han vatten → honom*, *Vi såg han gå → honom*), and
*dem* as the article *de* (*dem flesta brukarna → de*).

Also after *mellan*, *bredvid*, *framför*, *bakom*, *enligt* …, after the particles *igen*,
*ihåg*, *förbi* (*kände inte igen jag*), after a noun subject that follows the verb (*Igår
gav personalen han medicinen*), *både*/*varken* pairs (*Varken hon eller honom ville*) and
*Dem som bor här äter* (the main verb has no subject after it).

Silent on a fronted object (*Honom har jag inte träffat*, *Henne känner alla*: a subject
follows the verb), on *dem som* elsewhere, on *som* and *än*, on *för*, *om* and *efter*
where they may open a clause (*för hon mådde inte bra*, *om han sprungit*: the pronoun is
an object only when a preposition, *att*, a question word or the sentence's end follows and
no verb of its own: *orolig för han hela natten*, *svårt för han att gå*), on *det var hon
som ringde*, on *de* meaning "those" (*bland de åtta*), and where the pronoun starts a clause
of its own (*jag tror hon kommer*). A noun that opens the sentence counts as the subject only
when it names a person: *Maten åt hon upp* fronts the object.
"""

from __future__ import annotations

from . import Hit, Tok, is_punct, words
from .forms import adjective, is_infinitive, noun_readings
from .object_slots import (
    CLAUSE_SUBJUNCTIONS,
    NO_OBJECT_VERBS,
    after_imperative,
    after_infinitive,
    after_inverted_subject,
    after_straight_verb,
    is_past,
    is_verb,
    joined_object,
    object_forms,
)
from .word_order import WH_WORDS, fronted_before, is_finite, subject_end

# prepositions after which a pronoun is always an object (not för, som, än, om, efter, innan:
# they also open clauses)
OBJECT_PREPOSITIONS = frozenset(
    {"med", "till", "på", "hos", "av", "från", "mot", "vid", "bredvid", "utan", "genom",
     "kring", "runt", "inför", "framför"}
)  # fmt: skip
# prepositions that are nothing else: a pronoun after them is an object whatever the tagger says
PLAIN_PREPOSITIONS = frozenset(
    {"mellan", "bredvid", "bakom", "enligt", "ifrån", "bland", "hos", "intill", "ovanför",
     "nedanför"}
)  # fmt: skip
# prepositions added after de as an article was seen: de after them only at a phrase end
NEW_PREPOSITIONS = frozenset({"genom", "kring", "runt", "inför", "framför"})
# particles after which a pronoun is the verb's object (kände inte igen henne)
PARTICLES = frozenset({"igen", "ihåg", "förbi"})
SUBJECT_FORMS = frozenset({"jag", "du", "han", "hon", "vi", "ni", "de"})
# subjunctions the tagger may call a verb (hos hon tills hon somnade)
CLAUSE_OPENERS = frozenset({"tills", "innan", "medan", "eftersom", "fastän", "ifall"})
# prepositions that also open clauses: a pronoun after them is an object only at a phrase end
CLAUSE_PREPOSITIONS = frozenset({"för", "om", "efter"})
INVERTING_VERBS = frozenset(
    {"ska", "skall", "skulle", "kan", "kunde", "vill", "ville", "måste", "bör", "borde",
     "har", "hade", "brukar", "brukade"}
)  # fmt: skip


def find(sentence: list[Tok]) -> list[Hit]:
    return [
        *_object_as_subject(sentence),
        *_subject_as_object(sentence),
        *_dem_as_article(sentence),
    ]


def _object_as_subject(sentence: list[Tok]) -> list[Hit]:
    hits = []
    objects = object_forms()
    for i, tok in enumerate(sentence):
        subject = objects.get(tok.norm)
        if subject is None or tok.norm in ("er",):
            continue
        following = sentence[i + 1] if i + 1 < len(sentence) else None
        if following is not None and following.norm == "som" and i == 0:
            if _relative_subject(sentence):
                hits.append(_hit(sentence, i, subject, "pronoun_case_subject"))
            continue  # Dem som bor här äter kl. 12; not Dem som bor här känner jag
        if following is None or following.norm == "som":
            continue  # dem som behöver hjälp
        if i > 0 and (_inverted_subject_slot(sentence, i) or _after_fronted_copula(sentence, i)):
            hits.append(_hit(sentence, i, subject, "pronoun_case_subject"))
            continue  # I morgon ska honom duscha; Efter maten var henne trött
        opens = i == 0 or sentence[i - 1].norm in CLAUSE_SUBJUNCTIONS
        coordinator = (
            i >= 2
            and sentence[i - 1].norm in ("och", "men", "eller")
            and not joined_object(sentence, i - 2)
        )
        # a subject form beside it (Han och mig, Varken hon eller honom): the pair is no
        # fronted object
        subject_partner = coordinator and sentence[i - 2].norm in SUBJECT_FORMS
        if i == 1 and sentence[0].norm in ("både", "varken") and following.norm in ("och", "eller"):
            verb = next(
                (k for k in range(i + 3, min(i + 6, len(sentence))) if is_verb(sentence[k])), None
            )
            if (
                verb is not None
                and not any(is_punct(tok) for tok in sentence[i + 2 : verb])
                and subject_end(sentence, verb + 1) is None
            ):
                hits.append(_hit(sentence, i, subject, "pronoun_case_subject"))
            continue  # Både henne och hennes man var trötta
        partner_end = subject_end(sentence, i + 2) or _possessed_noun_end(sentence, i + 2)
        if i == 0 and following.norm == "och" and partner_end is not None:
            verb = partner_end
            if verb < len(sentence) and is_finite(sentence[verb], True):
                if subject_end(sentence, verb + 1) is not None:
                    continue  # Honom och grannen träffade jag: a fronted object
                hits.append(_hit(sentence, i, subject, "pronoun_case_subject"))
                continue  # Honom och jag gick ut
        coordinated = (
            i >= 2 and sentence[i - 1].norm == "och" and _sentence_start_subject(sentence, i - 1)
        )
        if not (opens or coordinated or coordinator):
            continue
        j = i + 1
        while j < len(sentence) and sentence[j].norm in words("sentence_adverbs"):
            j += 1
        if j >= len(sentence) or not (
            is_finite(sentence[j], True)
            or ((subject_partner or coordinated) and is_past(sentence[j]))
        ):
            continue
        if (i == 0 or coordinated or coordinator) and not subject_partner:
            # a fronted object is followed by the verb and then the subject
            after = sentence[j + 1] if j + 1 < len(sentence) else None
            if after is not None and (
                subject_end(sentence, j + 1) is not None
                or after.norm in ("alla", "ingen", "någon", "man", "det", "den")
                or after.upos in ("NOUN", "PROPN")
            ):
                continue
        hits.append(_hit(sentence, i, subject, "pronoun_case_subject"))
    return hits


def _relative_subject(sentence: list[Tok]) -> bool:
    """Whether *Dem som …* opening the sentence is its subject: after the relative clause's
    verb comes the main verb, and no subject after it (*Dem som bor här äter kl. 12*, not
    *Dem som bor här känner jag inte*)."""
    finite = [k for k in range(2, len(sentence)) if is_finite(sentence[k], True)]
    if len(finite) < 2 or any(is_punct(tok) for tok in sentence[2 : finite[1]]):
        return False
    main = finite[1]
    if any(tok.norm in ("och", "men", "eller", "att", "som") for tok in sentence[2:main]):
        return False
    after = sentence[main + 1] if main + 1 < len(sentence) else None
    return after is not None and not (
        subject_end(sentence, main + 1) is not None
        or after.norm in ("alla", "ingen", "någon", "man", "det", "den")
        or after.upos in ("NOUN", "PROPN", "PRON")
    )


def _inverted_subject_slot(sentence: list[Tok], i: int) -> bool:
    """Whether the pronoun at ``i`` stands where an inverted subject must: after a finite
    modal or *har/hade* that does not open the sentence, and before its infinitive or
    supine (*I dag har henne ätit bra*, *Sedan ska honom duscha*)."""
    verb = sentence[i - 1]
    if i < 2 or verb.norm not in INVERTING_VERBS or not is_finite(verb):
        return False
    if subject_end(sentence, 0) == i - 1 or sentence[i - 2].norm in words("pronouns"):
        return False  # Jag har henne …: the subject is already there
    return _nonfinite_follows(sentence, i + 1)


def _after_fronted_copula(sentence: list[Tok], i: int) -> bool:
    """Whether the pronoun at ``i`` follows a verb that takes no object (*var*, *mådde*)
    standing second after a fronted adverbial (*Efter maten var henne trött*)."""
    verb = sentence[i - 1]
    if verb.norm not in NO_OBJECT_VERBS | words("intransitive_verbs"):
        return False
    return is_finite(verb, True) and fronted_before(sentence, i - 1)


def _time_follows(sentence: list[Tok], k: int) -> bool:
    """Whether a preposition and a time noun follow at ``k`` (*på eftermiddagen*, *i går*)."""
    return sentence[k].norm in words("fronting_prepositions") and any(
        tok.norm in words("time_nouns") for tok in sentence[k + 1 : k + 3]
    )


def _possessed_noun_end(sentence: list[Tok], k: int) -> int | None:
    """The index after a possessive and its noun at ``k`` whatever the tagger calls the noun
    (*hennes man*, tagged a pronoun)."""
    if k + 1 >= len(sentence) or sentence[k].norm not in words("possessives"):
        return None
    noun = sentence[k + 1]
    return k + 2 if noun.norm.isalpha() and noun_readings(noun.norm) else None


def _sentence_start_subject(sentence: list[Tok], och: int) -> bool:
    """Whether ``X och`` opens the sentence with a subject X (*Brukaren och mig gick*)."""
    end = subject_end(sentence, 0)
    return end == och


def _subject_as_object(sentence: list[Tok]) -> list[Hit]:
    hits = []
    pronouns = words("pronouns")
    for i, tok in enumerate(sentence):
        obj = pronouns.get(tok.norm)
        if obj is None or i == 0:
            continue
        b = i - 2 if sentence[i - 1].norm == "både" and i >= 2 else i - 1
        before = sentence[b]  # hjälpte både han och hans fru: the verb before både
        following = sentence[i + 1] if i + 1 < len(sentence) else None
        if before.norm == "enligt" and tok.norm != "de" and following is not None:
            if following.norm not in ("som", "själv", "själva"):
                hits.append(_hit(sentence, i, obj, "pronoun_case_object"))
            continue  # Enligt hon är maten för salt
        if following is not None and (
            following.norm in ("som", "själv", "själva")
            or (
                is_finite(following, True)
                and not (following.norm in CLAUSE_OPENERS and before.norm in OBJECT_PREPOSITIONS)
            )
            or _coordinated_subject(sentence, i)
        ):
            continue  # hon som ringde; jag tror hon och hennes man kommer
        infinitive_object = any(
            sentence[k].norm in words("object_infinitive_verbs") for k in (b, b - 1) if k >= 0
        )
        if (
            tok.norm == "de"
            and following is not None
            and not _ends_object(following)
            and not (infinitive_object and following.feats.get("VerbForm") == "Inf")
        ):
            continue  # de nya skorna: an article
        if tok.norm in ("vi", "ni") and following is not None and following.upos == "NOUN":
            continue  # vi kvinnor: an apposition
        if _nonfinite_follows(sentence, i + 1) and not infinitive_object:
            continue  # Den rätten har vi haft: a fronted object, the subject after the verb
        if (
            tok.norm == "de"
            and before.norm in PLAIN_PREPOSITIONS | CLAUSE_PREPOSITIONS | NEW_PREPOSITIONS
            and not (following is None or is_punct(following) or following.norm in ("att", "och"))
            and not _time_follows(sentence, i + 1)  # sjöng för de på eftermiddagen
        ):
            continue  # bland de åtta, hos de av olyckan drabbade: de is "those"
        after_preposition = (
            (
                before.norm in OBJECT_PREPOSITIONS
                and before.upos == "ADP"
                and (before.norm != "framför" or any(is_verb(t) for t in sentence[: i - 1]))
            )  # Härmed framför jag mitt tack: framför is the verb framföra
            or before.norm in PLAIN_PREPOSITIONS
            or (
                before.norm in CLAUSE_PREPOSITIONS
                and any(is_verb(t) for t in sentence[: i - 1])
                and _ends_object_phrase(sentence, i + 1)
            )
        )
        verb = b
        if before.norm in words("verb_particles") | PARTICLES and b >= 1:
            verb = b - 1  # hjälpte upp henne; kände inte igen henne
            while (
                verb > 0
                and before.norm in PARTICLES
                and (sentence[verb].norm in words("sentence_adverbs"))
            ):
                verb -= 1
        after_verb = following is not None and (
            after_imperative(sentence, verb)
            or after_straight_verb(sentence, verb)
            or after_infinitive(sentence, b)
            or after_inverted_subject(sentence, verb)
            or (before.feats.get("VerbForm") == "Sup" and before.upos == "VERB")
        )
        if after_preposition or after_verb or _coordinated_object(sentence, i):
            hits.append(_hit(sentence, i, obj, "pronoun_case_object"))
    return hits


def _coordinated_object(sentence: list[Tok], i: int) -> bool:
    """Whether the subject form at ``i`` is joined by *och* to an object form right after a
    verb or preposition (*Läkaren träffade henne och jag*, *med honom och hon*)."""
    if i < 3 or sentence[i - 1].norm != "och" or sentence[i - 2].norm not in object_forms():
        return False
    if i + 1 < len(sentence) and is_finite(sentence[i + 1], True):
        return False  # … henne och jag gick: a new clause
    before = sentence[i - 3]
    return (before.norm in OBJECT_PREPOSITIONS and before.upos == "ADP") or (
        is_finite(before) and before.norm not in NO_OBJECT_VERBS
    )


def _ends_object_phrase(sentence: list[Tok], k: int) -> bool:
    """Whether the pronoun before ``k`` after *för*, *om* or *efter* is the preposition's
    object: the sentence ends (*läste för hon.*), *och* joins a second verb (*orolig för han
    och ringde*), or a preposition, *att*, a question word or a time word follows and no verb
    of its own comes before its clause ends (*orolig för han hela natten*, *svårt för han att
    gå*, *förklarade för hon hur larmet fungerar*); otherwise they may open a clause (*för
    hon mådde inte bra*, *om hon vill*, *om han sprungit*, *även om hon i verkligheten var
    trött*)."""
    if k >= len(sentence) or sentence[k].text in (".", "!", "?", ";"):
        return True
    nxt = sentence[k]
    if nxt.norm in ("och", "men", "eller"):
        return k + 1 < len(sentence) and is_finite(sentence[k + 1], True)
    if nxt.norm in CLAUSE_SUBJUNCTIONS or nxt.norm in WH_WORDS:
        return True  # svårt för han att gå; frågade efter han när hon kom
    if not (
        nxt.norm in words("prepositions")
        or nxt.norm in ("hela", "varje", "flera", "många", "några", "igen")
    ):
        return False
    for tok in sentence[k + 1 :]:
        if is_verb(tok) or tok.upos in ("VERB", "AUX") or tok.feats.get("VerbForm"):
            return False
        if (
            is_punct(tok)
            or tok.norm in ("och", "men", "eller", "som")
            or tok.norm in (CLAUSE_SUBJUNCTIONS | WH_WORDS)
        ):
            return True
    return True


def _coordinated_subject(sentence: list[Tok], i: int) -> bool:
    """Whether the pronoun at ``i`` is joined by *och*/*eller* to a second subject that a
    finite verb follows (*jag tror hon och hennes man kommer*), or the join cannot be read;
    not when the pair ends without a verb (*undersökte han och hans fru.*) or *och* joins a
    second verb (*orolig för han och ringde*)."""
    if i + 2 >= len(sentence) or sentence[i + 1].norm not in ("och", "eller"):
        return False
    if not _coordinated(sentence, i + 2):
        return False
    end = subject_end(sentence, i + 2)
    if end is None:
        return True
    while end < len(sentence) and sentence[end].norm in words("sentence_adverbs"):
        end += 1
    return end < len(sentence) and is_finite(sentence[end], True)


def _ends_object(tok: Tok) -> bool:
    """Whether the word after *de* shows that *de* stood alone (*ringer de om något*)."""
    if is_punct(tok) or tok.upos in ("ADP", "SCONJ", "CCONJ") or tok.norm == "att":
        return True
    if tok.norm in words("verb_particles"):
        return True  # tog med de ut
    if tok.norm in words("possessives") or tok.norm in ("sin", "sitt", "sina", "varje"):
        return True  # gav de deras mediciner, besöka de varje söndag: no article before them
    return (
        tok.upos == "NOUN"
        and tok.feats.get("Number") == "Sing"
        and (tok.feats.get("Definite") == "Ind")
        and not tok.norm.endswith(("ande", "ende"))  # de boende, de studerande: plural too
    )


def _nonfinite_follows(sentence: list[Tok], k: int) -> bool:
    """Whether a supine or infinitive follows at ``k`` (after sentence adverbs)."""
    while k < len(sentence) and sentence[k].norm in words("sentence_adverbs"):
        k += 1
    if k >= len(sentence):
        return False
    form = sentence[k].feats.get("VerbForm")
    return form == "Sup" or (form == "Inf" and is_infinitive(sentence[k].norm))  # not noga


def _coordinated(sentence: list[Tok], k: int) -> bool:
    """Whether a pronoun or noun follows *och* at ``k`` (*med hon och jag*)."""
    if k >= len(sentence):
        return False
    tok = sentence[k]
    return tok.norm in words("pronouns") or tok.upos in ("NOUN", "PROPN", "DET")


def _dem_as_article(sentence: list[Tok]) -> list[Hit]:
    """*dem* before *flesta* or before an adjective and a definite plural noun is the article
    *de* (*Dem flesta brukarna*, *tvättade dem smutsiga kläderna*)."""
    hits = []
    for i, tok in enumerate(sentence[:-2]):
        if tok.norm != "dem":
            continue
        nxt, noun = sentence[i + 1], sentence[i + 2]
        plural_definite = any(
            r.number == "plur" and r.definite == "def" for r in noun_readings(noun.norm)
        )
        forms = adjective(nxt.norm)
        if nxt.norm == "flesta" or (
            forms is not None and nxt.norm == forms[2] != forms[0] and plural_definite
        ):
            hits.append(_hit(sentence, i, "de", "pronoun_case_article"))
    return hits


def _hit(sentence: list[Tok], i: int, right: str, key: str) -> Hit:
    word = sentence[i].text
    return Hit("pronoun_case", i, i + 1, right, key, {"word": word, "right": right})
