"""A private Ordvård stack for the load test: its own PostgreSQL cluster, its own Redis and
gunicorn started from the ``Procfile``, all on 127.0.0.1 and ports of the caller's choosing,
all in one temporary folder that is removed at the end.

Never touches another server: PostgreSQL is a fresh ``initdb`` cluster in the temporary folder
(so restarting it is harmless to anyone else), Redis keeps nothing on disk. As root (a
container), PostgreSQL's tools run as the ``postgres`` user, which ``initdb`` requires.

gunicorn runs the ``web:`` line of the ``Procfile`` as written — workers, worker class,
timeout and access log as in production — with ``$PORT`` filled in and the bind address
``0.0.0.0`` narrowed to ``127.0.0.1``. The app runs with ``ORDVARD_ENV=development`` and an
explicit ``SECRET_KEY``, ``DATABASE_URL`` and ``REDIS_URL``: production mode differs only in
``Secure`` cookies (which a client on plain http://127.0.0.1 never sends back) and HSTS.
``TRUST_PROXY=1`` as behind the production proxy, so each simulated person can carry their own
address in ``X-Forwarded-For`` and per-address limits see many people, not one.
"""

from __future__ import annotations

import glob
import os
import pwd
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

import requests

ROOT = Path(__file__).resolve().parents[2]
PROCFILE = ROOT / "Procfile"
BIN = Path(sys.executable).parent
DATABASE = "ordvard_load"
READY_TIMEOUT = 90.0  # seconds for a server to come up; everything here is bounded


def procfile_command(port: int, env: dict[str, str]) -> list[str]:
    """The ``web:`` command of the Procfile with its variables filled in, bound to 127.0.0.1."""
    line = next(
        line.split(":", 1)[1].strip()
        for line in PROCFILE.read_text().splitlines()
        if line.startswith("web:")
    )
    values = {**env, "PORT": str(port)}

    def fill(match: re.Match) -> str:
        name, default = match.group(1) or match.group(3), match.group(2)
        return values.get(name) or default or ""

    line = re.sub(r"\$\{(\w+)(?::-([^}]*))?\}|\$(\w+)", fill, line)
    command = [part.replace("0.0.0.0:", "127.0.0.1:") for part in shlex.split(line)]
    if command[0] == "gunicorn":
        command[0] = str(BIN / "gunicorn")
    return command


def _postgres_bin() -> Path:
    found = shutil.which("pg_ctl") or next(
        iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)), None
    )
    if found is None:
        raise SystemExit("PostgreSQL's pg_ctl and initdb are needed (apt-get install postgresql)")
    return Path(os.path.realpath(found)).parent


def _children(pid: int) -> list[int]:
    try:
        return [
            int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        ]
    except OSError:
        return []


def _cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time so far of the live processes ``pids``."""
    total, ticks = 0.0, os.sysconf("SC_CLK_TCK")
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
        except (OSError, IndexError, ValueError):
            pass
    return total


@dataclass
class Stack:
    """Start with :meth:`start`, stop with :meth:`close` (also on errors: use ``with``)."""

    web_port: int
    postgres_port: int
    redis_port: int
    quiet: bool = False
    folder: Path = field(init=False)
    gunicorn: subprocess.Popen | None = field(default=None, init=False)
    redis: subprocess.Popen | None = field(default=None, init=False)
    postgres_running: bool = field(default=False, init=False)

    def __post_init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="ordvard-load-"))
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            record = pwd.getpwnam("postgres")
            os.chown(self.folder, record.pw_uid, record.pw_gid)
        self.pg_bin = _postgres_bin()

    # -- addresses ------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    @property
    def database_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.postgres_port}/{DATABASE}"

    @property
    def redis_url(self) -> str:
        return f"redis://127.0.0.1:{self.redis_port}/0"

    def app_env(self) -> dict[str, str]:
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("WEB_CONCURRENCY", "TEST_DATABASE_URL", "TEST_REDIS_URL")
        }
        env.update(
            DATABASE_URL=self.database_url,
            REDIS_URL=self.redis_url,
            SECRET_KEY="load-test-secret-key-not-for-production",
            ORDVARD_ENV="development",
            TRUST_PROXY="1",
            PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        )
        return env

    # -- lifecycle ------------------------------------------------------------------------

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def say(self, text: str) -> None:
        if not self.quiet:
            print(text, flush=True)

    def start(self, trainees: int, teachers: int) -> None:
        """Every server up, the database made (setup + the load's accounts), gunicorn ready."""
        started = time.monotonic()
        self.start_postgres(initialise=True)
        self.start_redis()
        env = self.app_env()
        self._run([str(BIN / "flask"), "--app", "webapp", "setup"], env)
        self._run(
            [
                sys.executable,
                str(ROOT / "benchmarks/load/accounts.py"),
                "--trainees",
                str(trainees),
                "--teachers",
                str(teachers),
            ],
            env,
        )
        self.start_gunicorn()
        self.say(f"stack ready in {time.monotonic() - started:.0f} s: {self.describe()}")

    def describe(self) -> str:
        command = " ".join(procfile_command(self.web_port, self.app_env()))
        return (
            f"gunicorn `{command.replace(str(BIN) + '/', '')}`, PostgreSQL on "
            f"{self.postgres_port}, Redis on {self.redis_port}"
        )

    def _run(self, command: list[str], env: dict[str, str]) -> None:
        result = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")

    def _pg(self, *args: str, timeout: float = 120) -> None:
        subprocess.run(
            [*self.as_postgres, str(self.pg_bin / args[0]), *args[1:]],
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def start_postgres(self, *, initialise: bool = False) -> None:
        data = self.folder / "postgres"
        if initialise:
            self._pg(
                "initdb",
                "-D",
                str(data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-sync",
                "--locale=C.UTF-8",
            )
        options = (
            f"-p {self.postgres_port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={data}"
        )
        self._pg(
            "pg_ctl",
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(self.folder / "postgres.log"),
            "-w",
            "-t",
            "60",
            "start",
        )
        self.postgres_running = True
        if initialise:
            self._pg(
                "createdb",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.postgres_port),
                "-U",
                "postgres",
                DATABASE,
            )

    def stop_postgres(self) -> None:
        self._pg(
            "pg_ctl", "-D", str(self.folder / "postgres"), "-m", "fast", "-w", "-t", "60", "stop"
        )
        self.postgres_running = False

    def restart_postgres(self) -> None:
        """A fast restart, as after an update or a crash: connections are cut."""
        self.stop_postgres()
        self.start_postgres()

    def start_redis(self) -> None:
        self.redis = subprocess.Popen(
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                str(self.redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + READY_TIMEOUT
        while (
            subprocess.run(
                ["redis-cli", "-p", str(self.redis_port), "ping"],
                capture_output=True,
                text=True,
                check=False,
            ).stdout.strip()
            != "PONG"
        ):
            if self.redis.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"redis-server on {self.redis_port} did not start")
            time.sleep(0.1)

    def stop_redis(self) -> None:
        if self.redis is not None and self.redis.poll() is None:
            self.redis.terminate()
            self.redis.wait(timeout=30)
        self.redis = None

    def start_gunicorn(self) -> None:
        env = self.app_env()
        log = open(self.folder / "gunicorn-access.log", "ab")  # noqa: SIM115 - the child owns it
        errors = open(self.folder / "gunicorn-error.log", "ab")  # noqa: SIM115
        self.gunicorn = subprocess.Popen(
            procfile_command(self.web_port, env),
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=errors,
            start_new_session=True,
        )
        log.close()
        errors.close()
        deadline = time.monotonic() + READY_TIMEOUT
        while True:
            try:
                if requests.get(self.base_url + "/logga-in", timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if self.gunicorn.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    "gunicorn did not start:\n" + self.log_tail("gunicorn-error.log")
                )
            time.sleep(0.3)

    def workers(self) -> list[int]:
        """The gunicorn worker processes now (children of the master)."""
        return _children(self.gunicorn.pid) if self.gunicorn is not None else []

    def kill_worker(self) -> int:
        """``kill -9`` one worker, as the kernel's OOM killer or a crash would; its pid."""
        pid = self.workers()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def server_cpu_seconds(self) -> float:
        """CPU time so far of gunicorn's master and its live workers."""
        return _cpu_seconds(([self.gunicorn.pid] if self.gunicorn else []) + self.workers())

    def postgres_cpu_seconds(self) -> float:
        """CPU time so far of the private PostgreSQL's postmaster and its live backends."""
        try:
            postmaster = int((self.folder / "postgres" / "postmaster.pid").read_text().split()[0])
        except (OSError, IndexError, ValueError):
            return 0.0
        return _cpu_seconds([postmaster, *_children(postmaster)])

    def log_tail(self, name: str, lines: int = 30) -> str:
        path = self.folder / name
        return (
            "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
            if path.exists()
            else ""
        )

    def close(self) -> None:
        """Stop everything this stack started and remove its folder; safe to call twice."""
        if self.gunicorn is not None and self.gunicorn.poll() is None:
            try:
                os.killpg(self.gunicorn.pid, signal.SIGTERM)
                self.gunicorn.wait(timeout=30)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                os.killpg(self.gunicorn.pid, signal.SIGKILL)
                self.gunicorn.wait(timeout=10)
        self.gunicorn = None
        self.stop_redis()
        if self.postgres_running or (self.folder / "postgres" / "postmaster.pid").exists():
            try:
                self._pg(
                    "pg_ctl",
                    "-D",
                    str(self.folder / "postgres"),
                    "-m",
                    "immediate",
                    "-w",
                    "-t",
                    "60",
                    "stop",
                )
            except subprocess.CalledProcessError:
                pass
            self.postgres_running = False
        shutil.rmtree(self.folder, ignore_errors=True)
