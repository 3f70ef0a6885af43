"""The installable app offline, in a real Chromium (Playwright's ``context.set_offline``): a
trainee opens a lesson, loses the connection, reads the lesson and hears a term, answers ten
drill items of several kinds and writes a draft; back online, exactly ten answers reach the
server, a resent batch changes nothing, and every card's schedule equals a twin account's that
gave the same answers online. Two phones answering the same item offline end in one outcome.
The device judges answers exactly as the server does (same rules, same verdicts)."""

from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from lessons.word_order import lesson_sentences
from tests.browser.conftest import AXE, PHONE, AccessiblePage
from tests.factories import log_in, make_group, make_user
from tests.webapp.drill_content import _bundle, load_lesson
from tests.webapp.test_offline_sync import answer_one_online, schedule
from tests.webapp.test_word_order_drill import order_for
from webapp.demo import DEMO_GROUP_NAME, DEMO_JOIN_CODE
from webapp.drills import kinds, offline, recording
from webapp.extensions import db
from webapp.free_text import PERSONAL_ID_MESSAGE
from webapp.learn.store import record_of as lesson_record
from webapp.learn.store import save_lesson
from webapp.models import Assignment, Card, DrillItem, Lesson, NoteDraft, ReviewLog, Role

pytestmark = pytest.mark.browser

LESSON, EXERCISE = "puls-och-blodtryck", "puls-och-blodtryck-anteckning"
DRAFT = "Kl. 08.15 mätte jag blodtrycket i sittande efter vila. Blodtryck 130/80 mmHg."
WAIT = 30_000
PERSONAL_ID = "Pnr 121212-1212"
ANSWERS_JS = Path(__file__).parents[2] / "webapp" / "static" / "js" / "answers.js"


@pytest.fixture
def group(app, server_app):
    lesson = load_lesson(LESSON)
    group = make_group(DEMO_GROUP_NAME, join_code=DEMO_JOIN_CODE)
    db.session.add(Assignment(lesson_id=lesson.id, group_id=group.id))
    db.session.commit()
    server_app.config["OFFLINE_PREFETCH"] = True
    yield group
    server_app.config["OFFLINE_PREFETCH"] = False


def card_of(token: str) -> tuple:
    db.session.expire_all()
    card = db.session.scalar(select(Card).join(DrillItem).where(DrillItem.token == token))
    return card.term_id, card.direction, card.sentence_key


def prompt_of(p) -> tuple[str, dict]:
    token = p.locator("[data-drill-form] input[name=token]").get_attribute("value")
    db.session.expire_all()
    return token, db.session.scalar(select(DrillItem.prompt).where(DrillItem.token == token))


def answer_item(page, prompt: dict, how: str) -> None:
    """Answer the item on screen: right, or "Jag vet inte" (Igen on a flashcard)."""
    p = page.page
    form = p.locator("[data-drill-form]")
    kind = prompt["kind"]
    if kind == "flashcard":
        form.get_by_text("Visa svaret").click()
        form.get_by_role("button", name="Bra" if how == "right" else "Igen").click()
    elif how == "give_up":
        form.get_by_role("button", name="Jag vet inte").click()
    elif kind in ("choice", "gender"):
        form.locator(f"button[name=answer][value='{prompt['expected']}']").click()
    elif kind == "word_order":
        for part in order_for(prompt, prompt["expected"]):
            form.locator(f".order-choices button[data-part='{part}']").click()
        form.get_by_role("button", name="Svara").click()
    else:
        form.locator("input[name=answer]").fill(prompt["expected"])
        form.get_by_role("button", name="Svara").click()


def answer_offline(page, how: str) -> tuple[str, dict]:
    p = page.page
    token, prompt = prompt_of(p)
    if how == "give_up" and prompt["kind"] in ("choice", "gender"):
        how = "right"  # a tapped option has no "Jag vet inte"
    answer_item(page, prompt, how)
    p.wait_for_function(
        "t => document.querySelector('[data-drill-form] input[name=token]')?.value !== t", arg=token
    )
    heading = p.locator("[data-feedback] h2").inner_text()
    assert heading in (
        {"✓ Rätt!", "Sparat på enheten: Bra"}
        if how == "right"
        else {"✗ Inte rätt", "Sparat på enheten: Igen"}
    ), heading
    assert "inte på servern än" in p.locator("[data-feedback]").inner_text()
    page.check_accessibility()
    return token, {"prompt": prompt, "how": how}


def answers_waiting(p) -> list[dict]:
    return p.evaluate("() => OrdvardOutbox.waiting()")


def wait_until(p, condition) -> None:
    """Wait (a few seconds at most) for ``condition``: route handlers run while Playwright waits."""
    for _ in range(100):
        if condition():
            return
        p.wait_for_timeout(50)
    raise AssertionError("waited in vain")


def all_sent(p) -> None:
    p.evaluate(
        """async () => {
            for (let i = 0; i < 300; i++) {
                if (await OrdvardOutbox.count() === 0) return;
                await new Promise(r => setTimeout(r, 100));
            }
            throw new Error('answers still waiting');
        }"""
    )


def reviews_of(user) -> int:
    return db.session.scalar(
        select(func.count()).select_from(ReviewLog).where(ReviewLog.user_id == user.id)
    )


def test_a_trainee_reads_drills_and_writes_offline_and_nothing_is_lost_or_doubled(page, group, app):
    p = page.page
    p.set_default_timeout(WAIT)
    amina = make_user(Role.TRAINEE, group, name="Amina", l1="ar")
    page.log_in(amina)

    # installable: Chromium finds the manifest and a service worker that controls the page
    p.wait_for_function("() => navigator.serviceWorker.controller !== null")
    cdp = p.context.new_cdp_session(p)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"].endswith("/manifest.webmanifest") and manifest["errors"] == []
    errors = {
        e["errorId"] for e in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    }
    assert errors <= {"in-incognito"}, errors  # a Playwright context is a private window
    # the assigned lesson, its words, audio and writing page, and the drill items: taken along
    p.wait_for_function("() => localStorage.getItem('ordvard:offline-sparat') !== null")

    page.goto(f"/lektioner/{LESSON}")
    p.context.set_offline(True)
    page.goto(f"/lektioner/{LESSON}")  # read offline: the saved copy, saying when it was saved
    assert p.locator("h1").inner_text() == "Puls och blodtryck"
    expect(p.locator("[data-offline-state]")).to_contain_text("Sparad för offline")
    expect(p.locator("[data-offline-bar]")).to_contain_text("Du är offline")
    term = p.locator("details.term", has=p.locator("summary", has_text="manschetten"))
    state = term.locator("audio").evaluate(
        """audio => new Promise(resolve => {
            audio.addEventListener('loadedmetadata', () => resolve({duration: audio.duration}), {once: true});
            audio.addEventListener('error', () => resolve({error: audio.error && audio.error.code}), {once: true});
            audio.load();
        })"""
    )
    assert state.get("duration", 0) > 0.2, state

    page.goto("/ova/")
    p.locator(".drill-count", has_text="utan anslutning").wait_for()
    page.check_accessibility()
    hows = [
        "right",
        "right",
        "give_up",
        "right",
        "right",
        "give_up",
        "right",
        "right",
        "right",
        "right",
    ]
    given = dict(answer_offline(page, how) for how in hows)
    assert {g["prompt"]["kind"] for g in given.values()} >= {"flashcard", "choice"}
    assert len({g["prompt"]["kind"] for g in given.values()}) >= 4
    expect(p.locator("[data-offline-bar]")).to_contain_text("10 svar väntar")
    sent = answers_waiting(p)
    assert len(sent) == 10 and reviews_of(amina) == 0

    page.goto(f"/skriva/{LESSON}/{EXERCISE}")  # a draft, offline
    p.get_by_label("Din anteckning").fill(DRAFT)
    p.get_by_role("button", name="Lämna in").click()
    expect(p.locator("#sparstatus")).to_contain_text(
        "Att lämna in kräver anslutning"
    )  # after a probe
    page.check_accessibility()

    p.context.set_offline(False)  # back online: answers and draft go to the server by themselves
    p.locator("#sparstatus").get_by_text("Utkastet sparades").wait_for()
    all_sent(p)
    expect(p.locator("[data-offline-bar]")).to_contain_text("10 svar skickades")
    db.session.expire_all()
    assert db.session.scalar(select(NoteDraft.text).where(NoteDraft.user_id == amina.id)) == DRAFT
    page.goto("/ova/framsteg")
    assert p.locator(".stats li", has_text="svar i dag").locator(".stat-value").inner_text() == "10"

    resent = p.evaluate(  # the phone never heard the answer and sends the same batch again
        """async sent => {
            const fresh = await (await fetch('/offline/sidor')).json();
            const response = await fetch('/ova/synka', {method: 'POST', headers: {'Content-Type': 'application/json',
                'X-CSRFToken': fresh.csrf_token}, body: JSON.stringify({answers: sent})});
            return {status: response.status, body: await response.json()};
        }""",
        sent,
    )
    assert resent["status"] == 200 and {r["status"] for r in resent["body"]["results"]} == {
        "duplicate"
    }
    assert reviews_of(amina) == 10

    # the twin gives the same answers at the same times, online: the same schedule for every card
    twin = make_user(Role.TRAINEE, group, name="Tvilling", l1="ar")
    with app.test_client() as other:
        log_in(other, twin)
        twins = {card_of(i["token"]): i for i in other.get("/ova/paket").get_json()["items"]}
    for answer in sent:
        mine = given[answer["token"]]
        theirs = twins[card_of(answer["token"])]
        at = datetime.fromisoformat(answer["answered_at"])
        answer_one_online(twin, theirs["token"], theirs["prompt"], mine["how"], at)
    mine, theirs = schedule(amina), schedule(twin)
    assert len(mine) == 10 and mine == theirs

    page.log_out()  # a shared phone: nothing saved stays for the next person
    p.evaluate(
        """async () => {
            const db = await new Promise(r => { const q = indexedDB.open('ordvard'); q.onsuccess = () => r(q.result); });
            const packs = () => new Promise(r => {
                const q = db.transaction('packs').objectStore('packs').count(); q.onsuccess = () => r(q.result); });
            for (let i = 0; i < 100; i++) {
                const kept = (await caches.keys()).filter(k => /ordvard-(pages|audio)/.test(k));
                if (!kept.length && !(await packs())) return;
                await new Promise(r => setTimeout(r, 100));
            }
            throw new Error('saved pages or drill items kept after logging out');
        }"""
    )


def typed_drills_only(slug: str) -> None:
    """The lesson drills by spelling only: every item has a field to type in."""
    lesson = db.session.scalar(select(Lesson).where(Lesson.slug == slug))
    record = lesson_record(lesson)
    drills = record.drills.model_copy(update={"kinds": ("spelling",)})
    save_lesson(record.model_copy(update={"drills": drills}), status="published")
    db.session.commit()


def drill_offline(page) -> dict:
    """Open the drills online, wait for the items to be taken along, go offline."""
    p = page.page
    page.goto("/ova/")
    p.wait_for_load_state("networkidle")  # this page's own pack, not only the start page's
    p.wait_for_function("async () => (await OrdvardOutbox.pack('')) !== null")
    p.context.set_offline(True)
    return p.evaluate("() => OrdvardOutbox.pack('')")


def drill_from(page, pack: dict) -> None:
    """Open the drills offline with ``pack`` as the items taken along."""
    page.page.evaluate("pack => OrdvardOutbox.savePack('', pack)", pack)
    page.goto("/ova/")


def log_out_with_unsent(page, waiting: int, choice: str, asked: bool = False) -> None:
    p = page.page
    if not asked:
        page.menu("Logga ut").click()
    dialog = p.get_by_role("dialog", name=f"{waiting} svar har inte skickats")
    expect(dialog).to_contain_text("finns bara på den här telefonen")
    if asked:  # the send was given up, and the offline bar says so
        failed = "Svaren kunde inte skickas just nu"
        expect(p.locator("[data-offline-bar]")).to_contain_text(failed)
    page.check_accessibility()
    dialog.get_by_role("button", name=choice).click()


def test_a_shared_phone_refuses_a_personnummer_at_once_and_keeps_no_unsent_answers(page, group):
    """Offline, a typed personnummer is refused at once with the server's message and the text
    kept; a wrong answer gets the online feedback (the answer beside the right one, the
    solution's clip). Logging out with answers not sent: offline, staying keeps them; with the
    server unreachable, logging out without them leaves none on the phone; online, they are
    sent first and the trainee is logged out."""
    p = page.page
    p.set_default_timeout(WAIT)
    typed_drills_only(LESSON)
    amina = make_user(Role.TRAINEE, group, name="Amina", l1="ar")
    page.log_in(amina)
    p.wait_for_function("() => navigator.serviceWorker.controller !== null")
    pack = drill_offline(page)
    field = p.locator("[data-drill-form] input[name=answer]")
    field.fill(PERSONAL_ID)
    p.get_by_role("button", name="Svara").click()
    expect(p.locator(".drill-notice")).to_have_text(PERSONAL_ID_MESSAGE)
    expect(field).to_have_value(PERSONAL_ID)
    assert answers_waiting(p) == []

    token, prompt = prompt_of(p)
    field.fill("fel")
    p.get_by_role("button", name="Svara").click()
    feedback = p.locator("[data-feedback]")
    expect(feedback.locator("h2")).to_have_text("✗ Inte rätt")
    expect(feedback.locator(".compare-given dd")).to_have_text("fel")
    expect(feedback.locator(".compare-right dd")).to_have_text(prompt["expected"])
    clip = next(i["solution_audio"] for i in pack["items"] if i["token"] == token)
    assert feedback.locator("audio[data-play]").get_attribute("src") == clip
    page.check_accessibility()

    log_out_with_unsent(page, 1, "Stanna inloggad och skicka senare")
    expect(p.get_by_role("dialog")).to_have_count(0)
    assert len(answers_waiting(p)) == 1
    expect(p.locator("[data-offline-bar]")).to_contain_text("1 svar väntar")
    expect(p.get_by_role("button", name="Skicka svaren nu")).to_be_hidden()  # not offline
    give_up = p.get_by_role("button", name="Jag vet inte")  # the lesser choice looks it
    assert give_up.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(255, 255, 255)"
    answer_offline(page, "right")

    hung = []  # a connection that neither answers nor fails: the answers are never taken
    p.route("**/ova/synka", lambda route: hung.append(route))
    p.clock.install()  # the send's time limit; time runs, and is run ahead below
    p.context.set_offline(False)  # the sync on reconnecting hangs ...
    wait_until(p, lambda: hung)
    hanging = len(hung)
    page.menu("Logga ut").click()  # ... and so does the one before logging out
    wait_until(p, lambda: len(hung) > hanging)
    p.clock.run_for(15_000)  # both are given up: the trainee is asked, not left waiting
    log_out_with_unsent(page, 2, "Logga ut och ta bort svaren", asked=True)
    expect(p.get_by_text("Du är utloggad.")).to_be_visible()
    page.check_accessibility()
    left = p.evaluate(
        """() => new Promise(r => { const q = indexedDB.open('ordvard'); q.onsuccess = () => {
            const c = q.result.transaction('answers').objectStore('answers').count();
            c.onsuccess = () => r(c.result); }; })"""
    )
    assert left == 0 and reviews_of(amina) == 0

    page.log_in(amina)  # again: an answer given offline is sent as the trainee logs out
    pack = drill_offline(page)
    done = p.locator(".drill-done")
    drill_from(page, {**pack, "items": []})  # every item taken along is used: nothing waits
    expect(done).to_contain_text("Du har inga svar som väntar på att skickas.")
    expect(done).not_to_contain_text("svar är sparade")
    drill_from(page, {**pack, "items": pack["items"][:1]})
    answer_offline(page, "right")
    expect(done).to_contain_text("Ditt svar är sparat på den här enheten")
    p.unroute("**/ova/synka")
    p.route("**/ova/synka", lambda route: route.abort())  # the server cannot take them now
    p.context.set_offline(False)  # the sync on reconnecting still fails ...
    p.wait_for_timeout(500)
    p.unroute("**/ova/synka")  # ... and works by the time of logging out
    page.log_out()
    assert reviews_of(amina) == 1


def phone(browser, live_server):
    context = browser.new_context(viewport=PHONE, locale="sv-SE")
    context.add_init_script(path=str(AXE))
    context.set_default_timeout(WAIT)
    return AccessiblePage(context.new_page(), live_server)


def test_one_item_answered_offline_on_two_phones_keeps_the_earlier_answer(
    browser, live_server, group
):
    amina = make_user(Role.TRAINEE, group, name="Amina", l1="ar")
    first, second = phone(browser, live_server), phone(browser, live_server)
    try:
        for device in (first, second):
            device.log_in(amina)
            drill_offline(device)  # the drill page's own items taken along, then offline
        token, _ = prompt_of(first.page)
        assert prompt_of(second.page)[0] == token  # both phones show the same item
        answer_offline(first, "right")  # the first phone answers first ...
        answer_offline(second, "give_up")  # ... the second later, but comes online first
        for device in (second, first):
            device.page.context.set_offline(False)
            all_sent(device.page)
        db.session.expire_all()
        logs = db.session.execute(
            select(ReviewLog.rating).where(ReviewLog.user_id == amina.id)
        ).all()
        assert [rating for (rating,) in logs] == [3]  # the earlier answer (right), once
        assert "räknades inte" not in first.page.locator("[data-offline-bar]").inner_text()
        for device in (first, second):
            assert device.unchecked_pages() == []
    finally:
        first.page.context.close()
        second.page.context.close()


def test_the_phone_judges_answers_exactly_as_the_server(browser):
    """answers.js and answers.py on the same answers: every verdict, rating and message equal,
    including the refusal of a personnummer (the rules as the drill pack carries them)."""
    records, lessons = _bundle()
    cases = []
    for record in records[:120]:
        word, forms = record.lemma, kinds.other_forms(record.forms, record.lemma)
        variants = {
            word,
            word.upper(),
            f" {word}. ",
            f"”{word}”",
            word[:-1],
            word[1:],
            word + "s",
            word.replace("ä", "a").replace("å", "a").replace("ö", "o"),
            word.replace("ll", "l").replace("t", "tt", 1),
            word[:2][::-1] + word[2:],
            "fel",
            *list(forms)[:2],
        }
        for typed in variants:
            cases.append(
                {
                    "kind": "spelling",
                    "expected": word,
                    "accepted": list(record.synonyms),
                    "other_forms": forms,
                    "answer": typed,
                }
            )
        cases.append({"kind": "choice", "expected": word, "answer": word.capitalize()})
        cases.append({"kind": "cloze", "expected": word, "answer": "", "give_up": True})
    for typed in (  # a personnummer in any script or shape is refused on the phone too
        PERSONAL_ID,
        "19121212-1212",
        "personnummer: 201212121212",
        "١٢١٢١٢-١٢١٢",
        "１２１２１２－１２１２",
        "121212\u2011\u200b1212",
        "121272-1219",
        "121212-1213",
        "äpnr 1212121212",
        "130/80",
        "2026-12-07",
        "121212-XXXX",
    ):
        cases.append({"kind": "cloze", "expected": "blodtrycket", "answer": typed})
    cases.append({"kind": "flashcard", "expected": "puls", "answer": PERSONAL_ID, "rating": 3})
    for n, sentence in enumerate(lesson_sentences(lessons[LESSON])[:6]):
        prompt = kinds.word_order_prompt(sentence, seed=n)
        for order in (
            order_for(prompt, prompt["expected"]),
            list(range(len(prompt["parts"]))),
            [0] * len(prompt["parts"]),
        ):
            cases.append({**prompt, "order": order})
    python = []
    for case in cases:
        verdict, rating, problem = recording.judge(
            case,
            case.get("answer", ""),
            case.get("rating"),
            bool(case.get("give_up")),
            case.get("order"),
        )
        python.append(
            [
                verdict and [verdict.outcome, verdict.rating.value, verdict.message],
                rating and rating.value,
                problem,
            ]
        )
    page = browser.new_page()
    try:
        page.add_script_tag(path=str(ANSWERS_JS))
        device = page.evaluate(
            """([rules, cases]) => cases.map(c => {
                const r = OrdvardAnswers.Judge(rules).judge(c, c);
                return [r.verdict && [r.verdict.outcome, r.verdict.rating, r.verdict.message], r.rating, r.problem];
            })""",
            [offline.device_rules(), cases],
        )
    finally:
        page.close()
    assert len(cases) > 1000
    assert [(c.get("answer"), d) for c, d in zip(cases, device, strict=True)] == [
        (c.get("answer"), py) for c, py in zip(cases, python, strict=True)
    ]
