"""A trainee like the demo's Amina drills ten words in a real browser — once with JavaScript
(answers by fetch, keys 1–4 and Enter) and once without (a form POST per answer) — meeting
every drill kind (the word-order sentence by tapping its parts, or with a select per place),
then finds the ten answers on the progress page. Axe checks every state."""

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from tests.browser.conftest import PHONE, AccessiblePage
from tests.factories import make_group, make_user
from tests.webapp.drill_content import load_lesson
from tests.webapp.test_word_order_drill import order_for
from webapp.demo import DEMO_GROUP_NAME, DEMO_JOIN_CODE
from webapp.extensions import db
from webapp.models import Assignment, DrillItem, Role

pytestmark = pytest.mark.browser

ITEMS = 10
ALL_KINDS = {"flashcard", "choice", "gender", "cloze", "listen", "spelling", "word_order"}


@pytest.fixture
def amina(app, server_app):
    lesson = load_lesson("puls-och-blodtryck")
    group = make_group(DEMO_GROUP_NAME, join_code=DEMO_JOIN_CODE)
    db.session.add(Assignment(lesson_id=lesson.id, group_id=group.id))
    db.session.commit()
    server_app.config["DRILL_SESSION_ITEMS"] = ITEMS
    yield make_user(Role.TRAINEE, group, name="Amina", l1="ar")
    server_app.config.pop("DRILL_SESSION_ITEMS")


def current_prompt(p):
    token = p.locator("[data-drill-form] input[name=token]").get_attribute("value")
    db.session.expire_all()
    return token, db.session.scalar(select(DrillItem.prompt).where(DrillItem.token == token))


def submit(page, keyboard, action):
    """Press a button or key; without JavaScript that loads the next page, so wait for it."""
    if keyboard:
        action()
    else:
        with page.page.expect_navigation():
            action()


def answer_right(page, prompt, keyboard):
    """Answer as a trainee who knows the word: by keys with JavaScript, by tapping without."""
    p = page.page
    form = p.locator("[data-drill-form]")
    kind = prompt["kind"]
    if kind == "flashcard":
        form.get_by_text("Visa svaret").click()
        page.check_accessibility()
        if keyboard:
            p.locator("#fraga").focus()
            p.keyboard.press("3")
        else:
            submit(page, keyboard, form.get_by_role("button", name="Bra").click)
    elif kind in ("choice", "gender"):
        option = form.locator(f"button[name=answer][value='{prompt['expected']}']")
        if keyboard:
            p.locator("#fraga").focus()
            p.keyboard.press(option.get_attribute("data-key"))
        else:
            submit(page, keyboard, option.click)
    elif kind == "word_order":
        for place, part in enumerate(order_for(prompt, prompt["expected"]), start=1):
            if keyboard:  # tap the parts in order
                form.locator(f".order-choices button[data-part='{part}']").click()
            else:  # a select for each place
                form.get_by_label(f"Plats {place}", exact=True).select_option(str(part))
        if keyboard:
            said = form.locator(".order-built [role=status]").text_content()
            assert said == f"Din mening: {prompt['expected'][:1].lower()}{prompt['expected'][1:]}"
            assert not form.get_by_label(
                "Plats 1", exact=True
            ).is_visible()  # tapping replaces them
            page.check_accessibility()
        submit(page, keyboard, form.get_by_role("button", name="Svara").click)
    else:
        field = form.locator("input[name=answer]")
        field.fill(prompt["expected"])
        if keyboard:
            field.press("Enter")
        else:
            submit(page, keyboard, form.get_by_role("button", name="Svara").click)


def answer_wrong_with_the_keyboard_open(page, prompt):
    """With the on-screen keyboard open a phone shows about 390×480: the question, the field
    and both buttons must still be in view, below a header of one row."""
    p = page.page
    p.set_viewport_size({"width": 390, "height": 480})
    field = p.locator("input[name=answer]")
    p.wait_for_function("() => document.activeElement && document.activeElement.name === 'answer'")
    p.wait_for_timeout(100)  # the resize handler scrolls the form into view
    for part in (
        p.locator("#fraga"),
        field,
        p.get_by_role("button", name="Svara"),
        p.get_by_role("button", name="Jag vet inte"),
    ):
        box = part.bounding_box()
        assert box["y"] >= -1 and box["y"] + box["height"] <= 480, (part, box)
    field.fill("hjärtat slår")
    field.press("Enter")


def drill_ten(page, keyboard):
    p = page.page
    page.menu("Öva").click()
    page.check_accessibility()
    kinds = []
    answered_wrong = False  # with JavaScript, one typed item is answered wrong, keyboard open
    for number in range(1, ITEMS + 1):
        assert f"Fråga {number} av {ITEMS}" in p.locator(".drill-count").inner_text()
        token, prompt = current_prompt(p)
        kinds.append(prompt["kind"])
        wrong = (
            keyboard and not answered_wrong and prompt["kind"] in ("cloze", "listen", "spelling")
        )
        answered_wrong = answered_wrong or wrong
        if wrong:
            answer_wrong_with_the_keyboard_open(page, prompt)
        else:
            answer_right(page, prompt, keyboard)
        if keyboard:
            p.wait_for_function(  # the next item (or the end of the session) has replaced this one
                "t => document.querySelector('[data-drill-form] input[name=token]')?.value !== t",
                arg=token,
            )
        page.check_accessibility()
        feedback = p.locator("[data-feedback] h2").inner_text()
        if wrong:
            # the trainee's answer stands beside the right one
            assert "Inte rätt" in feedback
            assert p.locator(".compare-given dd").inner_text() == "hjärtat slår"
            assert p.locator(".compare-right dd").inner_text() == prompt["expected"]
            # still 390×480: the focus did not move past the feedback to the next field
            box = p.locator("[data-feedback]").bounding_box()
            assert box["y"] >= -1 and p.locator(".compare").bounding_box()["y"] + 40 <= 480, box
            p.set_viewport_size(PHONE)
        else:
            assert ("Rätt!" in feedback) or ("Sparat: Bra" in feedback)
    assert "Bra jobbat! Passet är klart." in p.content(), p.locator("#ovning").inner_text()
    assert set(kinds) == ALL_KINDS, kinds

    p.get_by_role("link", name="Dina framsteg").first.click()
    page.check_accessibility()
    stat = p.locator(".stats li", has_text="svar i dag")
    assert stat.locator(".stat-value").inner_text() == "10"
    assert p.locator("svg[role=img] title").text_content().startswith("Antal svar per dag")


def test_ten_items_with_javascript(page, amina, server_app):
    p = page.page
    p.set_default_timeout(20_000)
    page.log_in(amina)
    header = p.locator(".site-header").bounding_box()
    assert header["height"] <= 60  # one row on a phone: the menu folds behind "Meny"
    server_app.config["DRILL_ANSWER_LIMIT"] = f"{ITEMS} per day"  # a script's pace, sooner
    try:
        drill_ten(page, keyboard=True)
        assert len(page.loaded) <= 4  # login, dashboard, session, progress: none per answer

        page.goto("/ova/")  # one answer too many: said in place, the question and answer kept
        token, _ = current_prompt(p)
        p.locator("[data-drill-form]").evaluate("form => form.requestSubmit()")
        expect(p.locator(".drill-notice")).to_contain_text("Vänta en minut och försök igen.")
        assert p.locator("[data-drill-form] input[name=token]").get_attribute("value") == token
        page.check_accessibility()
    finally:
        server_app.config.pop("DRILL_ANSWER_LIMIT")


class NoScriptPage(AccessiblePage):
    """A page with JavaScript off. Axe needs JavaScript, so each state is checked by serving
    the same HTML (with the site's CSS, without its scripts) to a second page that has it."""

    def __init__(self, page, base_url, checker):
        super().__init__(page, base_url)
        self.checker = checker

    def check_accessibility(self) -> None:
        self.page.wait_for_load_state("load")
        html, url = self.page.content(), self.page.url

        def same_page(address):
            return address == url

        self.checker.page.route(
            same_page, lambda route: route.fulfill(body=html, content_type="text/html")
        )
        self.checker.page.goto(url)
        self.checker.page.unroute(same_page)
        self.checker.check_accessibility()
        self.checked.add(url)


def test_ten_items_without_javascript(browser, live_server, amina, page):
    context = browser.new_context(viewport=PHONE, locale="sv-SE", java_script_enabled=False)
    context.set_default_timeout(20_000)
    page.page.route("**/*.js", lambda route: route.abort())  # the checker shows the page as is
    no_script = NoScriptPage(context.new_page(), live_server, page)
    try:
        no_script.log_in(amina)
        drill_ten(no_script, keyboard=False)
        assert no_script.unchecked_pages() == []
    finally:
        context.close()
