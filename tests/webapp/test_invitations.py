"""Invitations and groups: the join link and printable QR poster, a new join code, moving a
trainee to another of the teacher's groups and removing one — with the audit rows."""

import pytest
from sqlalchemy import select

from tests.conftest import csrf_token
from tests.factories import log_in, make_group, make_user
from webapp.extensions import db
from webapp.models import AuditEvent, Group, Membership, Role

pytestmark = pytest.mark.usefixtures("app")


def post(client, url: str, **data):
    data["csrf_token"] = csrf_token(client, "/larare/grupper")
    return client.post(url, data=data)


@pytest.fixture
def groups():
    return make_group("Solgården", join_code="SOLGARDEN"), make_group(
        "Hemtjänst Norr", join_code="NORR2345"
    )


@pytest.fixture
def teacher(groups):
    teacher = make_user(Role.TEACHER, groups[0], name="Sara")
    db.session.add(Membership(user=teacher, group=groups[1], role="leader"))
    db.session.commit()
    return teacher


@pytest.fixture
def trainee(groups):
    return make_user(Role.TRAINEE, groups[0], name="Amina")


def members(group: Group) -> list[int]:
    return sorted(
        db.session.scalars(
            select(Membership.user_id).where(
                Membership.group_id == group.id, Membership.role == "member"
            )
        )
    )


def test_groups_page_shows_the_invitation_link_and_poster(client, groups, teacher):
    log_in(client, teacher)
    html = client.get("/larare/grupper").get_data(as_text=True)
    assert "http://localhost/registrera?kod=SOLGARDEN" in html
    assert f"/larare/grupper/{groups[0].id}/affisch" in html

    poster = client.get(f"/larare/grupper/{groups[0].id}/affisch")
    text = poster.get_data(as_text=True)
    assert poster.status_code == 200 and "<svg" in text and "SOLGARDEN" in text
    assert "Skanna koden med telefonen" in text
    # the code scales to the box the page gives it (18rem, 120 mm printed), not 148 px in a corner
    assert '<svg viewBox="0 0 ' in text and '<svg width="' not in text


def test_the_invitation_link_fills_in_the_code(client):
    html = client.get("/registrera?kod=SOLGARDEN").get_data(as_text=True)
    assert 'value="SOLGARDEN"' in html


def test_a_new_code_replaces_the_old_one(client, groups, teacher):
    log_in(client, teacher)
    assert post(client, f"/larare/grupper/{groups[0].id}/ny-kod").status_code == 302
    db.session.refresh(groups[0])
    assert groups[0].join_code != "SOLGARDEN" and len(groups[0].join_code) == 8
    from webapp.auth.service import group_by_join_code

    assert group_by_join_code("SOLGARDEN") is None
    assert group_by_join_code(groups[0].join_code).id == groups[0].id
    event = db.session.scalar(select(AuditEvent))
    assert (event.action, event.actor_id, event.group_id) == (
        "join_code_renewed",
        teacher.id,
        groups[0].id,
    )
    assert "SOLGARDEN" not in str(event.details)


def test_teacher_moves_a_trainee_to_another_group_they_lead(client, groups, teacher, trainee):
    log_in(client, teacher)
    response = post(
        client,
        f"/larare/grupper/{groups[0].id}/deltagare/{trainee.id}/flytta",
        to_group=groups[1].id,
    )
    assert response.status_code == 302
    assert members(groups[0]) == [] and members(groups[1]) == [trainee.id]
    event = db.session.scalar(select(AuditEvent))
    assert (event.action, event.subject_user_id, event.group_id) == (
        "member_moved",
        trainee.id,
        groups[0].id,
    )
    assert event.details == {"to_group": groups[1].id}


def test_move_to_a_group_the_teacher_does_not_lead_is_refused(client, groups, teacher, trainee):
    foreign = make_group("Annan arbetsplats")
    log_in(client, teacher)
    response = post(
        client, f"/larare/grupper/{groups[0].id}/deltagare/{trainee.id}/flytta", to_group=foreign.id
    )
    assert response.status_code == 302
    assert "Välj en av dina grupper" in client.get("/larare/grupper").get_data(as_text=True)
    assert members(groups[0]) == [trainee.id] and members(foreign) == []
    forged = post(
        client, f"/larare/grupper/{groups[0].id}/deltagare/{trainee.id}/flytta", to_group="x"
    )
    assert forged.status_code == 302 and members(groups[0]) == [trainee.id]
    assert db.session.scalar(select(AuditEvent)) is None


def test_teacher_removes_a_trainee_whose_account_stays(client, groups, teacher, trainee):
    log_in(client, teacher)
    response = post(client, f"/larare/grupper/{groups[0].id}/deltagare/{trainee.id}/ta-bort")
    assert response.status_code == 302
    assert members(groups[0]) == []
    assert log_in(client.application.test_client(), trainee).status_code == 302
    assert db.session.scalar(select(AuditEvent.action)) == "member_removed"
    again = post(client, f"/larare/grupper/{groups[0].id}/deltagare/{trainee.id}/ta-bort")
    assert again.status_code == 302
    assert "Deltagaren finns inte i gruppen." in client.get("/larare/grupper").get_data(
        as_text=True
    )


def test_another_teacher_cannot_touch_the_group(client, groups, trainee):
    stranger = make_user(Role.TEACHER, make_group("Egen grupp"))
    log_in(client, stranger)
    group_id = groups[0].id
    assert client.get(f"/larare/grupper/{group_id}/affisch").status_code == 403
    assert post(client, f"/larare/grupper/{group_id}/ny-kod").status_code == 403
    assert (
        post(client, f"/larare/grupper/{group_id}/deltagare/{trainee.id}/ta-bort").status_code
        == 403
    )
    assert members(groups[0]) == [trainee.id]
    db.session.refresh(groups[0])
    assert groups[0].join_code == "SOLGARDEN"
