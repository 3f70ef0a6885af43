"""The pages and headers every visitor meets."""

from tests.factories import log_in, make_user
from webapp.models import Role


def test_start_page_explains_ordvard_and_leads_to_login_and_register(client):
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="sv" dir="ltr">' in html
    assert "Svenska för dig som arbetar i vården" in html
    assert 'href="/logga-in"' in html and 'href="/registrera"' in html


def test_security_headers_allow_no_third_party_origin(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "http" not in csp  # no other origin named anywhere
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_session_cookie_is_httponly_and_lax(client):
    user = make_user()
    response = log_in(client, user)
    cookie = response.headers.get("Set-Cookie")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_unknown_page_gets_swedish_404(client):
    response = client.get("/finns-inte")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.get_data(as_text=True)


def test_trainee_opening_admin_page_gets_swedish_403(client):
    log_in(client, make_user())
    response = client.get("/admin/anvandare")
    assert response.status_code == 403
    assert "Du har inte behörighet" in response.get_data(as_text=True)


def test_each_role_has_a_dashboard_with_empty_states(client):
    for role, expected in [
        (Role.TRAINEE, "Här kommer lektionerna som din lärare har valt åt dig."),
        (Role.TEACHER, "Du har inga grupper ännu."),
        (Role.ADMIN, "Hantera användare och roller"),
    ]:
        c = client.application.test_client()
        log_in(c, make_user(role))
        assert expected in c.get("/oversikt").get_data(as_text=True)


def test_internal_error_gets_swedish_page(app):
    @app.get("/krasch-test")
    def boom():
        raise RuntimeError("boom")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = app.test_client().get("/krasch-test")
    assert response.status_code == 500
    assert "Något gick fel hos oss" in response.get_data(as_text=True)


def test_every_page_names_an_icon_and_favicon_ico_answers(client):
    assert 'rel="icon"' in client.get("/").get_data(as_text=True)
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert response.get_data(as_text=True).startswith("<svg")
