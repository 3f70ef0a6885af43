"""``predicative_agreement``: a predicative adjective agrees with its subject (*händerna är
varm → varma*, *golvet är hal → halt*, *de känner sig ensam → ensamma*)."""

from __future__ import annotations

from ...dictionary import ADJECTIVE, load_index
from ...resources import word_list
from .. import Hit, Tok, is_punct, words
from ..forms import COM, NEUT, adjective, is_person, noun_form, noun_readings, participle_verb
from ..word_order import fronted_before, subject_end
from .noun_phrases import accepted_form
from .phrase_words import CLOSED, ends_phrase, misread_adjective

SUBJECT_PRONOUNS = {
    "jag": COM,
    "du": COM,
    "han": COM,
    "hon": COM,
    "den": COM,
    "det": NEUT,  # det är kallt, det var skönt att duscha
    "vi": "plur",
    "ni": "plur",
    "allt": NEUT,  # allt var lugnt
    "alla": "plur",  # alla var trötta
    "de": "plur",
}
COPULA_AUXILIARIES = frozenset(
    {
        "har",
        "hade",
        "ska",
        "skall",
        "skulle",
        "kan",
        "kunde",
        "måste",
        "bör",
        "borde",
        "brukar",
        "brukade",
        "verkar",
        "verkade",
        "behöver",
        "behövde",
        "vill",
        "ville",
    }
)  # before vara/varit after a pronoun: det kan vara halt, de har varit nöjda
FEEL_VERBS = frozenset({"känner", "kände", "känt", "känna"})  # de känner sig ensamma
REFLEXIVES = frozenset({"sig", "mig", "dig", "oss", "er"})
CLAUSE_OPENERS = frozenset({"CCONJ", "SCONJ"})
PLURAL_QUANTIFIERS = frozenset({"alla", "båda"})
COPULAS_AFTER_SUBJECT = frozenset({"är", "var", "blir", "blev"})
TIME_OPENERS = frozenset({"i", "på", "under", "hela", "varje", "efter", "om"})
LOOK_VERBS = frozenset({"ser", "såg"})  # with ut after the adjective: såret ser rött ut
WHY = {"plur": "som står i plural", NEUT: "som är ett ett-ord", COM: "som är ett en-ord"}


def predicatives(sentence: list[Tok]) -> list[Hit]:
    hits = []
    linking = words("copulas") | words("linking_verbs")
    for c, tok in enumerate(sentence):
        feel = tok.norm in REFLEXIVES and c > 1 and sentence[c - 1].norm in FEEL_VERBS
        if c == 0 or not (feel or tok.norm in linking | LOOK_VERBS):
            continue
        if tok.norm in LOOK_VERBS and not (c + 2 < len(sentence) and sentence[c + 2].norm == "ut"):
            continue  # ser … ut: såret ser rött ut
        slot = _subject_slot(sentence, c)
        subject, a = _subject_before(sentence, slot), c + 1
        if slot != c and subject is None:
            continue  # after an auxiliary or känner sig only a subject before them counts
        if (
            not feel
            and tok.upos not in ("AUX", "VERB")
            and not (subject and tok.norm in COPULAS_AFTER_SUBJECT)
        ):
            continue  # right after its subject, var is the verb whatever the tagger says
        if subject is None:
            subject, a = _subject_after(sentence, c)
            if subject is None:
                continue
        while a < len(sentence) and (
            sentence[a].norm in words("sentence_adverbs")
            or sentence[a].norm in words("degree_adverbs")
            or sentence[a].norm in words("predicative_adverbs")
        ):
            a += 1
        if a >= len(sentence):
            continue
        for k in (a, *_coordinated_adjectives(sentence, a)):
            hit = _check_predicative(sentence, subject, k, feel)
            forms = adjective(sentence[k].norm)
            if hit and tok.norm in words("linking_verbs") and sentence[k].norm == forms[1]:
                continue  # verkar snabbt, kändes tryggt: after these a -t form may be an adverb
            if hit:
                hits.append(hit)
        gapped = _gapped_clause(sentence, a) if tok.norm in COPULAS_AFTER_SUBJECT else None
        if gapped is not None:  # Maten var för salt och kaffet för stark
            hit = _check_predicative(sentence, gapped[0], gapped[1])
            if hit:
                hits.append(hit)
    return hits


def _gapped_clause(sentence: list[Tok], a: int):
    """(subject, adjective index) of a second clause that leaves out the copula after *och*
    (*Maten var för salt och kaffet för stark*, *rummet var städat och sängen bäddad*): a
    definite noun, degree adverbs, an adjective and the sentence's end."""
    o = a + 1
    if o + 2 >= len(sentence) or sentence[o].norm != "och" or adjective(sentence[a].norm) is None:
        return None
    noun = sentence[o + 1]
    agreement = _noun_agreement(noun) if _definite_noun(noun) else ()
    if not agreement:
        return None
    k = o + 2
    while k < len(sentence) and sentence[k].norm in words("degree_adverbs"):
        k += 1
    if k + 1 >= len(sentence) or not is_punct(sentence[k + 1]) or sentence[k + 1].text == ",":
        return None
    return (o + 1, agreement, noun.text), k


def _subject_slot(sentence: list[Tok], c: int) -> int:
    """Where the subject of the linking word at ``c`` ends: before an auxiliary (*de har
    inte varit nöjda*, *rummet ska vara städat*; before *har* only a pronoun or a lone noun
    opening the sentence, *såret har blivit rött*: after any noun it cost false alarms on
    Talbanken and held-out notes), before *känner* (*de känner sig ensamma*), else right
    before ``c``."""
    if sentence[c].norm in REFLEXIVES:
        return c - 1
    k = c - 1
    while k > 0 and sentence[k].norm in words("sentence_adverbs"):
        k -= 1
    nonfinite = sentence[c].norm in ("vara", "varit", "bli", "blivit")
    pronoun = k > 0 and sentence[k - 1].norm in SUBJECT_PRONOUNS
    pronoun = pronoun or (k == 1 and sentence[0].upos == "NOUN")  # Såret har blivit rött
    if pronoun or sentence[k].norm not in words("perfect_auxiliaries"):
        return k if nonfinite and k > 0 and sentence[k].norm in COPULA_AUXILIARIES else c
    return c


def _coordinated_adjectives(sentence: list[Tok], a: int) -> list[int]:
    """The adjective after *och*/*eller* that shares the predicative at ``a`` (*golvet var
    vått och halt*), when the one at ``a`` is an adjective the dictionary knows."""
    if adjective(sentence[a].norm) is None or a + 2 >= len(sentence):
        return []
    if sentence[a + 1].norm not in ("och", "eller"):
        return []
    second = sentence[a + 2]
    following = sentence[a + 3] if a + 3 < len(sentence) else None
    if adjective(second.norm) is None or not (
        following is None or is_punct(following) or following.upos in ("ADP", "ADV")
    ):
        return []  # och sängen …: a new clause, or an adjective before a noun
    return [a + 2]


def _subject_before(sentence: list[Tok], c: int) -> tuple[int, tuple, str] | None:
    """(index, agreements: plur/com/neut, the subject as written) of the subject right
    before the copula at ``c``; a prepositional phrase after the subject is skipped over
    (*huden på hälarna är torr*). None when the subject is not clear."""
    s = c - 1
    tok = sentence[s]
    if tok.norm in SUBJECT_PRONOUNS:
        start, agreement = s, (SUBJECT_PRONOUNS[tok.norm],)
        if tok.norm == "de" and s + 1 < c:
            return None
    else:
        start = _phrase_start(sentence, s)
        agreement = _noun_agreement(
            tok, _possessed(sentence, s), _plural_determiner(sentence, start, s)
        )
        if not agreement and start > 0 and sentence[start - 1].norm in ("och", "eller"):
            # the second of two subjects needs no agreement of its own (hennes man, dotter)
            return _coordinated_subject(sentence, start - 1, s) or None
        head = None if agreement else _head_before_place_or_time(sentence, s)
        if head is not None:  # sängkläderna i rum 7, provsvaren från i går
            s, start = head, _phrase_start(sentence, head)
            agreement = _noun_agreement(
                sentence[head],
                _possessed(sentence, head),
                _plural_determiner(sentence, start, head),
            )
        if not agreement:
            return None
        if agreement == ("plur",) and start == s and _bare_plural(tok):
            agreement = (NEUT, "plur")  # Promenader är nyttigt: said of doing it, in general
        if start >= 2 and sentence[start - 1].norm in words("prepositions"):
            head = start - 2  # huden på hälarna: the subject is huden
            start = _phrase_start(sentence, head)
            agreement = _noun_agreement(
                sentence[head],
                _possessed(sentence, head),
                _plural_determiner(sentence, start, head),
            )
            if not agreement:
                return None
            s = head
    for k in range(start, s):
        rule = words("determiners").get(sentence[k].norm, {})
        if rule.get("noun") == "ind" and rule["number"] == "sing":
            return None  # ett barn är fött: an indefinite singular subject
        if rule.get("number") == "sing" and "plur" in agreement:
            return None  # den många gånger kan vara svår: no noun phrase
        if rule.get("number") == "plur" and "plur" not in agreement:
            return None  # Alla rummet var städade: the phrase is wrong, np_agreement's
    if start > 0 and sentence[start - 1].norm in ("och", "eller"):
        joined = _coordinated_subject(sentence, start - 1, s)
        if joined is not False:
            return joined
    if start > 0 and not _clause_start(sentence, start):
        return None  # the noun may be an object or part of a longer phrase
    return s, agreement, sentence[s].text


def _head_before_place_or_time(sentence: list[Tok], s: int) -> int | None:
    """The noun before a room number or a time phrase that ends at ``s`` (*sängkläderna i
    rum 7*, *provsvaren från i går*), which is the subject's head; None otherwise."""
    if s < 3:
        return None
    if sentence[s].upos == "NUM" and sentence[s - 2].norm in ("i", "på"):
        head = s - 3  # i rum 7, på sal 3
    elif sentence[s - 1].norm == "i" and sentence[s - 2].norm in ("från", "sedan"):
        head = s - 3 if sentence[s].norm in ("går", "morse", "förrgår") else None
    else:
        return None
    return head if head is not None and sentence[head].upos == "NOUN" else None


def _phrase_start(sentence: list[Tok], s: int) -> int:
    """Where the noun phrase ending at ``s`` begins: over determiners, adjectives,
    possessives and genitives (*brukarens händer*, *alla fönster*)."""
    start = s
    while start > 0 and (
        sentence[start - 1].upos in ("DET", "ADJ")
        or sentence[start - 1].norm in words("determiners")
        or sentence[start - 1].norm in words("possessives")
        or sentence[start - 1].norm in PLURAL_QUANTIFIERS
        or _genitive(sentence[start - 1])
    ):
        start -= 1
    return start


def _genitive(tok: Tok) -> bool:
    """A noun or name in the genitive (*brukarens*, *Annas*)."""
    return (
        tok.upos in ("NOUN", "PROPN")
        and tok.norm.endswith("s")
        and (tok.text[:1].isupper() or bool(noun_readings(tok.norm[:-1])))
    )


def _possessed(sentence: list[Tok], s: int) -> bool:
    return s > 0 and (_possessive(sentence[s - 1]) or _genitive(sentence[s - 1]))


def _plural_determiner(sentence: list[Tok], start: int, s: int) -> bool:
    """Whether a plural determiner opens the phrase (*alla fönster*, *de två sängarna*)."""
    return any(
        sentence[k].norm in PLURAL_QUANTIFIERS
        or words("determiners").get(sentence[k].norm, {}).get("number") == "plur"
        for k in range(start, s)
    )


def _clause_start(sentence: list[Tok], k: int) -> bool:
    before = sentence[k - 1]
    return is_punct(before) or before.upos in CLAUSE_OPENERS or before.norm == "att"


def _coordinated_subject(sentence: list[Tok], och: int, s: int):
    """The plural subject *X och Y* that ends at ``s`` (*Hon och hennes man är trötta*);
    None when neither part is a person (*maten och kaffet var gott* is also written), False
    when *och* joins clauses, not subjects (*hon åt och hennes man var trött*)."""
    for k in range(max(0, och - 3), och):
        if subject_end(sentence, k) != och or (k > 0 and not _clause_start(sentence, k)):
            continue
        parts = (sentence[och - 1], sentence[s])
        written = " ".join(t.text for t in sentence[k : s + 1])
        if any(t.norm in ("jag", "du", "han", "hon") or is_person(t.norm) for t in parts):
            return s, ("plur",), written
        if all(_definite_noun(t) for t in parts):
            return s, (NEUT, "plur"), written  # golvet och väggen: smutsiga (or smutsigt)
        return None
    return False


def _superlative(word: str) -> bool:
    """*värst*, *bäst*, *tröttast*: listed, or -ast after an adjective's base."""
    if word in words("superlatives"):
        return True
    return word.endswith("ast") and adjective(word[:-3]) is not None


def _bare_plural(tok: Tok) -> bool:
    """An indefinite plural noun without a determiner (*promenader*, *grönsaker*)."""
    readings = noun_readings(tok.norm)
    return bool(readings) and all(r.number == "plur" and r.definite == "ind" for r in readings)


def _compared(tok: Tok) -> bool:
    """An adjective the dictionary compares (*kall*: kallare), though it also has a noun
    reading (*ett kall*): after *det var* the tagger may call it a determiner."""
    return tok.norm not in words("function_words") and bool(
        load_index().roles(tok.norm) & ADJECTIVE
    )


def _definite_noun(tok: Tok) -> bool:
    readings = noun_readings(tok.norm)
    return tok.upos == "NOUN" and bool(readings) and all(r.definite == "def" for r in readings)


def _subject_after(sentence: list[Tok], c: int) -> tuple[tuple | None, int]:
    """(the subject as ``_subject_before`` gives it, the index after it) when the copula at
    ``c`` stands second after a fronted adverbial and its subject follows it (*I dag är
    golvet halt*, *Nu kändes armen stel*); (None, c) when that is not clear."""
    if sentence[c].norm not in words("finite_copulas") or not fronted_before(sentence, c):
        return None, c
    end = subject_end(sentence, c + 1)
    if end is None:
        return None, c
    head = sentence[end - 1]
    if end - 1 == c + 1 and head.norm in SUBJECT_PRONOUNS:
        if head.norm == "de":
            return None, c  # är de nya …: an article
        agreement = (SUBJECT_PRONOUNS[head.norm],)
    else:
        agreement = _noun_agreement(head, possessed=_possessive(sentence[c + 1]))
    if not agreement:
        return None, c
    return (end - 1, agreement, head.text), end


def _possessive(tok: Tok) -> bool:
    return tok.norm in words("possessives") or (
        tok.norm in words("determiners")
        and words("determiners")[tok.norm]["adjective"] == "a"
        and words("determiners")[tok.norm]["noun"] == "ind"
    )  # hennes, min, sina


def _noun_agreement(tok: Tok, possessed: bool = False, plural: bool = False) -> tuple:
    """The agreements (plur, com, neut) a definite, possessed or plural noun allows: both
    for a possessed noun without a plural ending (*hennes ben*: svullet or svullna, never
    svullen); () when it is no such noun or unsure."""
    readings = noun_readings(tok.norm)
    if not readings or tok.upos in CLOSED or (tok.upos == "VERB" and not possessed):
        return ()  # after hennes no verb can follow (hennes naglar, tagged a verb)
    found = []
    for noun in readings:
        if noun.number == "plur" or (noun.number == "?" and plural):
            found.append("plur")
        elif noun.number == "sing" and (noun.definite == "def" or possessed):
            found.append(noun.gender)  # golvet; hennes mun
        elif noun.number == "?" and possessed and noun.definite == "ind":
            found += [noun.gender, "plur"]  # hennes ben, hans hår
        else:
            return ()  # an indefinite singular subject: mat är gott, too unusual to judge
    found = list(dict.fromkeys(found))
    return tuple(found) if len(found) == 1 or set(found) == {NEUT, "plur"} else ()


def _time_adverbial(sentence: list[Tok], k: int) -> bool:
    """Whether a time adverbial opens at ``k`` (*i dag*, *på morgonen*, *hela veckan*,
    *kl. 17*), after which a -t form is the adjective, not an adverb of manner."""
    if sentence[k].norm in ("kl", "kl.", "klockan"):
        return True
    if k + 1 >= len(sentence) or sentence[k].norm not in TIME_OPENERS:
        return False
    noun = sentence[k + 1].norm
    readings = noun_readings(noun)
    lemma = readings[0].lemma if readings else noun
    return noun in word_list("time_words") or lemma in word_list("time_words")


def _check_predicative(sentence: list[Tok], subject, a: int, feel: bool = False) -> Hit | None:
    tok = sentence[a]
    if tok.norm in words("function_words") or tok.upos in ("ADP", "CCONJ", "SCONJ", "NUM"):
        return None
    following = sentence[a + 1] if a + 1 < len(sentence) else None
    if (
        tok.upos == "NOUN"
        and noun_form(tok.norm) is not None
        and not ends_phrase(following)
        and following.norm != "hela"  # var fin hela dagen: hela opens a time adverbial
    ):
        return None  # the tagger and the dictionary both read a noun (en hög: var hög.)
    forms = adjective(tok.norm)
    if forms is None or len(set(forms)) == 1 or _superlative(tok.norm):
        return None  # Nätterna är värst: a predicative superlative keeps its -st form
    if subject[1] == (NEUT, "plur") and participle_verb(forms[0]) is not None:
        return None  # skatten och hyran är dragen: natives write a participle so
    following = sentence[a + 1] if a + 1 < len(sentence) else None
    if following is not None and not (
        is_punct(following)
        or following.upos in ("CCONJ", "SCONJ", "ADP", "ADV", "PART")
        or following.norm in ("hela", "igen")
        or _time_adverbial(sentence, a + 1)
        or following.norm in words("prepositions")
        or following.norm in words("fronting_adverbs")
    ):
        return None  # the adjective may belong to a noun after it
    _, agreements, written_subject = subject
    if (
        written_subject.lower() in ("det", "den")
        and tok.upos not in ("ADJ", "VERB")
        and not (tok.upos in ("DET", "PRON") and (misread_adjective(tok) or _compared(tok)))
    ):
        return None  # det är bara rent, det var precis som, det är synd om: adverbs
        # (but det var kall, kall tagged a determiner)
    rights = [
        accepted_form(
            tok.norm, forms, forms[2] if a == "plur" else forms[1] if a == NEUT else forms[0]
        )
        for a in agreements
    ]
    if tok.norm in rights or tok.norm not in forms:
        return None
    agreement, right = agreements[-1], rights[-1]
    if (
        tok.norm == forms[1] != forms[0]
        and following is not None
        and not (is_punct(following) or following.upos in ("CCONJ", "SCONJ"))
        and not _time_adverbial(sentence, a + 1)
        and not feel  # kände sig ensamt efter besöket: after känna sig no adverb
        and not (forms[0].endswith("en") and following.upos == "ADP")  # svullet efter
    ):
        return None  # an adverb in -t: han var tidigt uppe (but rösten var svagt i dag)
    values = {"subject": written_subject, "why": f", {WHY[agreement]}", "right": right}
    return Hit("predicative_agreement", a, a + 1, right, "predicative_agreement", values)
