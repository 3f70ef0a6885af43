"""A teacher writes, publishes and assigns a lesson; a trainee opens it on a phone, taps a
term and hears it — in a real browser, with axe on every page."""

import pytest

from tests.factories import make_group, make_user
from webapp.content import load_bundled_content
from webapp.models import Role

pytestmark = pytest.mark.browser

STEPS = [
    "Förklara för [brukaren|brukare] vad du ska göra.",
    "Sätt [manschetten|manschett] på överarmen.",
]


def click_and_check(page, locator):
    with page.page.expect_navigation():
        locator.click()
    page.check_accessibility()


def test_teacher_publishes_and_assigns_a_lesson_and_the_trainee_hears_a_term(page):
    load_bundled_content()
    group = make_group("Demogruppen")
    teacher = make_user(Role.TEACHER, group, name="Lena Lärare")
    trainee = make_user(Role.TRAINEE, group, name="Amina", l1="ar")
    p = page.page

    page.log_in(teacher)
    page.goto("/larare/lektioner/ny")
    p.get_by_label("Rubrik").fill("Blodtryck i korthet")
    p.get_by_label("Område").select_option("vitalparametrar")
    p.get_by_label("Nivå").select_option("A2")
    p.get_by_label("Lärandemål").fill("Du kan mäta blodtrycket.\nDu kan berätta vad du gör.")
    click_and_check(page, p.get_by_role("button", name="Lägg till steg"))
    click_and_check(page, p.get_by_role("button", name="Lägg till steg"))
    for number, text in enumerate(STEPS[:2]):
        p.locator(f'[name="steps-{number}-text"]').fill(text)
    last_step = p.locator('[name="steps-2-text"]')
    last_step.fill("Mät [blodtrycket|blodtryck] och känn ")
    p.get_by_label("Sök i termbanken").fill("puls")
    p.get_by_role("button", name="Sök", exact=True).click()  # JavaScript: results on this page
    p.locator('#termtraffar [data-insert="[puls]"]').get_by_role(
        "button", name="Infoga i texten"
    ).click()
    assert last_step.input_value() == "Mät [blodtrycket|blodtryck] och känn [puls]"
    p.locator('[name="steps-0-hygiene"]').fill("Gör händesinfektion före och efter.")
    p.get_by_label("Ordlista").fill("blodtryck, puls, manschett")
    p.get_by_label("Situationen som deltagaren ska dokumentera").fill(
        "Du har mätt blodtrycket på Karin B."
    )
    p.get_by_label("Termer som ska finnas med").fill("blodtryck, puls, mäta")
    p.get_by_label("Exempelsvar").fill(
        "Kl. 08.00 mätte jag blodtrycket: 130/80 mmHg, puls 72 slag/min."
    )
    p.get_by_label("Bedömning").fill("2 | Tid och värden\n1 | Enheter\n1 | Objektivt språk")
    p.get_by_label("Kompetenskort").fill(
        "Mäter blodtrycket.\nDokumenterar värdet.\nRapporterar avvikelser."
    )
    click_and_check(page, p.get_by_role("button", name="Spara").first)
    assert "är sparad (version 1)" in p.content()

    p.get_by_label("Publicerad – syns för deltagarna").check()
    click_and_check(page, p.get_by_role("button", name="Spara").first)
    assert "är sparad (version 2)" in p.content()

    click_and_check(page, p.get_by_role("link", name="Förhandsgranska"))
    assert p.locator("ol.steps > li").count() == 3
    for path in (
        "/larare/lektioner/",
        "/larare/lektioner/blodtryck-i-korthet/versioner",
        "/larare/lektioner/importera",
        "/larare/lektioner/termer?q=puls",
    ):
        page.goto(path)  # every teacher page passes axe too
    page.goto("/larare/lektioner/blodtryck-i-korthet/grupper")
    click_and_check(page, p.get_by_role("button", name="Tilldela Demogruppen"))
    assert "lektionen är tilldelad" in p.content()
    click_and_check(page, page.menu("Logga ut"))

    page.log_in(trainee)
    click_and_check(page, page.menu("Lektioner"))
    assigned = p.locator("section", has=p.get_by_role("heading", name="Lektioner från din lärare"))
    click_and_check(page, assigned.get_by_role("link", name="Blodtryck i korthet"))

    term = p.locator("details.term", has=p.locator("summary", has_text="manschetten"))
    p.get_by_role("button", name="Nästa steg").click()  # one step at a time with JavaScript
    term.locator("summary").click()
    assert term.evaluate("d => d.open")
    assert term.locator('[dir="rtl"][lang="ar"]').is_visible()
    page.check_accessibility()
    state = term.locator("audio").evaluate(
        """audio => new Promise(resolve => {
            const done = () => resolve({ready: audio.readyState, duration: audio.duration});
            audio.addEventListener('loadedmetadata', done, {once: true});
            audio.addEventListener('error', () => resolve({error: audio.error && audio.error.code}), {once: true});
            audio.load();
        })"""
    )
    assert state.get("ready", 0) >= 1 and state["duration"] > 0.2, state
