"""Review and the competence card in a real browser: a submitted note (written through the
service — the writing itself is ``test_write.py``'s story) is returned once by the teacher with a
comment, revised by the trainee and approved; the card is signed, printed to PDF by Chromium,
and the verify page opened from the QR code's URL confirms it. Axe checks every page.

The drills are set up by writing review cards in the database (every word of the lesson in
FSRS's review state, stable for 11 days — ``tests.webapp.test_cards.master_words``): what two
right answers two days apart give, which the lesson's default rule (a week) counts as done.
"""

import re

import pytest
import segno

from tests.browser.test_write import FIXED
from tests.factories import make_group, make_user
from tests.webapp.test_cards import master_words
from tests.webapp.test_review import submitted
from tests.webapp.test_write import publish_lesson
from webapp.models import Role

pytestmark = pytest.mark.browser

REVISED = FIXED + " Rapporterat till sjuksköterskan kl. 08.30."


def open_note_to_review(page, trainee_name):
    p = page.page
    page.menu("Granska").click()
    page.check_accessibility()
    assert p.get_by_role("heading", level=1).inner_text() == "Att granska"
    p.get_by_role("link", name=trainee_name).click()
    page.check_accessibility()
    assert p.get_by_role("heading", level=1).inner_text() == f"Granska: {trainee_name}"


def judge(page, verdict, scores):
    p = page.page
    for index, points in enumerate(scores):
        p.locator(f"#score_{index}").fill(str(points))
    p.get_by_label(verdict).check()
    p.get_by_role("button", name="Spara bedömningen").click()
    page.check_accessibility()
    assert "Bedömningen är sparad" in p.locator(".flashes").inner_text()


def test_note_is_returned_approved_and_the_signed_card_verifies(page):
    p = page.page
    lesson = publish_lesson()
    group = make_group("Solgården")
    trainee = make_user(Role.TRAINEE, group, name="Amina", l1="ar")
    teacher = make_user(Role.TEACHER, group, name="Sara Lind")
    submitted(trainee, lesson, FIXED)

    # The teacher returns version 2 with a comment on its first sentence.
    page.log_in(teacher)
    assert "1 anteckning väntar på din bedömning" in p.content()
    open_note_to_review(page, "Amina")
    assert "Modellsvar" in p.content()
    p.get_by_label("Mening i texten").select_option(index=0)
    p.get_by_label("Kommentar", exact=True).fill("Skriv också vem du rapporterade till.")
    p.get_by_role("button", name="Spara kommentaren").click()
    page.check_accessibility()
    assert "Skriv också vem du rapporterade till." in p.locator("#kommentarer").inner_text()
    judge(page, "Skriv om (tillbaka till deltagaren)", [1, 2, 2, 1])
    assert p.get_by_text("Det finns inga anteckningar att granska just nu.").is_visible()
    p.get_by_role("link", name="Vanliga fel i Solgården").click()  # the group's insights
    page.check_accessibility()
    assert (
        "1 anteckning, 1 version." in p.content() and "Amina" not in p.locator("main").inner_text()
    )
    page.log_out()

    # The trainee sees the verdict, the comment and the scores, and resubmits.
    page.log_in(trainee)
    p.locator(".note-list").get_by_role("link", name="Puls och blodtryck").click()
    page.check_accessibility()
    teacher_part = p.locator("section.teacher").inner_text()
    assert "Skriv om" in teacher_part and "Skriv också vem du rapporterade till." in teacher_part
    assert "1 av 2" in teacher_part
    p.get_by_role("link", name="Skriv om och lämna in igen").click()
    page.check_accessibility()
    p.get_by_label("Din anteckning").fill(REVISED)
    p.get_by_role("button", name="Lämna in").click()
    page.check_accessibility()
    assert "Version 2 av 2" in p.content()
    page.log_out()

    # The teacher approves version 2; the trainee's drills are done (see the docstring).
    page.log_in(teacher)
    open_note_to_review(page, "Amina")
    judge(page, "Godkänd", [2, 2, 2, 2])
    master_words(trainee, lesson, stability=11.0)
    words = len(lesson.terms)

    # The supervisor signs every criterion observed at the workplace.
    page.goto("/oversikt")
    p.get_by_role("link", name="Kompetenskort att signera").click()
    page.check_accessibility()
    assert f"{words} av {words} ord klara" in p.locator("main").inner_text()
    p.get_by_role("link", name="Amina").click()
    page.check_accessibility()
    for box in p.locator(".criteria-choice input[type=checkbox]").all():
        box.check()
    p.get_by_label("Arbetsplats").fill("Solgårdens äldreboende")
    p.get_by_role("button", name="Signera").click()
    page.check_accessibility()
    assert (
        "Signaturen är sparad" in p.content()
        and "Klart" in p.locator(".competence-card").inner_text()
    )
    page.log_out()

    # The trainee's card: complete, printable card-sized, with the QR code of the verify page.
    page.log_in(trainee)
    page.menu("Kompetenskort").click()
    page.check_accessibility()
    p.get_by_role("link", name="Puls och blodtryck").click()
    page.check_accessibility()
    card = p.locator(".competence-card").inner_text()
    assert "Klart" in card and card.count("Signerat av Sara Lind") == 5
    url = p.locator(".verify-link a").get_attribute("data-url")
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/verifiera/[A-Za-z0-9_-]{40,}", url)
    drawn = p.locator(".qr svg path").get_attribute("d")
    expected = re.search(r' d="([^"]+)"', segno.make(url, error="m").svg_inline()).group(1)
    assert drawn == expected  # the QR code encodes exactly this URL

    pdf = p.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
    assert re.search(rb"/MediaBox \[0 0 298\.\d* 420", pdf)  # one A6 page (105 × 148 mm)

    # Anyone who scans the code sees that the card is genuine.
    page.log_out()
    p.goto(url)
    page.check_accessibility()
    result = p.locator("main").inner_text()
    assert "Kortet är äkta" in result
    assert "Amina" in result and "Puls och blodtryck" in result and "Sara Lind" in result
    assert trainee.email not in result and "Solgården" not in result
    page.goto("/verifiera/" + url.rsplit("/", 1)[1][::-1])  # a code that does not exist
    assert p.get_by_role("heading", level=1).inner_text() == "Kortet finns inte"
