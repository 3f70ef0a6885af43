"""The word list as trainees and teachers use it: browse, search, read a term, edit, import."""

from __future__ import annotations

import io
import json

import pytest

from tests.conftest import csrf_token
from tests.factories import log_in, make_group, make_user
from tests.webapp.test_words_search import SAMPLE_TERMS, sample_records
from webapp.extensions import db
from webapp.models import Lesson, LessonTerm, Role, Term, TermEdit
from webapp.words.search import search_terms
from webapp.words.store import save_term


@pytest.fixture
def bank(app):
    terms = {record.lemma: save_term(record, source="bundled") for record in sample_records()}
    db.session.commit()
    return terms


def logged_in_client(app, role=Role.TRAINEE, **kwargs):
    client = app.test_client()
    user = make_user(role, make_group(f"Grupp {role}"), **kwargs)
    log_in(client, user)
    return client, user


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def test_trainee_searches_an_inflected_form_and_sees_the_term(app, bank):
    client, _ = logged_in_client(app)
    html = page(client, "/ordlista/?q=blodtrycket")
    assert "1 träff för ”blodtrycket”" in html
    assert f'href="/ordlista/{bank["blodtryck"].id}"' in html
    assert "böjd form" in html  # says why it matched


def test_search_without_hits_says_so_in_swedish(app, bank):
    client, _ = logged_in_client(app)
    assert "Inga träffar för ”qqqq”" in page(client, "/ordlista/?q=qqqq")


def test_areas_list_counts_and_area_page_lists_its_terms(app, bank):
    client, _ = logged_in_client(app)
    html = page(client, "/ordlista/")
    assert 'Vitalparametrar</a> <span class="count">2 ord</span>' in html
    area = page(client, "/ordlista/omrade/vitalparametrar")
    assert "blodtrycksmätare" in area and "urinera" not in area
    assert client.get("/ordlista/omrade/finns-inte").status_code == 404


def test_term_page_shows_forms_definition_example_audio_and_own_translation(app, bank):
    client, _ = logged_in_client(app, l1="ar")
    html = page(client, f"/ordlista/{bank['blodtryck'].id}")
    assert "Bestämd form singular" in html and "blodtrycket" in html
    assert "Trycket i blodkärlen" in html and "Jag mätte blodtrycket" in html
    assert '<span lang="ar" dir="rtl">ضغط الدم</span>' in html
    assert "Översättningen är inte granskad ännu." in html
    assert "<summary>Fler språk</summary>" in html and '<span lang="fa" dir="rtl">' in html
    # lemma, four form cells (three distinct forms + a repeat) and the example sentence
    assert html.count('<audio class="clip" controls preload="none" src="/ljud/') == 6
    assert "Senast ändrad den" in html and "från de inbyggda ordfilerna" in html
    assert "Ändra termen" not in html


def test_term_page_lists_the_lessons_that_use_the_term(app, bank):
    lesson = Lesson(
        slug="blodtryck",
        title="Mäta blodtryck",
        area="vitalparametrar",
        level="A2",
        status="published",
        body={},
    )
    lesson.terms.append(LessonTerm(term_id=bank["blodtryck"].id, position=0))
    db.session.add(lesson)
    db.session.commit()
    client, _ = logged_in_client(app)
    assert "Mäta blodtryck" in page(client, f"/ordlista/{bank['blodtryck'].id}")
    assert "Ingen lektion använder ordet ännu." in page(client, f"/ordlista/{bank['urinera'].id}")


def test_anonymous_visitor_is_sent_to_log_in(app, bank):
    response = app.test_client().get("/ordlista/")
    assert response.status_code == 302 and "/logga-in" in response.headers["Location"]


@pytest.mark.parametrize("url", ["/ordlista/ny", "/ordlista/importera", "/ordlista/export.csv"])
def test_trainee_cannot_add_import_or_export_terms(app, bank, url):
    client, _ = logged_in_client(app)
    assert client.get(url).status_code == 403


def test_trainee_cannot_edit_a_term(app, bank):
    client, _ = logged_in_client(app)
    url = f"/ordlista/{bank['blodtryck'].id}/andra"
    assert client.get(url).status_code == 403
    token = csrf_token(client, "/ordlista/")
    assert client.post(url, data={"csrf_token": token, "lemma": "x"}).status_code == 403
    assert db.session.get(Term, bank["blodtryck"].id).lemma == "blodtryck"


# --- the teacher's form ---------------------------------------------------------------------


def form_data(client, url, **changes) -> dict:
    data = {
        "csrf_token": csrf_token(client, url),
        "lemma": "lyftsele",
        "pos": "noun",
        "gender": "en",
        "area": "forflyttning",
        "form_sg_indef": "lyftsele",
        "form_sg_def": "lyftselen",
        "form_pl_indef": "lyftselar",
        "form_pl_def": "lyftselarna",
        "definition": "En sele som håller brukaren i en personlyft.",
        "example": "Vi lade lyftselen under brukaren.",
        "abbreviations": "",
        "tr_en": "lifting sling",
        "tr_en_status": "draft",
    }
    data.update(changes)
    return data


def test_teacher_adds_a_term_and_the_edit_is_recorded(app, bank):
    client, teacher = logged_in_client(app, Role.TEACHER, name="Lärare Lisa")
    response = client.post("/ordlista/ny", data=form_data(client, "/ordlista/ny"))
    assert response.status_code == 302
    term = db.session.query(Term).filter_by(lemma="lyftsele").one()
    html = page(client, response.headers["Location"])
    assert "Termen ”lyftsele” är sparad." in html
    assert "Senast ändrad av <bdi>Lärare Lisa</bdi> den" in html
    assert db.session.query(TermEdit).filter_by(term_id=term.id, user_id=teacher.id).count() == 1
    assert [hit.term.lemma for hit in search_terms("lyftselarna")] == ["lyftsele"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"area": "rymden"}, "area", "Okänt område ”rymden”"),
        ({"lemma": ""}, "lemma", "Får inte vara tomt"),
        ({"definition": "ord " * 2500}, "definition", "Är för långt (högst 400 tecken)"),
        ({"example": "Vi lyfte brukaren."}, "example", "Exemplet innehåller inte termen"),
    ],
)
def test_teacher_form_refuses_bad_input_in_swedish_and_keeps_it(app, bank, changes, field, message):
    client, _ = logged_in_client(app, Role.TEACHER)
    data = form_data(client, "/ordlista/ny", **changes)
    response = client.post("/ordlista/ny", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in html
    assert f'id="{field}-fel"' in html or '<ul class="errors"><li>' in html
    assert "lyftselarna" in html and "lifting sling" in html  # input kept
    assert db.session.query(Term).filter_by(area="forflyttning").count() == 0


def test_teacher_edits_a_term_and_renaming_keeps_it_one_term(app, bank):
    client, _ = logged_in_client(app, Role.TEACHER)
    term_id = bank["sårvård"].id
    url = f"/ordlista/{term_id}/andra"
    assert 'value="sårvården"' in page(client, url)
    data = form_data(
        client,
        url,
        lemma="sårbehandling",
        form_sg_indef="sårbehandling",
        form_sg_def="sårbehandlingen",
        form_pl_indef="sårbehandlingar",
        form_pl_def="sårbehandlingarna",
        example="Sårbehandlingen tog tio minuter.",
        area="sarvard",
        version="1",
    )
    assert client.post(url, data=data).status_code == 302
    term = db.session.get(Term, term_id)
    db.session.refresh(term)
    assert term.lemma == "sårbehandling" and term.version == 2
    assert db.session.query(Term).filter_by(lemma="sårvård").count() == 0


def test_an_edit_begun_before_someone_elses_save_is_refused(app, bank):
    client, _ = logged_in_client(app, Role.TEACHER)
    url = f"/ordlista/{bank['sårvård'].id}/andra"
    data = form_data(client, url, version="0")
    response = client.post(url, data=data)
    assert response.status_code == 400
    assert "någon annan har ändrat termen" in response.get_data(as_text=True).lower()


def test_markup_in_a_definition_is_shown_as_text(app, bank):
    client, _ = logged_in_client(app, Role.TEACHER)
    evil = "<script>alert(1)</script> En sele <b>fet</b>"
    response = client.post(
        "/ordlista/ny",
        data=form_data(
            client, "/ordlista/ny", definition=evil, tr_en="<img src=x onerror=alert(1)>"
        ),
    )
    html = page(client, response.headers["Location"])
    assert "<script>alert(1)</script>" not in html and "<b>fet</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the teacher's own (English) translation
    assert "&lt;script&gt;" in page(client, "/ordlista/?q=lyftsele")  # and in the hit list


# --- import and export ----------------------------------------------------------------------


def upload(client, name: str, content: bytes):
    token = csrf_token(client, "/ordlista/importera")
    return client.post(
        "/ordlista/importera",
        data={"csrf_token": token, "file": (io.BytesIO(content), name)},
        content_type="multipart/form-data",
    )


def test_teacher_exports_csv_and_imports_it_back(app, bank):
    client, _ = logged_in_client(app, Role.TEACHER)
    exported = client.get("/ordlista/export.csv")
    assert exported.status_code == 200
    assert exported.headers["Content-Disposition"] == 'attachment; filename="ordvard-termer.csv"'
    assert exported.data.startswith("\ufeff".encode()) and b"blodtrycket" in exported.data
    response = upload(client, "termer.csv", exported.data)
    assert response.status_code == 302
    assert "4 termer är inlästa." in page(client, "/ordlista/")


def test_one_imported_term_is_said_in_the_singular(app, bank):
    client, _ = logged_in_client(app, Role.TEACHER)
    header, first, *_ = client.get("/ordlista/export.csv").data.splitlines(keepends=True)
    assert upload(client, "termer.csv", header + first).status_code == 302
    assert "1 term är inläst." in page(client, "/ordlista/")


def test_import_with_one_bad_row_writes_nothing_and_names_the_row(app, bank):
    client, _ = logged_in_client(app, Role.TEACHER)
    new = dict(
        SAMPLE_TERMS[0],
        lemma="puls",
        forms={"sg_indef": "puls", "sg_def": "pulsen", "pl_indef": "pulsar", "pl_def": "pulsarna"},
        example="Pulsen var 72.",
        abbreviations=[],
        translations={},
    )
    bad = dict(new, lemma="andning", definition="")
    response = upload(client, "termer.json", json.dumps([new, bad]).encode())
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "inga termer sparades" in html
    assert "post 2" in html and "definition" in html
    assert db.session.query(Term).filter_by(lemma="puls").count() == 0


def test_import_refuses_other_file_types(app, bank):
    client, _ = logged_in_client(app, Role.TEACHER)
    response = upload(client, "termer.xlsx", b"PK")
    assert response.status_code == 400
    assert "Filen ska vara en .csv- eller .json-fil." in response.get_data(as_text=True)
