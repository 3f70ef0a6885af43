"""Verb forms after modals, infinitive att and the perfect auxiliary (issue 12)."""

import pytest

from tests.nlp.report_views import grammar_findings


def verb_forms(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return grammar_findings(text, "verb_form")


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Han behöver vilar efter lunchen.", "vilar", "vila"),
        ("Jag har skrev i journalen.", "skrev", "skrivit"),
        ("Hon får inte reser sig själv.", "reser", "resa"),
        ("Jag glömde att stängde fönstret.", "stängde", "stänga"),
        ("Brukaren kan inte gick själv längre.", "gick", "gå"),
        ("Vi hade gav henne smärtstillande innan.", "gav", "gett"),
        ("Patienten har vaknade flera gånger.", "vaknade", "vaknat"),
        ("Vi har bytte förbandet.", "bytte", "bytt"),
        ("Du ska ringer anhöriga.", "ringer", "ringa"),
        ("Sedan ska hon duschar i badrummet.", "duschar", "duscha"),
        ("Han kan själv äter med sked.", "äter", "äta"),
        ("Hon tänker flyttar till sin dotter.", "flyttar", "flytta"),
        ("Hon måste ät lite mer.", "ät", "äta"),
        ("Såret måste tvättades varje dag.", "tvättades", "tvättas"),
        ("Jag har stängd fönstret.", "stängd", "stängt"),
        ("Hon äta frukost klockan åtta.", "äta", "äter"),
        ("Hon har skrek hela natten.", "skrek", "skrikit"),
        ("Vi har inte hann byta lakanen.", "hann", "hunnit"),
        ("Han kan inte knöt skorna själv.", "knöt", "knyta"),
        ("Han började sjöng när vi kom in.", "sjöng", "sjunga"),
        ("Vi lät honom vilar efter lunchen.", "vilar", "vila"),
        ("Han lyckades öppnade burken själv.", "öppnade", "öppna"),
        ("Hon kommer att duschar i morgon.", "duschar", "duscha"),
        ("Hon vill kunna går själv till matsalen.", "går", "gå"),
        ("Hon har börjat äter bättre.", "äter", "äta"),
        ("Jag har glömmer mitt passerkort.", "glömmer", "glömt"),
        ("Hon har känner smärta i knät.", "känner", "känt"),
        ("Han ska få träffar sin läkare.", "träffar", "träffa"),
        ("Vi har försökt ringer dottern flera gånger.", "ringer", "ringa"),
        ("Hon ska ätit lunch nu.", "ätit", "äta"),
        ("Han kan inte sovit i natt.", "sovit", "sova"),
        ("Hon vill inte duschade i dag.", "duschade", "duscha"),
        ("Vi försökte duschar henne men hon ville inte.", "duschar", "duscha"),
    ],
)
def test_wrong_verb_form_is_marked_with_the_right_form(text, wrong, right):
    assert verb_forms(text) == [(wrong, (right,))]


@pytest.mark.parametrize(
    "text",
    [
        "Sjuksköterskan kom och tittade på såret.",
        "Han ska till tandläkaren på fredag.",
        "Förbandet ska bytas varannan dag.",
        "Han kan svenska ganska bra.",
        "Brukaren har svårt att svälja tabletter.",
        "Om hon vill kan vi gå ut efter lunchen.",
        "Målet är att var och en ska ha en bostad.",
        "Hon har inte velat äta på två dagar.",
        "Det enda hon vill är att få vila.",
        "Hon har stängd dörr på natten.",
        "Hon fick mat och dryck.",
        "Vill du ha kaffe?",
        "De som orkade fick följa med till affären.",
        "Alla som inte vill kan vila på rummet.",
        "Hon har låg puls i dag.",
        "De har korta ärmar och byts varje dag.",
        "Han har täta besök av dottern.",
        "Huden har fläckar på benen.",
        "Hon lät glad i telefonen.",
        "Det lät som om hon grät.",
        "Vi bad honom vänta i korridoren.",
        "Han tog ett steg framåt.",
        "Hon har ont i leden.",
        "Han lyckades till slut.",
        "Vi har hunnit duscha två brukare.",
        "Han ska få besök av sin son.",
        "Hon har börjat på en ny avdelning.",
        "Väldigt få orkar gå ut när det regnar.",
        "Hon har fått bakterier på händerna.",
        "Hon har fått blåsor hela natten.",
        "Han har glömt sin telefon.",
        "Vi skulle gått ut om det inte regnat.",
        "Hon kunde gått själv.",
        "Han måste gått vilse.",
        "Han fick betalt.",
        "Hon vill ha stekta ägg.",
        "Hon har nära till affären.",
        "Hunden han har heter Bella.",
        "Hon fick kramar av sina barnbarn.",
        "Maten hon fick smakade gott.",
    ],
)
def test_right_verb_forms_are_silent(text):
    assert verb_forms(text) == []


def test_a_bare_infinitive_of_a_verb_whose_past_the_data_leave_out_is_checked():
    # "be" has no past in the data (bad is also a noun): this raised IndexError, a 500
    assert verb_forms("Du be kvällspersonalen om hjälp.") == [("be", ("ber",))]
    assert verb_forms("Igår hon be kvällspersonalen om hjälp.") == []
