"""Lighthouse on a trainee's main pages, mobile profile: performance, accessibility, best
practices and SEO, each beside its target (issue 13).

    .venv/bin/python benchmarks/lighthouse.py [--keep-going]

Needs Node 20 and npm; the pinned ``lighthouse@12.2.3`` (13.x needs Node 22) is installed once
into ``benchmarks/.lighthouse/`` (git-ignored), and runs Debian's Chromium through
``CHROME_PATH`` (default ``/usr/bin/chromium``) with ``--headless=new --no-sandbox``.

The script makes its own SQLite database in a temporary folder (``ordvard setup``: bundled
content and demo accounts), serves it with gunicorn (one worker) on a free local port, logs in
as the demo trainee Amina, submits one practice note so the feedback page exists, and audits
five pages with her session cookie: start (Översikt), a lesson, a drill, the writing page and
the feedback page. Targets: performance ≥ 95, accessibility 100, best practices 100, SEO ≥ 90.
It prints each failing audit under a score below its target. A benchmark, not a test: the
figures move with the machine's load (printed first).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
TOOLS = Path(__file__).resolve().parent / ".lighthouse"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
LESSON, EXERCISE = "puls-och-blodtryck", "puls-och-blodtryck-anteckning"
PAGES = {
    "start": "/oversikt",
    "lesson": f"/lektioner/{LESSON}",
    "drill": f"/ova/?lektion={LESSON}",
    "writing": f"/skriva/{LESSON}/{EXERCISE}",
    "feedback": f"/skriva/{LESSON}/{EXERCISE}/respons",
}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 90}
NOTE = (
    "Kl. 08.15 mätte jag blodtrycket på brukaren i sittande efter vila. Blodtryck 168/96 mmHg. "
    "Puls 88 slag/min, oregelbunden. Rapporterat till sjuksköterskan."
)


def install_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    TOOLS.mkdir(exist_ok=True)
    print("installing lighthouse@12.2.3 into benchmarks/.lighthouse/ (once) …", flush=True)
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent", "lighthouse@12.2.3"],
        cwd=TOOLS,
        check=True,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def csrf(html: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)


def trainee_session(base: str) -> requests.Session:
    """Amina logged in, with one submitted note (so the feedback page has something to show)."""
    http = requests.Session()
    token = csrf(http.get(base + "/logga-in").text)
    http.post(
        base + "/logga-in",
        data={
            "csrf_token": token,
            "email": "amina@ordvard.example",
            "password": "demo-deltagare-1",
        },
    ).raise_for_status()
    writing = base + PAGES["writing"]
    token = csrf(http.get(writing).text)
    answer = http.post(writing, data={"csrf_token": token, "text": NOTE, "action": "lamna-in"})
    assert answer.ok and "/respons" in answer.url, (answer.status_code, answer.url)
    return http


def audit(url: str, cookie: str) -> dict:
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    out = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            "--chrome-flags=--headless=new --no-sandbox",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--extra-headers",
            json.dumps({"Cookie": cookie}),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(out.stdout)


def failing(report: dict, category: str) -> list[str]:
    refs = report["categories"][category]["auditRefs"]
    audits = report["audits"]
    return [
        f"{ref['id']}: {audits[ref['id']]['title']}"
        for ref in refs
        if ref["weight"] > 0
        and audits[ref["id"]].get("score") is not None
        and audits[ref["id"]]["score"] < 1
    ]


def main() -> None:
    install_lighthouse()
    print(f"load average {os.getloadavg()[0]:.2f} (Lighthouse's performance score moves with it)")
    folder = Path(tempfile.mkdtemp(prefix="ordvard-lighthouse-"))
    port = free_port()
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{folder / 'ordvard.db'}",
        SECRET_KEY="lighthouse-benchmark",
        ORDVARD_CACHE=os.environ.get("ORDVARD_CACHE", str(folder / "cache")),
    )
    env.pop("ORDVARD_ENV", None)
    bin_dir = Path(sys.executable).parent
    setup = subprocess.run(
        [str(bin_dir / "ordvard"), "setup"], check=False, env=env, capture_output=True, text=True
    )
    if setup.returncode:
        sys.exit(f"ordvard setup failed:\n{setup.stderr[-2000:]}")
    server = subprocess.Popen(
        [
            str(bin_dir / "gunicorn"),
            "-w",
            "1",
            "--no-control-socket",
            "-b",
            f"127.0.0.1:{port}",
            "webapp:create_app()",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):  # the first request loads the app; slow on a busy machine
            try:
                requests.get(base + "/", timeout=30)
                break
            except requests.RequestException:
                time.sleep(0.5)
        http = trainee_session(base)
        cookie = "; ".join(f"{c.name}={c.value}" for c in http.cookies)
        short = {
            "performance": "perf",
            "accessibility": "a11y",
            "best-practices": "best",
            "seo": "seo",
        }
        print(f"{'page':10}" + "".join(f"{short[c]:>7}" for c in TARGETS))
        print(f"{'target':10}" + "".join(f"{t:>7}" for t in TARGETS.values()))
        problems = []
        for name, path in PAGES.items():
            report = audit(base + path, cookie)
            final = report.get("finalDisplayedUrl") or report.get("finalUrl", "")
            assert path.split("?")[0] in final, f"{name}: ended on {final} (not logged in?)"
            scores = {c: round(report["categories"][c]["score"] * 100) for c in TARGETS}
            print(f"{name:10}" + "".join(f"{scores[c]:>7}" for c in TARGETS), flush=True)
            problems += [
                f"  {name} {short[c]}: {audit_}"
                for c in TARGETS
                if scores[c] < TARGETS[c]
                for audit_ in failing(report, c)
            ]
        if problems:
            print("below target:")
            print("\n".join(problems))
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
