"""Agreement: article, adjective and noun in a noun phrase (``np_agreement``: *en knä → ett
knä*, *ett skön stol → en skön stol*, *den röda förbandet → det röda förbandet*), and a
predicative adjective with its subject (``predicative_agreement``: *händerna är varm →
varma*, *golvet är hal → halt*).

The noun's gender comes from the dictionary's definite forms (*knät* makes *knä* an ett-ord)
or ``data/grammar/noun_genders.yaml``; its number and definiteness from which of its forms is
written (``forms.noun_form``). A phrase is checked only when every word between the
determiner and the noun is an adjective whose forms the dictionary confirms.
"""

from __future__ import annotations

from ..dictionary import ADJECTIVE, load_index
from . import Hit, Tok, is_punct, match_case, words
from .forms import (
    COM,
    NEUT,
    Adjective,
    adjective,
    definite_singular,
    genders,
    infinitive_of_imperative,
    is_person,
    noun_form,
    noun_readings,
    plural_definite,
    plural_indefinite,
    verb_reading,
)
from .word_order import fronted_before, subject_end

MAX_ADJECTIVES = 2
# words that may open a relative clause after den/det + adjective + indefinite noun
RELATIVE = frozenset(
    {"som", "av", "att", "där", "då", "när", "jag", "du", "han", "hon", "vi", "ni", "de", "man"}
)
ARTICLE_WORD = {COM: "en", NEUT: "ett"}
POSSESSIVE_PLURALS = frozenset({"mina", "dina", "sina", "våra"})
POSSESSIVE_SINGULARS = frozenset({"min", "mitt", "din", "ditt", "sin", "sitt", "vår", "vårt"})


def find(sentence: list[Tok]) -> list[Hit]:
    return [*_noun_phrases(sentence), *_bare_phrases(sentence), *_predicatives(sentence)]


# ---------------------------------------------------------------- noun phrases


def _determiner_for(determiner: str, gender: str, number: str) -> str | None:
    """The determiner of the same kind as ``determiner`` for the noun (den → det, en → ett)."""
    key = "plur" if number == "plur" else gender
    for group in words("determiner_sets"):
        if determiner in group.values():
            return group.get(key)
    return determiner if words("determiners")[determiner]["gender"] == "any" else None


def _adjective_form(forms: Adjective, wanted: str, gender: str, number: str) -> str:
    base, neuter, plural = forms
    if wanted == "a" or number == "plur":
        return "lilla" if base == "liten" and number != "plur" else plural
    return neuter if gender == NEUT else base


def _accepted(written: str, forms: Adjective, right: str) -> str:
    """``written`` when it is an accepted variant of the form ``right`` (*den blå koftan*
    beside *den blåa koftan*), else ``right``."""
    base, _, plural = forms
    if right == plural and written == base and base in words("optional_a_adjectives"):
        return written
    return right


def _noun_phrases(sentence: list[Tok]) -> list[Hit]:
    hits = []
    table = words("determiners")
    for i, tok in enumerate(sentence):
        rule = table.get(tok.norm)
        number = tok.norm in words("cardinal_numbers")  # fem minut: tagged anything
        if rule is None or (tok.upos not in ("DET", "PRON", "NUM", "ADJ") and not number):
            continue
        if i > 0 and sentence[i - 1].norm in ("av", "som") and tok.norm in ("en", "ett"):
            continue  # en av dem, som en
        if i > 0 and tok.norm == "min" and sentence[i - 1].text[:1].isdigit():
            continue  # efter 15 min blodsocker 5,8: minutes
        if tok.norm in ("den", "det") and i == 1 and sentence[-1].text == "?":
            continue  # Har det reglerad arbetstid? (det is the subject)
        pointing = tok.norm in ("den", "det", "de") and _next_norm(sentence, i) in ("här", "där")
        phrase = _phrase(sentence, i + 1 + pointing)
        if phrase is None:
            continue
        adjectives, noun_at = phrase
        hit = _check_phrase(sentence, i, rule, adjectives, noun_at, pointing)
        if hit:
            hits.append(hit)
    return hits


def _bare_phrases(sentence: list[Tok]) -> list[Hit]:
    """An adjective in its en-form before a noun with no determiner, where the noun wants
    another form (*kall händer → kalla händer*, *två ny byxor → två nya byxor*, *varm
    vatten → varmt vatten*). The -t and -a forms are left alone: before a noun a -t form
    is often an adverb (*åt snabbt frukost*), an -a form a fixed phrase (*förra veckan*)."""
    hits = []
    for k, tok in enumerate(sentence[:-1]):
        forms = adjective(tok.norm)
        noun = sentence[k + 1]
        if forms is None or tok.norm != forms[0] or len(set(forms)) == 1:
            continue
        if tok.upos != "ADJ" or noun.upos != "NOUN" or not _is_noun(noun):
            continue
        compared = load_index().roles(tok.norm) & ADJECTIVE  # kall: kallare, kallast
        if not compared and (infinitive_of_imperative(tok.norm) or verb_reading(tok.norm)):
            continue  # smörj läppar: an imperative the tagger took for an adjective
        if noun.text[:1].isupper() or not noun.norm.isalpha():
            continue
        start = k
        while start > 0 and sentence[start - 1].norm in words("degree_adverbs"):
            start -= 1
        number = start > 0 and sentence[start - 1].norm in words("cardinal_numbers")
        before = sentence[start - 1 - number] if start - number > 0 else None
        if before is not None and not (is_punct(before) or before.upos in BARE_BEFORE):
            continue  # a determiner, possessive or another adjective: the phrase rule's
        readings = noun_readings(noun.norm)
        allowed = [form for n in readings for form in _bare_forms(forms, n, number)]
        if not readings or not allowed or tok.norm in allowed:
            continue
        first = start - number
        right = " ".join([*(t.text for t in sentence[first:k]), allowed[0], noun.text])
        values = {"noun": readings[0].lemma, "right": right}
        hits.append(Hit("np_agreement", first, k + 2, right, "np_agreement_adjective", values))
    return hits


BARE_BEFORE = frozenset({"ADP", "VERB", "AUX", "CCONJ", "SCONJ"})


def _bare_forms(forms: Adjective, noun, after_number: bool) -> list[str]:
    """The adjective forms an indefinite ``noun`` takes without a determiner; none for a
    definite noun (that is another error)."""
    if noun.definite != "ind":
        return []
    if noun.number == "plur" or after_number:
        return [forms[2]]
    if noun.number == "sing":
        return [forms[1] if noun.gender == NEUT else forms[0]]
    return [forms[1] if noun.gender == NEUT else forms[0], forms[2]]


def _next_norm(sentence: list[Tok], i: int) -> str:
    return sentence[i + 1].norm if i + 1 < len(sentence) else ""


def _relative_after(sentence: list[Tok], noun_at: int) -> bool:
    """Whether a relative clause may follow the noun (*de bästa förutsättningar … som*)."""
    return any(tok.norm in ("som", "där", "vilka", "vars") for tok in sentence[noun_at + 1 :])


def _superlative(sentence: list[Tok], adjectives) -> bool:
    """A superlative allows an indefinite plural after *de* (*de bästa förutsättningar*)."""
    return any(sentence[j].norm.endswith(("sta", "ste")) for j, _ in adjectives)


def _formal_subject(sentence: list[Tok], i: int, adjectives) -> bool:
    """*det*/*den* right after a verb, before an adjective not in its -a form, is the
    subject, not an article (*I dag är det fint väder*; but *bytte den röda förbandet*);
    so is *de* after *är*/*var*."""
    if i == 0 or sentence[i - 1].upos not in ("VERB", "AUX"):
        return False
    if sentence[i].norm == "de" and sentence[i - 1].norm in words("finite_copulas"):
        return True  # är de främmande unga varelser?
    return all(sentence[j].norm != forms[2] for j, forms in adjectives)


def _phrase(sentence: list[Tok], start: int) -> tuple[list[tuple[int, Adjective]], int] | None:
    """(adjectives with their forms, index of the noun) after a determiner, or None.

    The tagger often calls a word it never saw in training a noun or an adverb (*skön*,
    *finger*), so a word counts as an adjective when the dictionary confirms its forms and a
    noun follows, and as the noun when it has a noun reading and no adjective or verb reading.
    """
    adjectives = []
    j = start
    while j < len(sentence) and len(adjectives) <= MAX_ADJECTIVES:
        tok = sentence[j]
        if tok.norm in words("phrase_breakers") or is_punct(tok) or tok.upos in CLOSED:
            return None
        if tok.norm in words("degree_adverbs") and not adjectives:
            j += 1
            continue
        if (tok.norm in words("cardinal_numbers") or tok.norm.isdigit()) and not adjectives:
            j += 1  # de två nya förbanden: the number never inflects
            continue
        following = sentence[j + 1] if j + 1 < len(sentence) else None
        if _is_adjective(tok, following) and _nominal(following):
            if adjectives and tok.norm.endswith("t") and tok.norm == adjectives[-1][1][1]:
                return None
            if following and _is_adjective(following, None) and tok.norm.endswith("t"):
                return None  # an adverb in -t before an adjective: en helt beroende varelse
            adjectives.append((j, adjective(tok.norm)))
            j += 1
            continue
        if _is_noun(tok):
            if tok.text[:1].isupper() or len(tok.norm) < 3 or not tok.norm.isalpha():
                return None  # a name, an abbreviation (en s k gammakamera)
            if tok.upos != "NOUN" and not _ends_phrase(following) and tok.norm not in genders():
                return None  # the tagger doubts it is a noun, and nothing confirms it
            if (
                following is not None
                and following.upos in ("NOUN", "ADJ", "PROPN")
                and following.norm not in words("phrase_breakers")
                and adjective(tok.norm) is not None
            ):
                return None  # ett konstant illamående: an adjective before a noun the
                # dictionary cannot place
            return adjectives, j
        return None
    return None


CLOSED = frozenset({"PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "NUM", "PUNCT"})


def _is_noun(tok: Tok | None) -> bool:
    if tok is None or tok.upos in CLOSED or tok.upos == "VERB":
        return False
    if tok.norm in words("phrase_breakers"):
        return False  # sitt stort rum själv: själv ends the phrase, rum is its noun
    if noun_form(tok.norm) is None:
        return False
    return tok.upos == "NOUN" or adjective(tok.norm) is None


def _is_adjective(tok: Tok, following: Tok | None) -> bool:
    """An adjective the dictionary confirms; one with a noun reading too (*läkt*) only
    before a noun."""
    if tok.upos in CLOSED or adjective(tok.norm) is None:
        return False
    if tok.upos == "VERB":
        return tok.feats.get("VerbForm") == "Part"
    if tok.upos == "NOUN" or noun_form(tok.norm) is not None:
        return following is not None and _is_noun(following)
    return True


def _ends_phrase(tok: Tok | None) -> bool:
    return tok is None or is_punct(tok) or tok.upos in ("ADP", "CCONJ", "SCONJ")


def _nominal(tok: Tok | None) -> bool:
    """Whether ``tok`` may continue a noun phrase (an adjective or the noun)."""
    return tok is not None and (_is_noun(tok) or _is_adjective(tok, None))


def _nominal_adjective(tok: Tok) -> bool:
    """Whether ``tok`` is an adjective's -a form (*sjuka*, *gamla*), which names people."""
    forms = adjective(tok.norm)
    return forms is not None and tok.norm == forms[2] != forms[0]


def _check_phrase(sentence, i, rule, adjectives, noun_at, pointing=False) -> Hit | None:
    """The corrected phrase when determiner, adjectives and noun disagree, else None.

    The noun is taken as written (its gender is fixed); the determiner and the adjectives
    are made to agree with it. Only two noun changes are offered: a plural after a plural
    determiner (*många blåmärke → blåmärken*) and a definite form after *den/det/de* and an
    adjective (*den nya rullstol → rullstolen*).
    """
    readings = noun_readings(sentence[noun_at].norm)
    hits = [
        _check_reading(sentence, i, rule, adjectives, noun_at, noun, pointing) for noun in readings
    ]
    # a homograph (planet: the plane / a planet) is right if one of its readings agrees
    return hits[0] if hits and all(hits) else None


def _check_reading(sentence, i, rule, adjectives, noun_at, noun, pointing) -> Hit | None:
    """``pointing``: *här* or *där* follows the determiner (*den här stolen*)."""
    noun_tok = sentence[noun_at]
    determiner = sentence[i].norm
    if rule["noun"] == "def" and not adjectives and not pointing:
        return None  # den/det/de without an adjective are mostly pronouns (det regnar, den är)
    if pointing and noun.number != "sing":
        return None  # den där busen: -en is also a neuter plural (bus), so only gender
    if rule["number"] == "plur" and _nominal_adjective(noun_tok):
        return None  # alla sjuka, alla vita: an adjective used as a noun
    right_det, right_noun, key = determiner, noun_tok.text, "np_agreement_gender"
    number = noun.number if noun.number != "?" else rule["number"]
    if rule["number"] == "plur" and noun.number == "sing":
        if determiner == "de" and noun.definite == "def":
            right_det = _determiner_for("den", noun.gender, "sing")  # de vänstra benet
        elif determiner in POSSESSIVE_PLURALS and noun.definite == "ind":
            right_det = _determiner_for(determiner, noun.gender, "sing")  # sina väska → sin
            number = "sing"
        elif (
            rule["noun"] == "ind"
            and noun.definite == "ind"
            and not adjectives
            and noun.lemma not in words("uncountable_nouns")
        ):
            right_noun = plural_indefinite(noun.lemma)  # många blåmärke
            key = "np_agreement_number"
            number = "plur"
            if right_noun is None:
                return None
        else:
            return None
    elif rule["number"] == "sing" and noun.number == "plur":
        if determiner in POSSESSIVE_SINGULARS and noun.definite == "ind":
            right_det = _determiner_for(determiner, noun.gender, "plur")  # sin glasögon
        elif determiner not in ("den", "det") or noun.definite != "def":
            return None
        else:
            right_det = "de"  # den gamla skorna
    elif rule["noun"] == "def" and noun.definite == "ind":
        following = sentence[noun_at + 1].norm if noun_at + 1 < len(sentence) else ""
        if following in RELATIVE or (determiner == "de" and _relative_after(sentence, noun_at)):
            return None  # den personliga vård som ges, de begränsade insatser … som gjorts
        if _formal_subject(sentence, i, adjectives):
            return None  # I dag är det fint väder: det is the subject
        zero_plural = noun.number == "?" and noun.gender == NEUT  # det stora rum
        if determiner in ("den", "det") and (noun.number == "sing" or zero_plural):
            right_noun = definite_singular(noun.lemma, noun.gender)  # den nya rullstol
            right_det = _determiner_for(determiner, noun.gender, "sing")
            number = "sing"
        elif (
            determiner == "de" and noun.number == "plur" and not _superlative(sentence, adjectives)
        ):
            right_noun = plural_definite(noun.lemma)  # de nya skor → skorna
        else:
            return None
        key = "np_agreement_definite"
        if right_noun is None:
            return None
    elif rule["noun"] == "ind" and noun.definite == "def":
        if determiner not in words("possessives") | {"sin", "sitt", "sina"}:
            return None  # en stolen: unclear which was meant; denna veckan, alla patienterna
        if noun.lemma in words("uncountable_nouns"):
            return None
        # min handen → min hand, sina barnen → sina barn: a possessive takes no -en
        right_noun = noun.lemma if noun.number == "sing" else plural_indefinite(noun.lemma)
        right_det = _determiner_for(determiner, noun.gender, noun.number)
        key = "np_agreement_possessive"
        if right_noun is None:
            return None
    elif rule["gender"] not in ("any", noun.gender) and number == "sing":
        right_det = _determiner_for(determiner, noun.gender, "sing")
    if right_det is None:
        return None
    written = [sentence[j].norm for j, _ in adjectives]
    right_adjectives = [
        _accepted(word, forms, _adjective_form(forms, rule["adjective"], noun.gender, number))
        for word, (_, forms) in zip(written, adjectives)
    ]
    if (right_det, right_adjectives, right_noun) == (determiner, written, noun_tok.text):
        return None
    if right_det == determiner and right_noun == noun_tok.text:
        key = "np_agreement_adjective"
    here = [sentence[i + 1].text] if pointing else []  # den här stolen
    right = " ".join(
        [match_case(sentence[i].text, right_det), *here, *right_adjectives, right_noun]
    )
    values = {
        "noun": noun.lemma,
        "article": ARTICLE_WORD[noun.gender],
        "determiner": sentence[i].text,
        "right": right,
    }
    return Hit("np_agreement", i, noun_at + 1, right, key, values)


# ---------------------------------------------------------------- predicatives

SUBJECT_PRONOUNS = {
    "jag": COM,
    "du": COM,
    "han": COM,
    "hon": COM,
    "den": COM,
    "det": NEUT,  # det är kallt, det var skönt att duscha
    "vi": "plur",
    "ni": "plur",
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
LOOK_VERBS = frozenset({"ser", "såg"})  # with ut after the adjective: såret ser rött ut
WHY = {"plur": "som står i plural", NEUT: "som är ett ett-ord", COM: "som är ett en-ord"}


def _predicatives(sentence: list[Tok]) -> list[Hit]:
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
        ):
            a += 1
        if a >= len(sentence):
            continue
        for k in (a, *_coordinated_adjectives(sentence, a)):
            hit = _check_predicative(sentence, subject, k)
            forms = adjective(sentence[k].norm)
            if hit and tok.norm in words("linking_verbs") and sentence[k].norm == forms[1]:
                continue  # verkar snabbt, kändes tryggt: after these a -t form may be an adverb
            if hit:
                hits.append(hit)
    return hits


def _subject_slot(sentence: list[Tok], c: int) -> int:
    """Where the subject of the linking word at ``c`` ends: before an auxiliary (*de har
    inte varit nöjda*, *rummet ska vara städat*; before *har* only a pronoun: after a noun
    it cost false alarms on Talbanken and held-out notes), before *känner* (*de känner
    sig ensamma*), else right before ``c``."""
    if sentence[c].norm in REFLEXIVES:
        return c - 1
    k = c - 1
    while k > 0 and sentence[k].norm in words("sentence_adverbs"):
        k -= 1
    nonfinite = sentence[c].norm in ("vara", "varit", "bli", "blivit")
    pronoun = k > 0 and sentence[k - 1].norm in SUBJECT_PRONOUNS
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
        if not agreement:
            return None
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
    if start > 0 and sentence[start - 1].norm in ("och", "eller"):
        joined = _coordinated_subject(sentence, start - 1, s)
        if joined is not False:
            return joined
    if start > 0 and not _clause_start(sentence, start):
        return None  # the noun may be an object or part of a longer phrase
    return s, agreement, sentence[s].text


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
        if any(t.norm in ("jag", "du", "han", "hon") or is_person(t.norm) for t in parts):
            return s, ("plur",), " ".join(t.text for t in sentence[k : s + 1])
        return None
    return False


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


def _check_predicative(sentence: list[Tok], subject, a: int) -> Hit | None:
    tok = sentence[a]
    if tok.norm in words("function_words") or tok.upos in ("ADP", "CCONJ", "SCONJ", "NUM"):
        return None
    following = sentence[a + 1] if a + 1 < len(sentence) else None
    if tok.upos == "NOUN" and noun_form(tok.norm) is not None and not _ends_phrase(following):
        return None  # the tagger and the dictionary both read a noun (en hög: var hög.)
    forms = adjective(tok.norm)
    if forms is None or len(set(forms)) == 1:
        return None
    following = sentence[a + 1] if a + 1 < len(sentence) else None
    if following is not None and not (
        is_punct(following)
        or following.upos in ("CCONJ", "SCONJ", "ADP", "ADV", "PART")
        or following.norm in ("hela", "igen")
        or following.norm in words("prepositions")
        or following.norm in words("fronting_adverbs")
    ):
        return None  # the adjective may belong to a noun after it
    _, agreements, written_subject = subject
    if written_subject.lower() in ("det", "den") and tok.upos not in ("ADJ", "VERB"):
        return None  # det är bara rent, det var precis som, det är synd om: adverbs
    rights = [
        _accepted(tok.norm, forms, forms[2] if a == "plur" else forms[1] if a == NEUT else forms[0])
        for a in agreements
    ]
    if tok.norm in rights or tok.norm not in forms:
        return None
    agreement, right = agreements[-1], rights[-1]
    if (
        tok.norm == forms[1] != forms[0]
        and following is not None
        and not (is_punct(following) or following.upos in ("CCONJ", "SCONJ"))
    ):
        return None  # an adverb in -t: han var tidigt uppe
    values = {"subject": written_subject, "why": f", {WHY[agreement]}", "right": right}
    return Hit("predicative_agreement", a, a + 1, right, "predicative_agreement", values)
