"""``np_agreement``: determiner, adjectives and noun of a noun phrase agree in gender, number
and definiteness (*en knä → ett knä*, *den röda förbandet → det röda förbandet*), and an
adjective with no determiner fits its noun (*kall händer → kalla händer*)."""

from __future__ import annotations

from ...dictionary import ADJECTIVE, load_index
from ...resources import yaml_data
from .. import Hit, Tok, is_punct, match_case, words
from ..forms import (
    COM,
    NEUT,
    PERSON_ZERO_PLURALS,
    VOWELS,
    Adjective,
    adjective,
    definite_singular,
    genders,
    infinitive_of_imperative,
    is_infinitive,
    is_person,
    listed_plural_definite,
    listed_plural_indefinite,
    noun_readings,
    plural_definite,
    plural_indefinite,
    verb_reading,
)
from .phrase_words import (
    CLOSED,
    comparative,
    ends_phrase,
    is_adjective,
    is_noun,
    misread_adjective,
    misread_noun,
    nominal,
    nominal_adjective,
    open_word,
)

MAX_ADJECTIVES = 2
# words that may open a relative clause after den/det + adjective + indefinite noun
RELATIVE = frozenset(
    {"som", "av", "att", "där", "då", "när", "jag", "du", "han", "hon", "vi", "ni", "de", "man"}
)
RELATIVE_WORDS = frozenset({"som", "där", "när", "vilka", "vars"})  # den tid när något händer
RELATIVE_REACH = 10  # words between den/det + noun and the som of a relative clause
ARTICLE_WORD = {COM: "en", NEUT: "ett"}
POSSESSIVE_PLURALS = frozenset({"mina", "dina", "sina", "våra"})
POSSESSIVE_SINGULARS = frozenset({"min", "mitt", "din", "ditt", "sin", "sitt", "vår", "vårt"})


def _determiner_for(determiner: str, gender: str, number: str) -> str | None:
    """The determiner of the same kind as ``determiner`` for the noun (den → det, en → ett)."""
    key = "plur" if number == "plur" else gender
    for group in words("determiner_sets"):
        if determiner in group.values():
            return group.get(key)
    table = words("determiners") | words("phrase_determiners")
    return determiner if table[determiner]["gender"] == "any" else None


def _adjective_form(
    forms: Adjective, wanted: str, gender: str, number: str, possessed: bool = False
) -> str:
    """The form of an adjective after a determiner that wants ``wanted`` (base or a);
    ``possessed``: the determiner is a possessive (min, hennes, denna), after which *egen*
    keeps its indefinite form (*min egen stol*, *mitt eget rum*)."""
    base, neuter, plural = forms
    if possessed and number != "plur" and base in words("possessed_indefinites"):
        return neuter if gender == NEUT else base
    if wanted == "a" or number == "plur":
        return "lilla" if base == "liten" and number != "plur" else plural
    return neuter if gender == NEUT else base


def accepted_form(written: str, forms: Adjective, right: str) -> str:
    """``written`` when it is an accepted variant of the form ``right`` (*den blå koftan*
    beside *den blåa koftan*), else ``right``."""
    base, _, plural = forms
    if right == plural and written == base and base in words("optional_a_adjectives"):
        return written
    return right


def _own_form(written: str, forms: Adjective, possessed: bool, right: str) -> str:
    """``written`` when it is *egna* after a possessive before a singular (*sin egna säng*,
    heard beside *sin egen säng*), else ``right``."""
    if possessed and written == forms[2] and forms[0] in words("possessed_indefinites"):
        return written
    return right


def determiner_phrases(sentence: list[Tok]) -> list[Hit]:
    hits = []
    table = words("determiners") | words("phrase_determiners")
    for i, tok in enumerate(sentence):
        rule = table.get(tok.norm)
        number = tok.norm in words("cardinal_numbers")  # fem minut: tagged anything
        owner = tok.norm in ("hans", "hennes", "deras")  # i hennes rummet: tagged anything
        if rule is None or (
            tok.upos not in ("DET", "PRON", "NUM", "ADJ") and not (number or owner)
        ):
            continue
        if i > 0 and sentence[i - 1].norm in ("av", "som") and tok.norm in ("en", "ett"):
            continue  # en av dem, som en
        if i > 0 and sentence[i - 1].norm == "före" and tok.norm == "detta":
            continue  # en före detta läkare: "former", whatever the noun
        if i > 0 and tok.norm == "min" and sentence[i - 1].text[:1].isdigit():
            continue  # efter 15 min blodsocker 5,8: minutes
        if tok.norm == "det" and i > 0 and sentence[i - 1].norm in words("finite_copulas"):
            continue  # I dag är det stora dagen: det is the subject, stora dagen says what
        if tok.norm in ("den", "det") and i == 1 and sentence[-1].text == "?":
            continue  # Har det reglerad arbetstid? (det is the subject)
        pointing = tok.norm in ("den", "det", "de") and _next_norm(sentence, i) in ("här", "där")
        article = pointing or tok.norm not in ("den", "det", "de")  # not a pronoun
        phrase = _phrase(sentence, i + 1 + pointing, article, rule["adjective"] == "a")
        if phrase is None:
            continue
        adjectives, noun_at = phrase
        if pointing and _next_norm(sentence, i) == "där" and _finite_follows(sentence, noun_at):
            continue  # ställ det där brukaren når det: där opens a clause
        if _coordinated_adjective(sentence, noun_at):
            continue  # en lugn och glad stämning: lugn is an adjective, the noun comes later
        if tok.norm == "det" and _ranked_clause(sentence, adjectives, noun_at):
            continue  # Det enda brukaren vill ha är kaffe: det enda (som) brukaren vill ha
        hit = _check_phrase(sentence, i, rule, adjectives, noun_at, pointing)
        if hit:
            hits.append(hit)
    return hits


def _ranked_clause(sentence: list[Tok], adjectives, noun_at: int) -> bool:
    """Whether *det* + an ordinal or superlative is a pronoun that a relative clause without
    *som* follows (*det första sjuksköterskan gjorde*, *det bästa brukaren vet*): the noun
    names a person, or a finite verb other than a copula comes after it."""
    if not adjectives or not all(
        sentence[j].norm in words("ordinals") or sentence[j].norm.endswith(("sta", "ste"))
        for j, _ in adjectives
    ):
        return False
    if is_person(sentence[noun_at].norm):
        return True
    after = noun_at + 1
    return _finite_follows(sentence, noun_at) and sentence[after].norm not in words("copulas")


def _finite_follows(sentence: list[Tok], k: int) -> bool:
    """Whether a finite verb follows the word at ``k`` (a clause's subject and verb)."""
    return k + 1 < len(sentence) and sentence[k + 1].feats.get("VerbForm") == "Fin"


def _coordinated_adjective(sentence: list[Tok], k: int) -> bool:
    """Whether the word at ``k`` taken for the noun is an adjective joined by *och*/*eller* to
    another adjective (*en lugn och glad stämning*, *ett platt eller djupt fat*)."""
    if k + 2 >= len(sentence) or sentence[k + 1].norm not in ("och", "eller"):
        return False
    return adjective(sentence[k].norm) is not None and adjective(sentence[k + 2].norm) is not None


def bare_phrases(sentence: list[Tok]) -> list[Hit]:
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
        if tok.norm in words("not_attributive"):
            continue
        listed = noun.norm in yaml_data("grammar/plural_nouns")  # kläder, fötter, händer
        if not (tok.upos == "ADJ" or (listed and open_word(tok))):
            continue  # ren kläder, svullen fötter: tagged a determiner or adverb
        if not (listed or (noun.upos == "NOUN" and is_noun(noun))):
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


def _relative_after(sentence: list[Tok], noun_at: int, within: int | None = None) -> bool:
    """Whether a relative clause may follow the noun (*de bästa förutsättningar … som*),
    within ``within`` words after it when given."""
    end = None if within is None else noun_at + 1 + within
    return any(tok.norm in RELATIVE_WORDS for tok in sentence[noun_at + 1 : end])


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


def _phrase(
    sentence: list[Tok], start: int, article: bool = False, weak: bool = False
) -> tuple[list[tuple[int, Adjective]], int] | None:
    """(adjectives with their forms, index of the noun) after a determiner, or None.

    The tagger often calls a word it never saw in training a noun or an adverb (*skön*,
    *finger*), so a word counts as an adjective when the dictionary confirms its forms and a
    noun follows, and as the noun when it has a noun reading and no adjective or verb reading.
    Right after an ``article`` (a determiner that is no pronoun: not a bare *den*, *det*,
    *de*) a form the dictionary has as a noun is the noun whatever the tagger says, when the
    phrase ends after it (*ett klocka som*, *denna rum är*, *det här rum.*).
    After a ``weak`` determiner (one that wants the -a form: den, det, de, min, hennes) an
    ordinal is an adjective of one form (*det andra rummet*, *den sista veckan*); after en
    or ett it ends the phrase (*en andra chans*).
    """
    adjectives = []
    j = start
    while j < len(sentence) and len(adjectives) <= MAX_ADJECTIVES:
        tok = sentence[j]
        following = sentence[j + 1] if j + 1 < len(sentence) else None
        counting = start > 1 and sentence[start - 2].norm == "för"  # för det andra: secondly
        if weak and tok.norm in words("ordinals") and is_noun(following) and not counting:
            adjectives.append((j, Adjective((tok.norm,) * 3)))
            j += 1
            continue
        if j == start and article and misread_noun(tok, following):
            return adjectives, j
        closed = tok.upos in CLOSED and not misread_adjective(tok)
        if tok.norm in words("phrase_breakers") or is_punct(tok) or closed:
            return None
        if tok.norm in words("degree_adverbs") and not adjectives:
            j += 1
            continue
        if (tok.norm in words("cardinal_numbers") or tok.norm.isdigit()) and not adjectives:
            j += 1  # de två nya förbanden: the number never inflects
            continue
        if comparative(tok) and nominal(following):
            j += 1  # en större rum → ett större rum: a comparative never inflects
            continue
        if is_adjective(tok, following) and nominal(following):
            if adjectives and tok.norm.endswith("t") and tok.norm == adjectives[-1][1][1]:
                return None
            if following and is_adjective(following, None) and tok.norm.endswith("t"):
                return None  # an adverb in -t before an adjective: en helt beroende varelse
            adjectives.append((j, adjective(tok.norm)))
            j += 1
            continue
        if is_noun(tok):
            if tok.text[:1].isupper() or len(tok.norm) < 3 or not tok.norm.isalpha():
                return None  # a name, an abbreviation (en s k gammakamera)
            if tok.upos != "NOUN" and not ends_phrase(following) and tok.norm not in genders():
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


def _quantity_before_definite(sentence, i, adjectives, noun) -> bool:
    """*Alla brukaren*, *har bytt alla lakanet*: a plural quantity before a definite singular
    noun, where the quantity opens a phrase or follows a supine or infinitive (not after a
    finite verb, *Sedan åt alla maten*, where alla is the subject, nor *har gett alla maten*,
    where alla is who gets it)."""
    if sentence[i].norm not in PLURAL_QUANTITIES or adjectives or noun.definite != "def":
        return False
    if noun.lemma in words("uncountable_nouns") or noun.lemma in words("time_nouns"):
        return False
    before = sentence[i - 1] if i else None
    if before is not None and before.feats.get("VerbForm") in ("Sup", "Inf"):
        return before.norm not in words("two_object_verbs")  # har bytt alla lakanet
    return before is None or is_punct(before) or before.upos in ("ADP", "CCONJ")


def _zero_or_plural(noun) -> str | None:
    """The indefinite plural of a noun, none of its own for a person in -are (*brukare*) and
    an ett-ord ending in a consonant (*lakan*)."""
    zero = noun.lemma.endswith(PERSON_ZERO_PLURALS) or (
        noun.gender == NEUT and noun.lemma[-1:] not in VOWELS
    )
    return noun.lemma if zero else plural_indefinite(noun.lemma)


def _indefinite_meant(sentence, i, adjectives, noun) -> bool:
    """Whether a definite noun after an indefinite determiner should be indefinite: after
    *en*/*någon*/*ingen* and an adjective in its indefinite form (*en ny hörapparaten*; not
    *en stolen* alone, where *stolen* may be meant), or after a number that opens its phrase
    (*Han har tre barnen*; not *de tre barnen*, *alla tre barnen*)."""
    determiner = sentence[i].norm
    if noun.lemma in words("uncountable_nouns") or noun.lemma in words("time_nouns"):
        return False
    if is_infinitive(noun.lemma):
        return False  # en bra uppfostran, en ny början: -an nouns are indefinite
    if determiner in INDEFINITE_SINGULARS:
        return (
            noun.number == "sing"
            and bool(adjectives)
            and all(sentence[j].norm != forms[2] or forms[2] == forms[0] for j, forms in adjectives)
        )
    if determiner not in words("cardinal_numbers") or noun.number != "plur" or i == 0:
        return False
    before = sentence[i - 1]
    return before.upos in ("VERB", "AUX", "ADP") and before.norm not in words("determiners")


INDEFINITE_SINGULARS = frozenset({"en", "ett", "någon", "något", "ingen", "inget"})
BOTH = frozenset({"båda", "bägge"})
PLURAL_QUANTITIES = frozenset({"alla", "många", "flera", "några", "inga"})


def _check_reading(sentence, i, rule, adjectives, noun_at, noun, pointing) -> Hit | None:
    """``pointing``: *här* or *där* follows the determiner (*den här stolen*)."""
    noun_tok = sentence[noun_at]
    determiner = sentence[i].norm
    if rule["noun"] == "def" and not adjectives and not pointing and determiner not in BOTH:
        return None  # den/det/de without an adjective are mostly pronouns (det regnar, den är)
    if pointing and noun.number != "sing" and noun.definite != "ind":
        return None  # den där busen: -en is also a neuter plural (bus), so only gender
    if pointing and determiner == "de" and noun.number == "?":
        return None  # de här barn: which number is meant is unclear (but det här rum →
        # rummet, de här skor → skorna)
    if rule["number"] == "plur" and nominal_adjective(noun_tok):
        return None  # alla sjuka, alla vita: an adjective used as a noun
    right_det, right_noun, key = determiner, noun_tok.text, "np_agreement_gender"
    number = noun.number if noun.number != "?" else rule["number"]
    if determiner in BOTH and noun.definite == "ind" and noun.number != "sing":
        following = sentence[noun_at + 1].norm if noun_at + 1 < len(sentence) else ""
        if (
            noun.lemma in words("both_indefinite_nouns")
            or noun.lemma in words("uncountable_nouns")
            or following in RELATIVE
            or _relative_after(sentence, noun_at, RELATIVE_REACH)
        ):
            return None  # på båda sidor, åt båda håll: fixed phrases without -na
        right_noun = plural_definite(noun.lemma) or listed_plural_definite(noun.lemma)
        number, key = "plur", "np_agreement_definite"
        if right_noun is None:
            return None  # båda ben → båda benen
    elif determiner == "varje" and (noun.number == "plur" or noun.definite == "def"):
        if noun.lemma in words("uncountable_nouns") or noun.number == "?":
            return None
        right_noun, number, key = noun.lemma, "sing", "np_agreement_number"  # varje dagar
    elif rule["number"] == "plur" and noun.number == "sing":
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
            and not (determiner == "alla" and i > 0 and sentence[i - 1].upos in ("VERB", "AUX"))
        ):  # (äter alla middag: alla is who eats)
            right_noun = plural_indefinite(noun.lemma)  # många blåmärke
            key = "np_agreement_number"
            number = "plur"
            if right_noun is None:
                return None
        elif _quantity_before_definite(sentence, i, adjectives, noun):
            right_noun = _zero_or_plural(noun)  # Alla brukaren → Alla brukare
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
        if following in RELATIVE or _relative_after(
            sentence, noun_at, None if determiner == "de" else RELATIVE_REACH
        ):
            return None  # den personliga vård som ges, de begränsade insatser … som gjorts,
            # den sociala trygghet eller rättare sagt den brist … som
        if _formal_subject(sentence, i, adjectives):
            return None  # I dag är det fint väder: det is the subject
        if adjectives and all(sentence[j].norm != forms[2] for j, forms in adjectives):
            return None  # också den isolerad miljö: nothing agrees with den, no article
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
        if _indefinite_meant(sentence, i, adjectives, noun):
            written = noun_tok.norm  # en ny hörapparaten → en ny hörapparat, tre barnen → tre barn
        elif determiner not in words("possessives") | {"sin", "sitt", "sina"}:
            return None  # en stolen: unclear which was meant; denna veckan, alla patienterna
        elif noun.lemma in words("uncountable_nouns"):
            return None
        else:
            written = noun.lemma  # min handen → min hand, sina barnen → sina barn
        right_noun = (
            noun.lemma
            if noun.number == "sing"
            else plural_indefinite(noun.lemma) or listed_plural_indefinite(written)
        )
        if right_noun is None:
            return None
        right_det = _determiner_for(determiner, noun.gender, noun.number)
        key = "np_agreement_possessive"
    elif rule["gender"] not in ("any", noun.gender) and number == "sing":
        right_det = _determiner_for(determiner, noun.gender, "sing")
    if right_det is None:
        return None
    written = [sentence[j].norm for j, _ in adjectives]
    possessed = rule["adjective"] == "a" and rule["noun"] == "ind"
    right_adjectives = [
        _own_form(
            word,
            forms,
            possessed,
            accepted_form(
                word,
                forms,
                _adjective_form(forms, rule["adjective"], noun.gender, number, possessed),
            ),
        )
        for word, (_, forms) in zip(written, adjectives)
    ]
    if (right_det, right_adjectives, right_noun) == (determiner, written, noun_tok.text):
        return None
    if right_det == determiner and right_noun == noun_tok.text:
        key = "np_agreement_adjective"
    # every word kept as written but those corrected (den här stolen, ett mycket stort sår,
    # ett tunnare duntäcke)
    replaced = {i: match_case(sentence[i].text, right_det), noun_at: right_noun}
    replaced.update((j, form) for (j, _), form in zip(adjectives, right_adjectives))
    right = " ".join(replaced.get(j, sentence[j].text) for j in range(i, noun_at + 1))
    values = {
        "noun": noun.lemma,
        "article": ARTICLE_WORD[noun.gender],
        "determiner": sentence[i].text,
        "right": right,
    }
    return Hit("np_agreement", i, noun_at + 1, right, key, values)
