"""The seed article, end to end through the real CLI: the verdicts the data supports, and nothing else."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def seed_rows(seed_article: Path, market_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    out = tmp_path_factory.mktemp("seed") / "x.jsonl"
    result = subprocess.run(
        [sys.executable, "-c", "from analyzer.cli import main; main()", "check", str(seed_article),
         "--published", "2025-08-26T20:00:00-04:00", "--market", str(market_dir), "--out", str(out), "-q"],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in out.read_text().splitlines()]


def _one(rows: list[dict], kind: str, symbol: str) -> dict:
    found = [r for r in rows if r["kind"] == kind and (r["instrument"] or {}).get("symbol") == symbol]
    assert len(found) == 1, f"expected one {kind} claim for {symbol}, got {len(found)}: {rows}"
    return found[0]


def test_russell_gain_supported(seed_rows: list[dict]) -> None:
    row = _one(seed_rows, "index_move", "^RUT")
    assert row["verdict"] == "supported"
    assert row["change_pct"] == 0.8 and row["direction"] == "up" and row["session"] == "2025-08-26"
    figures = row["evidence"][0]["figures"]
    assert figures["close"] == 2358.60 and figures["prev_close"] == 2339.17
    assert round(figures["change_pct"], 2) == 0.83


def test_russell_outpaced_sp500_and_nasdaq(seed_rows: list[dict]) -> None:
    row = _one(seed_rows, "comparison", "^RUT")
    assert row["relation"] == "outperformed"
    assert {b["symbol"] for b in row["benchmarks"]} == {"^GSPC", "^IXIC"}
    assert row["verdict"] == "supported"


def test_equal_weight_surge_contradicted_and_traced_to_friday(seed_rows: list[dict]) -> None:
    row = _one(seed_rows, "index_move", "^SPXEW")
    assert row["verdict"] == "contradicted"
    assert row["evidence"][0]["symbol"] == "RSP" and row["evidence"][0]["proxy_for"] == "^SPXEW"
    assert row["diagnosis"]["session"] == "2025-08-22"
    assert "2025-08-22" in row["explanation"] and "RSP" in row["explanation"]


def test_boeing_higher_supported(seed_rows: list[dict]) -> None:
    row = _one(seed_rows, "stock_move", "BA")
    assert row["verdict"] == "supported" and row["direction"] == "up"
    assert round(row["evidence"][0]["figures"]["change_pct"], 2) == 3.51


def test_fed_cut_expectation_resolved_by_september_cut(seed_rows: list[dict]) -> None:
    rows = [r for r in seed_rows if r["kind"] == "rate_policy" and r["modality"] == "expected"]
    assert len(rows) == 1
    assert rows[0]["action"] == "cut" and rows[0]["verdict"] == "supported"
    assert "2025-09-17" in rows[0]["explanation"]


def test_no_move_claims_from_opinions(seed_rows: list[dict]) -> None:
    moves = [r for r in seed_rows if r["kind"] in ("index_move", "stock_move")]
    assert {(r["instrument"]["symbol"]) for r in moves} == {"^RUT", "^SPXEW", "BA"}
    for r in seed_rows:
        assert "cheap compared" not in r["sentence"] or r["kind"] not in ("index_move", "stock_move")
        if r["modality"] in ("opinion", "hypothetical"):
            assert r["verdict"] == "not_checkable"


def test_cli_errors_are_one_line(tmp_path: Path, market_dir: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", "from analyzer.cli import main; main()", "check", *args],
                              capture_output=True, text=True, timeout=120)

    missing = run(str(tmp_path / "nope.txt"), "--market", str(market_dir))
    assert missing.returncode == 2 and "nope.txt" in missing.stderr and "Traceback" not in missing.stderr
    text = tmp_path / "a.txt"
    text.write_text("The Dow rose 1% on Monday.")
    bad_date = run(str(text), "--published", "yesterday-ish", "--market", str(market_dir))
    assert bad_date.returncode == 2 and "yesterday-ish" in bad_date.stderr
    no_market = run(str(text), "--published", "2025-08-26T20:00:00-04:00", "--market", str(tmp_path / "m"))
    assert no_market.returncode == 2 and str(tmp_path / "m") in no_market.stderr


def test_valuation_opinions_are_not_checkable(seed_rows: list[dict]) -> None:
    opinions = [r for r in seed_rows if r["kind"] == "valuation"]
    assert len(opinions) == 2
    assert {r["verdict"] for r in opinions} == {"not_checkable"}
    assert any("cheap compared to large caps" in r["sentence"] for r in opinions)
    assert any("steepest discounts" in r["sentence"] for r in opinions)


def test_boeing_order_is_a_deal(seed_rows: list[dict]) -> None:
    [deal] = [r for r in seed_rows if r["kind"] == "deal"]
    roles = {p["role"]: p["name"] for p in deal["parties"]}
    assert "Boeing" in roles.get("seller", "") and "Korean Air" in roles.get("buyer", "")
    assert deal["quantity"] == 103
    assert deal["verdict"] == "unverifiable"  # the only report of it in the batch
