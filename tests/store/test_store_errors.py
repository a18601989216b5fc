"""Store errors through the real CLI: one line naming the database, exit code 2, never a traceback.

Commands that read a store (`export`, `report --db`, `recheck`) refuse a path that does not exist and
create nothing; a file that is not an analyzer database (random bytes, a truncated database, an empty
file) and a --db path where no database can be written are refused with the path named.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from cli_runner import run_cli

from analyzer.errors import InputError
from analyzer.store import Store
from analyzer.store import store as store_module

READ_COMMANDS = {
    "export": lambda db, tmp: ["export", "--db", db, "--format", "jsonl", "--out", str(tmp / "out.jsonl")],
    "report": lambda db, tmp: ["report", "--db", db, "--out", str(tmp / "r.html")],
    "recheck": lambda db, tmp: ["recheck", "--db", db],
}


def _one_line_error(code: int, stderr: str, needle: str) -> None:
    assert code == 2, stderr
    assert needle in stderr and "Traceback" not in stderr, stderr
    assert len(stderr.strip().splitlines()) == 1, stderr


def _corrupt_files(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.db"
    Store.open(str(good)).close()
    whole = good.read_bytes()
    files = {"random": b"\x8f\x01garbage, not a database\x00" * 200, "truncated": whole[:len(whole) // 2],
             "empty": b""}
    for name, content in files.items():
        (tmp_path / f"{name}.db").write_bytes(content)
    return {name: tmp_path / f"{name}.db" for name in files}


@pytest.mark.parametrize("command", sorted(READ_COMMANDS))
def test_reading_commands_refuse_a_missing_database(command, market_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ANALYZER_MARKET_DIR", str(market_dir))
    missing = tmp_path / "mistyped.db"
    code, _, stderr = run_cli(capsys, monkeypatch, *READ_COMMANDS[command](str(missing), tmp_path))
    _one_line_error(code, stderr, str(missing))
    assert not missing.exists()  # no empty database created


@pytest.mark.parametrize("command", sorted(READ_COMMANDS))
def test_reading_commands_refuse_a_corrupt_database(command, market_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ANALYZER_MARKET_DIR", str(market_dir))
    for path in _corrupt_files(tmp_path).values():
        before = path.read_bytes()
        code, _, stderr = run_cli(capsys, monkeypatch, *READ_COMMANDS[command](str(path), tmp_path))
        _one_line_error(code, stderr, str(path))
        assert path.read_bytes() == before  # left as it was


def test_run_refuses_a_corrupt_or_unwritable_database(tmp_path, capsys, monkeypatch):
    source = tmp_path / "one.txt"
    source.write_text("Stocks rose on Tuesday, we wrote for this test.", encoding="utf-8")
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x", encoding="utf-8")
    (tmp_path / "a-directory.db").mkdir()
    bad = {**_corrupt_files(tmp_path), "directory": tmp_path / "a-directory.db", "under a file": a_file / "x.db"}
    bad.pop("empty")  # an empty file is a new database for a command that writes one
    for path in bad.values():
        code, _, stderr = run_cli(capsys, monkeypatch, "run", str(source), "--published", "2025-08-26",
                                    "--ingest-only", "--db", str(path))
        _one_line_error(code, stderr, str(path))


def test_an_unreachable_postgresql_server_is_one_line(tmp_path, capsys, monkeypatch):
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"postgresql://nobody@127.0.0.1:{port}/none?connect_timeout=2"
    code, _, stderr = run_cli(capsys, monkeypatch, "export", "--db", url, "--out", str(tmp_path / "o.jsonl"))
    _one_line_error(code, stderr, f"127.0.0.1:{port}")


def _hold_exclusive_lock(path: Path, seconds: float) -> threading.Thread:
    """Another connection holds the file's exclusive lock (rollback journal) for ``seconds``."""
    ready = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("BEGIN EXCLUSIVE")
        ready.set()
        time.sleep(seconds)
        conn.execute("COMMIT")
        conn.close()

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait(5)
    return thread


def test_open_tries_again_while_another_process_holds_the_lock(tmp_path, monkeypatch):
    # a short busy timeout stands in for SQLite's answers that do not wait (seen when runs open one file at once)
    monkeypatch.setattr(store_module, "SQLITE_BUSY_TIMEOUT_MS", 20)
    path = tmp_path / "locked.db"
    sqlite3.connect(path).close()
    holder = _hold_exclusive_lock(path, 1.0)
    store = Store.open(str(path))  # the first attempt finds the lock; a later one finds it released
    holder.join()
    assert store.schema_version() == store_module.SCHEMA_VERSION
    store.close()


def test_open_gives_up_with_the_database_named_when_the_lock_stays(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "SQLITE_BUSY_TIMEOUT_MS", 20)
    monkeypatch.setattr(store_module, "OPEN_RETRY_PAUSES_S", (0.05, 0.05))
    path = tmp_path / "held.db"
    sqlite3.connect(path).close()
    holder = _hold_exclusive_lock(path, 2.0)
    with pytest.raises(InputError, match=r"held\.db: cannot open \(database is locked; tried 3 times\)"):
        Store.open(str(path))
    holder.join()
