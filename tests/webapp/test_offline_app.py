"""The installable app as the server serves it: a manifest a phone can install from, a service
worker from the site's own root, a page for when the connection is gone, and the list of pages
a trainee's phone keeps."""

import re

import pytest
from flask import url_for
from sqlalchemy import select

from tests.factories import log_in, make_group, make_user
from tests.webapp.drill_content import load_lesson
from webapp.extensions import db
from webapp.models import Assignment, Role, Term


def test_the_manifest_names_the_app_in_swedish_and_opens_standalone(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response.mimetype == "application/manifest+json"
    manifest = response.get_json()
    assert manifest["name"].startswith("Ordvård") and manifest["lang"] == "sv"
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/oversikt"
    assert manifest["theme_color"] == "#0b5d57"
    sizes = {icon["sizes"] for icon in manifest["icons"] if icon["type"] == "image/png"}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200


def test_every_page_links_the_manifest(client):
    html = client.get("/logga-in").get_data(as_text=True)
    assert 'rel="manifest" href="/manifest.webmanifest"' in html
    assert '<meta name="theme-color" content="#0b5d57">' in html


def test_the_service_worker_comes_from_the_root_within_the_csp(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert (
        response.headers["Cache-Control"] == "no-cache"
    )  # a new worker is found on the next visit
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    worker = response.get_data(as_text=True)
    assert '"/static/css/site.css"' in worker and '"/offline"' in worker
    assert "http://" not in worker and "https://" not in worker  # nothing from another origin


def test_the_offline_page_is_the_same_for_everyone(app, client):
    log_in(client, make_user(Role.TRAINEE, make_group(), name="Amina Hassan"))
    html = client.get("/offline").get_data(as_text=True)
    assert "Ingen anslutning just nu" in html
    assert "Amina" not in html and "csrf" not in html  # the worker keeps it for whoever comes next


@pytest.fixture
def assigned(app):
    lesson = load_lesson()
    group = make_group()
    db.session.add(Assignment(lesson_id=lesson.id, group_id=group.id))
    db.session.commit()
    return group


def test_a_trainees_phone_keeps_the_assigned_lessons(assigned, client):
    log_in(client, make_user(Role.TRAINEE, assigned))
    response = client.get("/offline/sidor")
    assert response.status_code == 200
    kept = response.get_json()
    assert "/lektioner/puls-och-blodtryck" in kept["pages"]
    assert "/ova/" in kept["pages"] and "/oversikt" in kept["pages"]
    assert kept["csrf_token"]


def test_a_term_page_the_trainee_opened_is_kept_for_offline(app, assigned, client):
    log_in(client, make_user(Role.TRAINEE, assigned))
    worker = client.get("/sw.js").get_data(as_text=True)
    literal = re.search(r"var SAVED_PAGES = /(.*)/;", worker).group(1)
    saved = re.compile(literal.replace("\\/", "/"))  # the JavaScript regex, read by Python
    term = db.session.scalar(select(Term).limit(1))
    with app.test_request_context():
        path, index = url_for("words.term", term_id=term.id), url_for("words.index")
    assert client.get(path).status_code == 200 and saved.match(path)
    assert not saved.match(index) and saved.match("/lektioner/puls-och-blodtryck")
