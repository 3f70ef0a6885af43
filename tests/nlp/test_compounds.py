"""Split compounds (särskrivning) are flagged with the joined form; ordinary phrases are not."""

import pytest

import nlp
from lessons.load import load_bundled
from lessons.model import plain_text
from nlp.compounds import linking_forms, splits
from tests.nlp.report_views import findings

KIND = "split_compound"


@pytest.mark.parametrize(
    ("text", "split", "joined"),
    [
        ("Sjuk sköterskan kom.", "Sjuk sköterskan", "Sjuksköterskan"),
        ("Använd hand spriten.", "hand spriten", "handspriten"),
        ("Hon har ett tryck sår.", "tryck sår", "trycksår"),
        ("Vi tog lung röntgen.", "lung röntgen", "lungröntgen"),
        ("Jag gjorde blodtryck mätningen.", "blodtryck mätningen", "blodtrycksmätningen"),
        ("Ta på plast förkläde.", "plast förkläde", "plastförkläde"),
        ("Hon fick ögon droppar.", "ögon droppar", "ögondroppar"),
        ("Natt sköterskan ringde.", "Natt sköterskan", "Nattsköterskan"),
        ("Under sköterskan hjälpte henne.", "Under sköterskan", "Undersköterskan"),
        ("Hon fick hjälp med på klädningen.", "på klädningen", "påklädningen"),
        ("Hon hade normal av föring.", "av föring", "avföring"),
        ("Han behöver till syn i natt.", "till syn", "tillsyn"),
        ("Hon är in lagd på sjukhus.", "in lagd", "inlagd"),
        ("Hon dricker närings dryck.", "närings dryck", "näringsdryck"),
        ("Läkemedels listan är ny.", "Läkemedels listan", "Läkemedelslistan"),
        ("Vi gjorde en funktions bedömning.", "funktions bedömning", "funktionsbedömning"),
        ("Hon var smärt fri.", "smärt fri", "smärtfri"),
        ("Vi bytte kateter påsen.", "kateter påsen", "kateterpåsen"),
        ("Vi följde vänd schemat.", "vänd schemat", "vändschemat"),
        ("Dusch rutinen fungerar.", "Dusch rutinen", "Duschrutinen"),
        ("Vi tömde KAD påsen.", "KAD påsen", "KAD-påsen"),
        ("Hon har en sjuk hus säng.", "sjuk hus säng", "sjukhussäng"),
        ("Vi gjorde en fall risk bedömning.", "fall risk bedömning", "fallriskbedömning"),
        ("Hon åt lite av kväll s maten.", "kväll s maten", "kvällsmaten"),
        ("Vi hjälpte honom med rak apparaten.", "rak apparaten", "rakapparaten"),
        ("Social sekreteraren ringde.", "Social sekreteraren", "Socialsekreteraren"),
        ("Hon hittade inte sina glas ögon.", "glas ögon", "glasögon"),
        ("Vi mätte hennes BMI värde.", "BMI värde", "BMI-värde"),
        ("Hon köpte varm korv på stationen.", "varm korv", "varmkorv"),
        ("Han har grå starr på höger öga.", "grå starr", "gråstarr"),
        ("Hon tog ett kall bad efter bastun.", "kall bad", "kallbad"),
        ("Vi lade glid lakanet under henne.", "glid lakanet", "glidlakanet"),
        ("Vi bytte sår förbandet i går.", "sår förbandet", "sårförbandet"),
        ("Han är KOL patient och har syrgas.", "KOL patient", "KOL-patient"),
        ("Vi köpte lätt mjölk till henne.", "lätt mjölk", "lättmjölk"),
        ("Hon har ett stort blå märke på armen.", "blå märke", "blåmärke"),
        ("Hon har ont i över armen.", "över armen", "överarmen"),
        ("Jag läste i vård planen.", "vård planen", "vårdplanen"),
        ("Hon sitter i dag rummet och läser.", "dag rummet", "dagrummet"),
        ("Vi lade ett under lakan i sängen.", "under lakan", "underlakan"),
        ("Vi hade en genom gång av rutinerna.", "genom gång", "genomgång"),
        ("Vi gjorde en av stämning med läkaren.", "av stämning", "avstämning"),
        ("Hon är insulin beroende sedan tio år.", "insulin beroende", "insulinberoende"),
        ("Han har ett fri kort för färdtjänsten.", "fri kort", "frikort"),
        ("Vi tvättade fin tvätten för hand.", "fin tvätten", "fintvätten"),
        ("Han har fin motoriken nedsatt i höger hand.", "fin motoriken", "finmotoriken"),
        ("Han dricker lätt öl till maten.", "lätt öl", "lättöl"),
        ("Hon tog sov medicinen klockan tio.", "sov medicinen", "sovmedicinen"),
        ("Hon har MRSA smitta och isoleras.", "MRSA smitta", "MRSA-smitta"),
        ("Hon har ett ID kort i plånboken.", "ID kort", "ID-kort"),
        ("Vi kopplade in tv antennen igen.", "tv antennen", "tv-antennen"),
        ("Hon har KOL medicin i skåpet.", "KOL medicin", "KOL-medicin"),
        ("Hon firade sin 90 årsdag med tårta.", "90 årsdag", "90-årsdag"),
        ("Han har en urin vägs infektion igen.", "urin vägs infektion", "urinvägsinfektion"),
        ("Hon har fått arm bågs skydd mot skavsår.", "arm bågs skydd", "armbågsskydd"),
        ("Vi torkade av natt duks bordet.", "natt duks bordet", "nattduksbordet"),
        ("Vi rengjorde hennes över käks protes.", "över käks protes", "överkäksprotes"),
        ("Hon vill ha hel mjölks yoghurt.", "hel mjölks yoghurt", "helmjölksyoghurt"),
        ("Hon fick smärt plåster på ryggen.", "smärt plåster", "smärtplåster"),
        ("Hon tar mag medicin före frukost.", "mag medicin", "magmedicin"),
        ("Vi satte en sitt dyna i rullstolen.", "sitt dyna", "sittdyna"),
        ("Vi tog fram sitt dynan till rullstolen.", "sitt dynan", "sittdynan"),
        ("Han har vänster sidig förlamning.", "vänster sidig", "vänstersidig"),
        ("Hon har svullna fot leder på kvällen.", "fot leder", "fotleder"),
        ("Vi tog ner hennes gardin stänger.", "gardin stänger", "gardinstänger"),
        ("Efter kvälls fikat somnade hon.", "kvälls fikat", "kvällsfikat"),
        ("Hon är sjuk skriven från sitt jobb.", "sjuk skriven", "sjukskriven"),
        ("Han har svår läkta sår på fötterna.", "svår läkta", "svårläkta"),
        ("Han är mycket hjälp behövande på morgonen.", "hjälp behövande", "hjälpbehövande"),
        ("Han har på gående smärta i höften.", "på gående", "pågående"),
        ("Hon ringer i ring klockan.", "ring klockan", "ringklockan"),
        ("Han har inget kör kort längre.", "kör kort", "körkort"),
        ("Han har tappat sitt buss kort.", "buss kort", "busskort"),
        (
            "Hon fick inflammations dämpande tabletter.",
            "inflammations dämpande",
            "inflammationsdämpande",
        ),
    ],
)
def test_split_compounds_are_flagged_with_the_joined_form(text, split, joined):
    assert findings(text, "split_compound") == [(split, (joined,))]


@pytest.mark.parametrize(
    "text",
    [
        "Hon har ont i vänster arm.",
        "Hon vilar efter maten.",
        "Hon har en sårskada på höger häl.",
        "Hon drack ett glas saft.",
        "Hjälp brukaren att sätta sig.",
        "Sänk sängen till lägsta nivå.",
        "Den palliativa vården fungerar. Vi ger palliativ vård.",
        "Hon tar insulin morgon och kväll.",
        "Avvikelse skriven.",
        "Ett lugnt bemötande hjälper brukaren.",
        "Hon vilar efter middagen.",
        "Hon tittade på klädningen i garderoben.",
        "Hon klagade över läkaren.",
        "Vi mätte temperaturen under armen.",
        "I dag vårdas hon på sjukhuset.",
        "I söndags kväll var hon orolig.",
        "Det var nästa dags arbete.",
        "Man kan mäta ett lands standard.",
        "Hon sov i sin mans säng.",
        "Barnen börjar resa sig upp.",
        "Om pengarna läggs samman blir det mer.",
        "Stäng fönstret och lås dörren.",
        "Prov taget kl. 08.00.",
        "EKG taget kl. 10.00.",
        "Vi gav SSK rapporten.",
        "Hon får bad onsdag och lördag.",
        "Hon är fri från smärta.",
        "Han har diabetes typ 2.",
        "Samma dag läkaren kom var hon piggare.",
        "Hon har en orange tröja och ett beige täcke.",
        "Det är ett privat rum med egen toalett.",
        "Det gör ont när jag rör benet.",
        "Mät stomin och klipp hålet i basplattan.",
        "Läkaren kommer på torsdag eftermiddag.",
        "Hon ska tills vidare ha tillsyn.",
        "Veckans tredje dag är onsdag.",
        "Hon gör håret fint.",
        "Hur många gånger hjärtat slår.",
        "En tunn tråd i kroppen.",
        "Hon blev sjuk dagen efter.",
        "Han drack två glas vatten.",
        "Vi mätte BT kvällen innan.",
        "Öppna fönstret så att frisk luft kommer in.",
        "God morgon, hur mår du?",
        "En tallrik med hög kant gör det lättare att äta.",
        "Hon har torr hud och kalla händer.",
        "Han fick en kall dryck efter promenaden.",
        "Drick en halv liter vatten.",
        "Det ansvar som äktenskaps ingående medför.",
        "Hon drog något över ansiktet.",
        "Hon har torr hosta sedan i går.",
        "Säng bäddad, rum städat, blommor vattnade.",
        "Inga sår syns på huden.",
        "Vi gav SSK patienten i rum 4.",
        "Det var en låt vara inställning.",
        "Vi köpte ett paket kaffe till henne.",
        "I dag har hon ätit bra.",
        "Han sover av och till efter middagen.",
        "Hon har ljus hud och blir lätt röd.",
        "Hon har tunn hud på armarna.",
        "Hon fyllde 90 år i går.",
        "Han har ett kort namn.",
        "Kan BT sjunka i natt?",
        "KONUNG GUSTAF I SE CRS hemmet i Paris.",
        "Hon var en stor mans livsledsagare.",
        "Hon ville ha en ren skjorta och en tjock tröja.",
        "Han sålde sitt hus och sitt kort.",
        "Hon var en smärt kvinna.",
        "En stig leder till sjön.",
        "Han var en sjuk man.",
        "Det blev en klar finsk seger.",
        "Han hoppade i rak stil.",
        "I ett strålande väder gick tävlingen.",
        "Meister Petz geht in die Schule.",
        "Fientligt flyg bombar kustbefästningarna.",
        "Men ännu kan man gors och låg inte.",
        "När hon kom in satt han i soffan.",
        "Han blev lätt skadad i olyckan.",
        "Hon är fast anställd sedan maj.",
        "Hon är väl känd på avdelningen.",
        "Hon gick ut klädd i kappa.",
        "Vi tar en buss kort efter lunch.",
        "Det var ett kort besök.",
        "Trafiken har av kända skäl ökat.",
        "När ångan strömmar ut sätts vikten på.",
        "Med instrument fast ställas vindriktning och molnhöjd.",
        "Efter tre års vila kom hon tillbaka.",
    ],
)
def test_ordinary_phrases_are_not_split_compounds(text):
    assert findings(text, "split_compound") == []


def test_bundled_lessons_have_no_split_compound():
    texts = []
    for lesson in load_bundled():
        texts += [plain_text(step.text) for step in lesson.procedure]
        texts += [plain_text(line.text) for line in lesson.dialogue]
        texts += [exercise.model_answer for exercise in lesson.exercises]
    split = [f.text for text in texts for f in nlp.check(text, []).findings if f.kind == KIND]
    assert split == []


def test_a_split_compound_is_not_also_a_spelling_error():
    kinds = [f.kind for f in nlp.check("Lung röntgen i dag.", []).findings]
    assert kinds == ["split_compound"]


def test_splits_follow_the_dictionary_compound_rules():
    assert ("lung", "röntgen") in splits("lungröntgen")
    assert ("trycksårs", "risken") in splits("trycksårsrisken")
    assert splits("standard") == ()


def test_linking_forms_come_from_the_dictionary():
    assert "lung" in linking_forms("lunga")
    assert "hälso" in linking_forms("hälsa")
    assert "blodtrycks" in linking_forms("blodtryck")
