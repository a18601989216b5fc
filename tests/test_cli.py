"""The command line as a person meets it: help, version, the check table at 80 columns, exports, and errors.

Every command here goes through the real entry point (`analyzer.cli.main`), in a new interpreter where
what is imported or the terminal width matters, in this process otherwise.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from cli_runner import run_cli

SEED_PUBLISHED = "2025-08-26T20:00:00-04:00"
SEED_TITLE = "Small caps lead as Boeing lands a Korean Air order"


def analyzer(*args: str, columns: int = 80) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": str(columns), "TERM": "dumb"}
    return subprocess.run([sys.executable, "-m", "analyzer.cli", *args], capture_output=True, text=True,
                          timeout=300, env=env)


# ---- help and version -------------------------------------------------------------------------------

HELP_SCRIPT = """
import sys
from analyzer.cli import main
for args in (["--help"], ["check", "--help"], ["run", "--help"], ["export", "--help"], ["report", "--help"],
             ["market", "show", "--help"], ["eval", "--help"], ["train", "classifier", "--help"], ["--version"]):
    sys.argv = ["analyzer", *args]
    try:
        main()
    except SystemExit as exc:
        assert exc.code in (0, None), (args, exc.code)
heavy = [m for m in ("spacy", "torch", "transformers", "pandas", "sklearn", "sqlalchemy") if m in sys.modules]
print("HEAVY", heavy)
"""


def test_help_and_version_load_no_heavy_library() -> None:
    done = subprocess.run([sys.executable, "-c", HELP_SCRIPT], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COLUMNS": "100"})
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stdout, done.stdout[-300:]
    assert f"analyzer {version('analyzer')}" in done.stdout
    # flags are flags: no "<bool>" type after them, and the check formats are listed
    assert "<bool>" not in done.stdout
    assert "--quiet" in done.stdout and "table|wide|jsonl|csv" in done.stdout.replace("[", "").replace("]", "")


def test_version_through_the_script() -> None:
    done = analyzer("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"analyzer {version('analyzer')}"


# ---- check: the table at 80 columns and the formats --------------------------------------------------

def test_check_table_reads_at_80_columns(seed_article: Path, market_dir: Path) -> None:
    done = analyzer("check", str(seed_article), "--published", SEED_PUBLISHED, "--market", str(market_dir))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    text = done.stdout
    # the contradicted claim keeps its figure, its verdict on one line, stated vs actual and the diagnosis
    assert "surged 2%" in text
    assert any("✗ contradicted" in line for line in lines)
    assert "stated up 2% · actual +0.07% to 185.10" in text
    assert "Friday 2025-08-22 (+1.95%)" in " ".join(text.split())
    assert "gained 0.8%" in text and "+0.83% to 2,358.60" in text
    for verdict in ("supported", "unverifiable", "not_checkable"):
        assert any(verdict in line for line in lines), verdict
    assert "8 claim(s)" in done.stderr


def test_check_csv_and_jsonl_on_stdout(seed_article: Path, market_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "seed.jsonl"
    done = analyzer("check", str(seed_article), "--published", SEED_PUBLISHED, "--market", str(market_dir),
                    "--format", "csv", "--out", str(out))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == 8
    spxew = next(r for r in rows if r["instrument_symbol"] == "^SPXEW")
    assert spxew["verdict"] == "contradicted" and spxew["stated_change_pct"] == "2.0"
    assert float(spxew["actual_change_pct"]) == pytest.approx(0.0691, abs=1e-3)
    assert spxew["diagnosis_session"].startswith("2025-08-22")
    deal = next(r for r in rows if r["kind"] == "deal")
    assert deal["quantity"] == "103.0" and "Boeing" in deal["parties"]
    fed = next(r for r in rows if r["kind"] == "rate_policy")
    assert fed["action"] == "cut" and fed["actual_change_bp"] == "-25.0"
    # the same claims in the JSONL written by --out, and in --format jsonl
    from analyzer.cli.check_cmd import OutputFormat, print_claims
    from analyzer.report.export import read_jsonl

    checked = list(read_jsonl(out))
    assert [c.claim.claim_id for c in checked] == [r["claim_id"] for r in rows]
    from rich.console import Console

    capsys.readouterr()
    print_claims(checked, OutputFormat.jsonl, Console())
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["claim_id"] for line in lines] == [r["claim_id"] for r in rows]
    # wide: every word of the claim and of the reason, one column per field
    print_claims(checked, OutputFormat.wide, Console(width=1200))
    rows_shown = capsys.readouterr().out.splitlines()[2:]
    spxew_line = next(line for line in rows_shown if "^SPXEW" in line)
    assert "S&P Equal-Weighted Index, which gives each company the same weight instead of letting megacaps " \
           "dominate, surged 2%" in spxew_line
    assert "The claimed move happened on Friday 2025-08-22 (+1.95%), not Tuesday 2025-08-26." in spxew_line


# ---- export: JSONL, CSV and Parquet from the store ---------------------------------------------------

@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, seed_article: Path, market_dir: Path) -> Path:
    """A store holding the seed article (as a JSONL item with url, title and outlet), run through `analyzer run`."""
    folder = tmp_path_factory.mktemp("store")
    feed = folder / "seed.jsonl"
    feed.write_text(json.dumps({"id": "seed-1", "url": "https://example.com/markets/small-caps",
                                "title": SEED_TITLE, "source": "Example Markets", "published": SEED_PUBLISHED,
                                "text": seed_article.read_text(encoding="utf-8")}) + "\n", encoding="utf-8")
    db = folder / "claims.db"
    done = analyzer("run", str(feed), "--db", str(db), "--market", str(market_dir))
    assert done.returncode == 0, done.stderr
    assert "articles/s" in done.stderr and "time:" in done.stderr
    return db


def test_export_parquet_loads_in_pandas_with_dates_and_article_fields(seed_store: Path, tmp_path: Path) -> None:
    import pandas as pd

    out = tmp_path / "claims.parquet"
    done = analyzer("export", "--db", str(seed_store), "--format", "parquet", "--out", str(out))
    assert done.returncode == 0, done.stderr
    frame = pd.read_parquet(out)
    assert len(frame) >= 7
    assert isinstance(frame["published"].dtype, pd.DatetimeTZDtype)
    assert isinstance(frame["session"].dtype, pd.DatetimeTZDtype)
    assert (frame["published"] == pd.Timestamp("2025-08-27T00:00:00Z")).all()
    assert set(frame["url"]) == {"https://example.com/markets/small-caps"}
    assert set(frame["title"]) == {SEED_TITLE} and set(frame["outlet"]) == {"Example Markets"}
    assert str(frame["verdict"].dtype) == "category" and str(frame["kind"].dtype) == "category"
    spxew = frame[frame["instrument_symbol"] == "^SPXEW"].iloc[0]
    assert spxew["verdict"] == "contradicted" and spxew["stated_change_pct"] == 2.0
    assert spxew["actual_close"] == pytest.approx(185.10, abs=0.01)
    assert frame["actual_change_pct"].dtype == "float64"
    # each stored claim's verdict history: one check so far, no change
    assert frame["verdict_history"].str.startswith(tuple(frame["verdict"].astype(str))).all()
    assert (frame["verdict_changes"] == 0).all()


def test_export_csv_and_jsonl_keep_article_deal_and_rate_fields(seed_store: Path, tmp_path: Path) -> None:
    csv_out, jsonl_out = tmp_path / "c.csv", tmp_path / "c.jsonl"
    assert analyzer("export", "--db", str(seed_store), "--format", "csv", "--out", str(csv_out)).returncode == 0
    assert analyzer("export", "--db", str(seed_store), "--out", str(jsonl_out)).returncode == 0
    with open(csv_out, encoding="utf-8", newline="") as src:
        rows = list(csv.DictReader(src))
    for column in ("url", "title", "outlet", "published", "stated", "actual", "deal_type", "parties", "quantity",
                   "bank", "action", "bp", "horizon_start", "actual_change_bp"):
        assert column in rows[0], column
    assert rows[0]["published"] == "2025-08-27T00:00:00+0000"
    assert any(r["deal_type"] == "order" for r in rows) and any(r["bank"] == "Fed" for r in rows)
    lines = [json.loads(line) for line in jsonl_out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(rows) and all(line["article_id"] == "seed-1" for line in lines)
    assert all([h["verdict"] for h in line["history"]] == [line["verdict"]] for line in lines)


# ---- every input error: one line naming the input, exit code 2 --------------------------------------

def test_input_errors_are_one_line_naming_the_input(tmp_path: Path, seed_article: Path, market_dir: Path,
                                                     capsys, monkeypatch) -> None:
    binary, wrong = tmp_path / "binary.jsonl", tmp_path / "wrong.jsonl"
    binary.write_bytes(bytes(range(256)) * 8)
    wrong.write_text('{"article_id": 5, "sentence": ["x"], "char_start": "a", "char_end": 1, "kind": "x", '
                     '"verdict": "supported", "explanation": "x", "evidence": 7}\n[1, 2]\n', encoding="utf-8")
    (tmp_path / "good.jsonl").write_text("", encoding="utf-8")
    array = tmp_path / "array.jsonl"
    array.write_text("[1, 2, 3]\n", encoding="utf-8")
    typed = tmp_path / "typed.jsonl"  # well-formed records, one field of the wrong type
    typed.write_text(json.dumps({"article_id": "a", "sentence": "Stocks rose.", "char_start": 0, "char_end": 12,
                                 "kind": "index_move", "change_pct": "big", "verdict": "supported",
                                 "explanation": "e", "evidence": []}) + "\n", encoding="utf-8")
    seed, market = str(seed_article), str(market_dir)
    cases = {
        "--published": ["check", seed, "--market", market, "--published", "next tuesdayish"],
        str(tmp_path / "missing.txt"): ["check", str(tmp_path / "missing.txt"), "--market", market],
        "'--format'": ["check", seed, "--market", market, "--format", "xml"],
        "xml": ["export", "--format", "xml", "--out", str(tmp_path / "x.xml"), "--db", str(tmp_path / "x.db")],
        str(binary): ["report", "--claims", str(binary), "--out", str(tmp_path / "r.html")],
        str(wrong): ["report", "--claims", str(wrong), "--out", str(tmp_path / "r.html")],
        str(array): ["report", "--claims", str(array), "--out", str(tmp_path / "r.html")],
        f"{typed}:1: not a checked-claim record (change_pct: expected float": [
            "report", "--claims", str(typed), "--out", str(tmp_path / "r.html")],
        str(tmp_path / "no" / "dir"): ["check", seed, "--market", market, "--published", SEED_PUBLISHED,
                                       "--quiet", "--out", str(tmp_path / "no" / "dir" / "x.jsonl")],
        str(tmp_path / "nodb.sqlite"): ["export", "--db", str(tmp_path / "nodb.sqlite"), "--out",
                                        str(tmp_path / "x.jsonl")],
        "--bogus": ["check", "--bogus"],
        f"{binary}: no line is an article": ["check", str(binary), "--market", market, "--quiet"],
        f"{binary}: no line": ["report", "--claims", str(wrong).replace("wrong", "good"), "--articles", str(binary),
                                "--out", str(tmp_path / "r.html")],
    }
    for needle, args in cases.items():
        code, _out, stderr = run_cli(capsys, monkeypatch, *args)
        assert code == 2, (args, code, stderr)
        assert needle in stderr, (needle, stderr)
        assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1, stderr
    assert not (tmp_path / "nodb.sqlite").exists()  # a mistyped --db is refused, not created empty


def test_unwritable_export_out_names_the_file(seed_store: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    target = tmp_path / "locked"
    target.mkdir()
    for args in (["--out", str(target)], ["--out", str(target / "missing" / "x.parquet"), "--format", "parquet"]):
        code, _out, stderr = run_cli(capsys, monkeypatch, "export", "--db", str(seed_store), *args)
        assert code == 2 and str(target) in stderr and len(stderr.strip().splitlines()) == 1, stderr


# ---- the run's progress: the total grows as sources are read, and ends exact ------------------------

def test_run_progress_counts_to_the_articles_accepted(capsys) -> None:
    from types import SimpleNamespace

    from rich.console import Console

    from analyzer.cli.progress import RunProgress

    summary = SimpleNamespace(new=0)
    calls: list[int] = []

    def process(batch, progress=None):  # the engine reports articles done per chunk
        for _ in batch:
            progress(1)
        calls.append(len(batch))
        return list(batch)

    with RunProgress(Console(stderr=True, force_terminal=False), checking=True) as run:
        checked = run.wrap(process)
        for n in range(5):  # five articles read, four of them new
            summary.new += n != 2
            run.follow(summary)
            run.read("feed.xml")
        task = run.progress.tasks[run.check_task]
        assert task.total == 4 and task.completed == 0
        assert checked(["a", "b", "c"]) == ["a", "b", "c"]
        assert (task.completed, task.total) == (3, 4)
        checked(["d"])
        assert (task.completed, task.total) == (4, 4)
    assert calls == [3, 1]
    line = run.timing()
    assert line.startswith("time: ") and "read 5 articles" in line and "checked 4 (" in line
    assert line.endswith("articles/s)")


def test_csv_cells_never_open_as_spreadsheet_formulas(market_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "wire.jsonl"
    row = {"id": "formula-title", "title": "=HYPERLINK(\"http://x.example\",\"Dow up\")", "source": "@wire",
           "published": "2025-02-04T22:00:00+00:00",
           "text": "The Dow Jones industrial average rose 0.3 percent on Tuesday."}
    source.write_text(json.dumps(row) + "\n", encoding="utf-8")
    db, out = tmp_path / "store.sqlite", tmp_path / "claims.csv"
    done = analyzer("run", str(source), "--db", str(db), "--market", str(market_dir))
    assert done.returncode == 0, done.stderr
    done = analyzer("export", "--db", str(db), "--format", "csv", "--out", str(out))
    assert done.returncode == 0, done.stderr
    with open(out, encoding="utf-8", newline="") as src:
        (claim,) = list(csv.DictReader(src))
    assert claim["title"] == "'" + row["title"] and claim["outlet"] == "'@wire"
    assert claim["stated"] == "up 0.3%" and claim["actual"].startswith("+0.30%")  # signed figures stay figures
    assert claim["verdict"] == "supported"
