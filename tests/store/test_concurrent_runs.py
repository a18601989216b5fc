"""Two `analyzer run` processes at once on one store, with overlapping input (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ingest.realdata import reuters_rows_before_2010

from analyzer.store import Store

REPO = Path(__file__).resolve().parents[2]


def _dump(rows: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _start(db: str, source: Path, *extra: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-c", "from analyzer.cli import main; main()", "run", str(source),
                             "--db", db, *extra], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _run_both(db: str, first: Path, second: Path, *extra: str) -> None:
    procs = [_start(db, first, *extra), _start(db, second, *extra)]
    for proc in procs:
        _, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 0, stderr
        assert "Traceback" not in stderr, stderr


def test_two_ingest_runs_at_once_store_every_article_once(db, shared_data, tmp_path):
    rows = list(reuters_rows_before_2010(shared_data, 400))
    first = _dump(rows[:300], tmp_path / "first.jsonl")
    second = _dump(rows[100:], tmp_path / "second.jsonl")  # 200 articles in both
    Store.open(db).close()  # both runs find the schema; creating it at once is covered below
    _run_both(db, first, second, "--ingest-only")
    store = Store.open(db)
    with store.engine.connect() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("select id from articles")]
    assert sorted(ids) == sorted({r["id"] for r in rows})
    store.close()


def test_two_runs_create_a_new_store_at_once(db, shared_data, tmp_path):
    rows = list(reuters_rows_before_2010(shared_data, 60))
    source = _dump(rows, tmp_path / "same.jsonl")
    _run_both(db, source, source, "--ingest-only")
    store = Store.open(db)
    assert store.counts()["articles"] == len({r["id"] for r in rows})
    store.close()


@pytest.mark.slow
def test_two_full_runs_at_once_store_each_claim_once(shared_data, market_dir, tmp_path):
    rows = list(reuters_rows_before_2010(shared_data, 12))
    first = _dump(rows[:9], tmp_path / "first.jsonl")
    second = _dump(rows[3:], tmp_path / "second.jsonl")
    db = str(tmp_path / "full.db")
    _run_both(db, first, second, "--market", str(market_dir))
    store = Store.open(db)
    with store.engine.connect() as conn:
        per_claim = conn.exec_driver_sql("select article_id, seq, count(*) from claims group by article_id, seq "
                                         "having count(*) > 1").all()
        unprocessed = conn.exec_driver_sql("select count(*) from articles where processed_at is null "
                                           "and duplicate_of is null").scalar()
    assert per_claim == [] and unprocessed == 0
    assert store.counts()["articles"] == 12 and store.counts()["claims"] > 0
    store.close()
