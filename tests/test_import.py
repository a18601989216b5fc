"""`analyzer run --engine ray --shards DIR` and `analyzer import DIR`: shards imported into a store give the
store of a single-process `analyzer run` of the same articles; importing twice stores nothing twice; a
damaged shard stops the import with one line naming it, and nothing of it is stored.

Real pipeline, real prices, a real local Ray cluster. The articles are real Reuters 2006 rows and short
articles we wrote: a deal told by two reports that fall in different shards and in different batches of
the run (so the second is corroborated with the stored first, which gets a new verdict in its history),
market moves, an exact copy of a Reuters text under another id (a duplicate, stored without claims), another
text under an id seen before (already stored: skipped) and a line that is no JSON (skipped by both runs).
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import pyarrow.parquet as pq
import pytest
from cli_runner import run_cli
from ingest.realdata import reuters_rows_before_2010

ray = pytest.importorskip("ray", reason='Ray is an optional extra: pip install -e ".[ray]"')

from analyzer.engine.ray_engine import read_shard, write_shard  # noqa: E402
from analyzer.store import Store  # noqa: E402

SHARD_SIZE = 9
DEAL_FIRST = ("Harbor Freight Lines Inc said on Monday it agreed to buy Coastal Tank Co for $1.2 billion in cash, "
              "its largest purchase yet. Closing is planned for the third quarter.")
DEAL_SECOND = ("Coastal Tank Co shareholders will receive cash under the $1.2 billion agreement by which Harbor "
               "Freight Lines Inc is buying the tank maker, the companies said on Tuesday.")
MOVES = ("The Dow Jones industrial average rose {pct} percent on {day}, while the Nasdaq slipped.",
         "U.S. stocks ended lower on {day}, with the S&P 500 down {pct} percent as energy shares fell.",
         "The Nasdaq Composite gained {pct} percent on {day} as technology shares rallied.")


def _our_articles() -> Iterator[dict]:
    """Short market articles we wrote, one per weekday from 2007-01-08."""
    day = date(2007, 1, 8)
    for n in range(48):
        while day.weekday() >= 5:
            day += timedelta(days=1)
        text = MOVES[n % len(MOVES)].format(pct=f"{0.3 + (n % 7) * 0.4:.1f}", day=day.strftime("%A"))
        yield {"id": f"our-move-{n:02d}", "published": f"{day.isoformat()}T17:00:00-05:00", "title": "Markets",
               "text": text}
        day += timedelta(days=1)


@pytest.fixture(scope="module")
def source(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    reuters = list(reuters_rows_before_2010(shared_data, 20))
    copy = {k: v for k, v in reuters[4].items() if k != "url"} | {"id": "our-copy-of-a-reuters-row"}  # same text
    rows: list[dict | str] = [
        reuters[0],
        {"id": "our-deal-1", "published": "2007-03-05T09:00:00-05:00", "title": "Harbor Freight to buy Coastal Tank",
         "text": DEAL_FIRST},
        *reuters[1:], copy, "this line is not JSON",
        {"id": reuters[2]["id"], "published": "2007-01-09T17:00:00-05:00", "title": "Markets",  # an id seen before
         "text": "The Dow Jones industrial average fell 3.1 percent on Tuesday."},
        *_our_articles(),
        {"id": "our-deal-2", "published": "2007-03-06T10:00:00-05:00", "title": "Coastal Tank holders to get cash",
         "text": DEAL_SECOND},
    ]
    assert len(rows) > 64 + 2  # the two deal reports fall in different batches of 64 articles
    path = tmp_path_factory.mktemp("articles") / "articles.jsonl"
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def single_run(source: Path, market_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("single") / "single.db"
    code, _, err = _cli("run", str(source), "--db", str(db), "--market", str(market_dir), "--workers", "1")
    assert code == 0, err
    return db


@pytest.fixture(scope="module")
def ray_run(source: Path, market_dir: Path,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, str]]:
    """`run --engine ray --shards DIR --db URL`: the shards, the store the run imported them into, stderr."""
    where = tmp_path_factory.mktemp("ray")
    shards, db = where / "shards", where / "ray.db"
    code, _, err = _cli_process("run", str(source), "--engine", "ray", "--workers", "2", "--shards", str(shards),
                                "--shard-size", str(SHARD_SIZE), "--db", str(db), "--market", str(market_dir))
    assert code == 0, err
    yield shards, db, err


def _cli_process(*args: str) -> tuple[int, str, str]:
    """``analyzer ARGS...`` in a process of its own: a command that starts a local Ray cluster. In this one,
    a later module's Ray cluster (tests/test_ray.py) could not start actors after it."""
    done = subprocess.run([sys.executable, "-m", "analyzer.cli", *args], capture_output=True, text=True,
                          timeout=1800)
    return done.returncode, done.stdout, done.stderr


def _cli(*args: str) -> tuple[int, str, str]:
    """``analyzer ARGS...`` in this process: exit code, stdout, stderr (usable from module-scoped fixtures)."""
    with pytest.MonkeyPatch.context() as patch:
        return run_cli(_Buffers(patch), patch, *args)


class _Buffers:
    """capsys for a module-scoped fixture (pytest's own is function-scoped): stdout and stderr in buffers."""

    def __init__(self, patch: pytest.MonkeyPatch) -> None:
        self.out, self.err = io.StringIO(), io.StringIO()
        patch.setattr(sys, "stdout", self.out)
        patch.setattr(sys, "stderr", self.err)

    def readouterr(self) -> SimpleNamespace:
        out, err = self.out.getvalue(), self.err.getvalue()
        for buffer in (self.out, self.err):
            buffer.seek(0)
            buffer.truncate()
        return SimpleNamespace(out=out, err=err)


def _store_contents(db: Path) -> dict[str, object]:
    """Everything a run stores about articles, claims and verdicts, less the times it was stored."""
    from sqlalchemy import text

    store = Store.open(str(db), create=False)
    try:
        with store.engine.connect() as conn:
            articles = [tuple(r) for r in conn.execute(text(
                "SELECT id, text, published, url, source, title, published_raw, content_hash, duplicate_of, "
                "duplicate_kind, origin, processed_at IS NOT NULL FROM articles ORDER BY id"))]
        return {
            "articles": articles,
            "claims": [json.dumps(c.to_dict(), sort_keys=True) for c in store.checked_claims()],
            "history": [(h.article_id, h.claim_id, h.seq, h.verdict, h.explanation, h.market_as_of, h.reason)
                        for h in store.verdict_history()],
            "counts": store.counts(),
        }
    finally:
        store.close()


def test_shards_imported_give_the_store_of_a_single_process_run(
        single_run: Path, ray_run: tuple[Path, Path, str], tmp_path: Path) -> None:
    shards, run_db, run_err = ray_run
    assert "skipped" in run_err and "not JSON" in run_err
    expected = _store_contents(single_run)
    assert expected["counts"]["duplicates"] == 1 and expected["counts"]["claims"] > 60
    # the deal's second report corroborated the stored first one, across batches: a second verdict
    deal_history = [h for h in expected["history"] if h[0] == "our-deal-1"]
    assert [h[3] for h in deal_history] == ["unverifiable", "supported"]
    # ... and the two reports came from different shards
    where = {row.article.id: path for path in sorted(shards.glob("*.parquet")) for row in read_shard(path).rows}
    assert where["our-deal-1"] != where["our-deal-2"] and len(set(where.values())) > 5

    assert _store_contents(run_db) == expected  # `run --shards DIR --db URL` imported them itself
    db = tmp_path / "imported.db"
    code, _, err = _cli("import", str(shards), "--db", str(db))
    assert code == 0, err
    assert _store_contents(db) == expected


def test_run_on_ray_actors_stores_what_a_single_process_run_stores(
        source: Path, single_run: Path, market_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "ray-actors.db"
    # two batches of the run on one pool of actors
    code, _, err = _cli_process("run", str(source), "--engine", "ray", "--workers", "2", "--db", str(db),
                                "--market", str(market_dir))
    assert code == 0, err
    assert _store_contents(db) == _store_contents(single_run)


def test_importing_twice_stores_nothing_twice(ray_run: tuple[Path, Path, str]) -> None:
    shards, db, _ = ray_run
    before = _store_contents(db)
    code, _, err = _cli("import", str(shards), "--db", str(db))
    assert code == 0, err
    rows = sum(len(read_shard(path).rows) for path in shards.glob("*.parquet"))
    assert rows == before["counts"]["articles"] + 1  # and the row under an id seen before
    assert f"0 new, 0 duplicates (0 same text, 0 near), {rows} already stored" in " ".join(err.split())
    assert _store_contents(db) == before


def _error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("analyzer: error: ")
    return lines[0]


@pytest.mark.parametrize("damage", ["overwritten", "truncated", "bad claims"])
def test_a_damaged_shard_is_named_and_nothing_of_the_import_is_stored(
        ray_run: tuple[Path, Path, str], tmp_path: Path, damage: str) -> None:
    shards, _, _ = ray_run
    copy = tmp_path / "shards"
    shutil.copytree(shards, copy)
    victim = sorted(copy.glob("*.parquet"))[2]
    if damage == "overwritten":
        data = bytearray(victim.read_bytes())
        data[len(data) // 3:len(data) // 3 + 64] = b"\xff" * 64
        victim.write_bytes(bytes(data))
    elif damage == "truncated":
        victim.write_bytes(victim.read_bytes()[:len(victim.read_bytes()) // 2])
    else:  # a readable Parquet file whose claims are no JSON
        shard = read_shard(victim)
        rows = [{"ordinal": r.ordinal, "origin": r.origin, "id": r.article.id, "text": r.article.text,
                 "published": "", "url": "", "source": "", "title": "", "published_raw": "", "claims": "[{",
                 "verdicts": "[]", "failed_stage": "", "failed_reason": ""} for r in shard.rows]
        victim.unlink()
        write_shard(copy, 2, rows, shard.metadata)
    db = tmp_path / "store.db"
    code, _, err = _cli("import", str(copy), "--db", str(db))
    assert code == 2
    line = _error_line(err)
    assert str(victim) in line
    if damage == "bad claims":
        assert "row 1" in line and rows[0]["id"] in line
    assert Store.open(str(db), create=False).counts()["articles"] == 0


def test_shards_option_errors_name_their_input(tmp_path: Path, market_dir: Path, source: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text("<rss/>", encoding="utf-8")
    used = tmp_path / "used"
    used.mkdir()
    (used / "claims-00000.parquet").write_bytes(b"")
    cases = [
        (["--shards", str(tmp_path / "a"), str(source)], "--shards needs --engine ray"),
        (["--engine", "ray", "--shards", str(tmp_path / "b"), str(feed)], str(feed)),
        (["--engine", "ray", "--shards", str(used), str(source)], f"{used}: already holds claim shards"),
        ([str(tmp_path / "x.parquet")], "add --engine ray --shards DIR"),
    ]
    for args, expected in cases:
        code, _, err = _cli("run", *args, "--market", str(market_dir), "--db", str(tmp_path / "s.db"))
        assert code == 2, (args, err)
        assert expected in _error_line(err), args
    code, _, err = _cli("import", str(tmp_path / "nowhere"), "--db", str(tmp_path / "s.db"))
    assert code == 2 and "no such directory of claim shards" in _error_line(err)


def test_an_article_that_failed_on_ray_is_stored_unprocessed_and_the_import_says_so(
        ray_run: tuple[Path, Path, str], tmp_path: Path) -> None:
    shards, _, _ = ray_run
    copy = tmp_path / "shards"
    shutil.copytree(shards, copy)
    first = sorted(copy.glob("*.parquet"))[0]
    shard = read_shard(first)
    failed_id = shard.rows[1].article.id
    rows = pq.read_table(first).to_pylist()
    rows[1] |= {"claims": "[]", "verdicts": "[]", "failed_stage": "extract", "failed_reason": "ValueError: we broke it"}
    first.unlink()
    write_shard(copy, 0, rows, shard.metadata)
    db = tmp_path / "store.db"
    code, _, err = _cli("import", str(copy), "--db", str(db))
    assert code == 1
    listed = f"article {failed_id}: extract failed (ValueError: we broke it) (stored unprocessed)"
    assert listed in " ".join(err.split())
    store = Store.open(str(db), create=False)
    try:
        assert [a.id for batch in store.unprocessed() for a in batch] == [failed_id]
        assert failed_id not in {c.claim.article_id for c in store.checked_claims()}
    finally:
        store.close()
