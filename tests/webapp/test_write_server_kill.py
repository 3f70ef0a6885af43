"""The server process dies (kill -9) between two draft saves: after a restart the trainee logs
in and finds the last draft that was saved. Runs the real app under gunicorn on a free port
with its own temporary SQLite database."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.factories import PASSWORD, make_group, make_user
from tests.webapp.test_write import EXERCISE, LESSON, publish_lesson
from webapp import create_app
from webapp.extensions import db
from webapp.models import Role

GUNICORN = Path(sys.executable).parent / "gunicorn"
TOKEN = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf-token" content="([^"]+)"'
)
PAGE = f"/skriva/{LESSON}/{EXERCISE}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def database(tmp_path):
    """A migrated SQLite file with the lesson and one trainee, made the way the app makes it."""
    uri = f"sqlite:///{tmp_path / 'ordvard.db'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": uri, "SECRET_KEY": "kill-test"})
    with app.app_context():
        from flask_migrate import upgrade

        upgrade(revision="heads")
        publish_lesson()
        email = make_user(Role.TRAINEE, make_group()).email
        db.engine.dispose()
    return uri, email


def start_server(uri: str, port: int, tmp_path: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": uri,
        "SECRET_KEY": "kill-test",
        "ORDVARD_ENV": "development",
    }
    server = subprocess.Popen(
        [str(GUNICORN), "--workers", "1", "--bind", f"127.0.0.1:{port}", "webapp:create_app()"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: killing it takes the worker too
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            requests.get(f"http://127.0.0.1:{port}/logga-in", timeout=5)
            return server
        except requests.RequestException:
            time.sleep(0.2)
    kill(server)
    pytest.fail("the server did not start")


def kill(server: subprocess.Popen) -> None:
    """kill -9 the server's process group (gunicorn's master and worker)."""
    try:
        os.killpg(server.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    server.wait(timeout=10)


def token_on(session: requests.Session, url: str) -> str:
    match = TOKEN.search(session.get(url, timeout=10).text)
    return match.group(1) or match.group(2)


def logged_in(base: str, email: str) -> requests.Session:
    session = requests.Session()
    token = token_on(session, base + "/logga-in")
    session.post(
        base + "/logga-in",
        data={"email": email, "password": PASSWORD, "csrf_token": token},
        timeout=10,
    )
    return session


@pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is not installed")
def test_last_saved_draft_survives_a_killed_server(database, tmp_path):
    uri, email = database
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(uri, port, tmp_path)
    try:
        session = logged_in(base, email)
        token = token_on(session, base + PAGE)
        saved = session.post(
            base + PAGE,
            data={"text": "Första utkastet.", "action": "spara", "csrf_token": token},
            timeout=10,
        )
        assert "Utkastet är sparat." in saved.text
        autosaved = session.post(
            base + "/api/draft",
            json={
                "text": "Andra utkastet, sparat automatiskt.",
                "lesson": LESSON,
                "exercise": EXERCISE,
            },
            headers={"X-CSRFToken": token},
            timeout=10,
        )
        assert autosaved.status_code == 200
    finally:
        kill(server)  # the master and its worker die mid-session, with no chance to clean up

    server = start_server(uri, port, tmp_path)
    try:
        page = logged_in(base, email).get(base + PAGE, timeout=10).text
        assert "Andra utkastet, sparat automatiskt.</textarea>" in page
    finally:
        kill(server)
