"""A noun's gender (en/ett), its forms (definite, plural) and which form a written noun is."""

from __future__ import annotations

from functools import lru_cache

from ...dictionary import COM_SING_IND, NEUT_SING_IND, NOUN, load_index
from ...lemmas import _split, lemma_candidates
from ...resources import yaml_data
from .adjectives import INDECLINABLE_ENDINGS
from .lexicon import ALL, COM, NEUT, VOWELS, known


def genders() -> dict[str, str]:
    """The nouns whose gender ``data/grammar/noun_genders.yaml`` fixes."""
    return yaml_data("grammar/noun_genders")


@lru_cache(maxsize=16384)
def gender(lemma: str) -> str | None:
    """``com`` (en-ord) or ``neut`` (ett-ord) of a noun lemma, None when unsure."""
    table = genders()
    if lemma in table:
        return _settled_gender(table[lemma])
    if not known(lemma, ALL):
        length, candidates = _split(lemma)
        if length and candidates:  # a compound: the gender of its last part
            return gender(lemma[-length:])
        return None
    if lemma.endswith(INDECLINABLE_ENDINGS):
        return None  # ett uttalande but en studerande: the table decides
    from_entry = _entry_gender(lemma)
    if from_entry:
        return from_entry
    vowel_final = lemma[-1:] in VOWELS
    neuter = [lemma + ("t" if vowel_final else "et")]
    if lemma.endswith(("el", "er", "en")) and not vowel_final:
        neuter.append(lemma[:-2] + lemma[-1] + "et")  # finger → fingret
    common = [lemma + ("n" if vowel_final else "en")]
    if lemma.endswith(("el", "er")):
        common.append(lemma + "n")  # muskel → muskeln
    index = load_index()
    neuter_seen = max((index.zipf(f) for f in neuter if _has_lemma(f, lemma)), default=-1.0)
    common_seen = max((index.zipf(f) for f in common if _has_lemma(f, lemma)), default=-1.0)
    # the -en form of an ett-ord is its definite plural (såren), so compare how often each
    # definite form is used: *matet* is a dictionary form nobody writes, *maten* is everyday
    if neuter_seen >= 0 and (common_seen <= 0 or neuter_seen >= common_seen + GENDER_MARGIN):
        return NEUT
    if common_seen > 0 and neuter_seen <= 0:
        return COM
    last = _listed_last_part(lemma)
    # both in use (knät, knän): the table decides
    return _settled_gender(table[last]) if last else None


def _settled_gender(listed: str) -> str | None:
    """A listed gender; ``both`` (insulin: sitt or sin insulin) is none to judge by."""
    return None if listed == "both" else listed


def _entry_gender(lemma: str) -> str | None:
    """The gender the dictionary's noun entry gives ``lemma`` by its inflection classes
    (*stol/ADG*: stolen, stolar; *bord/ABD*: bordet, borden), when it gives one only."""
    bits = load_index().noun_bits(lemma)
    common, neuter = bits & COM_SING_IND, bits & NEUT_SING_IND
    if common and not neuter:
        return COM
    return NEUT if neuter and not common else None


def _listed_last_part(lemma: str) -> str | None:
    """The noun of ``noun_genders.yaml`` that ``lemma`` is a compound of (badrum: rum); none
    for an inflected form that merely ends like one (mamman is not a compound of man)."""
    if lemma_candidates(lemma)[:1] not in ((lemma,), ()):
        return None
    for last in genders():
        if len(last) >= 3 and len(lemma) >= len(last) + 3 and lemma.endswith(last):
            return last
    return None


GENDER_MARGIN = 0.3  # Zipf units


def _has_lemma(form: str, lemma: str) -> bool:
    return known(form, NOUN) and lemma in lemma_candidates(form)[:2]


def _compound_head(lemma: str) -> tuple[str, str] | None:
    """(first part, last part) of a compound the dictionary lacks (*inkontinens|skydd*)."""
    if known(lemma, ALL):
        return None
    length, candidates = _split(lemma)
    return (lemma[:-length], lemma[-length:]) if length and candidates else None


def definite_singular(lemma: str, noun_gender: str) -> str | None:
    """*stol → stolen*, *sår → såret*, *finger → fingret*; None when the dictionary objects."""
    parts = _compound_head(lemma)
    if parts:
        head = definite_singular(parts[1], noun_gender)
        return parts[0] + head if head else None
    vowel_final = lemma[-1:] in VOWELS
    if noun_gender == NEUT:
        options = [lemma + ("t" if vowel_final else "et"), lemma[:-2] + lemma[-1] + "et"]
    else:
        options = [lemma + ("n" if vowel_final else "en"), lemma + "n"]
    if lemma[-1:] in ("m", "n"):  # rum → rummet, kam → kammen
        options.append(lemma + lemma[-1] + ("et" if noun_gender == NEUT else "en"))
    found = [form for form in options if known(form, ALL) and lemma in lemma_candidates(form)]
    # the form in use when the dictionary knows two (mannen beside manen, a horse's mane)
    return max(found, key=load_index().zipf) if found else None


PLURAL_ENDINGS = ("ar", "er", "or", "r", "n", "", "na", "en", "arna", "erna", "orna", "rna")


@lru_cache(maxsize=16384)
def plural_forms(lemma: str) -> frozenset[str]:
    """The plural forms (indefinite and definite) the dictionary knows of a noun lemma."""
    parts = _compound_head(lemma)
    if parts:
        return frozenset(parts[0] + form for form in plural_forms(parts[1]))
    listed = yaml_data("irregular_nouns").get(lemma)
    if listed:  # män, männen: ending-made forms are other words (mannen is the singular)
        return frozenset(f for f in listed if not f.endswith("s"))
    stems = {lemma}
    if lemma[-1:] in ("m", "n"):
        stems.add(lemma + lemma[-1])  # rum → rummen
    if lemma[-1:] in "ae":
        stems.add(lemma[:-1])
    if lemma.endswith(("el", "er", "en")):
        stems.add(lemma[:-2] + lemma[-1])
    forms = set()
    g = gender(lemma)
    # an ett-ord ending in a consonant has no plural ending (ett sår, två sår, såren):
    # sårar is the verb såra
    endings = ("en", "na") if g == NEUT and lemma[-1:] not in VOWELS else PLURAL_ENDINGS
    for stem in stems:
        for ending in endings:
            if not ending and stem != lemma:
                continue  # no plural drops a letter (dusch is duscha's imperative)
            form = stem + ending
            if form != lemma and known(form, ALL) and lemma in lemma_candidates(form):
                forms.add(form)
    if g:
        forms.discard(definite_singular(lemma, g) or "")
    return frozenset(forms)


def plural_indefinite(lemma: str) -> str | None:
    """The indefinite plural (*blåmärke → blåmärken*, *hand → händer*) the dictionary knows."""
    g = gender(lemma)
    # shortest first, a form the dictionary knows as a noun before a verb form (smycken, not
    # smyckar), then alphabetically: never by the set's order, which changes between runs
    forms = sorted(plural_forms(lemma), key=lambda f: (not known(f, NOUN), len(f), f))
    for form in forms:
        definite = form.endswith("na") or (g == NEUT and form.endswith("en") and form[:-2] == lemma)
        if not definite:
            return form
    return None


def plural_definite(lemma: str) -> str | None:
    """The definite plural made from the indefinite (*skor → skorna*, *äpplen → äpplena*,
    *sår → såren*), when the dictionary knows it."""
    indefinite = plural_indefinite(lemma) or (lemma if gender(lemma) == NEUT else None)
    if indefinite is None:
        return None
    if indefinite == lemma:
        options = [lemma + "en", lemma + lemma[-1] + "en"]  # barn → barnen, rum → rummen
    elif indefinite.endswith("r"):
        options = [indefinite + "na"]
    elif indefinite.endswith("n"):
        options = [indefinite + "a"]
    else:
        options = [indefinite + "en", indefinite + "na"]
    return next((f for f in options if known(f, ALL)), None)


PERSON_ZERO_PLURALS = ("are", "ande", "ende", "iker")  # the person has no plural ending
ZERO_PLURAL_ENDINGS = ("are", "ande", "ende", "iker", "er")


class NounForm(tuple):
    """(lemma, gender, number, definite) of a written noun; number/definite may be ``?``."""

    __slots__ = ()

    @property
    def lemma(self) -> str:
        return self[0]

    @property
    def gender(self) -> str:
        return self[1]

    @property
    def number(self) -> str:
        return self[2]

    @property
    def definite(self) -> str:
        return self[3]

    def with_definite(self, definite: str) -> NounForm:
        return NounForm((self[0], self[1], self[2], definite))


def noun_form(word: str) -> NounForm | None:
    """The likeliest reading of a noun form, or None when it is not a noun the dictionary
    knows well."""
    readings = noun_readings(word)
    return readings[0] if readings else None


@lru_cache(maxsize=16384)
def noun_readings(word: str) -> tuple[NounForm, ...]:
    """Every reading of a noun form (*planet*: the plane, or a planet), likeliest first."""
    lower = word.lower()
    plurals = yaml_data("grammar/plural_nouns")
    for form, plural in plurals.items():  # also as the last part: sängkläderna
        if lower == form or (lower.endswith(form) and len(lower) > len(form) + 2):
            return (NounForm((lower, plural[0], "plur", plural[1])),)
    readings = []
    lemmas = [lemma.lower() for lemma in lemma_candidates(lower)[:2]]
    stripped = [lower[:-2], lower[:-1]] if lower.endswith(("en", "et")) else []
    index = load_index()
    # a stripped lemma nobody writes (tallrike beside tallriken) is no reading
    stripped = [lemma for lemma in stripped if lemma in lemmas or index.zipf(lemma) > 0]
    bits = index.noun_bits(lower)
    for lemma in stripped + lemmas[:1]:  # planet: a planet, or the plan; grund, a noun itself
        if lemma in (lower, *stripped) and gender(lemma) is None and known(lemma, NOUN):
            if bits and not index.noun_bits(lemma) and lemma != lower:
                continue  # taket is tak's (the dictionary says so), not a form of take
            return ()  # a reading of unknown gender: no judgement
    for lemma in dict.fromkeys(lemmas + stripped):
        reading = _reading(lower, lemma) or (_entry_reading(lemma, bits) if bits else None)
        if reading:
            readings.append(reading)
    if bits:  # the dictionary's entry of a lemma says which readings its forms have
        readings = [_narrowed(_settled(r, bits), bits) for r in readings]
        readings = [r for r in readings if _entry_allows(r, bits)]
    return tuple(readings)


def _entry_reading(lemma: str, bits: int) -> NounForm | None:
    """The reading the lemma's dictionary entry gives a form the ending guess missed
    (*fingrar*, the plural of the ett-ord *finger*), when it gives one only."""
    g = _entry_gender(lemma)
    if g is None or gender(lemma) != g:
        return None
    found = [
        (number, definite)
        for number in ("sing", "plur")
        for definite in ("ind", "def")
        if bits & _reading_bits(NounForm((lemma, g, number, definite)))
    ]
    return NounForm((lemma, g, *found[0])) if len(found) == 1 else None


def _entry_allows(reading: NounForm, bits: int) -> bool:
    """Whether the written form's noun ``bits`` allow ``reading``; a reading of a lemma the
    dictionary has no entry of that gender for is not judged (its *man* is a horse's mane:
    *manen*, *mannen* is left to the lemmatizer)."""
    return _entry_gender(reading.lemma) != reading.gender or bool(_reading_bits(reading) & bits)


def _reading_bits(reading: NounForm, number: str | None = None) -> int:
    """The ``nlp.dictionary`` noun-reading bits a reading stands for (either number for
    ``?``)."""
    base = 1 if reading.gender == COM else 16
    shift = 1 if reading.definite == "def" else 0
    numbers = {"sing": (0,), "plur": (2,), "?": (0, 2)}[number or reading.number]
    return sum(base << (n + shift) for n in numbers)


def _settled(reading: NounForm, bits: int) -> NounForm:
    """A plural reading made definite or indefinite as the lemma's entry has the form
    (*läkemedlen* is the definite plural of *läkemedel*)."""
    if reading.number != "plur" or _entry_gender(reading.lemma) != reading.gender:
        return reading
    indefinite = bits & _reading_bits(reading.with_definite("ind"))
    definite = bits & _reading_bits(reading.with_definite("def"))
    if indefinite and not definite:
        return reading.with_definite("ind")
    return reading.with_definite("def") if definite and not indefinite else reading


def _narrowed(reading: NounForm, bits: int) -> NounForm:
    """A reading of either number (*dotter*) made singular when the dictionary gives the
    form no plural reading (its plural is *döttrar*)."""
    if (
        reading.number == "?"
        and reading.lemma not in yaml_data("grammar/words")["unit_nouns"]  # fem kilo
        and not reading.lemma.endswith(PERSON_ZERO_PLURALS)  # alla boende, två lärare
        and _entry_gender(reading.lemma) == reading.gender
        and not _reading_bits(reading, "plur") & bits
    ):
        return NounForm((reading.lemma, reading.gender, "sing", reading.definite))
    return reading


def _reading(lower: str, lemma: str) -> NounForm | None:
    g = gender(lemma)
    if g is None:
        return None
    if (
        lemma not in genders()
        and _compound_head(lemma) is None
        and not (known(lemma, NOUN) or load_index().noun_bits(lemma))  # läkemedel
        and _listed_last_part(lemma) is None
    ):
        return None  # lemma candidates that are no noun (lakan → laka)
    if lower == lemma:
        zero_plural = (
            g == NEUT
            and lemma[-1:] not in VOWELS
            or lemma.endswith(ZERO_PLURAL_ENDINGS)
            or plural_indefinite(lemma) is None
            or lemma in yaml_data("grammar/words")["unit_nouns"]  # fem kilo
        )
        return NounForm((lemma, g, "?" if zero_plural else "sing", "ind"))
    if lower == definite_singular(lemma, g):
        return NounForm((lemma, g, "sing", "def"))
    if lower in plural_forms(lemma):
        indefinite = lower == plural_indefinite(lemma)
        definite = "def" if lower.endswith(("na", "en")) and not indefinite else "ind"
        return NounForm((lemma, g, "plur", definite))
    return None


def listed_plural_indefinite(form: str) -> str | None:
    """The indefinite plural of a definite plural in ``plural_nouns.yaml`` (*händerna →
    händer*, *barnen → barn*): the form without *-na*/*-en*/*-nen* that the table lists as
    indefinite, or a noun of either number the dictionary knows."""
    listed = yaml_data("grammar/plural_nouns")
    if form not in listed or listed[form][1] != "def":
        return None
    for ending in ("na", "en", "nen"):
        stem = form.removesuffix(ending)
        if stem == form:
            continue
        if listed.get(stem, [None, None])[1] == "ind":
            return stem
        if any(r.number == "?" and r.gender == listed[form][0] for r in noun_readings(stem)):
            return stem  # barnen → barn
    return None


def listed_plural_definite(form: str) -> str | None:
    """The definite plural of an indefinite plural in ``plural_nouns.yaml`` (*händer →
    händerna*, *glasögon → glasögonen*), when the table lists it."""
    listed = yaml_data("grammar/plural_nouns")
    if listed.get(form, [None, None])[1] != "ind":
        return None
    for ending in ("na", "en", "nen"):
        if listed.get(form + ending, [None, None])[1] == "def":
            return form + ending
    return None


def is_person(word: str) -> bool:
    """Whether the noun ``word`` names a person (*dottern*, *sjuksköterskan*,
    *distriktssköterskan*, *arbetsterapeuten*): a lemma of ``person_nouns``, a compound of
    one (four letters or more: not *roman* for *man*) or one of ``person_endings``."""
    table = yaml_data("grammar/words")
    people, endings = table["person_nouns"], tuple(table["person_endings"])
    for reading in noun_readings(word):
        lemma = reading.lemma
        if lemma in people or lemma.endswith(endings):
            return True
        if lemma[:-2] in people and lemma.endswith(("en", "na")):
            return True  # barnbarnen, barnen: a definite plural plural_nouns.yaml lists whole
        if any(len(p) >= 4 and lemma.endswith(p) for p in people):
            return True
    return False
