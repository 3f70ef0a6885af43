"""The trainee's lesson page: server time, queries per page, and throughput under gunicorn
(issue 6), each figure printed beside its target.

    .venv/bin/python benchmarks/lesson_page.py                       # SQLite, then PostgreSQL
    .venv/bin/python benchmarks/lesson_page.py --postgres postgresql://postgres@127.0.0.1:5432/postgres

1. Server time: every bundled lesson page rendered in-process (Flask test client, logged in as
   a trainee) on a throwaway database filled with the bundled content — a temporary SQLite
   file, and a separate PostgreSQL database ``ordvard_bench_lessons`` (dropped and made again;
   never the shared test database). p50/p95 over all requests; the SQL statements per page are
   counted with a ``before_cursor_execute`` event and must be the same for every lesson.
2. Throughput: gunicorn with 2 sync workers on 127.0.0.1 serves the same app (SQLite file);
   50 threads, each with its own ``http.client`` connection, request the lesson page for
   ``--seconds`` and then a minimal page of the same app (a view that returns a short text),
   one after the other in the same run. Prints both requests per second and their ratio.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

BENCH_DATABASE = "ordvard_bench_lessons"
P95_TARGET_MS = 50.0
RATIO_TARGET = 0.25
LOAD_CONNECTIONS = 50
SECRET = "benchmark-secret-key"
EMAIL, PASSWORD = "deltagare@bench.example", "ett-bra-lösenord"
LESSON = "puls-och-blodtryck"
MINIMAL = "/_bench/minimal"


def _settings(uri: str) -> dict:
    return {"SQLALCHEMY_DATABASE_URI": uri, "SECRET_KEY": SECRET}


def _prepare(uri: str) -> None:
    """Migrate the empty database, load the bundled content and add one trainee."""
    from seed import seed_database  # here: gunicorn imports this module as benchmarks.*

    seed_database(
        _settings(uri), email=EMAIL, password=PASSWORD, display_name="Bench Deltagare", l1="ar"
    )


def _log_in(client) -> None:
    html = client.get("/logga-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    response = client.post(
        "/logga-in", data={"email": EMAIL, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302, "the benchmark trainee could not log in"


def server_time(uri: str, rounds: int) -> dict:
    """p95 of the lesson pages in-process, and the SQL statements each page costs.

    The first pass over the lessons renders every body afresh (the page cache is empty); its
    times are reported apart from the later, cached passes. Requests run outside any app
    context of our own, as in a server, so nothing is carried from one request to the next.
    """
    from sqlalchemy import event, select

    from webapp import create_app
    from webapp.extensions import db
    from webapp.learn import cache
    from webapp.models import Lesson

    app = create_app(_settings(uri))
    with app.app_context():
        slugs = list(db.session.scalars(select(Lesson.slug).order_by(Lesson.slug)))
        engine = db.engine
    cache.clear()
    client = app.test_client()
    _log_in(client)
    queries: list[int] = [0]

    def count(*_):
        queries[0] += 1

    event.listen(engine, "before_cursor_execute", count)
    per_page, first_queries, first, times = {}, set(), [], []
    for round_ in range(rounds + 1):
        for slug in slugs:
            queries[0] = 0
            start = time.perf_counter()
            response = client.get(f"/lektioner/{slug}")
            elapsed = (time.perf_counter() - start) * 1000
            assert response.status_code == 200, (slug, response.status_code)
            if round_:
                per_page.setdefault(slug, set()).add(queries[0])
                times.append(elapsed)
            else:
                first_queries.add(queries[0])
                first.append(elapsed)
    event.remove(engine, "before_cursor_execute", count)
    engine.dispose()
    return {
        "requests": len(times),
        "p50": statistics.median(times),
        "p95": _p95(times),
        "first_p95": _p95(first),
        "first_max": max(first),
        "queries": sorted({n for counts in per_page.values() for n in counts}),
        "first_queries": sorted(first_queries),
        "pages": len(per_page),
    }


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.95 * (len(ordered) - 1))]


def _admin(admin_uri: str, statements: list[str]) -> bool:
    import psycopg

    parts = urlsplit(admin_uri)
    try:
        with psycopg.connect(
            urlunsplit(parts._replace(scheme="postgresql")), autocommit=True, connect_timeout=3
        ) as conn:
            for statement in statements:
                conn.execute(statement)
    except psycopg.Error as exc:
        print(f"PostgreSQL: {exc.__class__.__name__}: {str(exc).strip()}")
        return False
    return True


def _postgres_uri(admin_uri: str) -> str | None:
    """A fresh ``ordvard_bench_lessons`` database next to ``admin_uri``'s, or None if the
    server cannot be reached."""
    from webapp.config import database_url

    if not _admin(
        admin_uri,
        [f"DROP DATABASE IF EXISTS {BENCH_DATABASE}", f"CREATE DATABASE {BENCH_DATABASE}"],
    ):
        return None
    return database_url(urlunsplit(urlsplit(admin_uri)._replace(path=f"/{BENCH_DATABASE}")))


def gunicorn_app():
    """The app gunicorn serves: Ordvård plus one minimal page to compare against."""
    from webapp import create_app

    app = create_app(_settings(os.environ["BENCH_DATABASE_URL"]))
    app.add_url_rule(MINIMAL, "bench_minimal", lambda: "ok")
    return app


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _session_cookie(port: int) -> str:
    """Log in over HTTP like a browser: the session cookie for the load requests."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/logga-in")
    response = conn.getresponse()
    html = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    from urllib.parse import urlencode

    body = urlencode({"email": EMAIL, "password": PASSWORD, "csrf_token": token})
    conn.request(
        "POST",
        "/logga-in",
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
    )
    response = conn.getresponse()
    response.read()
    assert response.status == 302, f"login over HTTP failed: {response.status}"
    conn.close()
    return response.getheader("Set-Cookie").split(";")[0]


def _load(port: int, path: str, cookie: str, seconds: float) -> float:
    """Requests per second from LOAD_CONNECTIONS threads hitting ``path`` for ``seconds``."""
    deadline = time.perf_counter() + seconds
    done, failed = [0] * LOAD_CONNECTIONS, [0] * LOAD_CONNECTIONS

    def worker(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.perf_counter() < deadline:
            try:
                conn.request("GET", path, headers={"Cookie": cookie})
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    done[index] += 1
                else:
                    failed[index] += 1
            except (OSError, http.client.HTTPException):
                failed[index] += 1
                conn.close()
        conn.close()

    start = time.perf_counter()
    with ThreadPoolExecutor(LOAD_CONNECTIONS) as pool:
        list(pool.map(worker, range(LOAD_CONNECTIONS)))
    elapsed = time.perf_counter() - start
    if sum(failed):
        print(f"  ({sum(failed)} failed requests on {path})")
    return sum(done) / elapsed


def throughput(sqlite_uri: str, seconds: float) -> tuple[float, float]:
    port = _free_port()
    env = {**os.environ, "BENCH_DATABASE_URL": sqlite_uri, "PYTHONPATH": str(REPO)}
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "--workers",
        "2",
        "--no-control-socket",
        "--bind",
        f"127.0.0.1:{port}",
        "--chdir",
        str(REPO / "benchmarks"),
        "--log-level",
        "warning",
        "lesson_page:gunicorn_app()",
    ]
    server = subprocess.Popen(command, env=env)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        cookie = _session_cookie(port)
        lesson = _load(port, f"/lektioner/{LESSON}", cookie, seconds)
        minimal = _load(port, MINIMAL, cookie, seconds)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    return lesson, minimal


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--postgres",
        default=os.environ.get(
            "BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
        ),
        help="a PostgreSQL server URL; the benchmark makes its own database there",
    )
    parser.add_argument(
        "--rounds", type=int, default=15, help="passes over all lessons per database"
    )
    parser.add_argument(
        "--seconds", type=float, default=10.0, help="load time per page under gunicorn"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        sqlite_uri = f"sqlite:///{Path(tmp) / 'bench.db'}"
        databases = [("SQLite", sqlite_uri)]
        postgres = _postgres_uri(args.postgres)
        if postgres:
            databases.append(("PostgreSQL", postgres))
        for name, uri in databases:
            _prepare(uri)
            result = server_time(uri, args.rounds)
            verdict = "ok" if result["p95"] <= P95_TARGET_MS else "OVER TARGET"
            first = "ok" if result["first_p95"] <= P95_TARGET_MS else "OVER TARGET"
            fixed = (
                "fixed" if len(result["queries"]) == len(result["first_queries"]) == 1 else "VARIES"
            )
            print(
                f"{name}: lesson page server time over {result['requests']} requests: "
                f"p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms "
                f"(target p95 ≤ {P95_TARGET_MS:.0f} ms: {verdict})"
            )
            print(
                f"{name}: first view of each of the {result['pages']} lessons (body rendered, not cached): "
                f"p95 {result['first_p95']:.1f} ms, max {result['first_max']:.1f} ms ({first})"
            )
            print(
                f"{name}: SQL statements per lesson page: {', '.join(map(str, result['queries']))} "
                f"({fixed} across the {result['pages']} lessons, not one per term); "
                f"first view (body rendered): {', '.join(map(str, result['first_queries']))}"
            )
        if postgres:
            _admin(args.postgres, [f"DROP DATABASE IF EXISTS {BENCH_DATABASE}"])

        lesson, minimal = throughput(sqlite_uri, args.seconds)
        ratio = lesson / minimal if minimal else 0.0
        verdict = "ok" if ratio >= RATIO_TARGET else "UNDER TARGET"
        print(
            f"gunicorn, 2 workers, {LOAD_CONNECTIONS} connections, SQLite: lesson page "
            f"{lesson:.0f} req/s, minimal page {minimal:.0f} req/s, ratio {ratio:.2f} "
            f"(target ≥ {RATIO_TARGET}: {verdict})"
        )


if __name__ == "__main__":
    main()
