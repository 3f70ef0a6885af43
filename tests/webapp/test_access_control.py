"""Every route, every role: an explicit table of who may use what.

A route added without an entry here fails ``test_every_route_is_in_the_table``, so access is
decided on purpose, never by accident.
"""

import pytest

from tests.conftest import csrf_token
from tests.factories import log_in, make_group, make_reviewer, make_user
from webapp.models import Role
from webapp.review_state import SCOPES

ANON, TRAINEE, TEACHER, ADMIN = "anonymous", "trainee", "teacher", "admin"
EVERYONE = {ANON, TRAINEE, TEACHER, ADMIN}
LOGGED_IN = {TRAINEE, TEACHER, ADMIN}
TEACHERS = {TEACHER, ADMIN}

# endpoint → (who may use it, URL arguments for building it)
ACCESS: dict[str, tuple[set[str], dict]] = {
    "static": (EVERYONE, {"filename": "css/site.css"}),
    "home.start": (EVERYONE, {}),
    "home.favicon": (EVERYONE, {}),
    "home.dashboard": (LOGGED_IN, {}),
    "auth.login": (EVERYONE, {}),
    "auth.logout": (LOGGED_IN, {}),
    "auth.register": (EVERYONE, {}),
    "auth.join_group": ({TRAINEE}, {}),
    "auth.forgot_password": (EVERYONE, {}),
    "auth.reset_password": (EVERYONE, {"token": "ogiltig"}),  # a bad link: 400, not refused
    "account.profile": (LOGGED_IN, {}),
    "account.update_profile": (LOGGED_IN, {}),
    "account.change_password": (LOGGED_IN, {}),
    "account.change_email": (LOGGED_IN, {}),
    "account.confirm_email": (EVERYONE, {"token": "ogiltig"}),  # the link itself is the key
    "account.logout_everywhere": (LOGGED_IN, {}),
    "account.export_own": (LOGGED_IN, {}),
    "account.erase_own": (LOGGED_IN, {}),  # GET: the confirmation page
    "teach.groups": (TEACHERS, {}),
    "teach.create_group": (TEACHERS, {}),
    "teach.reset_link": (TEACHERS, {"user_id": 9999}),  # no such user: 404, not refused
    "teach.poster": (TEACHERS, {"group_id": 1}),
    "teach.renew_code": (TEACHERS, {"group_id": 1}),
    "teach.move_member": (TEACHERS, {"group_id": 1, "user_id": 9999}),  # unknown: a message
    "teach.remove_member": (TEACHERS, {"group_id": 1, "user_id": 9999}),
    "admin.users": ({ADMIN}, {}),
    "admin.change_role": ({ADMIN}, {}),
    "admin.audit_log": ({ADMIN}, {}),
    "admin.audit_csv": ({ADMIN}, {}),
    "admin.export_user": ({ADMIN}, {"user_id": 9999}),  # no such user: 404, not refused
    "admin.erase_user": ({ADMIN}, {"user_id": 9999}),
    "words.index": (LOGGED_IN, {}),
    "words.area": (LOGGED_IN, {"area": "vitalparametrar"}),
    "words.term": (LOGGED_IN, {"term_id": 1}),
    "words.new_term": (TEACHERS, {}),
    "words.edit_term": (TEACHERS, {"term_id": 1}),
    "words.import_terms": (TEACHERS, {}),
    "words.export": (TEACHERS, {"kind": "csv"}),
    "audio.clip": (EVERYONE, {"token": "ej-signerad"}),  # public clips; unsigned text: 404
    "drills.session": ({TRAINEE}, {}),
    "drills.answer": ({TRAINEE}, {}),
    "drills.progress_page": ({TRAINEE}, {}),
    "drills.pack": ({TRAINEE}, {}),
    "drills.sync": ({TRAINEE}, {}),  # a form post, not a batch: 400, not refused
    "offline.manifest": (EVERYONE, {}),
    "offline.service_worker": (EVERYONE, {}),
    "offline.offline_page": (EVERYONE, {}),
    "offline.pages_to_keep": ({TRAINEE}, {}),
    # group 1 is the one the walking teacher leads (tables start empty); others' groups: 403
    "drills.group": (TEACHERS, {"group_id": 1}),
    "drills.group_settings": (TEACHERS, {"group_id": 1}),
    "learn.index": (LOGGED_IN, {}),
    "learn.lesson": (LOGGED_IN, {"slug": "puls-och-blodtryck"}),
    "author.index": (TEACHERS, {}),
    "author.new": (TEACHERS, {}),
    "author.edit": (TEACHERS, {"slug": "puls-och-blodtryck"}),
    "author.preview": (TEACHERS, {"slug": "puls-och-blodtryck"}),
    "author.versions": (TEACHERS, {"slug": "puls-och-blodtryck"}),
    "author.restore": (TEACHERS, {"slug": "puls-och-blodtryck", "version": 1}),
    "author.export": (TEACHERS, {"slug": "puls-och-blodtryck"}),
    "author.import_lesson": (TEACHERS, {}),
    "author.assignments": (TEACHERS, {"slug": "puls-och-blodtryck"}),
    "author.terms": (TEACHERS, {}),
    "write.index": ({TRAINEE}, {}),
    "write.exercise": ({TRAINEE}, {"lesson": "puls-och-blodtryck", "exercise": "x"}),
    "write.feedback": ({TRAINEE}, {"lesson": "puls-och-blodtryck", "exercise": "x"}),
    "write.compare": ({TRAINEE}, {"lesson": "puls-och-blodtryck", "exercise": "x"}),
    # logging in again with an unsaved note: anyone may log in; a teacher has no notes
    "write.resume": ({ANON, TRAINEE}, {"lesson": "puls-och-blodtryck", "exercise": "x"}),
    "api.check": ({TRAINEE}, {}),  # anonymous: 401 in JSON
    "api.draft": ({TRAINEE}, {}),
    # review: note 1 does not exist (404, not refused); group 1 is the walking teacher's own
    "review.queue": (TEACHERS, {}),
    "review.note": (TEACHERS, {"note_id": 1}),
    "review.comment": (TEACHERS, {"note_id": 1}),
    "review.override": (TEACHERS, {"note_id": 1}),
    "review.group_insights": (TEACHERS, {"group_id": 1}),
    "review.insights_csv": (TEACHERS, {"group_id": 1}),
    "cards.index": ({TRAINEE}, {}),
    "cards.card": ({TRAINEE}, {"slug": "puls-och-blodtryck"}),
    "cards.to_sign": (TEACHERS, {}),
    "cards.sign": (TEACHERS, {"slug": "puls-och-blodtryck", "user_id": 1}),
    "cards.revoke": (TEACHERS, {"slug": "puls-och-blodtryck", "user_id": 1}),
    "cards.verify": (EVERYONE, {"code": "okand-kod"}),  # public; an unknown code: 404
    # content review: the walking teacher and admin review every scope (see _client_as); a
    # teacher without the scope is refused in tests/webapp/test_content_review.py
    "content_review.index": (TEACHERS, {}),
    "content_review.translations": (TEACHERS, {"lang": "ar"}),
    "content_review.review_translation": (TEACHERS, {"lang": "ar", "term_id": 9999}),  # 404
    "content_review.lessons": (TEACHERS, {}),
    "content_review.lesson": (TEACHERS, {"slug": "puls-och-blodtryck"}),  # no lessons: 404
    "content_review.reviewer_list": ({ADMIN}, {}),
    "content_review.set_scopes": ({ADMIN}, {"user_id": 9999}),  # no such user: 404
    "content_review.progress": ({ADMIN}, {}),
}


def test_every_route_is_in_the_table(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints - set(ACCESS) == set(), "add the new routes to ACCESS"
    assert set(ACCESS) - endpoints == set(), "remove routes that no longer exist"


def _requests(app):
    for rule in app.url_map.iter_rules():
        allowed, arguments = ACCESS[rule.endpoint]
        method = "GET" if "GET" in rule.methods else min(rule.methods - {"HEAD", "OPTIONS"})
        with app.test_request_context():
            from flask import url_for

            url = url_for(rule.endpoint, **arguments)
        yield rule.endpoint, method, url, allowed


def _client_as(app, who):
    client = app.test_client()
    if who != ANON:
        group = make_group(f"Grupp för {who}")
        user = make_user(Role(who), group)
        if who in TEACHERS:
            make_reviewer(user, *SCOPES)
        log_in(client, user)
    return client


@pytest.mark.parametrize("who", [ANON, TRAINEE, TEACHER, ADMIN])
def test_each_role_reaches_exactly_its_routes(app, who):
    client = _client_as(app, who)
    token = csrf_token(client, "/logga-in" if who == ANON else "/oversikt")
    wrong = []
    for endpoint, method, url, allowed in _requests(app):
        if endpoint in ("auth.logout", "account.logout_everywhere"):
            continue  # would end the session the rest of the walk needs; tested below
        response = client.open(url, method=method, data={"csrf_token": token})
        refused = response.status_code in (401, 403) or (
            response.status_code == 302 and "/logga-in" in response.headers["Location"]
        )
        if refused == (who in allowed):
            wrong.append(f"{method} {url} ({endpoint}): {response.status_code}")
    assert wrong == []


def test_logout_needs_a_session(app):
    client = app.test_client()
    token = csrf_token(client, "/logga-in")
    response = client.post("/logga-ut", data={"csrf_token": token})
    assert response.status_code == 302 and "/logga-in" in response.headers["Location"]
