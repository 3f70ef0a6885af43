"""Imports attacked with characters no database column can store: a NUL or a lone surrogate
written as an escape (YAML ``"\\0"``, JSON ``"\\u0000"``) or as a raw byte in an uploaded file,
which the input guard (form fields only) never sees. Each is refused in Swedish, naming the
field, and nothing is written (PostgreSQL answered a 500 before)."""

from __future__ import annotations

import io
import json
import re

import pytest
from sqlalchemy import func, select

from tests.conftest import csrf_token
from tests.factories import log_in, make_user
from tests.webapp.drill_content import load_lesson
from tests.webapp.test_words_search import SAMPLE_TERMS
from webapp.extensions import db
from webapp.models import Lesson, Role, Term

LESSONS = "/larare/lektioner/importera"
TERMS = "/ordlista/importera"
REFUSED = "osynligt styrtecken som inte kan sparas"


@pytest.fixture
def teacher(app, client):
    load_lesson()
    log_in(client, make_user(Role.TEACHER))
    return client


@pytest.mark.parametrize("escape", ["\\0", "\\x00", "\\ud800"])
def test_a_lesson_file_with_an_escaped_nul_is_refused_and_kept_in_the_form(teacher, escape):
    text = teacher.get("/larare/lektioner/puls-och-blodtryck/export.yaml").get_data(as_text=True)
    text = text.replace("id: puls-och-blodtryck", "id: puls-kopia", 1)
    text = re.sub(
        r"^title: .*$", lambda _: f'title: "Puls {escape} och blodtryck"', text, 1, re.MULTILINE
    )
    response = teacher.post(
        LESSONS, data={"csrf_token": csrf_token(teacher, LESSONS), "text": text}
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert REFUSED in page or "ogiltigt värde" in page  # a surrogate is no string to pydantic
    assert f"Puls {escape} och blodtryck" in page  # the pasted text is still in the form
    assert db.session.scalar(select(func.count()).select_from(Lesson)) == 1


def upload(client, name: str, data: bytes):
    return client.post(
        TERMS,
        data={"csrf_token": csrf_token(client, TERMS), "file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def test_a_term_file_with_a_nul_is_refused_and_nothing_is_written(teacher):
    before = db.session.scalar(select(func.count()).select_from(Term))
    record = {**SAMPLE_TERMS[0], "lemma": "nyterm"}
    as_json = json.dumps([{**record, "definition": "Som andas \u0000 snabbt."}])
    refused = upload(teacher, "termer.json", as_json.encode())
    assert refused.status_code == 400 and REFUSED in refused.get_data(as_text=True)

    exported = teacher.get("/ordlista/export.csv").get_data(as_text=True).splitlines()
    lemma = exported[1].split(";")[0]  # Excel's Swedish CSV
    row = exported[1].replace(lemma, "nyterm\x00", 1)
    refused = upload(teacher, "termer.csv", "\n".join([exported[0], row, ""]).encode())
    assert refused.status_code == 400 and REFUSED in refused.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Term)) == before


def test_files_nested_thousands_deep_are_refused_in_swedish_not_a_500(teacher):
    """[[[[… 100,000 deep made Python's JSON and YAML parsers raise RecursionError: a 500."""
    deep = b"[" * 100_000 + b"]" * 100_000
    before = db.session.scalar(select(func.count()).select_from(Term))
    refused = upload(teacher, "termer.json", deep)
    assert refused.status_code == 400
    assert "för många nivåer inuti varandra" in refused.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Term)) == before

    pasted = deep.decode()
    refused = teacher.post(
        LESSONS, data={"csrf_token": csrf_token(teacher, LESSONS), "text": pasted}
    )
    assert refused.status_code == 400
    assert "för många nivåer inuti varandra" in refused.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Lesson)) == 1
