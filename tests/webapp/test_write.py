"""A trainee writes a care note: drafts kept, checked without JavaScript, submitted as
numbered versions with the checker's report, revised and compared."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from glossary.load import check_bundled
from lessons.load import bundled_paths, load_file
from tests.conftest import CSRF_FIELD, csrf_token
from tests.factories import PASSWORD, log_in, make_group, make_user
from webapp.extensions import db
from webapp.learn.store import save_lesson
from webapp.models import Assignment, Lesson, Note, NoteDraft, NoteVersion, Role, Term
from webapp.words.store import save_term

LESSON, EXERCISE = "puls-och-blodtryck", "puls-och-blodtryck-anteckning"
URL = f"/skriva/{LESSON}/{EXERCISE}"
COLLOQUIAL_NOTE = (
    "Kl. 08.15 mätte jag blod tryck på tanten efter vila. Puls 88 slag/min, oregelbunden."
)
GOOD_NOTE = (
    "Kl. 08.15 mättes blodtryck och puls efter fem minuters vila. Blodtryck 168/96 mmHg. "
    "Puls 88 slag/min, oregelbunden. Brukaren uppger huvudvärk."
)


def form_token(html: str) -> str:
    """The CSRF token of the form in ``html``."""
    match = CSRF_FIELD.search(html)
    return match.group(1) or match.group(2)


PERSONNUMMER_NOTE = "Brukaren 19450101-1235 hade blodtryck 130/80 mmHg."


def publish_lesson(slug: str = LESSON) -> Lesson:
    """One bundled lesson, published, with the terms it uses: what these tests need of the
    content, in a fraction of the time the whole bank takes."""
    record = load_file(next(path for path in bundled_paths() if path.stem == slug))
    needed = {reference.split("#")[0] for _, reference in record.term_references()}
    for term in check_bundled()[0]:
        if term.lemma in needed:
            save_term(term, source="bundled")
    lesson = save_lesson(record, source="bundled", status="published")
    db.session.commit()
    return lesson


@pytest.fixture
def content(app):
    return publish_lesson()


@pytest.fixture
def trainee(app, content):
    return make_user(Role.TRAINEE, make_group("Solgården"))


@pytest.fixture
def writer(client, trainee):
    log_in(client, trainee)
    return client


def post_note(client, text, action, url=URL):
    return client.post(
        url, data={"text": text, "action": action, "csrf_token": csrf_token(client, url)}
    )


def test_exercise_page_shows_situation_terms_and_procedure(writer):
    html = writer.get(URL).get_data(as_text=True)
    assert "Karin B." in html and "Visa arbetsgången" in html
    assert "oregelbunden" in html and 'name="text"' in html


def test_draft_is_saved_without_javascript(writer, trainee):
    response = post_note(writer, "Kl. 08.15 mättes blodtryck", "spara")
    assert response.status_code == 302
    page = writer.get(URL).get_data(as_text=True)
    assert "Utkastet är sparat." in page and "Kl. 08.15 mättes blodtryck</textarea>" in page


def test_check_without_javascript_marks_each_finding(writer):
    html = post_note(writer, COLLOQUIAL_NOTE, "granska").get_data(as_text=True)
    assert 'Särskrivning:</span> <q lang="sv">blod tryck</q>' in html
    assert 'Vardagligt ord:</span> <q lang="sv">tanten</q>' in html
    assert "ska troligen skrivas ihop" in html  # the checker's message beside the mark
    assert '<span class="term-status">Saknas:</span> <strong lang="sv">blodtryck</strong>' in html
    assert "Läsbarheten (LIX)" in html
    assert (
        db.session.scalar(select(NoteDraft)).text == COLLOQUIAL_NOTE
    )  # checking also keeps the draft


def test_submit_stores_a_numbered_version_with_its_report(writer, trainee):
    response = post_note(writer, GOOD_NOTE, "lamna-in")
    assert response.status_code == 302 and "/respons" in response.headers["Location"]
    version = db.session.scalar(select(NoteVersion))
    assert version.number == 1 and version.text == GOOD_NOTE
    assert {m["term"] for m in version.report["terms"]["found"]} >= {"blodtryck", "puls", "vila"}
    assert db.session.scalar(select(NoteDraft)) is None
    page = writer.get(response.headers["Location"]).get_data(as_text=True)
    assert "Respons på din anteckning" in page and "Version 1 av 1" in page


def test_note_with_personnummer_is_not_stored_and_text_stays(writer):
    response = post_note(writer, PERSONNUMMER_NOTE, "lamna-in")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "personnummer" in html and "19450101-1235" in html  # still in the form
    assert db.session.scalar(select(Note)) is None and db.session.scalar(select(NoteDraft)) is None


def test_revised_note_becomes_version_two_and_the_diff_shows_the_changes(writer):
    post_note(writer, COLLOQUIAL_NOTE, "lamna-in")
    assert COLLOQUIAL_NOTE in writer.get(URL).get_data(as_text=True)  # revising starts from v1
    post_note(writer, GOOD_NOTE, "lamna-in")
    assert [
        v.number for v in db.session.scalars(select(NoteVersion).order_by(NoteVersion.number))
    ] == [1, 2]
    feedback = writer.get(URL + "/respons").get_data(as_text=True)
    assert "Version 2 av 2" in feedback and "Jämför med version 1" in feedback
    diff = writer.get(URL + "/jamfor?fran=1&till=2").get_data(as_text=True)
    removed = " ".join(re.findall(r"<del>(.*?)</del>", diff, re.DOTALL))
    added = " ".join(re.findall(r"<ins>(.*?)</ins>", diff, re.DOTALL))
    assert "tryck på tanten" in removed and "[borttaget:" in removed
    assert "mmHg" in added and "Brukaren" in added and "[tillagt:" in added
    assert writer.get(URL + "/respons?version=1").status_code == 200
    assert writer.get(URL + "/respons?version=3").status_code == 404


def test_teachers_verdict_comments_scores_and_overrides_are_shown(writer, trainee):
    from webapp.models import FindingOverride, Review, ReviewComment

    post_note(writer, COLLOQUIAL_NOTE, "lamna-in")
    version = db.session.scalar(select(NoteVersion))
    teacher = make_user(Role.TEACHER)
    colloquial = next(f for f in version.report["findings"] if f["kind"] == "colloquial")
    db.session.add_all(
        [
            Review(
                note_version_id=version.id,
                teacher_id=teacher.id,
                verdict="revise",
                scores={"0": 1, "1": 2},
                comment="Skriv värdena med enhet.",
            ),
            ReviewComment(
                note_version_id=version.id,
                teacher_id=teacher.id,
                start=0,
                end=9,
                quote="Kl. 08.15",
                text="Bra att tiden finns med.",
            ),
            FindingOverride(
                note_version_id=version.id,
                teacher_id=teacher.id,
                kind="colloquial",
                text=colloquial["text"],
                start=colloquial["start"],
                end=colloquial["end"],
            ),
        ]
    )
    db.session.commit()
    html = writer.get(URL + "/respons").get_data(as_text=True)
    assert "Skriv om" in html and "Skriv värdena med enhet." in html
    assert "1 av 2" in html and "Bra att tiden finns med." in html
    assert "Läraren: inte ett fel." in html


def test_finding_explanation_is_offered_in_the_trainees_language(client, content):
    trainee = make_user(Role.TRAINEE, make_group(), l1="ar")
    log_in(client, trainee)
    html = post_note(client, COLLOQUIAL_NOTE, "granska").get_data(as_text=True)
    assert 'lang="ar" dir="rtl"' in html and "inte granskad" in html


def test_trainee_cannot_open_check_or_submit_to_another_groups_exercise(writer, trainee):
    lesson = db.session.scalar(select(Lesson).where(Lesson.slug == LESSON))
    db.session.add(Assignment(lesson_id=lesson.id, group_id=make_group("Annan grupp").id))
    db.session.commit()
    assert writer.get(URL).status_code == 403
    assert post_note(writer, GOOD_NOTE, "lamna-in", url="/skriva/").status_code in (403, 405)
    token = csrf_token(writer, "/oversikt")
    response = writer.post(URL, data={"text": GOOD_NOTE, "action": "lamna-in", "csrf_token": token})
    assert response.status_code == 403 and db.session.scalar(select(Note)) is None
    assert f"/skriva/{LESSON}/" not in writer.get("/skriva/").get_data(as_text=True)


def test_lesson_assigned_to_own_group_stays_open(writer, trainee):
    lesson = db.session.scalar(select(Lesson).where(Lesson.slug == LESSON))
    db.session.add(Assignment(lesson_id=lesson.id, group_id=trainee.memberships[0].group_id))
    db.session.add(Assignment(lesson_id=lesson.id, group_id=make_group("Annan grupp").id))
    db.session.commit()
    assert writer.get(URL).status_code == 200


def test_draft_lesson_and_unknown_exercise_are_not_found(writer):
    lesson = db.session.scalar(select(Lesson).where(Lesson.slug == LESSON))
    assert writer.get(f"/skriva/{LESSON}/finns-inte").status_code == 404
    lesson.status = "draft"
    db.session.commit()
    assert writer.get(URL).status_code == 404


def test_trainee_sees_only_own_notes(writer, client, trainee, app):
    post_note(writer, GOOD_NOTE, "lamna-in")
    other = app.test_client()
    log_in(other, make_user(Role.TRAINEE, trainee.memberships[0].group))
    assert other.get(URL + "/respons").status_code == 404
    assert GOOD_NOTE not in other.get(URL).get_data(as_text=True)


def test_expired_session_keeps_the_note_and_logging_in_saves_it(writer, trainee):
    post_note(writer, "Första meningen.", "spara")
    token = csrf_token(writer, URL)
    writer.delete_cookie("session")  # the session runs out while the trainee writes on
    text = "Första meningen. Andra meningen med blodtryck 130/80 mmHg."
    page = writer.post(URL, data={"text": text, "action": "spara", "csrf_token": token})
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Logga in igen" in html and text in html
    response = writer.post(
        f"{URL}/logga-in",
        data={
            "email": trainee.email,
            "password": PASSWORD,
            "text": text,
            "csrf_token": form_token(html),
        },
    )
    assert response.status_code == 302
    assert text in writer.get(URL).get_data(as_text=True)
    assert db.session.scalar(select(NoteDraft)).text == text


def test_wrong_password_on_the_log_in_again_page_keeps_the_note(client, trainee):
    text = "Text som inte får försvinna."
    html = client.post(URL, data={"text": text, "action": "spara"}).get_data(as_text=True)
    assert "Logga in igen" in html
    again = client.post(
        f"{URL}/logga-in",
        data={
            "email": trainee.email,
            "password": "fel-lösenord",
            "text": text,
            "csrf_token": form_token(html),
        },
    ).get_data(as_text=True)
    assert "Fel e-postadress eller lösenord." in again and text in again
    assert db.session.scalar(select(NoteDraft)) is None


def test_dashboard_lists_the_trainees_notes(writer):
    post_note(writer, GOOD_NOTE, "lamna-in")
    html = writer.get("/oversikt").get_data(as_text=True)
    assert "Puls och blodtryck" in html and "Inlämnad" in html


def test_the_checker_sees_a_term_edit_without_a_restart(app, content):
    from webapp.words.store import record_of as term_record
    from webapp.write.lexicon import bank_lexicon

    first = bank_lexicon()
    assert bank_lexicon() is first  # built once, not per request
    term = db.session.scalar(select(Term).where(Term.lemma == "puls"))
    record = term_record(term)
    save_term(record.model_copy(update={"synonyms": (*record.synonyms, "hjärtslag")}), term=term)
    db.session.commit()
    assert bank_lexicon() is not first


def test_sbar_exercise_starts_with_the_four_parts_and_reports_which_are_present(writer):
    publish_lesson("temperatur-andning-och-saturation")
    url = "/skriva/temperatur-andning-och-saturation/saturation-sbar-rapport"
    page = writer.get(url).get_data(as_text=True)
    assert "S: \nB: \nA: \nR: </textarea>" in page and "SBAR-rapport" in page
    note = "S: Brukaren är andfådd.\nB: Hon har hostat i två dagar.\nA: Saturation 89 %."
    html = post_note(writer, note, "granska", url=url).get_data(as_text=True)
    assert "S – Situation: finns" in html and "A – Aktuellt tillstånd: finns" in html
    assert "R – Rekommendation: saknas" in html


def test_log_in_again_page_that_lost_its_session_too_still_keeps_the_note(client, trainee):
    text = "Texten ska finnas kvar."
    html = client.post(f"{URL}/logga-in", data={"text": text, "email": trainee.email}).get_data(
        as_text=True
    )
    assert "Logga in igen" in html and text in html


def test_an_approved_note_takes_no_new_version(writer):
    post_note(writer, GOOD_NOTE, "lamna-in")
    note = db.session.scalar(select(Note))
    note.status = "approved"
    db.session.commit()
    page = writer.get(URL).get_data(as_text=True)
    assert "Anteckningen är godkänd av läraren." in page and 'value="lamna-in"' not in page
    response = post_note(writer, GOOD_NOTE + " Tillägg.", "lamna-in")
    assert response.status_code == 409 and "redan godkänd" in response.get_data(as_text=True)
    assert len(db.session.scalar(select(Note)).versions) == 1


def test_writing_list_shows_the_open_exercises_with_their_status(writer):
    post_note(writer, GOOD_NOTE, "lamna-in")
    html = writer.get("/skriva/").get_data(as_text=True)
    assert f'href="{URL}"' in html and "inlämnad" in html


def test_feedback_on_a_note_too_long_to_check_whole_says_only_the_start_was_checked(writer):
    note = " ".join(
        "qzx" + "".join(chr(97 + n // 26**k % 26) for k in range(3)) for n in range(600)
    )
    post_note(writer, note, "lamna-in")
    page = writer.get(URL + "/respons").get_data(as_text=True)
    assert "Bara början av texten är granskad: de första" in page
