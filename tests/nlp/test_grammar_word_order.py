"""Word order: verb second in main clauses, sentence adverbs in subordinate clauses."""

import pytest

from tests.nlp.report_views import grammar_findings as findings


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("I morgon jag ska ringa hennes dotter.", "jag ska", "ska jag"),
        ("Efter duschen brukaren fick kräm på benen.", "brukaren fick", "fick brukaren"),
        ("Kl. 14.00 hon åt lite soppa.", "hon åt", "åt hon"),
        ("Därefter jag hjälpte henne till toaletten.", "jag hjälpte", "hjälpte jag"),
        ("När jag kom in i rummet hon låg på golvet.", "hon låg", "låg hon"),
        ("Nu patienten mår bättre.", "patienten mår", "mår patienten"),
        ("Efter att hon hade ätit hon ville vila.", "hon ville", "ville hon"),
        ("Hela natten hon var vaken.", "hon var", "var hon"),
        ("Om två dagar hon flyttar hem.", "hon flyttar", "flyttar hon"),
        ("I natt det regnade mycket.", "det regnade", "regnade det"),
        ("Efter lunch Ahmed vilade i sängen.", "Ahmed vilade", "vilade Ahmed"),
        ("Efter att ha ätit frukost hon vilade.", "hon vilade", "vilade hon"),
        ("För att undvika trycksår vi vände henne.", "vi vände", "vände vi"),
        ("Dagen efter hon hade ont i höften.", "hon hade", "hade hon"),
        ("Två gånger brukaren ringde på larmet.", "brukaren ringde", "ringde brukaren"),
        ("Strax efter lunch hon somnade.", "hon somnade", "somnade hon"),
        ("Mitt i natten hon vaknade.", "hon vaknade", "vaknade hon"),
        ("I morse brukaren åt två smörgåsar.", "brukaren åt", "åt brukaren"),
        ("Förmodligen hon har en infektion.", "hon har", "har hon"),
        ("Sedan hon åt lite soppa.", "hon åt", "åt hon"),
        ("När jag kom in i rummet patienten låg på golvet.", "patienten låg", "låg patienten"),
        ("Eftersom det var kallt hon ville ha en filt.", "hon ville", "ville hon"),
        ("Så fort hon vaknade hon ringde på larmet.", "hon ringde", "ringde hon"),
        ("Efter frukosten hon inte ville äta.", "hon inte ville", "ville hon inte"),
        ("Efter frukosten hon och jag gick ut.", "hon och jag gick", "gick hon och jag"),
        ("Under natten ssk gav henne morfin.", "ssk gav", "gav ssk"),
        ("Efter lunchen brukarens dotter kom.", "brukarens dotter kom", "kom brukarens dotter"),
        ("Efter maten ingen ville gå ut.", "ingen ville", "ville ingen"),
        ("Den här veckan vi har tre nya brukare.", "vi har", "har vi"),
        ("Kaffe hon vill ha med mjölk.", "hon vill", "vill hon"),
        ("Sina glasögon han glömde i matsalen.", "han glömde", "glömde han"),
        ("Innan läkaren kom dottern ringde två gånger.", "dottern ringde", "ringde dottern"),
    ],
)
def test_verb_not_second_after_a_fronted_phrase_is_marked(text, wrong, right):
    assert findings(text, "v2") == [(wrong, (right,))]


@pytest.mark.parametrize(
    "text",
    [
        "Kl. 13.00 åt hon lunch i matsalen.",
        "När hon vaknade ville hon ha kaffe.",
        "Vad hon menade förstod jag inte.",
        "Har hon fått sina tabletter i kväll?",
        "Ring sjuksköterskan om temperaturen stiger över 38 °C.",
        "Jag och Maria hjälpte honom upp ur sängen i morse.",
        "Kanske hon vill vila en stund.",
        "I själva verket har de varit kända länge.",
        "Under de första månaderna ligger barnet helst på sidan.",
        "Sedan hon flyttade hit, har hon mått bättre.",
        "Efter att hon hade ätit ville hon vila.",
        "Hela familjen var där på hennes födelsedag.",
        "På grund av det var hon ledsen.",
        "Varje gång hon ringer svarar vi.",
        "Två sköterskor hjälpte henne upp ur sängen.",
        "En kollega och jag duschade brukaren.",
        "Också hon ville vila efter maten.",
        "Sedan hon kom hit har hon gått upp i vikt.",
        "Då hon inte ville äta ringde jag sjuksköterskan.",
        "När jag ringde dottern svarade ingen.",
        "När jag kom till brukaren låg en kudde på golvet.",
        "När jag frågade brukaren sa hon nej.",
        "Eftersom hon inte förstod läkaren ringde dottern.",
        "I den ena gruppen finns överprivilegierade hustrur.",
        "Med det långa skohornet tar brukaren på sig skorna.",
        "I Svenska Dagbladets debatt använde man den falska motsättningen.",
        "Igår sa läkaren hon skulle vila mer.",
        "Sedan sa sköterskan han fick gå hem.",
        "Där personalen skriver om en patients hälsa, vård och behandling.",
        "Den här veckan har vi tre nya brukare.",
        "Den här veckan vi hade semester var lugn.",
        "Kaffet hon drack var kallt.",
        "Rummet hon bor i.",
        "Kläder hon behöver köpa.",
        "Mat hon tycker om är fisk.",
        "Hans rullstol står i förrådet.",
        "När hon ringde dottern svarade hennes man.",
    ],
)
def test_right_word_order_in_main_clauses_is_silent(text):
    assert findings(text, "v2") == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Jag frågade om hon har redan ätit.", "har redan", "redan har"),
        ("Han sa att han orkade inte gå till matsalen.", "orkade inte", "inte orkade"),
        ("Brukaren, som kan inte gå själv, behöver hjälp.", "kan inte", "inte kan"),
        ("Personalen märkte att hon åt inte sin frukost.", "åt inte", "inte åt"),
        ("Dottern sa att mamman har ofta ont i ryggen.", "har ofta", "ofta har"),
        ("Jag märkte att ssk hade inte signerat listan.", "hade inte", "inte hade"),
        ("Jag frågade om någon hade redan duschat henne.", "hade redan", "redan hade"),
        ("Vi vet att hon och jag kan inte komma.", "kan inte", "inte kan"),
        ("Jag märkte att hon vill helst sitta vid fönstret.", "vill helst", "helst vill"),
        ("Eftersom han kan bara äta flytande kost får han dryck.", "kan bara", "bara kan"),
        ("Hon sa att hon kände sig inte bra.", "kände sig inte", "inte kände sig"),
        ("Jag hoppas att hon kan snart gå själv igen.", "kan snart", "snart kan"),
        ("Eftersom hon hade nyss ätit ville hon inte ha kaffe.", "hade nyss", "nyss hade"),
    ],
)
def test_sentence_adverb_after_the_verb_of_a_subordinate_clause_is_marked(text, wrong, right):
    assert findings(text, "subclause_order") == [(wrong, (right,))]


@pytest.mark.parametrize(
    "text",
    [
        "Jag frågade om hon redan hade ätit.",
        "Hon sa att hon inte kände sig bra.",
        "Hon sa att hon kände sig bra.",
        "Jag hoppas att hon kommer snart.",
        "Hon sa att hon kan gå snart.",
        "Jag tror att han har snart slut på tabletter.",
        "Hon åt ingenting, för hon mådde inte bra.",
        "Vi ringde dottern, men hon svarade inte.",
        "Om hon inte vill duscha i dag får hon duscha i morgon.",
        "Brukaren, som inte kan gå själv, behöver hjälp.",
        'Hon sa: "Jag vill inte duscha i dag."',
        "Eftersom han äter ofta mår han bättre.",
        "Jag tror att hon har bara två tänder kvar.",
        "Jag vet att hon äter bara soppa.",
        "Det är bra att hon dricker ofta.",
        "Hon sa att hon gärna vill gå ut.",
        "Det var en byggnation som anses mest samhällsnyttig.",
        "Hon sa att alla redan hade ätit när hon kom.",
    ],
)
def test_right_subordinate_clauses_and_main_clauses_are_silent(text):
    assert findings(text, "subclause_order") == []
