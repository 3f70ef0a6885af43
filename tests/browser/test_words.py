"""The word list in a real browser: a trainee finds "blodtrycket", hears it, reads the Arabic
translation right to left; a teacher's pages pass axe too. gTTS is mocked offline (the live
server runs in this process), so clips come from eSpeak NG and nothing touches the network."""

from __future__ import annotations

import pytest
import requests
import responses

from glossary import audio
from tests.factories import make_group, make_user
from tests.webapp.test_words_search import sample_records
from webapp.extensions import db
from webapp.models import Role
from webapp.words.store import save_term

pytestmark = pytest.mark.browser

GTTS_URL = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"
CLIP_DURATION = """async (element) => {
    const clip = new Audio(element.src);
    clip.preload = 'auto';
    await new Promise((resolve, reject) => {
        clip.onloadedmetadata = resolve;
        clip.onerror = () => reject(new Error('media error ' + (clip.error && clip.error.code)));
        clip.load();
    });
    return clip.duration;
}"""


@pytest.fixture
def bank(app):
    for record in sample_records():
        save_term(record, source="bundled")
    db.session.commit()


@pytest.fixture(autouse=True)
def offline():
    audio.gtts_available_again()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add(responses.POST, GTTS_URL, body=requests.ConnectionError("offline"))
        mock.add_passthru("http://127.0.0.1")  # the live server itself
        yield
    audio.gtts_available_again()


def test_trainee_searches_hears_the_word_and_reads_arabic_right_to_left(page, bank):
    page.log_in(make_user(Role.TRAINEE, make_group(), l1="ar"))
    p = page.page
    page.menu("Ordlista").click()
    page.check_accessibility()

    p.get_by_label("Sök ett ord").fill("blodtrycket")
    p.get_by_role("button", name="Sök").click()
    page.check_accessibility()
    assert "1 träff för ”blodtrycket”" in p.content()

    p.get_by_role("link", name="blodtryck", exact=True).click()
    page.check_accessibility()
    assert p.get_by_role("heading", level=1).inner_text() == "blodtryck"

    lemma_clip = p.locator("audio").first
    assert lemma_clip.get_attribute("preload") == "none"
    assert lemma_clip.evaluate(CLIP_DURATION) > 0.3  # seconds of real speech

    arabic = p.locator('.translation span[lang="ar"]')
    assert arabic.inner_text() == "ضغط الدم"
    assert arabic.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert "Översättningen är inte granskad ännu." in p.content()

    p.get_by_role("link", name="Vitalparametrar").click()
    page.check_accessibility()
    assert p.get_by_role("link", name="blodtrycksmätare").is_visible()


def test_teacher_pages_pass_axe_including_errors(page, bank):
    page.log_in(make_user(Role.TEACHER, make_group()))
    p = page.page
    page.goto("/ordlista/")
    page.goto("/ordlista/?q=xyzzy")
    page.goto("/ordlista/ny")
    p.get_by_label("Ordet i grundform").fill("")
    p.get_by_label("Förklaring på enkel svenska").fill("<script>alert(1)</script>")
    p.get_by_role("button", name="Spara termen").click()
    page.check_accessibility()
    assert "Får inte vara tomt." in p.content()
    assert (
        p.get_by_label("Förklaring på enkel svenska").input_value() == "<script>alert(1)</script>"
    )
    page.goto("/ordlista/?q=BT")
    p.get_by_role("link", name="blodtryck", exact=True).click()
    page.check_accessibility()
    p.get_by_role("link", name="Ändra termen").click()
    page.check_accessibility()
    assert p.get_by_label("Bestämd form singular", exact=True).input_value() == "blodtrycket"
    assert p.locator('fieldset[data-pos="verb"]').is_hidden()  # only the noun's forms shown
    p.get_by_label("Ordklass").select_option("verb")
    assert p.locator('fieldset[data-pos="verb"]').is_visible()
    page.goto("/ordlista/importera")
    p.get_by_role("button", name="Läs in filen").click()
    page.check_accessibility()
    assert "Välj en fil." in p.content()
