"""Subject and object forms of personal pronouns (``pronoun_case``): an object form as the
subject (*Honom ville inte äta → Han*, *När henne vaknade → hon*, *Brukaren och mig gick →
jag*) and a subject form as an object (*jag frågade hon → henne*, *pratade med hon →
henne*, *Vi gav de kaffe → dem*, *Ge han vatten → honom*, *Vi såg han gå → honom*), and
*dem* as the article *de* (*dem flesta brukarna → de*).

Silent on a fronted object (*Honom har jag inte träffat*, *Henne känner alla*: a subject
follows the verb), on *dem som*, on *för*, *som* and *än* (they also join clauses: *för hon
mådde inte bra*, *lika trött som hon*), on *det var hon som ringde*, and where the pronoun
starts a clause of its own (*jag tror hon kommer*). A noun that opens the sentence counts as
the subject only when it names a person: *Maten åt hon upp* fronts the object.
"""

from __future__ import annotations

from . import Hit, Tok, is_punct, words
from .forms import adjective, is_person, noun_readings, verb_reading
from .word_order import FINITE_WORDS, fronted_before, is_finite, subject_end

# prepositions after which a pronoun is always an object (not för, som, än, om, efter, innan:
# they also open clauses)
OBJECT_PREPOSITIONS = frozenset(
    {"med", "till", "på", "hos", "av", "från", "mot", "vid", "bredvid", "utan"}
)
# prepositions that also open clauses: a pronoun after them is an object only at a phrase end
CLAUSE_PREPOSITIONS = frozenset({"för", "om", "efter"})
CLAUSE_SUBJUNCTIONS = frozenset(
    {"att", "när", "eftersom", "medan", "innan", "fast", "fastän", "ifall", "tills", "om"}
)
INVERTING_VERBS = frozenset(
    {"ska", "skall", "skulle", "kan", "kunde", "vill", "ville", "måste", "bör", "borde",
     "har", "hade", "brukar", "brukade"}
)  # fmt: skip
NO_OBJECT_VERBS = frozenset({"är", "var", "blir", "blev", "heter", "hette", "verkar", "verkade"})


def _object_forms() -> dict[str, str]:
    return {obj: subj for subj, obj in words("pronouns").items()}


def find(sentence: list[Tok]) -> list[Hit]:
    return [
        *_object_as_subject(sentence),
        *_subject_as_object(sentence),
        *_dem_as_article(sentence),
    ]


def _object_as_subject(sentence: list[Tok]) -> list[Hit]:
    hits = []
    objects = _object_forms()
    for i, tok in enumerate(sentence):
        subject = objects.get(tok.norm)
        if subject is None or tok.norm in ("er",):
            continue
        following = sentence[i + 1] if i + 1 < len(sentence) else None
        if following is None or following.norm == "som":
            continue  # dem som behöver hjälp
        if i > 0 and (_inverted_subject_slot(sentence, i) or _after_fronted_copula(sentence, i)):
            hits.append(_hit(sentence, i, subject, "pronoun_case_subject"))
            continue  # I morgon ska honom duscha; Efter maten var henne trött
        opens = i == 0 or sentence[i - 1].norm in CLAUSE_SUBJUNCTIONS
        coordinator = (
            i >= 2
            and sentence[i - 1].norm in ("och", "men")
            and not _joined_object(sentence, i - 2)
        )
        if i == 0 and following.norm == "och" and subject_end(sentence, i + 2) is not None:
            verb = subject_end(sentence, i + 2)
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
        if j >= len(sentence) or not is_finite(sentence[j], True):
            continue
        if i == 0 or coordinated or coordinator:
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


def _joined_object(sentence: list[Tok], k: int) -> bool:
    """Whether the word at ``k``, before *och*, is an object the next pronoun is joined to:
    an object form (*Mellan honom och oss*) or a noun right after a preposition (*hos Sara
    och mig*)."""
    if sentence[k].norm in _object_forms():
        return True
    return k >= 1 and sentence[k].upos in ("NOUN", "PROPN") and sentence[k - 1].upos == "ADP"


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
        before = sentence[i - 1]
        following = sentence[i + 1] if i + 1 < len(sentence) else None
        if following is not None and (
            following.norm in ("som", "själv", "själva")
            or is_finite(following, True)
            or _coordinated_subject(sentence, i)
        ):
            continue  # hon som ringde; jag tror hon och hennes man kommer
        infinitive_object = any(
            sentence[k].norm in words("object_infinitive_verbs") for k in (i - 1, i - 2) if k >= 0
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
        after_preposition = (before.norm in OBJECT_PREPOSITIONS and before.upos == "ADP") or (
            before.norm in CLAUSE_PREPOSITIONS and _ends_object_phrase(sentence, i + 1)
        )
        verb = i - 2 if before.norm in words("verb_particles") and i >= 2 else i - 1
        after_verb = following is not None and (
            _after_imperative(sentence, verb)
            or _after_straight_verb(sentence, verb)
            or _after_infinitive(sentence, i - 1)
            or _after_inverted_subject(sentence, i - 1)
            or (before.feats.get("VerbForm") == "Sup" and before.upos == "VERB")
        )
        if after_preposition or after_verb or _coordinated_object(sentence, i):
            hits.append(_hit(sentence, i, obj, "pronoun_case_object"))
    return hits


def _coordinated_object(sentence: list[Tok], i: int) -> bool:
    """Whether the subject form at ``i`` is joined by *och* to an object form right after a
    verb or preposition (*Läkaren träffade henne och jag*, *med honom och hon*)."""
    if i < 3 or sentence[i - 1].norm != "och" or sentence[i - 2].norm not in _object_forms():
        return False
    if i + 1 < len(sentence) and is_finite(sentence[i + 1], True):
        return False  # … henne och jag gick: a new clause
    before = sentence[i - 3]
    return (before.norm in OBJECT_PREPOSITIONS and before.upos == "ADP") or (
        is_finite(before) and before.norm not in NO_OBJECT_VERBS
    )


def _ends_object_phrase(sentence: list[Tok], k: int) -> bool:
    """Whether the pronoun before ``k`` after *för*, *om* or *efter* ends the sentence or
    clause (*läste för hon.*, *orolig för han och ringde*): no verb of its own follows, so
    they are prepositions, not clause openers (*för hon mådde inte bra*, *även om hon i
    verkligheten …*)."""
    if k >= len(sentence) or sentence[k].text in (".", "!", "?", ";"):
        return True
    return (
        sentence[k].norm in ("och", "men")
        and k + 1 < len(sentence)
        and is_finite(sentence[k + 1], True)
    )


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
    return k < len(sentence) and sentence[k].feats.get("VerbForm") in ("Sup", "Inf")


def _coordinated(sentence: list[Tok], k: int) -> bool:
    """Whether a pronoun or noun follows *och* at ``k`` (*med hon och jag*)."""
    if k >= len(sentence):
        return False
    tok = sentence[k]
    return tok.norm in words("pronouns") or tok.upos in ("NOUN", "PROPN", "DET")


def _after_straight_verb(sentence: list[Tok], v: int) -> bool:
    """Whether ``v`` is a finite verb right after its subject at the start of a clause, in
    straight order (*Jag frågade*, *Sjuksköterskan gav*, *att vi ringer*, *och jag
    hjälpte*). A noun before the verb is taken for its subject only when it names a person:
    *Maten åt hon upp* fronts the object, and *hon* is the subject."""
    verb = sentence[v]
    if v == 0 or verb.norm in NO_OBJECT_VERBS or not is_finite(verb, True):
        return False
    for start in range(max(0, v - 3), v):
        if subject_end(sentence, start) != v or sentence[start].norm == "det":
            continue
        if sentence[v - 1].upos == "NOUN" and not is_person(sentence[v - 1].norm):
            continue
        before = sentence[start - 1] if start else None
        if start >= 2 and before.norm == "och" and _joined_object(sentence, start - 2):
            continue  # Honom och grannen träffade jag: the pair is a fronted object
        if (
            before is None
            or is_punct(before)
            or before.norm in ("och", "men")
            or (before.norm in CLAUSE_SUBJUNCTIONS and before.norm != "om")
        ):
            return True
    return False


def _after_imperative(sentence: list[Tok], v: int) -> bool:
    """Whether ``v`` is an imperative that opens its clause (*Ge han vatten*, *Hjälp hon
    upp*, *… och ge han en filt*): the pronoun after it is its object."""
    if sentence[-1].text == "?" or not (v == 0 or sentence[v - 1].norm in ("och", ",")):
        return False
    return _imperative(sentence[v])


def _imperative(tok: Tok) -> bool:
    """An imperative by the tagger, or a stem whose present tense the dictionary knows (*ge*:
    *ger*, *hjälp*: *hjälper*, *fråga*: *frågar*), and no finite verb or function word."""
    word = tok.norm
    if word in FINITE_WORDS or word in words("not_imperatives") or verb_reading(word):
        return False
    if tok.feats.get("Mood") == "Imp":
        return True
    present = verb_reading(word + "r")
    if present and present == (word, "present"):
        return True  # ge, ta, fråga
    return verb_reading(word + "er") == (word + "a", "present")  # hjälp, väck, låt


def _after_infinitive(sentence: list[Tok], v: int) -> bool:
    """Whether ``v`` is an infinitive after a modal or *att* (*Kan du hjälpa jag*, *att
    väcka hon*)."""
    verb = sentence[v]
    if v < 1 or verb.feats.get("VerbForm") != "Inf" or verb.norm in ("vara", "bli", "heta"):
        return False
    governors = words("infinitive_governors") | {"att"}
    for k in range(v - 1, max(-1, v - 4), -1):
        if is_punct(sentence[k]):
            return False  # behöver vila, sa hon: the comma ends the infinitive's clause
        if sentence[k].norm in governors:
            return True
    return False


def _after_inverted_subject(sentence: list[Tok], p: int) -> bool:
    """Whether ``p`` is a subject pronoun right after a finite verb that follows a fronted
    phrase (*Sedan hjälpte jag hon*): the next pronoun is the object."""
    if p < 2 or sentence[p].norm not in ("jag", "du", "han", "hon", "vi", "ni", "man"):
        return False
    verb = sentence[p - 1]
    return (
        is_finite(verb) and verb.norm not in NO_OBJECT_VERBS and subject_end(sentence, 0) != p - 1
    )


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
