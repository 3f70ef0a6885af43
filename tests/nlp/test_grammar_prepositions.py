"""The ``preposition`` rule on care heads added in session 6 and on months: a trainee's
transfer from another language is marked, the natives' own use of the same words stays silent."""

import pytest

from tests.nlp.report_views import grammar_findings


def findings(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return grammar_findings(text, "preposition")


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Hennes man var sjuk av cancer och dog förra året.", "av", "i"),
        ("Hon har ont på knät när hon går i trappan.", "på", "i"),
        ("Han klagar på smärta på ryggen.", "på", "i"),
        ("Hon fick en tablett på illamåendet.", "på", "mot"),
        ("Brukaren är allergisk till jordnötter.", "till", "mot"),
        ("Han är nyfiken för den nya personalen.", "för", "på"),
        ("Hon irriterar sig med ljudet från korridoren.", "med", "på"),
        ("Dottern är upprörd om beslutet.", "om", "över"),
        ("Han är inte medveten för sin sjukdom.", "för", "om"),
        ("Hon är vaccinerad för influensa.", "för", "mot"),
        ("Han anpassar sig för rutinerna på boendet.", "för", "till"),
        ("Hon har inget behov till hjälp på natten.", "till", "av"),
        ("Hon fyller år på januari.", "på", "i"),
    ],
)
def test_a_transferred_preposition_after_a_care_head_is_marked(text, wrong, right):
    assert findings(text) == [(wrong, (right,))]


@pytest.mark.parametrize(
    "text",
    [
        "Hon är sjuk av oro för sonen.",  # sjuk av: only before a disease
        "Han har ont på höger sida.",  # ont på: only before a listed body part
        "Hon väntar på juli när dottern kommer hem.",  # vänta på: the head's preposition
        "I början på mars flyttade hon hit.",
        "Raketen landade på Mars.",  # a capital: a name
        "Han lyssnar på radio varje morgon.",
        "Hon är en stor tillgång för avdelningen.",
        "Försök att göra läsningen till en vana för er.",  # vana, not van
    ],
)
def test_the_natives_use_of_the_same_words_is_silent(text):
    assert findings(text) == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Hennes son bor på Malmö och kommer sällan.", "på", "i"),
        ("Han bodde på Somalia tills han var trettio.", "på", "i"),
        ("Hon bor i Gotland sedan i våras.", "i", "på"),
        ("Hans fru ligger i sjukhus sedan i tisdags.", "i", "på"),
        ("Min kollega var inte i jobbet i går.", "i", "på"),
        ("Jag hämtade hennes mediciner i apoteket.", "i", "på"),
        ("Vi drack kaffe på köket tillsammans.", "på", "i"),
        ("Hon flyttade på ett särskilt boende förra året.", "på", "till"),
        ("Han kommer av Syrien.", "av", "från"),
        ("Vi åkte på bussen till stan.", "på", "med"),
        ("Hon har en tid i vårdcentralen på torsdag.", "i", "på"),
    ],
)
def test_a_wrong_preposition_of_a_place_is_marked(text, wrong, right):
    assert findings(text) == [(wrong, (right,))]


@pytest.mark.parametrize(
    "text",
    [
        "Han studerar på Malmö högskola.",  # a place of its own
        "Hon bor på Solgården.",  # a home's name: not in the list
        "Hon väntade på hissen.",  # vänta på: the verb's own preposition
        "Jag vill jobba med barnen i sjukhuset.",  # the place is not the verb's
        "Han har jobbat 30 år i jobbet.",
        "Hon satt på bussen och tittade ut.",  # where she sat
        "I bussen satt en gammal man.",
        "Det var ett led i operationen.",
        "Åker man gratis på spårvagn?",
        "Kung Håkon av Norge kom på besök.",
        "Vi gjorde ett besök på Barnens ö.",
        "Hon bor på ett boende nära sin dotter.",
    ],
)
def test_the_right_preposition_of_a_place_and_look_alikes_are_silent(text):
    assert findings(text) == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Efter lunch gick vi ut i promenad i parken.", "i", "på"),
        ("Hennes kontaktperson är i semester.", "i", "på"),
        ("Han ska ta tabletten tre gånger i dagen.", "i", "om"),
        ("Hon föddes i 1930-talet.", "i", "på"),
        ("I kvällen var hon orolig och gick runt.", "I", "På"),
        ("Han bor på sin dotter just nu.", "på", "hos"),
        ("Jag ringde med hennes son och berättade om fallet.", "med", "till"),
        ("Han skäms av att han behöver hjälp.", "av", "för"),
        ("Hon tror starkt i Gud.", "i", "på"),
        ("Orsaken av fallet är oklar.", "av", "till"),
        ("Läkaren skrev ett recept för antibiotika.", "för", "på"),
        ("Hon vill ha strumpor i fötterna.", "i", "på"),
    ],
)
def test_phrases_persons_and_more_heads_from_dev3_are_marked(text, wrong, right):
    assert findings(text) == [(wrong, (right,))]


@pytest.mark.parametrize(
    "text",
    [
        "Hon levde kvar långt in i 1930-talet.",
        "Han ringde med mobilen.",
        "I kväll kommer hennes son.",
        "Hon har ont i huvudet och vill vila.",
        "Hon frågade för min mammas räkning.",
        "Filmen sändes i tv.",
    ],
)
def test_look_alikes_of_phrases_and_persons_are_silent(text):
    assert findings(text) == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Hon har bott här på fem år nu.", "på", "i"),
        ("Han har varit inlagd på tre veckor.", "på", "i"),
        ("Hon har bott i Sverige för tio år.", "för", "i"),
        ("Hon fick sin medicin före en timme sedan.", "före", "för"),
        ("Hon åt soppa i lunch.", "i", "till"),
        ("Han kom hem i julafton.", "i", "på"),
        ("Han vill inte delta med aktiviteterna.", "med", "i"),
        ("Hon bor i närheten till affären.", "till", "av"),
    ],
)
def test_durations_ago_and_meals_are_marked(text, wrong, right):
    assert findings(text) == [(wrong, (right,))]


@pytest.mark.parametrize(
    "text",
    [
        "Han har inte varit hemma på fem år.",  # with a negation: "in five years"
        "Han hade varit här för 40 år sedan.",
        "Falun har varit sportens högborg för några dagar.",
        "Han har bott här sedan fem år tillbaka.",
        "Han vaknade från narkosen vid tio.",
        "Alla deltog med liv och lust.",
        "Närheten till havet betyder mycket för henne.",
    ],
)
def test_durations_and_their_look_alikes_are_silent(text):
    assert findings(text) == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Hon kom hem av sjukhuset i går kväll.", "av", "från"),
        ("Hon gick ut på trädgården.", "på", "i"),
        ("Han skickades på akuten med ambulans.", "på", "till"),
        ("Hon behöver hjälp för strumpor och skor.", "för", "med"),
        ("Han led för yrsel hela förmiddagen.", "för", "av"),
        ("Hon bor på en lägenhet i centrum.", "på", "i"),
        ("Hon duschar i tisdagarna.", "i", "på"),
    ],
)
def test_more_places_and_heads_from_dev4_are_marked(text, wrong, right):
    assert findings(text) == [(wrong, (right,))]


@pytest.mark.parametrize(
    "text",
    [
        "Han längtar hem till oss.",
        "Hon har bott på fyra olika ställen.",
        "Han gick på toaletten.",
        "Han tog farväl med en kram.",
    ],
)
def test_look_alikes_from_dev4_are_silent(text):
    assert findings(text) == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Hon jobbar i ett äldreboende i Malmö.", "i", "på"),
        ("Hon ligger i strokeavdelningen sedan i går.", "i", "på"),
        ("Han jobbar i geriatriken.", "i", "på"),
        ("Han satt på väntrummet en timme.", "på", "i"),
        ("Taxin kom inte på tid.", "på", "i"),  # a listed noun: no time adverbial of its own
        ("Vi har ont på tid på morgnarna.", "på", "om"),
    ],
)
def test_wards_and_homes_by_their_compounds_are_marked(text, wrong, right):
    assert findings(text) == [(wrong, (right,))]


@pytest.mark.parametrize(
    "text",
    [
        "Hon är i hemmet hela dagen.",
        "Han arbetar här i Djurgårdshemmet.",
        "Vi gjorde ett besök i Karolinska sjukhuset.",
        "Hon fick ligga i korridoren.",
    ],
)
def test_home_names_and_the_corridor_are_silent(text):
    assert findings(text) == []
