"""A trainee writes a care note in a real browser: sees a colloquial word, a split compound and
a missing term marked with their messages (live while typing, and after "Granska"), fixes
them, resubmits, and sees what changed. Axe checks every page."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_group, make_user
from tests.webapp.test_write import EXERCISE, LESSON, publish_lesson
from webapp.models import Role

pytestmark = pytest.mark.browser

FIRST = "Kl. 08.15 mätte jag blod tryck på tanten efter vila. Puls 88 slag/min."
FIXED = (
    "Kl. 08.15 mättes blodtryck på brukaren efter fem minuters vila. Blodtryck 168/96 mmHg. "
    "Puls 88 slag/min, oregelbunden."
)


def test_trainee_writes_fixes_and_resubmits_a_note(page):
    publish_lesson()
    trainee = make_user(Role.TRAINEE, make_group(), name="Amina", l1="ar")
    p = page.page

    page.log_in(trainee)

    page.menu("Skriva").click()
    page.check_accessibility()
    p.get_by_role("link", name="Puls och blodtryck").click()
    page.check_accessibility()
    assert p.get_by_role("heading", level=1).inner_text() == "Skriv en anteckning"

    # Live, while typing: the script asks /api/check and marks the note.
    p.get_by_label("Din anteckning").fill(FIRST)
    live = p.locator("[data-report]")
    live.locator(".finding-colloquial").wait_for()
    split = live.locator(".finding-split_compound").inner_text()
    assert "Särskrivning:" in split and "blod tryck" in split and "skrivas ihop" in split
    assert "Vardagligt ord:" in live.locator(".finding-colloquial").inner_text()
    assert "Saknas: oregelbunden" in live.locator(".missing-terms").inner_text()
    page.check_accessibility()

    # The browser keeps a copy of the note, but never one holding a personnummer.
    kept = "Object.keys(localStorage).filter(k => k.startsWith('ordvard:')).map(k => localStorage.getItem(k))"
    assert any("blod tryck" in copy for copy in p.evaluate(kept))
    p.get_by_label("Din anteckning").fill(FIRST + " Pnr 19121212-1212.")
    p.wait_for_function(f"() => !{kept}.some(c => c.includes('tanten'))")
    p.get_by_label("Din anteckning").fill(FIRST)
    p.locator("#sparstatus").get_by_text("Utkastet sparades").wait_for(timeout=15_000)  # autosave

    # Without waiting for the script: the Granska button posts the form.
    p.get_by_role("button", name="Granska").click()
    page.check_accessibility()
    report = p.locator("#granskning")
    assert "Särskrivning:" in report.locator(".finding-split_compound").inner_text()
    assert "ska troligen skrivas ihop" in report.inner_text()
    assert "Vardagligt ord:" in report.locator(".finding-colloquial").inner_text()
    assert "Saknas: oregelbunden" in report.locator(".missing-terms").inner_text()

    p.get_by_role("button", name="Lämna in").click()
    page.check_accessibility()
    assert p.get_by_role("heading", level=1).inner_text() == "Respons på din anteckning"
    marks = p.locator(".marked-note mark.mark-colloquial")
    assert marks.first.inner_text().endswith("tanten")
    assert "1 särskrivning" in p.locator(".marked-note").inner_text()

    p.get_by_role("link", name="Skriv om och lämna in igen").click()
    page.check_accessibility()
    assert p.get_by_label("Din anteckning").input_value() == FIRST
    p.get_by_label("Din anteckning").fill(FIXED)
    live.get_by_text("0 att titta på, 0 ord saknas", exact=False).wait_for()
    page.check_accessibility()
    p.get_by_role("button", name="Lämna in").click()
    page.check_accessibility()
    assert "Version 2 av 2" in p.content()
    assert "Inget att anmärka på" in p.content()

    p.get_by_role("link", name="Jämför med version 1").click()
    page.check_accessibility()
    diff = p.locator(".diff")
    assert any("tanten" in text for text in diff.locator("del").all_inner_texts())
    assert any("oregelbunden" in text for text in diff.locator("ins").all_inner_texts())

    # Logging out clears the drafts this site kept in the browser (a shared phone).
    p.evaluate("localStorage.setItem('ordvard:utkast:prov', 'x')")
    page.log_out()
    assert p.evaluate("Object.keys(localStorage).filter(k => k.startsWith('ordvard:'))") == []


def test_text_typed_while_the_connection_is_lost_comes_back_from_the_browser(page):
    publish_lesson()
    trainee = make_user(Role.TRAINEE, make_group())
    p = page.page
    page.log_in(trainee)

    p.clock.install()  # autosave's timers; time runs, and is run ahead below
    page.goto(f"/skriva/{LESSON}/{EXERCISE}")
    hung = []  # a connection that neither answers nor fails: the first save is never answered
    p.route("**/api/draft", lambda route: route.fallback() if hung else hung.append(route))
    p.get_by_label("Din anteckning").fill("Blodtryck 130/80 mmHg, mätt i sittande efter vila.")
    p.clock.run_for(6_000)
    for _ in range(100):  # the route handler runs while Playwright waits
        if hung:
            break
        p.wait_for_timeout(50)
    assert len(hung) == 1  # the autosave's post hangs
    tried = []
    p.route("**/api/**", lambda route: tried.append(route.request.url) or route.abort())  # dropped
    p.clock.run_for(30_000)  # the hung save is given up and autosave goes on
    p.locator("#sparstatus").get_by_text("Ingen anslutning").wait_for(timeout=15_000)
    assert any(url.endswith("/api/draft") for url in tried)

    # Logging out now would delete the text the server does not have: the trainee is asked.
    page.menu("Logga ut").click()
    dialog = p.get_by_role("dialog", name="Din anteckning är inte sparad")
    expect(dialog).to_contain_text("finns bara på den här telefonen")
    page.check_accessibility()
    dialog.get_by_role("button", name="Stanna inloggad och spara senare").click()
    expect(p.get_by_role("dialog")).to_have_count(0)
    note = p.get_by_role("textbox", name="Din anteckning")
    assert note.input_value().startswith("Blodtryck 130/80 mmHg")
    p.unroute("**/api/**")

    # A shared phone: the browser is closed without logging out (its session ends), and a
    # colleague logs in and opens the same exercise. The copy is the first trainee's, not hers.
    p.context.clear_cookies()
    page.log_in(make_user(Role.TRAINEE, make_group("Solgården 2")))
    page.goto(f"/skriva/{LESSON}/{EXERCISE}")
    assert p.get_by_label("Din anteckning").input_value() == ""
    assert p.locator(".restore-notice").count() == 0
    p.context.clear_cookies()  # she too closes the browser; the first trainee is back

    page.log_in(trainee)
    page.goto(f"/skriva/{LESSON}/{EXERCISE}")  # later, with the connection back
    assert p.get_by_label("Din anteckning").input_value().startswith("Blodtryck 130/80 mmHg")
    assert (
        "nyare text som fanns sparad i din webbläsare" in p.locator(".restore-notice").inner_text()
    )
    page.check_accessibility()
    p.locator("#sparstatus").get_by_text("Utkastet sparades").wait_for(timeout=15_000)

    # More text that cannot be saved; this time the trainee logs out without it.
    p.route("**/api/draft", lambda route: route.abort())
    p.get_by_label("Din anteckning").fill("Blodtryck 130/80 mmHg. Puls 72 slag/min.")
    page.menu("Logga ut").click()
    dialog = p.get_by_role("dialog", name="Din anteckning är inte sparad")
    with p.expect_navigation():
        dialog.get_by_role("button", name="Logga ut och ta bort texten").click()
    p.get_by_text("Du är utloggad.").wait_for()
    page.check_accessibility()
    assert p.evaluate("Object.keys(localStorage).filter(k => k.startsWith('ordvard:'))") == []


def test_a_note_pasted_without_spaces_gets_one_mark_and_fits_a_phone(page):
    """20,000 letters without a space (a paste gone wrong) were ~200 spelling marks and a page
    wider than the phone; now one mark that says what is wrong, and all the text is kept."""
    publish_lesson()
    p = page.page
    page.log_in(make_user(Role.TRAINEE, make_group()))
    page.goto(f"/skriva/{LESSON}/{EXERCISE}")
    pasted = "Puls 88 slag/min. " + "blodtryck" * 2_000
    p.get_by_label("Din anteckning").fill(pasted)
    live = p.locator("[data-report]")
    live.locator(".finding-spelling").wait_for()
    assert live.locator(".finding-spelling").count() == 1
    assert "18\u00a0000 tecken utan mellanslag" in live.locator(".finding-spelling").inner_text()
    page.check_accessibility()

    p.get_by_role("button", name="Lämna in").click()
    page.check_accessibility()  # no wider than the phone
    findings = p.locator("ol.findings li.finding-spelling")
    assert findings.count() == 1
    assert len(findings.locator("q").inner_text()) < 100  # quoted in short, not 18,000 letters
    assert "blodtryck" * 2_000 in p.locator(".marked-note mark.mark-spelling").inner_text()
