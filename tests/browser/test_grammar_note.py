"""A trainee writes the note of issue 12 in a real browser, sees each grammar error marked with
its correction (live while typing, and on the feedback page with "Varför markeras det?"),
fixes them, resubmits, and sees no grammar remark. Axe checks every page."""

import pytest

from tests.factories import make_group, make_user
from tests.webapp.test_grammar_feedback import ERRORS, ISSUE_NOTE
from tests.webapp.test_write import URL, publish_lesson
from webapp.models import Role

pytestmark = pytest.mark.browser

FIXED = (
    "Efter duschen fick brukaren kräm på benen. Hon har smärta i ett knä och händerna är varma. "
    "Jag frågade om hon redan har ätit."
)


def test_trainee_sees_fixes_and_resubmits_grammar_errors(page):
    publish_lesson()
    trainee = make_user(Role.TRAINEE, make_group(), name="Amina", l1="so")
    p = page.page
    page.log_in(trainee)
    page.goto(URL)
    page.check_accessibility()

    p.get_by_label("Din anteckning").fill(ISSUE_NOTE)
    live = p.locator("[data-report] .finding-grammar")
    live.nth(len(ERRORS) - 1).wait_for()
    assert live.count() == len(ERRORS)
    for _, wrong, correction in ERRORS:
        item = live.filter(has_text=f"Förslag: {correction}")
        assert wrong in item.inner_text() and "Grammatik – " in item.inner_text()
    page.check_accessibility()

    p.get_by_role("button", name="Lämna in").click()
    page.check_accessibility()
    marked = p.locator(".marked-note mark.mark-grammar").all_inner_texts()  # "Fynd 2, …: en knä"
    assert sorted(text.rsplit(":", 1)[-1].strip() for text in marked) == sorted(
        w for _, w, _ in ERRORS
    )
    findings = p.locator("ol.findings .finding-grammar")
    assert findings.count() == len(ERRORS)
    first = findings.filter(has_text="Grammatik – ordföljd:")
    first.get_by_text("Varför markeras det?").click()
    assert "verbet på plats två" in first.inner_text() and "inte granskad" in first.inner_text()
    for _, wrong, correction in ERRORS:
        assert f"Förslag: {correction}" in findings.filter(has_text=wrong).first.inner_text()
    page.check_accessibility()

    p.get_by_role("link", name="Skriv om och lämna in igen").click()
    page.check_accessibility()
    p.get_by_label("Din anteckning").fill(FIXED)
    p.get_by_role("button", name="Lämna in").click()
    page.check_accessibility()
    assert "Version 2 av 2" in p.content()
    assert (
        p.locator(".finding-grammar").count() == 0 and p.locator("mark.mark-grammar").count() == 0
    )
