"""Rate-policy claims get a second look before `contradicted`: our own sentences, the real pipeline and the
real FOMC history."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from analyzer.check import check_claims
from analyzer.extract import extract_claims, load_pipeline
from analyzer.market import MarketData
from analyzer.records import Article, CheckedClaim


@pytest.fixture(scope="module")
def market(market_dir: Path) -> MarketData:
    return MarketData.open(market_dir)


def rate_rows(market: MarketData, market_dir: Path, text: str, published: str) -> list[CheckedClaim]:
    nlp = load_pipeline(market_dir=str(market_dir))
    article = Article(id="written", text=text,
                      published=datetime.fromisoformat(published).replace(tzinfo=ZoneInfo("America/New_York")))
    return [r for r in check_claims(extract_claims([article], nlp), market, [article])
            if r.claim.kind == "rate_policy"]


def test_a_decision_dated_elsewhere_in_the_sentence_is_checked_on_that_date(market: MarketData,
                                                                             market_dir: Path) -> None:
    text = ("Transports finished up 3.3 percent, their biggest advance since September 18, when the U.S. Federal "
            "Reserve cut interest rates.")
    rows = rate_rows(market, market_dir, text, "2007-10-05T17:00")
    assert rows and rows[0].verdict.verdict == "supported" and "2007-09-18" in rows[0].verdict.explanation
    wrong = rate_rows(market, market_dir, text.replace("September 18", "September 4"), "2007-10-05T17:00")
    assert wrong and wrong[0].verdict.verdict == "contradicted"


def test_a_quoted_view_of_a_decision_is_not_the_wires_report(market: MarketData, market_dir: Path) -> None:
    text = '"Not only is the Fed through with raising rates, but we have probably got economic weakness," he said.'
    rows = rate_rows(market, market_dir, text, "2006-11-19T17:00")
    assert rows and all(r.verdict.verdict == "unverifiable" for r in rows), [r.verdict for r in rows]
