"""A teacher writes, publishes and assigns a lesson; a trainee opens it on a phone, taps a
term and hears it — in a real browser, with axe on every page."""

import pytest

from tests.browser.conftest import PHONE
from tests.factories import make_group, make_user
from webapp.models import Role

pytestmark = pytest.mark.browser

STEPS = [
    "Förklara för [brukaren|brukare] vad du ska göra.",
    "Sätt [manschetten|manschett] på överarmen.",
]
MORE_STEPS = [  # what publishing needs beyond the draft: six steps in all
    "Räkna [pulsen|puls] i en minut.",
    "Skriv ner [mätvärdet|mätvärde].",
    "Berätta för brukaren vad du har mätt.",
]
LINES = [
    ("vårdare", "Får jag mäta ditt blodtryck?"),
    ("brukare", "Ja, det går bra."),
    ("vårdare", "Sitt kvar och vila en stund först."),
    ("brukare", "Det kramar i armen!"),
]
WORDS = (
    "blodtryck, puls, manschett, blodtrycksmätare, mäta, mätning, mätvärde, systolisk, "
    "diastolisk, vila, räkna, hjärtslag"
)


def term_flows_in_its_sentence(term) -> float:
    """The term sits on the line of the words after it ("manschetten på överarmen"), not on a
    line of its own; returns the height of the step's text."""
    same_line = term.evaluate(
        """d => { const range = document.createRange(); range.selectNodeContents(d.nextSibling);
                  return Math.abs(range.getClientRects()[0].top - d.querySelector('summary').getBoundingClientRect().top) < 4; }"""
    )
    assert same_line
    return term.locator("xpath=ancestor::div[@class='step-text']").bounding_box()["height"]


def help_leaves_the_next_lines_free(term) -> bool:
    """The open help ends above what follows its sentence: the step's notes or the next step."""
    return term.evaluate(
        """d => { const help = d.querySelector('.term-help').getBoundingClientRect();
                  const text = d.closest('.step-text');
                  const next = text.nextElementSibling || d.closest('.step').nextElementSibling;
                  return help.bottom <= next.getBoundingClientRect().top; }"""
    )


def steps_shown(p) -> int:
    return p.locator("ol.steps > li:visible").count()


def click_and_check(page, locator):
    with page.page.expect_navigation():
        locator.click()
    page.check_accessibility()


def test_teacher_publishes_and_assigns_a_lesson_and_the_trainee_hears_a_term(page, bundled_content):
    group = make_group("Demogruppen")
    teacher = make_user(Role.TEACHER, group, name="Lena Lärare")
    trainee = make_user(Role.TRAINEE, group, name="Amina", l1="ar")
    p = page.page

    page.log_in(teacher)
    page.goto("/larare/lektioner/ny")
    assert (
        p.get_by_role("button", name="Sök", exact=True).bounding_box()["height"] >= 44
    )  # a thumb's size
    p.get_by_label("Rubrik").fill("Blodtryck i korthet")
    p.get_by_label("Område").select_option("vitalparametrar")
    p.get_by_label("Nivå").select_option("A2")
    p.get_by_label("Lärandemål").fill("Du kan mäta blodtrycket.\nDu kan berätta vad du gör.")
    click_and_check(page, p.get_by_role("button", name="Lägg till steg"))
    # the page opens at the new step, its text field focused, not at the top
    assert p.evaluate("document.activeElement.name") == "steps-1-text"
    assert p.evaluate("window.scrollY") > 0
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
    click_and_check(page, p.get_by_role("button", name="Spara").first)  # a draft: no exercise yet
    assert "är sparad (version 1)" in p.content()

    # publishing needs what `python -m lessons` needs: the summary atop the form links to each field
    p.get_by_label("Publicerad – syns för deltagarna").check()
    click_and_check(page, p.get_by_role("button", name="Spara").first)
    summary = p.get_by_role("alert").filter(has_text="Lektionen är inte sparad")
    assert summary.bounding_box()["y"] < 844
    summary.get_by_role("link", name="Övning 1, Situationen som deltagaren ska dokumentera").click()
    assert p.evaluate("location.hash") == "#exercises-0-situation"
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
    p.get_by_label("Ordlista").fill(WORDS)
    for number, text in enumerate(MORE_STEPS, start=3):
        click_and_check(page, p.get_by_role("button", name="Lägg till steg"))
        p.locator(f'[name="steps-{number}-text"]').fill(text)
    for number, (speaker, text) in enumerate(LINES):
        click_and_check(page, p.get_by_role("button", name="Lägg till replik"))
        p.locator(f'[name="lines-{number}-speaker"]').select_option(speaker)
        p.locator(f'[name="lines-{number}-text"]').fill(text)
    click_and_check(page, p.get_by_role("button", name="Spara").first)
    assert "är sparad (version 2)" in p.content()

    click_and_check(page, p.get_by_role("link", name="Förhandsgranska"))
    assert p.locator("ol.steps > li").count() == 6
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
    step_height = term_flows_in_its_sentence(term)
    term.locator("summary").click()
    assert term.evaluate("d => d.open")
    assert (
        term.locator("xpath=ancestor::div[@class='step-text']").bounding_box()["height"]
        == step_height
    )
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

    # at the last step the focus stays on "Nästa steg", which says it can go no further
    following = p.get_by_role("button", name="Nästa steg")
    for _ in range(4):
        following.click()
    assert p.get_by_text("Steg 6 av 6").is_visible()
    assert following.get_attribute("aria-disabled") == "true"
    assert p.evaluate("document.activeElement.textContent") == "Nästa steg"
    p.get_by_role("button", name="Visa alla steg").click()
    assert steps_shown(p) == 6 and help_leaves_the_next_lines_free(term)
    page.check_accessibility()  # every step shown: no landmark twice
    p.get_by_role("button", name="Ett steg i taget").click()  # and back again
    assert steps_shown(p) == 1 and p.get_by_text("Steg 6 av 6").is_visible()

    # without JavaScript: every step shown, and a term still opens inside its sentence
    lesson_url = p.url
    no_script = p.context.browser.new_context(
        viewport=PHONE,
        locale="sv-SE",
        java_script_enabled=False,
        storage_state=p.context.storage_state(),
    )
    try:
        plain = no_script.new_page()
        plain.goto(lesson_url)
        assert steps_shown(plain) == 6
        term = plain.locator("details.term", has=plain.locator("summary", has_text="manschetten"))
        text = term.locator("xpath=ancestor::div[@class='step-text']")
        before = text.bounding_box()["height"]
        term.locator("summary").click()
        assert term.locator(".term-definition").is_visible()
        assert text.bounding_box()["height"] == before and help_leaves_the_next_lines_free(term)
    finally:
        no_script.close()
