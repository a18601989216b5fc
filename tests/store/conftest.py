"""Fixtures for the store tests: real Reuters slices (read at test time) and a store on each backend.

PostgreSQL: a throwaway server for the test session (``initdb`` into a temporary directory, ``pg_ctl
start`` on a free 127.0.0.1 port, stopped at the end), one fresh database per test. The binaries come
from ``$PATH`` or ``/usr/lib/postgresql/*/bin`` (Debian's layout; ``.ci/run`` installs them). PostgreSQL
refuses to run as root, so as root the server runs as the ``postgres`` user the package creates. Without
binaries the postgresql parameter is skipped with the reason.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from analyzer.store import Store

BACKENDS = ["sqlite", "postgresql"]


def postgres_bin_dir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    installed = [p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/initdb")]
    installed.sort(key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0)
    return installed[-1] if installed else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """A PostgreSQL cluster in a temporary directory, listening on 127.0.0.1 only, trust auth."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="analyzer-pg-"))
        self.data = self.root / "data"
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                shutil.rmtree(self.root)
                raise RuntimeError("running as root and there is no 'postgres' user to run the server as "
                                   "(apt-get install postgresql creates it)") from None
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self.prefix = ["runuser", "-u", "postgres", "--"]
        self._names = itertools.count(1)

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self.prefix, *args], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:2])} failed: {done.stderr.strip() or done.stdout.strip()}")

    def start(self) -> None:
        self._run(str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        options = f"-h 127.0.0.1 -p {self.port} -k {self.root} -F -c max_connections=100"
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "server.log"),
                  "-w", "-t", "60", "-o", options, "start")

    def stop(self) -> None:
        try:
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = f"t{next(self._names)}"
        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        pytest.skip("no PostgreSQL binaries (initdb) on $PATH or in /usr/lib/postgresql/*/bin; "
                    ".ci/run installs them (apt-get install postgresql)")
    server = PostgresServer(bin_dir)
    server.start()
    yield server
    server.stop()


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A --db value for a fresh, empty store on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "a.db")
    return request.getfixturevalue("postgres").new_database()


@pytest.fixture()
def store(db: str) -> Iterator[Store]:
    s = Store.open(db)
    yield s
    s.close()
