"""Content review attacked: markup in a reviewer's name and comment, a trainee or teacher
granting themselves review scopes, decisions on terms and languages that do not exist, a
sign-off of a made-up version, and a log-in link that tries to send the user elsewhere."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from tests.conftest import csrf_token
from tests.factories import make_user
from tests.webapp.drill_content import load_lesson
from tests.webapp.test_content_review import QUEUE, bank, client_for, decide  # noqa: F401
from webapp.extensions import db
from webapp.models import LessonReview, ReviewerScope, Role, TranslationReview

SCRIPT = "<script>alert(1)</script>"
IMAGE = '<img src=x onerror="alert(2)">'


@pytest.mark.usefixtures("bank")
def test_markup_in_a_reviewers_name_and_comment_is_shown_as_text(app, bank):  # noqa: F811
    reviewer, _ = client_for(app, Role.TEACHER, "ar", name=f"Gul {IMAGE}")
    term = bank["blodtryck"]
    assert (
        decide(reviewer, term, decision="needs_change", comment=f"Byt ord {SCRIPT}").status_code
        == 302
    )
    teacher, _ = client_for(app, Role.TEACHER)
    pages = [
        teacher.get(f"/ordlista/{term.id}").get_data(as_text=True),
        reviewer.get(QUEUE.format(lang="ar") + "?status=needs_change").get_data(as_text=True),
    ]
    for html in pages:
        assert SCRIPT not in html and IMAGE not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[1]


@pytest.mark.parametrize("role", [Role.TRAINEE, Role.TEACHER])
def test_nobody_but_an_admin_grants_review_scopes_even_to_themselves(app, role):
    client, user = client_for(app, role)
    response = client.post(
        f"/granskning/granskare/{user.id}",
        data={"csrf_token": csrf_token(client, "/oversikt"), "scopes": ["ar", "care"]},
    )
    assert response.status_code == 403
    assert db.session.scalar(select(ReviewerScope)) is None


def test_a_decision_on_an_unknown_term_or_language_is_a_404(app, bank):  # noqa: F811
    reviewer, _ = client_for(app, Role.TEACHER, "ar")
    term = bank["blodtryck"]
    token = csrf_token(reviewer, "/granskning/")
    form = {"csrf_token": token, "t999999-csrf_token": token, "t999999-decision": "reviewed"}
    assert reviewer.post("/granskning/oversattningar/ar/999999", data=form).status_code == 404
    assert reviewer.post(f"/granskning/oversattningar/xx/{term.id}", data=form).status_code == 404
    assert db.session.scalar(select(TranslationReview)) is None


@pytest.mark.parametrize("version", ["999", "-1", "abc", ""])
def test_a_sign_off_of_a_version_nobody_read_is_refused(app, version):
    lesson = load_lesson()
    reviewer, _ = client_for(app, Role.TEACHER, "care")
    url = f"/granskning/lektioner/{lesson.slug}"
    response = reviewer.post(
        url,
        data={"csrf_token": csrf_token(reviewer, url), "decision": "reviewed", "version": version},
    )
    assert response.status_code == 400
    assert "Texten har ändrats sedan du öppnade sidan" in response.get_data(as_text=True)
    assert db.session.scalar(select(LessonReview)) is None


@pytest.mark.parametrize(
    "target",
    [
        "https://ond.example/",
        "//ond.example/",
        "/\\ond.example/",
        "/\t/ond.example/",
        "\\\\ond.example/",
        "/.//ond.example/",
        "/%2F%2Fond.example/",
        "javascript:alert(1)",
        "/\uff0f/ond.example/",
    ],
)
def test_a_log_in_link_never_sends_the_user_to_another_site(app, client, target):
    user = make_user(Role.TRAINEE)
    token = csrf_token(client, "/logga-in")
    response = client.post(
        "/logga-in",
        query_string={"next": target},
        data={"email": user.email, "password": "ett-bra-lösenord", "csrf_token": token},
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
    assert urlsplit(location).netloc == ""  # a path on this site, whatever it holds
