"""Bad input at the boundary: NUL bytes and lone surrogates get a Swedish 400 with the typed
text kept; no personnummer is stored in any free text; error pages roll the session back and
always render, showing what was typed."""

from __future__ import annotations

import contextlib
import inspect

import pytest
from flask_wtf import FlaskForm as FlaskWTFForm
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, PendingRollbackError

import webapp
from tests.conftest import csrf_token
from tests.factories import log_in, make_group, make_user
from tests.webapp.test_write import URL, post_note, publish_lesson
from webapp.extensions import db
from webapp.forms import FlaskForm
from webapp.models import Group, Note, NoteDraft, Review, ReviewComment, Role, User

PNR = "Pnr:121212\u20111212"  # glued prefix and a non-breaking hyphen


@pytest.fixture
def writer(client, app):
    publish_lesson()
    trainee = make_user(Role.TRAINEE, make_group("Solgården"))
    log_in(client, trainee)
    return client


def test_every_form_in_the_site_uses_the_guarded_base():
    import importlib
    import pkgutil

    for module in pkgutil.walk_packages(webapp.__path__, "webapp."):
        if module.name.endswith(".forms") or module.name.endswith("forms"):
            importlib.import_module(module.name)
    forms = [cls for cls in _subclasses(FlaskWTFForm) if cls.__module__.startswith("webapp.")]
    assert len(forms) > 10
    outside = [cls.__qualname__ for cls in forms if not issubclass(cls, FlaskForm)]
    assert outside == []


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_a_note_with_a_nul_byte_comes_back_cleaned_with_a_swedish_400(writer):
    response = post_note(writer, "Brukaren\x00 åt frukost.", "lamna-in")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "tecken som inte kan sparas" in html
    assert "Brukaren åt frukost.</textarea>" in html  # the text, without the NUL, in the form
    assert db.session.scalar(select(Note)) is None


def test_a_draft_with_a_nul_byte_is_not_saved_but_kept_in_the_form(writer):
    response = post_note(writer, "Utkast\x00 ett", "spara")
    assert response.status_code == 400
    assert "Utkast ett</textarea>" in response.get_data(as_text=True)
    assert db.session.scalar(select(NoteDraft)) is None


def test_json_nested_thousands_deep_gets_a_swedish_400_not_a_500(writer):
    """Python's JSON parser gives up on [[[[… thousands deep (RecursionError): that was a 500."""
    token = csrf_token(writer, URL)
    deep = "[" * 100_000 + "]" * 100_000
    for endpoint, body in (("/api/check", f'{{"text": {deep}}}'), ("/ova/synka", deep)):
        response = writer.post(
            endpoint, data=body, content_type="application/json", headers={"X-CSRFToken": token}
        )
        assert response.status_code == 400
        assert "för många nivåer inuti varandra" in response.get_json()["message"]


@pytest.mark.parametrize("text", ["Brukaren\x00 åt.", "Brukaren \ud800 åt."])
def test_api_json_with_nul_or_a_lone_surrogate_gets_a_swedish_400(writer, text):
    token = csrf_token(writer, URL)
    for endpoint in ("/api/check", "/api/draft"):
        response = writer.post(
            endpoint,
            json={"text": text, "lesson": URL.split("/")[2], "exercise": URL.split("/")[3]},
            headers={"X-CSRFToken": token},
        )
        assert response.status_code == 400
        assert "tecken som inte kan sparas" in response.get_json()["message"]
    assert db.session.scalar(select(NoteDraft)) is None


def test_a_login_email_with_a_nul_byte_gets_the_form_back(client, app):
    page = client.get("/logga-in")
    assert page.status_code == 200
    response = client.post(
        "/logga-in",
        data={
            "email": "amina\x00@exempel.se",
            "password": "x",
            "csrf_token": csrf_token(client, "/logga-in"),
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "tecken som inte kan sparas" in html and 'value="amina@exempel.se"' in html


def test_a_search_with_a_nul_byte_gets_the_swedish_400_page(client, app):
    response = client.get("/ordlista/?q=blod%00tryck")
    assert response.status_code == 400
    assert "Något blev fel i förfrågan" in response.get_data(as_text=True)


def test_a_display_name_with_a_personnummer_is_refused(client, app):
    user = make_user(Role.TRAINEE, make_group("Solgården"), name="Amina")
    log_in(client, user)
    response = client.post(
        "/konto/profil",
        data={
            "profil-display_name": f"Amina {PNR}",
            "profil-l1": "ar",
            "csrf_token": csrf_token(client, "/konto"),
        },
    )
    assert response.status_code == 400
    assert "personnummer" in response.get_data(as_text=True)
    assert db.session.get(User, user.id).display_name == "Amina"


def test_a_group_name_with_a_personnummer_is_refused(client, app):
    teacher = make_user(Role.TEACHER, name="Lärare")
    log_in(client, teacher)
    url = "/larare/grupper"
    page = client.get(url)
    assert page.status_code == 200
    client.post(url, data={"name": f"Grupp {PNR}", "csrf_token": csrf_token(client, url)})
    assert db.session.scalar(select(Group).where(Group.name.like("Grupp%"))) is None


def test_a_review_comment_and_verdict_with_a_personnummer_are_not_stored(app):
    from tests.webapp.test_review import review_post, submitted
    from tests.webapp.test_write import EXERCISE, GOOD_NOTE

    assert EXERCISE
    lesson, group = publish_lesson(), make_group("Solgården")
    trainee = make_user(Role.TRAINEE, group)
    teacher = make_user(Role.TEACHER, group, name="Lärare Lena")
    note = submitted(trainee, lesson, GOOD_NOTE)
    client = app.test_client()
    log_in(client, teacher)
    comment = review_post(client, note, {"quote": "", "text": f"Skriv inte {PNR}"}, "/kommentar")
    verdict = review_post(client, note, {"verdict": "revise", "comment": f"Ta bort {PNR}"})
    assert comment.status_code == 400 and verdict.status_code == 400
    assert "personnummer" in verdict.get_data(as_text=True)
    assert db.session.scalar(select(ReviewComment)) is None
    assert db.session.scalar(select(Review)) is None


def test_error_page_renders_after_a_failed_statement_and_shows_the_typed_text(app, client):
    @app.post("/_test/fails-mid-transaction")
    def fails():
        db.session.add(User(email=None, display_name="x", password_hash="x", role=Role.TRAINEE))
        with contextlib.suppress(IntegrityError):
            db.session.flush()  # the session now needs a rollback; using it again raises
        db.session.scalar(select(User))  # PendingRollbackError
        return "unreachable"

    app.config["WTF_CSRF_ENABLED"] = False
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production: the 500 handler answers
    response = client.post("/_test/fails-mid-transaction", data={"text": "Min långa anteckning."})
    html = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Något gick fel hos oss" in html
    assert "Det här skrev du" in html and "Min långa anteckning.</textarea>" in html


def test_the_plain_error_page_needs_no_database(app, client, monkeypatch):
    """If the full error page fails (its header reads the user), the plain one is drawn."""
    from webapp import errors

    def broken(*args, **kwargs):
        raise PendingRollbackError("boom")

    real = errors.render_template
    monkeypatch.setattr(
        errors,
        "render_template",
        lambda name, **page: broken() if name == "errors/error.html" else real(name, **page),
    )
    response = client.get("/finns-inte")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.get_data(as_text=True)
    assert inspect.isfunction(errors.typed_text)


def test_a_term_with_a_personnummer_in_its_example_is_refused_and_kept(app):
    from tests.webapp.test_words import form_data, logged_in_client
    from webapp.models import Term

    client, _ = logged_in_client(app, Role.TEACHER)
    example = f"Vi lade lyftselen under brukaren {PNR}."
    response = client.post("/ordlista/ny", data=form_data(client, "/ordlista/ny", example=example))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "personnummer" in html and "lyftselarna" in html
    assert db.session.scalar(select(Term)) is None


@pytest.mark.parametrize("publish", [False, True])
def test_a_lesson_with_a_personnummer_in_a_step_is_refused(app, publish):
    from glossary.problems import ContentError
    from lessons.load import bundled_paths, load_file
    from webapp.author.service import validate

    publish_lesson("munvard")  # its terms in the bank, so only the personnummer is wrong
    record = load_file(next(path for path in bundled_paths() if path.stem == "munvard"))
    document = record.model_dump(mode="json")
    document["procedure"][1]["text"] += f" Brukaren har {PNR}."
    with pytest.raises(ContentError) as refused:
        validate(document, publish=publish)
    assert [p.field for p in refused.value.problems] == ["procedure.1.text"]
    assert "personnummer" in str(refused.value)


def test_a_drill_answer_with_a_personnummer_is_refused_on_the_drill_page(app, client):
    from tests.webapp.drill_content import load_lesson
    from tests.webapp.test_drills_session import current_item, post_answer, reviews

    load_lesson()
    log_in(client, make_user(Role.TRAINEE, make_group()))
    item, _ = current_item(client)
    for _ in range(12):  # to the first kind with a text field
        if item.prompt["kind"] in ("cloze", "listen", "spelling"):
            break
        post_answer(client, item, give_up="1", rating="3")
        item, _ = current_item(client)
    answered = reviews()
    response = post_answer(client, item, answer=f"{PNR} blodtryck")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "ser ut som ett personnummer" in page and 'class="drill-notice"' in page
    assert f'value="{PNR} blodtryck"' in page  # back in the field, to be corrected
    assert item.token in page  # the same question again
    assert reviews() == answered


def test_a_flashcard_rating_with_a_personnummer_typed_stores_nothing(app, client):
    from tests.webapp.drill_content import load_lesson
    from tests.webapp.test_drills_session import current_item, post_answer, reviews

    load_lesson()
    log_in(client, make_user(Role.TRAINEE, make_group()))
    item, _ = current_item(client)
    response = post_answer(client, item, answer=PNR, rating="3", give_up="1")
    assert response.status_code == 400 and "personnummer" in response.get_data(as_text=True)
    assert reviews() == 0
