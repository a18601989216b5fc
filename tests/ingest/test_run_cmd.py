"""`analyzer run` and `analyzer export` end to end: real wraps, the real pipeline, real prices."""

import csv
import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from analyzer.cli import app  # registers every command
from analyzer.report.export import read_jsonl
from analyzer.store import Store
from ingest.server import Response

runner = CliRunner()


@pytest.fixture()
def wraps(shared_data, tmp_path):
    """Eight 2006-2007 US market wraps (closing reports with index moves to check)."""
    path = tmp_path / "wraps.jsonl"
    src = shared_data / "news" / "reuters_2006_2013" / "us_market_wraps.jsonl.gz"
    with gzip.open(src, "rt", encoding="utf-8") as lines, open(path, "w", encoding="utf-8") as out:
        taken = 0
        for line in lines:
            row = json.loads(line)
            clock = row["published"].split()[4]  # "4:25pm": after the close, so about that day's close
            if row["day"] < "20100101" and clock.endswith("pm") and 4 <= int(clock.split(":")[0]) < 12:
                out.write(line)
                taken += 1
                if taken == 8:
                    break
    return path


def test_run_twice_then_export(wraps, market_dir, tmp_path):
    db = str(tmp_path / "run.db")
    first = runner.invoke(app, ["run", str(wraps), "--db", db, "--market", str(market_dir)])
    assert first.exit_code == 0, first.output
    store = Store.open(db)
    counts = store.counts()
    assert counts["articles"] == 8 and counts["claims"] > 0
    assert sum(store.verdict_counts().values()) == counts["claims"]
    assert list(store.unprocessed()) == []

    second = runner.invoke(app, ["run", str(wraps), "--db", db, "--market", str(market_dir)])
    assert second.exit_code == 0, second.output
    assert store.counts() == counts

    out = tmp_path / "claims.jsonl"
    exported = runner.invoke(app, ["export", "--db", db, "--format", "jsonl", "--out", str(out)])
    assert exported.exit_code == 0, exported.output
    rows = list(read_jsonl(out))
    assert len(rows) == counts["claims"]
    assert {r.claim.article_id for r in rows} <= {json.loads(x)["id"] for x in wraps.read_text().splitlines()}
    assert all(r.verdict.verdict in ("supported", "contradicted", "unverifiable", "pending", "not_checkable")
               for r in rows)
    csv_out = tmp_path / "claims.csv"
    assert runner.invoke(app, ["export", "--db", db, "--format", "csv", "--out", str(csv_out)]).exit_code == 0
    with open(csv_out, encoding="utf-8", newline="") as src:
        assert len(list(csv.DictReader(src))) == counts["claims"]


def test_run_env_db_and_private_flag(server, rss_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYZER_DB", str(tmp_path / "env.db"))
    server.routes["/cnbc.xml"] = Response(body=(rss_dir / "cnbc.xml").read_bytes())
    refused = runner.invoke(app, ["run", server.url("/cnbc.xml"), "--ingest-only"])
    assert refused.exit_code == 1 and server.requests("/cnbc.xml") == []
    allowed = runner.invoke(app, ["run", server.url("/cnbc.xml"), "--ingest-only", "--allow-private",
                                  "--host-interval", "0"])
    assert allowed.exit_code == 0
    assert Store.open(None).counts()["articles"] > 0
    feeds = Store.open(None).feeds()
    assert feeds[0]["last_status"] == 200 and feeds[0]["error_count"] == 0


def test_export_rejects_an_unknown_format(tmp_path):
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "x.db"), "--format", "xml", "--out",
                                 str(tmp_path / "o")])
    assert result.exit_code != 0


def test_run_lists_what_failed_stores_the_rest_and_exits_1(rss_dir, tmp_path):
    db = str(tmp_path / "iso.db")
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    pathlike = tmp_path / "pathlike.xml"
    pathlike.write_text("/dev/zero")
    nested = tmp_path / "nested.jsonl"
    nested.write_text("[" * 100_000 + "]" * 100_000 + "\n")
    good = rss_dir / "cnbc.xml"
    result = runner.invoke(app, ["run", str(empty), str(pathlike), str(nested), "http://[::1/feed", str(good),
                                 "--db", db, "--ingest-only"])
    assert result.exit_code == 1, result.output
    assert "sources: 1 ok, 4 failed" in result.output
    for bad in (empty, pathlike, nested):
        assert f"failed {bad}" in " ".join(result.output.split())
    assert "http://[::1/feed" in result.output
    assert Store.open(db).counts()["articles"] > 0  # the good source after them is stored

    again = runner.invoke(app, ["run", str(good), "--db", db, "--ingest-only"])
    assert again.exit_code == 0, again.output  # nothing failed


def test_run_suggests_full_text_for_short_items(tmp_path):
    feed = Path(__file__).parent / "data" / "shared_link_feed.xml"
    result = runner.invoke(app, ["run", str(feed), "--db", str(tmp_path / "s.db"), "--ingest-only"])
    assert result.exit_code == 0, result.output
    assert "30 new" in result.output
    assert "30 of 30 new articles have under 200 characters" in " ".join(result.output.split())
    assert "--full-text" in result.output


def test_allow_host_lets_one_host_through(server, rss_dir, tmp_path):
    server.routes["/cnbc.xml"] = Response(body=(rss_dir / "cnbc.xml").read_bytes())
    db = str(tmp_path / "h.db")
    args = ["run", server.url("/cnbc.xml"), "--db", db, "--ingest-only", "--host-interval", "0"]
    other = runner.invoke(app, args + ["--allow-host", "intranet.example"])
    assert other.exit_code == 1 and "--allow-host 127.0.0.1" in " ".join(other.output.split())
    assert server.requests("/cnbc.xml") == []
    allowed = runner.invoke(app, args + ["--allow-host", f"127.0.0.1:{server.port}"])
    assert allowed.exit_code == 0, allowed.output
    assert Store.open(db).counts()["articles"] > 0
