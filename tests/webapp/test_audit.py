"""The audit trail: rows for role changes and card actions, the admin page with its filters
and CSV, and that no code path can change a row once written."""

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from tests.conftest import csrf_token
from tests.factories import log_in, make_group, make_user
from webapp import audit
from webapp.extensions import db
from webapp.models import AuditEvent, Role
from webapp.models.audit import AuditTrailIsAppendOnly


def change_role(client, user_id: int, role: str):
    token = csrf_token(client, "/admin/anvandare")
    return client.post(
        "/admin/anvandare/roll", data={"user_id": user_id, "role": role, "csrf_token": token}
    )


def test_role_change_is_written_with_who_when_and_on_whom(client):
    admin = make_user(Role.ADMIN, name="Admin Adminsson")
    user = make_user(Role.TRAINEE, name="Sara")
    log_in(client, admin)
    change_role(client, user.id, "teacher")
    change_role(client, user.id, "teacher")  # no change: no row
    event = db.session.scalars(select(AuditEvent)).one()
    assert (event.action, event.actor_id, event.subject_user_id) == (
        "role_changed",
        admin.id,
        user.id,
    )
    assert event.details == {"before": "trainee", "after": "teacher"}
    assert event.occurred_at is not None


def test_admin_page_lists_and_filters_events(client):
    admin = make_user(Role.ADMIN, name="Admin Adminsson")
    sara = make_user(Role.TRAINEE, name="Sara Svensson")
    omar = make_user(Role.TRAINEE, name="Omar Ali")
    log_in(client, admin)
    change_role(client, sara.id, "teacher")
    change_role(client, omar.id, "teacher")
    audit.record("data_exported", actor=omar, subject=omar)
    db.session.commit()

    page = client.get("/admin/logg").get_data(as_text=True)
    assert page.count("<td>Roll ändrad</td>") == 2 and "<td>Uppgifter exporterade</td>" in page
    assert "Sara Svensson" in page and "Omar Ali" in page

    by_subject = client.get("/admin/logg?subject=svensson").get_data(as_text=True)
    assert "Sara Svensson" in by_subject and "Omar Ali" not in by_subject
    by_action = client.get("/admin/logg?action=data_exported").get_data(as_text=True)
    assert "Uppgifter exporterade" in by_action and "<td>Roll ändrad</td>" not in by_action
    by_actor = client.get("/admin/logg?actor=adminsson").get_data(as_text=True)
    assert by_actor.count("<td>Roll ändrad</td>") == 2
    assert "Uppgifter exporterade</td>" not in by_actor
    future = client.get("/admin/logg?since=2999-01-01").get_data(as_text=True)
    assert "Inga händelser som passar filtret" in future
    bad = client.get("/admin/logg?since=inte-ett-datum&action=okand")
    assert bad.status_code == 200 and "Filtret kunde inte användas" in bad.get_data(as_text=True)


def test_csv_export_follows_the_filter(client):
    admin = make_user(Role.ADMIN, name="=Admin")
    sara = make_user(Role.TRAINEE, name="Sara")
    log_in(client, admin)
    change_role(client, sara.id, "teacher")
    response = client.get("/admin/logg.csv?action=role_changed")
    assert response.mimetype == "text/csv"
    body = response.get_data().decode("utf-8-sig")
    lines = body.strip().split("\r\n")
    assert lines[0] == "Tid (UTC);Händelse;Vem;På vem;Grupp;Detaljer"
    assert len(lines) == 2 and ";Roll ändrad;'=Admin (" in lines[1]
    assert "after=teacher, before=trainee" in lines[1]
    assert (
        client.get("/admin/logg.csv?action=account_erased")
        .get_data()
        .decode("utf-8-sig")
        .strip()
        .count("\r\n")
        == 0
    )


def test_teachers_and_trainees_cannot_read_the_trail(client):
    teacher = make_user(Role.TEACHER, make_group())
    log_in(client, teacher)
    assert client.get("/admin/logg").status_code == 403
    assert client.get("/admin/logg.csv").status_code == 403


def test_rows_cannot_be_changed_or_deleted_through_the_orm(app):
    user = make_user()
    event = audit.record("data_exported", actor=user, subject=user)
    db.session.commit()
    event.action = "account_erased"
    with pytest.raises(AuditTrailIsAppendOnly):
        db.session.commit()
    db.session.rollback()
    db.session.delete(db.session.get(AuditEvent, event.id))
    with pytest.raises(AuditTrailIsAppendOnly):
        db.session.commit()
    db.session.rollback()


def test_the_database_refuses_to_update_a_row(app):
    user = make_user()
    audit.record("data_exported", actor=user, subject=user)
    db.session.commit()
    with pytest.raises(DatabaseError, match="append-only"):
        db.session.execute(text("UPDATE audit_events SET action = 'account_erased'"))
    db.session.rollback()
    assert db.session.scalar(select(AuditEvent.action)) == "data_exported"


def test_unknown_actions_are_refused():
    with pytest.raises(ValueError):
        audit.record("made_up", actor=None)
