"""A teacher sees a small group's common errors: missing terms, findings by kind and by word,
first-to-last improvement and overridden findings — on the page and as CSV for Excel — and
never a trainee's name or text."""

from __future__ import annotations

import csv
import io

import pytest

from tests.factories import make_group, make_user
from tests.webapp.test_review import client_for, review_post, submitted
from tests.webapp.test_write import COLLOQUIAL_NOTE, EXERCISE, GOOD_NOTE, LESSON, publish_lesson
from webapp.models import Role
from webapp.review.insights import group_insights
from webapp.write.service import find_exercise, submit_note

# finds: colloquial "Tanten", colloquial "ont", split "blod tryck"; misses blodtryck, puls, vila, oregelbunden
SHORT_NOTE = "Tanten hade ont. Kl. 08.15 mätte jag blod tryck."


@pytest.fixture
def group_with_notes(app):
    """Amina wrote a note twice (two findings and one missing term, then none); Bashir once,
    and his teacher marked "ont" as not an error. Dawit, in another group, is not counted."""
    lesson = publish_lesson()
    group = make_group("Solgården")
    teacher = make_user(Role.TEACHER, group, name="Lärare Lena")
    amina = make_user(Role.TRAINEE, group, name="Amina")
    submitted(amina, lesson, COLLOQUIAL_NOTE)
    submit_note(amina, find_exercise(lesson, EXERCISE), GOOD_NOTE)
    bashir_note = submitted(make_user(Role.TRAINEE, group, name="Bashir"), lesson, SHORT_NOTE)
    submitted(
        make_user(Role.TRAINEE, make_group("Ängsvik")), lesson, "Gubben var jobbig och hade ont."
    )
    review_post(
        client_for(app, teacher),
        bashir_note,
        {"finding": "2", "reason": "Brukarens egna ord."},
        "/inte-ett-fel",
    )
    return group, teacher


def test_counts_for_a_small_group(group_with_notes):
    group, _ = group_with_notes
    found = group_insights(group)
    assert (found.notes, found.versions) == (2, 3)
    assert found.missing == [("blodtryck", 2), ("puls", 1), ("vila", 1), ("oregelbunden", 1)]
    assert sorted(found.kinds) == [
        ("särskrivning", 2),
        ("vardagligt ord", 2),
    ]  # "ont" was overridden
    assert sorted(found.words) == [
        ("särskrivning", "blod tryck", 2),
        ("vardagligt ord", "tanten", 2),
    ]
    assert found.overrides == [("vardagligt ord", "ont", "Brukarens egna ord.", 1)]
    improvement = found.improvement
    assert improvement.notes == 1  # only Amina's note was written twice
    assert (improvement.findings_first, improvement.findings_last) == (2, 0)
    assert (improvement.missing_first, improvement.missing_last) == (1, 0)


def test_insights_page_shows_counts_but_no_names_or_note_text(app, group_with_notes):
    group, teacher = group_with_notes
    html = (
        client_for(app, teacher).get(f"/larare/granska/insikter/{group.id}").get_data(as_text=True)
    )
    assert "Vanliga fel i Solgården" in html
    assert "2 anteckningar, 3 versioner." in html
    assert '<td lang="sv">tanten</td><td>vardagligt ord</td><td>2</td>' in html
    assert "Brukarens egna ord." in html
    assert "Amina" not in html and "Bashir" not in html
    assert "Tanten hade ont" not in html and COLLOQUIAL_NOTE not in html


def test_insights_for_one_exercise_and_an_exercise_without_notes(app, group_with_notes):
    group, teacher = group_with_notes
    client = client_for(app, teacher)
    one = client.get(f"/larare/granska/insikter/{group.id}?ovning={LESSON}/{EXERCISE}").get_data(
        as_text=True
    )
    assert "2 anteckningar, 3 versioner." in one and "selected" in one
    unknown = client.get(f"/larare/granska/insikter/{group.id}?ovning=okand/ovning").get_data(
        as_text=True
    )
    assert "2 anteckningar, 3 versioner." in unknown  # an unknown choice shows all exercises


def test_csv_export_opens_in_swedish_excel(app, group_with_notes):
    group, teacher = group_with_notes
    response = client_for(app, teacher).get(f"/larare/granska/insikter/{group.id}.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"  # said once
    assert "attachment" in response.headers["Content-Disposition"]
    body = response.get_data()
    assert body.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Avsnitt", "Typ", "Ord", "Antal", "Kommentar"]
    assert ["Saknade ord", "", "blodtryck", "2", ""] in rows
    assert ["Fynd per ord", "vardagligt ord", "tanten", "2", ""] in rows
    assert ["Inte ett fel (läraren)", "vardagligt ord", "ont", "1", "Brukarens egna ord."] in rows
    assert ["Förbättring", "fynd per anteckning, första versionen", "", "2,0", ""] in rows
    assert "Amina" not in body.decode("utf-8-sig")


def test_another_teachers_group_insights_are_refused(app, group_with_notes):
    group, _ = group_with_notes
    other = make_user(Role.TEACHER, make_group("Ängsvik"))
    client = client_for(app, other)
    assert client.get(f"/larare/granska/insikter/{group.id}").status_code == 403
    assert client.get(f"/larare/granska/insikter/{group.id}.csv").status_code == 403


def test_trainee_cannot_see_group_insights(app, group_with_notes):
    group, _ = group_with_notes
    trainee = make_user(Role.TRAINEE, group)
    client = client_for(app, trainee)
    assert client.get(f"/larare/granska/insikter/{group.id}").status_code == 403
