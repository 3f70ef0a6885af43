"""Teachers lead groups; admins change roles; nobody sees other groups' people."""

from tests.conftest import csrf_token
from tests.factories import log_in, make_group, make_user
from webapp.extensions import db
from webapp.models import Group, Role


def test_teacher_creates_group_and_gets_a_join_code(client):
    teacher = make_user(Role.TEACHER)
    log_in(client, teacher)
    token = csrf_token(client, "/larare/grupper")
    response = client.post(
        "/larare/grupper", data={"name": "Hemtjänsten Norr", "csrf_token": token}
    )
    assert response.status_code == 302
    group = db.session.query(Group).one()
    assert len(group.join_code) == 8 and group.join_code.isalnum()
    page = client.get("/larare/grupper").get_data(as_text=True)
    assert "Hemtjänsten Norr" in page and group.join_code in page


def test_teacher_group_form_rejects_empty_name(client):
    log_in(client, make_user(Role.TEACHER))
    token = csrf_token(client, "/larare/grupper")
    response = client.post("/larare/grupper", data={"name": "  ", "csrf_token": token})
    assert response.status_code == 400
    assert "Skriv ett namn på gruppen." in response.get_data(as_text=True)
    assert db.session.query(Group).count() == 0


def test_teacher_sees_only_members_of_own_groups(client):
    mine, other = make_group("Min grupp"), make_group("Annan grupp")
    teacher = make_user(Role.TEACHER, mine)
    make_user(group=mine, name="Amina")
    make_user(group=other, name="Hemlig Person")
    make_user(Role.TEACHER, other, name="Annan Lärare")
    log_in(client, teacher)
    page = client.get("/larare/grupper").get_data(as_text=True)
    assert "Amina" in page
    assert "Hemlig Person" not in page and "Annan grupp" not in page


def test_admin_changes_a_role(client):
    admin = make_user(Role.ADMIN)
    trainee = make_user(name="Blivande Lärare")
    log_in(client, admin)
    token = csrf_token(client, "/admin/anvandare")
    response = client.post(
        "/admin/anvandare/roll",
        data={"user_id": trainee.id, "role": "teacher", "csrf_token": token},
    )
    assert response.status_code == 302
    db.session.refresh(trainee)
    assert trainee.role is Role.TEACHER
    assert "<bdi>Blivande Lärare</bdi> är nu lärare." in client.get("/admin/anvandare").get_data(
        as_text=True
    )


def test_admin_cannot_change_own_role(client):
    admin = make_user(Role.ADMIN)
    log_in(client, admin)
    token = csrf_token(client, "/admin/anvandare")
    client.post(
        "/admin/anvandare/roll", data={"user_id": admin.id, "role": "trainee", "csrf_token": token}
    )
    db.session.refresh(admin)
    assert admin.role is Role.ADMIN


def test_role_change_without_csrf_token_is_refused(client):
    admin = make_user(Role.ADMIN)
    trainee = make_user()
    log_in(client, admin)
    response = client.post("/admin/anvandare/roll", data={"user_id": trainee.id, "role": "admin"})
    assert response.status_code == 400
    db.session.refresh(trainee)
    assert trainee.role is Role.TRAINEE


def test_a_trainee_with_an_account_joins_another_group_from_its_invitation(client):
    """The invitation link (or QR poster) of a new workplace, opened by a trainee who is
    logged in, leads to joining that group, not to a dashboard that forgot the code."""
    from webapp.models import AuditEvent, Membership

    first, second = make_group("Solgården"), make_group("Björkhagen")
    trainee = make_user(Role.TRAINEE, first, name="Amina")
    log_in(client, trainee)
    response = client.get(f"/registrera?kod={second.join_code.lower()}")
    assert response.status_code == 302 and "/ga-med?kod=" in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f'value="{second.join_code.lower()}"' in page

    token = csrf_token(client, "/ga-med")
    wrong = client.post("/ga-med", data={"csrf_token": token, "join_code": "FEL-KOD"})
    assert wrong.status_code == 400
    assert "Det finns ingen grupp med den koden." in wrong.get_data(as_text=True)
    assert 'value="FEL-KOD"' in wrong.get_data(as_text=True)  # what was typed stays

    joined = client.post(
        "/ga-med", data={"csrf_token": token, "join_code": second.join_code}, follow_redirects=True
    )
    html = joined.get_data(as_text=True)
    assert (
        "Du är nu med i <bdi>Björkhagen</bdi>." in html
        and "<bdi>Solgården</bdi>, <bdi>Björkhagen</bdi>" in html
    )
    again = client.post(
        "/ga-med", data={"csrf_token": token, "join_code": second.join_code}, follow_redirects=True
    )
    assert "Du är redan med i <bdi>Björkhagen</bdi>." in again.get_data(as_text=True)
    groups = db.session.query(Membership.group_id).filter_by(user_id=trainee.id).all()
    assert sorted(g for (g,) in groups) == sorted([first.id, second.id])
    assert db.session.query(AuditEvent).filter_by(action="group_joined").count() == 1
