"""Subject and object forms of personal pronouns, and fixed prepositions."""

import pytest

from tests.nlp.report_views import grammar_findings as findings


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Jag frågade hon om hon ville duscha.", "hon", "henne"),
        ("Honom ville inte äta i dag.", "Honom", "Han"),
        ("Vi hjälpte han upp ur sängen.", "han", "honom"),
        ("Dottern ringde och jag pratade med hon en stund.", "hon", "henne"),
        ("När henne vaknade var hon förvirrad.", "henne", "hon"),
        ("Brukaren och mig gick en promenad.", "mig", "jag"),
        ("Kan du hjälpa jag med lyften?", "jag", "mig"),
        ("Honom och jag gick ut.", "Honom", "Han"),
        ("Vi gav de kaffe i dagrummet.", "de", "dem"),
        ("I dag har henne ätit bra.", "henne", "hon"),
        ("Sedan hjälpte jag hon med strumporna.", "hon", "henne"),
        ("Jag har sett hon i korridoren.", "hon", "henne"),
        ("Det är svårt att väcka hon.", "hon", "henne"),
        ("Hon åt och henne drack lite.", "henne", "hon"),
        ("Efter maten var henne trött.", "henne", "hon"),
        ("Läkaren träffade henne och jag i korridoren.", "jag", "mig"),
        ("Jag lyfte upp hon ur sängen.", "hon", "henne"),
        ("Jag läste tidningen för hon.", "hon", "henne"),
        ("Mig och min kollega gjorde dubbelbemanning.", "Mig", "Jag"),
        ("Vi var oroliga för han hela natten.", "han", "honom"),
        ("Det var svårt för han att resa sig.", "han", "honom"),
        ("Jag förklarade för hon hur larmet fungerar.", "hon", "henne"),
        ("Hon vill sitta bredvid jag i matsalen.", "jag", "mig"),
        ("Enligt hon är maten för salt.", "hon", "henne"),
        ("Hon kände inte igen jag i dag.", "jag", "mig"),
        ("Igår gav personalen han medicinen i yoghurt.", "han", "honom"),
        ("Varken hon eller honom ville äta frukost.", "honom", "han"),
        ("Både henne och hennes man var trötta efter resan.", "henne", "hon"),
        ("Jag hjälpte både han och hans fru med maten.", "han", "honom"),
        ("Dem som bor på enheten äter kl. 12.", "Dem", "De"),
        ("Hon bad om hjälp och jag hjälpte hon.", "hon", "henne"),
        ("Henne och hennes man bor i en lägenhet.", "Henne", "Hon"),
        ("Vi sjöng för de på eftermiddagen.", "de", "dem"),
        ("Han bad mig hjälpa han.", "han", "honom"),
        ("Läkaren undersökte han noga.", "han", "honom"),
        ("Barnbarnen besökte hon i söndags.", "hon", "henne"),
    ],
)
def test_wrong_pronoun_form_is_marked(text, wrong, right):
    assert findings(text, "pronoun_case") == [(wrong, (right,))]


@pytest.mark.parametrize(
    "text",
    [
        "Honom har jag inte träffat förut.",
        "Det var hon som ringde på larmet.",
        "Hon och jag gick en promenad i parken.",
        "Dem som behöver hjälp med maten hjälper vi först.",
        "Henne känner alla på avdelningen.",
        "Hon åt ingenting, för hon mådde inte bra.",
        "Jag tror hon kommer i morgon.",
        "Kl. 13.00 åt hon lunch.",
        "Hon har tänkt på de här frågorna.",
        "Den rätten har vi kvinnor haft länge.",
        "Så länge mamma har hand om barnen kan hon inte välja.",
        "Jag har henne kvar på listan.",
        "Hon åt och honom såg jag inte.",
        "Nu vet vi hon är trött.",
        "Han vet inte om han orkar gå ut i dag.",
        "Det går fortare om han sprungit en bit.",
        "Efter hon hade ätit gick hon och lade sig.",
        "För han och hans kamrater vet.",
        "Finske mästaren är favoriten bland de åtta.",
        "Dem som bor här känner jag inte.",
        "Både hon och hennes man var trötta efter resan.",
        "Dottern och hennes man besökte hon i går.",
        "Sedan ringde sonen, han var orolig.",
        "Vi har hjälpt henne och hon är nöjd.",
        "Det var henne som ringde i natt.",
        "Jag frågade honom och han svarade.",
        "Även om hon i verkligheten var trött ville hon gå ut.",
        "Mellan dig och mig finns en god kontakt.",
        "Mellan sonen och mig finns ett stort förtroende.",
        "Honom och sonen ringde vi till på kvällen.",
        "Henne och hennes man träffade vi i går.",
        "Maten åt hon upp.",
        "Den rätten har vi haft länge.",
        "Det är bra för de flesta.",
        "Hon var orolig, för de på natten hade inte sett henne.",
        "Hon bad oss hjälpa henne.",
    ],
)
def test_right_pronoun_forms_are_silent(text):
    assert findings(text, "pronoun_case") == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Hon är orolig om sin son.", "om", "för"),
        ("Han klagade för smärta i ryggen.", "för", "på"),
        ("Hon är intresserad för handarbete.", "för", "av"),
        ("Brukaren är rädd av att falla igen.", "av", "för"),
        ("Jag tog hand av henne hela förmiddagen.", "av", "om"),
        ("Han ber ofta för hjälp på natten.", "för", "om"),
        ("Hon letade för sin väska överallt.", "för", "efter"),
        ("Hon pratade till sin son i telefon.", "till", "med"),
        ("Jag tycker synd för henne.", "för", "om"),
        ("Hon är tacksam om all hjälp hon får.", "om", "för"),
        ("Han oroar sig om sin fru hela tiden.", "om", "för"),
        ("Hon fick biverkningar från blodtrycksmedicinen.", "från", "av"),
        ("Han har ingen tillgång för internet på rummet.", "för", "till"),
        ("Han har laktosintolerans för mjölk och grädde.", "för", "mot"),
        ("Vi hjälper honom med duschen i förmiddagen.", "i", "på"),
        ("Sonen kommer på besök i torsdag.", "i", "på"),
        ("Han är trött med att vänta på läkaren.", "med", "på"),
        ("Han har ont på ryggen sedan i går.", "på", "i"),
        ("Hon är helt beroende på hjälp med allt.", "på", "av"),
        ("Hon står inte ut av ljudet.", "av", "med"),
        ("Hon tittar i tv hela kvällen.", "i", "på"),
        ("Hon har rätt på hemtjänst.", "på", "till"),
    ],
)
def test_wrong_preposition_in_a_fixed_expression_is_marked(text, wrong, right):
    assert findings(text, "preposition") == [(wrong, (right,))]


@pytest.mark.parametrize(
    "text",
    [
        "Hon är orolig över provsvaren.",
        "Hon klagade för sjuksköterskan på smärtan i höften.",
        "Vi väntade för att se om febern gick ner.",
        "Hon är ofta orolig på natten.",
        "Beroende på vädret går vi ut.",
        "Hon behöver hjälp på natten.",
        "Han klagade för sköterskan.",
        "Jag påminde honom på mötet.",
        "Vi fick vänta för länge på taxin.",
        "Han tänkte om och valde soppa.",
        "Hon svarade till slut.",
        "Det var synd för hennes skull.",
        "Han blev varnad av sjuksköterskan att inte gå själv.",
        "Han intresserade sig för fotboll som ung.",
        "Hon räddade sig från fallet genom att ta tag i räcket.",
        "Det finns ingen anledning för oss att oroa oss.",
        "Med anledning av hennes födelsedag åt vi tårta.",
        "Hon drömmer ofta på arabiska.",
        "Han väntade för två timmar sedan på taxin.",
        "Vi kan hjälpa henne på olika sätt.",
        "Tänk om hon hade ramlat i trappan.",
        "Svaret till kommunen skickades i går.",
        "Hon blir glad om hon får besök i helgen.",
        "Hon överraskade med ett besök.",
        "Hon är en stor tillgång för avdelningen.",
        "Hon har sömnproblem av oro för sonen.",
        "Vi ger god omsorg om de äldre.",
        "Mitt i vintern flyttade hon hit.",
        "Det gör ont på henne när vi lyfter.",
        "Han är duktig med händerna och tycker om att snickra.",
        "Vi fick tänka om när hissen var trasig.",
        "Du har rätt på den punkten.",
        "Han anklagade personalen för att ha tagit hans plånbok.",
    ],
)
def test_right_prepositions_are_silent(text):
    assert findings(text, "preposition") == []
