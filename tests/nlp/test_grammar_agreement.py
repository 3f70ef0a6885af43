"""Agreement in the noun phrase and of a predicative adjective (issue 12)."""

import pytest

import nlp
from tests.nlp.report_views import grammar_findings as grammar


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Hon har ont i en knä sedan i går.", "en knä", "ett knä"),
        ("Vi hämtade ett skön stol till henne.", "ett skön stol", "en skön stol"),
        ("Jag bytte den röda förbandet på armen.", "den röda förbandet", "det röda förbandet"),
        ("Brukaren har en stort blåmärke på höften.", "en stort blåmärke", "ett stort blåmärke"),
        ("Hon bor i en liten rum på andra våningen.", "en liten rum", "ett litet rum"),
        ("Hon sitter i den nya rullstol hela dagen.", "den nya rullstol", "den nya rullstolen"),
        ("Hon har många blåmärke på armarna.", "många blåmärke", "många blåmärken"),
        ("Jag satte på henne den gamla skorna.", "den gamla skorna", "de gamla skorna"),
        ("Jag tvättade hennes hår med ett mild schampo.", "ett mild schampo", "ett milt schampo"),
        ("Hon lade ett blå täcke över benen.", "ett blå täcke", "ett blått täcke"),
        ("Hon letade efter sina väska i rummet.", "sina väska", "sin väska"),
        ("Hon tappade sin glasögon på golvet.", "sin glasögon", "sina glasögon"),
        ("Han har en skavsår på hälen.", "en skavsår", "ett skavsår"),
        ("Jag har ont i min handen, säger brukaren.", "min handen", "min hand"),
        ("Jag tvättade hennes håret i duschen.", "hennes håret", "hennes hår"),
        ("Hon vill inte ha de nya skor.", "de nya skor", "de nya skorna"),
        ("Vi flyttade henne till det stora rum.", "det stora rum", "det stora rummet"),
        ("Hon har kall händer och fötter.", "kall händer", "kalla händer"),
        ("Hon har två ny byxor i garderoben.", "två ny byxor", "två nya byxor"),
        ("Vi väntade fem minut på hissen.", "fem minut", "fem minuter"),
        ("Hon städade sitt stort rum själv.", "sitt stort rum", "sitt stora rum"),
        # the gender comes from the dictionary's inflection classes (katten, hålet), which
        # also tell that katt is no plural of katta and dotter no plural at all
        ("Hon pratar ofta om ett katt som hon hade.", "ett katt", "en katt"),
        ("Det finns en hål i hennes strumpa.", "en hål", "ett hål"),
        ("Hon ringde sina dotter efter lunch.", "sina dotter", "sin dotter"),
        # a noun the tagger took for a verb or a pronoun right after an article
        ("Hon har ett klocka som piper varje timme.", "ett klocka", "en klocka"),
        ("Denna rum är hennes.", "Denna rum", "Detta rum"),
        ("Vi satt i hennes rummet en stund.", "hennes rummet", "hennes rum"),
        ("Hon vill inte sova i den här rummet längre.", "den här rummet", "det här rummet"),
        ("Hon vill inte sova i det här rum.", "det här rum", "det här rummet"),
        ("De här skor är för små.", "De här skor", "De här skorna"),
        # a listed plural after a possessive takes its indefinite form
        ("Hon höll mina händerna länge.", "mina händerna", "mina händer"),
        ("Han pratar mycket om sina barnen.", "sina barnen", "sina barn"),
        # an adjective the tagger took for a pronoun
        ("Vi tvättade alla smutsig kläder.", "alla smutsig kläder", "alla smutsiga kläder"),
        ("Han har svullen fötter i dag.", "svullen fötter", "svullna fötter"),
        # a comparative never inflects, the determiner still agrees; words between are kept
        ("Vi bytte till en tunnare duntäcke.", "en tunnare duntäcke", "ett tunnare duntäcke"),
        ("Hon fick en större rum.", "en större rum", "ett större rum"),
        ("Hon bor i den största rummet.", "den största rummet", "det största rummet"),
        ("Han har ett mycket stor sår.", "ett mycket stor sår", "ett mycket stort sår"),
        ("Alla brukaren fick vaccin i dag.", "Alla brukaren", "Alla brukare"),
        ("Hon flyttade till en äldreboende.", "en äldreboende", "ett äldreboende"),
        # egen keeps its indefinite form after a possessive, takes -na after de and in plural
        ("Han vill ha sitt egen kudde.", "sitt egen kudde", "sin egen kudde"),
        ("Hon vill ha sin eget täcke.", "sin eget täcke", "sitt eget täcke"),
        ("Hon har en egna telefon.", "en egna telefon", "en egen telefon"),
        ("Hon vill ha sina egen kläder.", "sina egen kläder", "sina egna kläder"),
        # annan agrees like an adjective; an ordinal after den/det leaves the gender to see
        ("Hon fick ett annan läkemedel.", "ett annan läkemedel", "ett annat läkemedel"),
        ("Vi ringde en annat läkare.", "en annat läkare", "en annan läkare"),
        ("Det första veckan var svår.", "Det första veckan", "Den första veckan"),
        ("Den andra rummet är ledigt.", "Den andra rummet", "Det andra rummet"),
        # a verb's imperative is no plural of the verb taken for a noun (dusch, tand)
        ("Hon vill ha en varmt dusch före frukost.", "en varmt dusch", "en varm dusch"),
        ("Hon har förlorat ett tand.", "ett tand", "en tand"),
        # båda wants a definite plural
        ("Hon har ont i båda ben.", "båda ben", "båda benen"),
        ("Båda armar är svullna.", "Båda armar", "Båda armarna"),
        ("Hon har sår på båda fötter.", "båda fötter", "båda fötterna"),
        # varje wants an indefinite singular
        ("Varje dagar går hon ut.", "Varje dagar", "Varje dag"),
        ("Vi ringer dottern varje veckan.", "varje veckan", "varje vecka"),
        ("Varje nya brukare får en kontaktperson.", "Varje nya brukare", "Varje ny brukare"),
        ("Vi har bytt alla lakanet i rummet.", "alla lakanet", "alla lakan"),
        ("Brukaren har fått en ny hörapparaten.", "en ny hörapparaten", "en ny hörapparat"),
        ("Vi har inte hittat någon ny lösningen än.", "någon ny lösningen", "någon ny lösning"),
        ("Han har tre barnen och sju barnbarn.", "tre barnen", "tre barn"),
    ],
)
def test_noun_phrase_disagreement_is_marked_with_the_agreeing_phrase(text, wrong, right):
    assert grammar(text, "np_agreement") == [(wrong, (right,))]


@pytest.mark.parametrize(
    "text",
    [
        "Hon har ett läkt sår på vänster ben.",
        "Jag bytte det blöta inkontinensskyddet och tvättade henne.",
        "Hon har ont i höger knä.",
        "Alla brukare på avdelningen fick influensavaccin i dag.",
        "Vi gav henne två glas vatten och en kopp te.",
        "Den här tabletten ska tas med mat.",
        "Varje morgon får hon sina ögondroppar.",
        "Dottern tog med sig hennes gamla kofta.",
        "Hon har ett blåmärke på höger arm och ett på vänster ben.",
        "Barnen fick den personliga vård som de behövde.",
        "Han hade en helt beroende relation till henne.",
        "Det nya samhälle man ville ge kvinnorna är inte olikt det gamla.",
        "Har det reglerad arbetstid?",
        "Om så bara en procent kan hjälpas, är det en vinst på det praktiska planet.",
        "Hon ville ha den blå koftan och de grå strumporna.",
        "Han bar ett lila förkläde och en orange mössa.",
        "Hon har haft ett konstant illamående sedan i går.",
        "Han har ett fotstöd på rullstolen och ett skavsår på hälen.",
        "Den gemenskapen har i sin grund en enkel idé.",
        "Jag tog bort de två pinnarna och satte på de tre nya förbanden.",
        "I dag är det fint väder.",
        "Alla patienterna fick kaffe.",
        "Denna veckan har hon sovit bättre.",
        "Varje barn får de bästa förutsättningar för att växa.",
        "Är de främmande unga varelser?",
        "Vi byter de blöta lakan som ligger i sängen.",
        "Erbjud något att dricka och smörj läppar och mun.",
        "Hon åt snabbt frukost och gick ut.",
        "Han har svår smärta och kalla fötter.",
        "Vi var tre man på kvällspasset.",
        "Hon drack två liter vatten och åt fem kilo apelsiner i veckan.",
        "Det är en enkönad, också den isolerad miljö utan kontakt med världen.",
        "Man har plockat fram den sociala trygghet eller rättare sagt den brist som finns.",
        "Mannen och kvinnan var trötta efter resan.",
        "Resultatet av detta fiske visar att sjön mår bra.",
        "Det var en lugn kväll för alla boende på enheten.",
        "En får aldrig ge upp.",
        "Det här leder till problem.",
        "Vi tog ett par steg och en vila.",
        "Den här får du ta med dig.",
        "De här barn är glada.",
        "Hon har inga kläder och bara tofflor på fötterna.",
        "Hon valde själv kläder.",
        "Det var en lugn och glad stämning vid middagen.",
        "Ett platt eller djupt fat.",
        "Hon fick ett större rum och en äldre rullstol.",
        "Hon har en lättare förkylning.",
        "Vi har annan personal i dag.",
        "Det är en annan sak.",
        "Vi gav alla maten.",
        "Vi har gett alla maten.",
        "Sedan åt alla maten.",
        "Hon tog hand om de tre barnen.",
        "Alla tre barnen kom på besök.",
        "Han fick en stolen.",
        "Vi ger dem en bra uppfostran.",
        "Hon drack en kopp kaffe och åt en bit bröd.",
        "Hon fick en bunt papper.",
        "Det var en ny början.",
        "Hon är gift med en före detta läkare.",
        "Vi vet inte om hon redan har fått sin insulin.",
        # term bank definitions and examples
        "Ta bort kläder, skor eller smycken från kroppen.",
        "En infektion som någon får när hen får vård eller omsorg.",
        "Häll upp ett glas vatten och ställ det där brukaren når det.",
        "På boendet äter alla middag tillsammans kl. 17.",
        "Det exakta ögonblick eller den tid när något händer.",
        # mannen is singular: of two definite forms the dictionary knows (manen), the one in use
        "Den gamla mannen satt i det stora rummet.",
        # det right after är/var is the subject: the noun phrase after it has no article
        "I dag är det stora dagen för henne.",
        # en boende is a resident, ett boende a home
        "En boende ramlade i natt.",
        "Hon bor på ett annat boende.",
        "Hon vill ha sina egna kläder och sitt eget täcke.",
        "Det egna rummet är viktigt för henne.",
        "Han sover bäst i sin egna säng hemma.",
        "Hon fick en andra chans.",
        "För det andra hade hon feber.",
        "Det är den första maj i dag.",
        "Den ena sonen kom i går och den andra dottern i dag.",
        # det + an ordinal or a superlative before a clause without som
        "Det första sjuksköterskan gjorde var att ringa.",
        "Det bästa brukaren vet är att sova.",
        "Varje nytt läkemedel ska kontrolleras.",
        "Han har skador på båda sidor.",
        "Vi tittade åt båda håll.",
        "Båda dessa läkemedel ger yrsel.",
        "Hon får en tablett varje morgon och varje kväll.",
    ],
)
def test_agreeing_noun_phrases_are_silent(text):
    assert grammar(text, "np_agreement") == []


def test_a_grammar_finding_has_a_rule_a_span_and_a_plain_swedish_message():
    text = "Hon har ont i en knä."
    (finding,) = [f for f in nlp.check(text, []).findings if f.kind == "grammar"]
    assert finding.rule == "np_agreement"
    assert text[finding.start : finding.end] == "en knä"
    assert "ett-ord" in finding.message


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Händerna är varm och hon säger att hon mår bra.", "varm", "varma"),
        ("Golvet är hal efter städningen.", "hal", "halt"),
        ("Benen är svullen i dag.", "svullen", "svullna"),
        ("Brukaren var trötta efter duschen.", "trötta", "trött"),
        ("Huden på hälarna är torrt.", "torrt", "torr"),
        ("Sängen var inte bäddat när jag kom.", "bäddat", "bäddad"),
        ("Hennes fötter är kall på morgonen.", "kall", "kalla"),
        ("Sängkläderna var blöt.", "blöt", "blöta"),
        ("Blodtrycket var hög.", "hög", "högt"),
        ("I dag är golvet hal.", "hal", "halt"),
        ("På natten blev hennes fötter kall.", "kall", "kalla"),
        ("Badrummet kändes kall när vi kom in.", "kall", "kallt"),
        ("Hennes naglar var lång.", "lång", "långa"),
        ("Kläderna var för stor.", "stor", "stora"),
        ("Såret ser röd ut.", "röd", "rött"),
        ("Benen var svullna och varm.", "varm", "varma"),
        ("Rummet ska vara städad före besöket.", "städad", "städat"),
        ("Hon kände sig trötta efter promenaden.", "trötta", "trött"),
        ("Mannen och kvinnan var trött efter resan.", "trött", "trötta"),
        ("Brukarens händer är fortfarande kall.", "kall", "kalla"),
        ("Alla fönster i huset var öppen.", "öppen", "öppna"),
        ("Det var kall ute i dag.", "kall", "kallt"),
        ("De känner sig ensam på kvällarna.", "ensam", "ensamma"),
        ("Såren är nu läkt.", "läkt", "läkta"),
        ("Taket i korridoren var fuktig.", "fuktig", "fuktigt"),
        ("Blodtrycket har varit hög hela veckan.", "hög", "högt"),
        ("Vädret var fin hela dagen.", "fin", "fint"),
        ("Rösten var svagt i dag.", "svagt", "svag"),
        ("Middagen var färdigt kl. 17.", "färdigt", "färdig"),
        ("Allt var lugn under natten.", "lugn", "lugnt"),
        ("Alla var trött efter kvällspasset.", "trött", "trötta"),
        # fingrar: the plural the dictionary's entry of the ett-ord finger gives
        ("Armarna var kalla och fingrarna var blå och stel.", "stel", "stela"),
        ("Hans fru och dotter är mycket engagerad.", "engagerad", "engagerade"),
        ("Hon och hennes man är trött efter resan.", "trött", "trötta"),
        ("Golvet och väggen är smutsig.", "smutsig", "smutsiga"),
        ("Det var kall i duschrummet på morgonen.", "kall", "kallt"),
        ("Benen är svullet efter den långa bussresan.", "svullet", "svullna"),
        ("Hon kände sig ensamt efter besöket.", "ensamt", "ensam"),
        ("Sängkläderna i rum 7 är bytt.", "bytt", "bytta"),
        ("Provsvaren från i går var normal.", "normal", "normala"),
        ("Maten var för salt och kaffet för stark.", "stark", "starkt"),
        ("Rummet var städat och sängen bäddat.", "bäddat", "bäddad"),
    ],
)
def test_predicative_adjective_that_disagrees_with_its_subject_is_marked(text, wrong, right):
    assert grammar(text, "predicative_agreement") == [(wrong, (right,))]


@pytest.mark.parametrize(
    "text",
    [
        "Förbandet är bytt och såret ser fint ut.",
        "Rummet har varit tomt hela dagen.",
        "Patienten har varit lugn hela natten.",
        "Läkemedlen är redan givna.",
        "Hon var sent ute i går.",
        "Alla var nöjda med maten.",
        "Såret är läkt och huden är hel.",
        "Medicinerna är slut och vi har beställt nya.",
        "Det är kallt ute i dag.",
        "Personalen är trött efter helgen.",
        "Rummet är städat och sängen är bäddad.",
        "Ett barn är fött utom äktenskapet.",
        "Han var tidigt uppe i dag.",
        "I dag är golvet torrt och rummet är städat.",
        "Handdukarna är blå.",
        "Sedan var hon lugn.",
        "De verkar snabbt men kortvarigt.",
        "Vänd brukaren var tredje timme.",
        "Såret var rött och sängen var blöt.",
        "Han och hon var glada över blommorna.",
        "Hennes ben är svullna.",
        "Skriker de finns en orsak, fast den många gånger kan vara svår att hitta.",
        "Det är synd om henne.",
        "Det kan vara ett tecken på att döden är nära.",
        "Maten och kaffet var gott.",
        "Golvet och väggen är smutsiga.",
        "Hon åt maten och drycken var god.",
        "Erik tjänar 400 kr var fjortonde dag när skatten och hyran är dragen.",
        "Det är kallt.",
        "Det var lång kö.",
        "Promenader är nyttigt.",
        "Mannen var sjuk i går.",  # mannen is singular (manen is a horse's)
        "Nätterna är värst.",
        "Hon är tröttast på kvällen.",
        "Hon var snabbt på plats.",
        "Alla rummet var städade.",
        "Patienten i rum 4 är trött.",
        "Maten från i går var god.",
        "Maten var för salt och kaffet för starkt.",
        "Rummet var städat och sängen bäddad.",
        "Hon var trött och maten kall.",
    ],
)
def test_agreeing_predicatives_are_silent(text):
    assert grammar(text, "predicative_agreement") == []
