"""A new trainee registers with a join code, logs out and in again — in a real browser."""

import pytest

from tests.factories import make_group

pytestmark = pytest.mark.browser


def test_trainee_registers_logs_out_and_logs_in(page):
    make_group("Solgårdens boende", join_code="SOLGARDEN")
    p = page.page

    page.goto("/")
    p.get_by_role("link", name="Skapa konto med gruppkod").click()
    page.check_accessibility()

    p.get_by_label("Gruppkod").fill("solgarden")
    p.get_by_label("Namn").fill("Amina")
    p.get_by_label("E-postadress").fill("amina@exempel.se")
    p.get_by_label("Ditt språk för hjälp").select_option("ar")
    p.get_by_label("Lösenord", exact=True).fill("ett-långt-lösenord")
    p.get_by_label("Skriv lösenordet igen").fill("ett-långt-lösenord")
    p.get_by_role("button", name="Skapa konto").click()
    page.check_accessibility()
    assert p.get_by_role("heading", level=1).inner_text() == "Hej Amina!"
    assert "Solgårdens boende" in p.content()

    page.log_out()

    page.menu("Logga in").click()
    page.check_accessibility()
    p.get_by_label("E-postadress").fill("amina@exempel.se")
    p.get_by_label("Lösenord").fill("fel lösenord")
    p.get_by_role("button", name="Logga in").click()
    page.check_accessibility()
    assert "Fel e-postadress eller lösenord." in p.content()

    p.get_by_label("Lösenord").fill("ett-långt-lösenord")
    p.get_by_role("button", name="Logga in").click()
    page.check_accessibility()
    assert p.get_by_role("heading", level=1).inner_text() == "Hej Amina!"


def test_wrong_join_code_is_explained_on_the_page(page):
    make_group(join_code="SOLGARDEN")
    p = page.page
    page.goto("/registrera")
    p.get_by_label("Gruppkod").fill("FEL")
    p.get_by_label("Namn").fill("Dawit")
    p.get_by_label("E-postadress").fill("dawit@exempel.se")
    p.get_by_label("Lösenord", exact=True).fill("ett-långt-lösenord")
    p.get_by_label("Skriv lösenordet igen").fill("ett-långt-lösenord")
    p.get_by_role("button", name="Skapa konto").click()
    page.check_accessibility()
    assert "Det finns ingen grupp med den koden." in p.content()
    assert p.get_by_label("E-postadress").input_value() == "dawit@exempel.se"


def test_axe_check_fails_on_a_page_with_a_real_violation(page):
    """The harness itself: an image without alt text must not pass."""
    page.goto("/")
    page.page.evaluate(
        "document.querySelector('main').appendChild(Object.assign(document.createElement('img'), {src: '/static/x.png'}))"
    )
    with pytest.raises(AssertionError, match="image-alt"):
        page.check_accessibility()
