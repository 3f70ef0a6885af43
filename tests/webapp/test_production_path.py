"""The production path: the Procfile's processes on PostgreSQL, rate limits in Redis.

These need the services CI provides (TEST_DATABASE_URL, TEST_REDIS_URL) and skip without them.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import csrf_token
from tests.factories import make_user

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def procfile() -> dict[str, str]:
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL"), reason="needs TEST_DATABASE_URL (PostgreSQL)"
)
def test_procfile_release_then_web_serves_the_site_on_postgresql(database_uri):
    port = free_port()
    env = {
        **os.environ,
        "PATH": f"{BIN}:{os.environ['PATH']}",
        "ORDVARD_ENV": "production",
        "SECRET_KEY": "procfile-test-secret-key-0123456789",
        "DATABASE_URL": os.environ["TEST_DATABASE_URL"].replace("postgresql://", "postgres://", 1),
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
    }
    processes = procfile()
    release = subprocess.run(
        processes["release"],
        check=False,
        shell=True,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert release.returncode == 0, release.stderr
    web = subprocess.Popen(
        processes["web"],
        shell=True,
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    body = response.read().decode()
                break
            except OSError:
                assert web.poll() is None, web.stderr.read().decode()
                assert time.monotonic() < deadline, "gunicorn did not answer within 30 s"
                time.sleep(0.3)
        assert "Svenska för dig som arbetar i vården" in body
        assert "Strict-Transport-Security" in response.headers
    finally:
        os.killpg(web.pid, 15)
        web.wait(timeout=10)


@pytest.mark.skipif(not os.environ.get("TEST_REDIS_URL"), reason="needs TEST_REDIS_URL (Redis)")
def test_failed_logins_are_counted_in_redis(database_uri):
    import redis

    from tests.conftest import _test_settings
    from webapp import create_app
    from webapp.extensions import db

    url = os.environ["TEST_REDIS_URL"]
    redis.Redis.from_url(url).flushdb()
    app = create_app({**_test_settings(database_uri), "RATELIMIT_STORAGE_URI": url})
    with app.app_context():
        user = make_user()
        client = app.test_client()
        token = csrf_token(client, "/logga-in")
        statuses = [
            client.post(
                "/logga-in", data={"email": user.email, "password": "fel", "csrf_token": token}
            ).status_code
            for _ in range(11)
        ]
        db.session.remove()
    assert statuses[-1] == 429 and statuses[:-1] == [200] * 10
    assert any(b"logga" in key or b"login" in key for key in redis.Redis.from_url(url).keys("*"))
