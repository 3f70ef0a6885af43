"""A reviewer's session on a phone (390×844): three Arabic translations reviewed from the queue
and a lesson signed off after reading its steps, with axe on every page."""

import pytest
from sqlalchemy import select

from tests.factories import make_group, make_reviewer, make_user
from tests.webapp.drill_content import load_lesson
from webapp.extensions import db
from webapp.models import LessonReview, Role, TranslationReview

pytestmark = pytest.mark.browser


def test_reviewer_reviews_three_arabic_translations_and_signs_off_a_lesson(page):
    p = page.page
    lesson = load_lesson()
    reviewer = make_reviewer(
        make_user(Role.TEACHER, make_group(), name="Rana Haddad"), "ar", "care"
    )
    page.log_in(reviewer)

    page.menu("Granska innehåll").click()
    page.check_accessibility()
    p.get_by_role("link", name="Översättningar till arabiska").click()
    page.check_accessibility()
    reviewed = []
    for _ in range(3):
        item = p.locator("article.review-item").first
        reviewed.append(item.get_by_role("heading", level=2).locator("[lang=sv]").inner_text())
        item.get_by_label("Granskad: texten stämmer").check()
        item.get_by_role("button", name="Spara bedömningen").click()
        page.check_accessibility()
        assert f"”{reviewed[-1]}”: granskad." in p.locator(".flashes").inner_text()
    p.get_by_label("Status").select_option("reviewed")
    p.get_by_role("button", name="Visa").click()
    page.check_accessibility()
    assert p.get_by_text("Granskade: visar 1–3 av 3.").is_visible()
    assert p.locator(".review-line").first.inner_text().startswith("Granskad av Rana Haddad den")

    page.menu("Granska innehåll").click()
    page.check_accessibility()
    p.get_by_role("link", name="Lektioner: vårdmoment och säkerhet").click()
    page.check_accessibility()
    p.get_by_role("link", name=lesson.title).click()
    page.check_accessibility()
    assert p.locator(".note-safety, .note-hygiene").count() > 0
    p.get_by_label("Granskad: texten stämmer").check()
    p.get_by_role("button", name="Signera beslutet").click()
    page.check_accessibility()
    assert f"”{lesson.title}”: granskad." in p.locator(".flashes").inner_text()

    db.session.expire_all()
    langs = db.session.scalars(
        select(TranslationReview.lang).where(TranslationReview.reviewer_id == reviewer.id)
    )
    assert list(langs) == ["ar"] * 3
    sign_off = db.session.scalar(select(LessonReview))
    assert (sign_off.lesson_id, sign_off.version, sign_off.reviewer_id) == (
        lesson.id,
        lesson.version,
        reviewer.id,
    )
