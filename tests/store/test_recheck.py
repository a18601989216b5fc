"""Verdicts that follow the news: a stored `pending` claim checked again once the market data covers it.

The seed article (2025-08-26) says a Fed rate cut is widely expected later this year. Checked with
the market data as it stood on 2025-09-01 that expectation is `pending`; with the data of today the Fed
cut on 2025-09-17, so `analyzer recheck` (or the next `analyzer run`) turns it `supported` and the claim's
history shows both verdicts.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cli_runner import run_cli

from analyzer.store import Store
from store.marketcut import cut_market

SEED_PUBLISHED = "2025-08-26T20:00:00-04:00"


@pytest.fixture(scope="session")
def market_2025_09_01(market_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return cut_market(market_dir, tmp_path_factory.mktemp("market") / "2025-09-01", date(2025, 9, 1))


def _fed_expectation(db: Path):  # type: ignore[no-untyped-def]
    store = Store.open(str(db))
    try:
        fed = [c for c in store.stored_claims() if c.claim.kind == "rate_policy"]
        assert len(fed) == 1 and "widely expected to cut rates" in fed[0].claim.sentence
        history = [h for h in store.verdict_history() if h.claim_row == fed[0].row]
    finally:
        store.close()
    return fed[0], history


def _run_seed(capsys, monkeypatch, seed_article: Path, db: Path, market: Path) -> str:
    code, _, stderr = run_cli(capsys, monkeypatch, "run", str(seed_article), "--published", SEED_PUBLISHED,
                                "--db", str(db), "--market", str(market))
    assert code == 0, stderr
    return stderr


def test_recheck_turns_the_fed_expectation_supported(seed_article, market_dir, market_2025_09_01, tmp_path,
                                                      capsys, monkeypatch):
    db = tmp_path / "seed.db"
    _run_seed(capsys, monkeypatch, seed_article, db, market_2025_09_01)
    fed, history = _fed_expectation(db)
    assert fed.verdict.verdict == "pending" and fed.market_as_of == "2025-09-01"
    assert [h.verdict for h in history] == ["pending"]

    code, _, stderr = run_cli(capsys, monkeypatch, "recheck", "--db", str(db), "--market", str(market_dir))
    assert code == 0, stderr
    assert "pending -> supported" in stderr
    fed, history = _fed_expectation(db)
    assert fed.verdict.verdict == "supported" and "2025-09-17" in fed.verdict.explanation
    assert [h.verdict for h in history] == ["pending", "supported"]
    assert history[0].market_as_of == "2025-09-01" < history[1].market_as_of
    assert history[0].reason == "first check" and "market data up to" in history[1].reason

    # nothing new in the data: nothing is checked again
    code, _, stderr = run_cli(capsys, monkeypatch, "recheck", "--db", str(db), "--market", str(market_dir))
    assert code == 0 and "0 stored claims checked again" in stderr
    assert len(_fed_expectation(db)[1]) == 2


def test_run_rechecks_stored_claims_at_its_start(seed_article, market_dir, market_2025_09_01, tmp_path, capsys,
                                                 monkeypatch):
    db = tmp_path / "seed.db"
    _run_seed(capsys, monkeypatch, seed_article, db, market_2025_09_01)
    stderr = _run_seed(capsys, monkeypatch, seed_article, db, market_dir)  # the article is already stored
    assert "pending -> supported" in stderr
    fed, history = _fed_expectation(db)
    assert fed.verdict.verdict == "supported"
    assert [h.verdict for h in history] == ["pending", "supported"]
