"""YAML export and import of a lesson: all or nothing, with the validator's messages shown."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from tests.conftest import csrf_token
from tests.factories import log_in, make_user
from webapp.extensions import db
from webapp.models import Lesson, LessonVersion, Role

IMPORT = "/larare/lektioner/importera"


@pytest.fixture
def teacher_client(client, bundled_content):
    log_in(client, make_user(Role.TEACHER))
    return client


def exported(client, slug: str = "puls-och-blodtryck") -> str:
    response = client.get(f"/larare/lektioner/{slug}/export.yaml")
    assert response.status_code == 200
    assert f'filename="{slug}.yaml"' in response.headers["Content-Disposition"]
    return response.get_data(as_text=True)


def paste(client, text: str):
    return client.post(IMPORT, data={"csrf_token": csrf_token(client, IMPORT), "text": text})


def counts() -> tuple[int, int]:
    return (
        db.session.scalar(select(func.count()).select_from(Lesson)),
        db.session.scalar(select(func.count()).select_from(LessonVersion)),
    )


def test_export_then_import_gives_the_same_lesson_back(teacher_client):
    original = db.session.scalar(select(Lesson).where(Lesson.slug == "puls-och-blodtryck"))
    text = exported(teacher_client).replace("id: puls-och-blodtryck", "id: puls-kopia", 1)
    upload = {
        "csrf_token": csrf_token(teacher_client, IMPORT),
        "file": (io.BytesIO(text.encode()), "puls.yaml"),
    }
    response = teacher_client.post(IMPORT, data=upload, content_type="multipart/form-data")
    assert response.status_code == 302
    copy = db.session.scalar(select(Lesson).where(Lesson.slug == "puls-kopia"))
    assert copy.status == "draft"
    assert {**copy.body, "id": original.slug} == original.body
    assert exported(teacher_client, "puls-kopia") == text


def test_reimporting_an_unchanged_lesson_adds_no_version(teacher_client):
    before = counts()
    assert paste(teacher_client, exported(teacher_client)).status_code == 302
    assert counts() == before


@pytest.mark.parametrize(
    "breakage, expected",
    [
        (
            lambda t: t.replace("title: Puls och blodtryck", "title: [Puls och blodtryck", 1),
            "rad 3: YAML-syntaxfel",
        ),
        (
            lambda t: t.replace("  - text: ", "  - txt: ", 1),
            "fältet ”procedure.0.text”: obligatoriskt fält saknas",
        ),
        (
            lambda t: t.replace("[manschett]", "[flurpmätare]", 1),
            "termen ”flurpmätare” finns inte i termbanken",
        ),
    ],
    ids=["syntax error", "missing step text", "unknown term"],
)
def test_a_broken_file_is_refused_with_its_line_or_field_and_nothing_is_written(
    teacher_client, breakage, expected
):
    text = breakage(exported(teacher_client)).replace("id: puls-och-blodtryck", "id: trasig", 1)
    before = counts()
    response = paste(teacher_client, text)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Lektionen lästes inte in" in html and expected in html, html[html.find("<main") :][
        :1500
    ]
    assert counts() == before


def test_unknown_term_is_named_by_its_line(teacher_client):
    text = exported(teacher_client).replace("[manschett]", "[flurpmätare]", 1)
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "flurpmätare" in row)
    assert f"rad {line}" in paste(teacher_client, text).get_data(as_text=True)


def test_a_five_megabyte_body_is_refused_in_swedish(teacher_client):
    before = counts()
    huge = "id: stor\n" + "# fyllnad\n" * 500_000
    response = paste(teacher_client, huge)
    assert response.status_code == 413
    assert "för stort" in response.get_data(as_text=True) and "högst 1 MB" in response.get_data(
        as_text=True
    )
    assert counts() == before


def test_a_teacher_cannot_import_over_someone_elses_unshared_lesson(teacher_client, app):
    lesson = db.session.scalar(select(Lesson).where(Lesson.slug == "munvard"))
    lesson.shared, lesson.source = False, "teacher"
    lesson.author_id = make_user(Role.TEACHER).id
    db.session.commit()
    response = paste(
        teacher_client, exported(teacher_client, "munvard").replace("Munvård", "Min munvård")
    )
    assert response.status_code == 400
    assert "som du inte får ändra" in response.get_data(as_text=True)
