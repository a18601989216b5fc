"""`analyzer report` end to end, through the real command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from cli_runner import run_cli

from analyzer.records import dumps
from analyzer.report.export import write_jsonl


def analyzer(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from analyzer.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=180)


def claim_count(html: str) -> int:
    return int(re.search(r'id="claim-count" data-count="(\d+)"', html).group(1))


def test_report_from_claims_and_articles(seed_batch, market_dir: Path, tmp_path: Path) -> None:
    checked, articles = seed_batch
    claims_file, articles_file, out = tmp_path / "c.jsonl", tmp_path / "a.jsonl", tmp_path / "r.html"
    write_jsonl(checked, claims_file)
    articles_file.write_text("".join(dumps(a) + "\n" for a in articles.values()), encoding="utf-8")
    done = analyzer("report", "--claims", str(claims_file), "--articles", str(articles_file),
                    "--market", str(market_dir), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "7 claims in 1 articles" in done.stderr
    html = out.read_text(encoding="utf-8")
    assert claim_count(html) == 7 and "reconstructed" not in html
    assert '"^RUT|close"' in html  # charts have their prices


def test_report_without_articles_rebuilds_texts_and_says_so(seed_batch, tmp_path: Path, capsys,
                                                            monkeypatch) -> None:
    checked, _ = seed_batch
    write_jsonl(checked, tmp_path / "c.jsonl")
    monkeypatch.delenv("ANALYZER_MARKET_DIR", raising=False)
    code, _, stderr = run_cli(capsys, monkeypatch, "report", "--claims", str(tmp_path / "c.jsonl"),
                                       "--out", str(tmp_path / "r.html"))
    assert code == 0, stderr
    assert "rebuilt from claim sentences" in stderr and "no price charts" in stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert claim_count(html) == 7 and "reconstructed from their claim sentences" in html


def test_report_from_the_store(seed_batch, market_dir: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    from analyzer.store import Store, StoredArticle

    checked, articles = seed_batch
    db = tmp_path / "store.db"
    store = Store.open(str(db))
    for article in articles.values():
        mine = [c for c in checked if c.claim.article_id == article.id]
        store.save(StoredArticle(article, content_hash="seed"), mine)
    store.close()
    code, _, stderr = run_cli(capsys, monkeypatch, "report", "--db", str(db), "--market", str(market_dir),
                                       "--out", str(tmp_path / "r.html"))
    assert code == 0, stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert claim_count(html) == 7 and "reconstructed" not in html


def test_report_errors_are_one_line(seed_batch, tmp_path: Path, capsys, monkeypatch) -> None:
    checked, _ = seed_batch
    good, bad = tmp_path / "c.jsonl", tmp_path / "bad.jsonl"
    write_jsonl(checked, good)
    bad.write_text(good.read_text(encoding="utf-8") + json.dumps({"kind": "index_move"}) + "\n", encoding="utf-8")
    out = str(tmp_path / "r.html")
    cases = {
        "--db and --claims": ["--db", "x.db", "--claims", str(good)],
        "nope.jsonl": ["--claims", str(tmp_path / "nope.jsonl")],
        "missing.db": ["--db", str(tmp_path / "missing.db")],
        str(tmp_path / "no-market"): ["--claims", str(good), "--market", str(tmp_path / "no-market")],
        "bad.jsonl:8": ["--claims", str(bad)],
        "cannot write the report": ["--claims", str(good), "--out", str(tmp_path / "no" / "dir" / "r.html")],
    }
    for needle, args in cases.items():
        code, _, stderr = run_cli(capsys, monkeypatch, "report", "--out", out, *args)
        assert code == 2, (needle, stderr)
        assert needle in stderr and "Traceback" not in stderr
        assert len(stderr.strip().splitlines()) == 1, stderr
