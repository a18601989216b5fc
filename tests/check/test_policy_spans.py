"""Rate claims dated by a span, and expectations written after the day's decision, on the real Fed history."""

from __future__ import annotations

from datetime import datetime

import pytest

from analyzer.check import check_claims
from analyzer.market import MarketData
from analyzer.records import Article, Claim, DateRange


@pytest.fixture(autouse=True)
def _no_second_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    # these claims are built without a sentence ("(written)"): the second reader, which reads the claim's sentence
    # again before an accusation (check.second_reader), has nothing to read; the checker's rule is tested alone
    monkeypatch.setenv("ANALYZER_SECOND_READER", "off")


def rate_claim(**fields: object) -> Claim:
    return Claim(article_id="a", sentence="(written)", char_start=0, char_end=9, kind="rate_policy", bank="Fed",
                 **fields)


def verdict(market: MarketData, claim: Claim, published: str) -> str:
    article = Article(id="a", text="(written)", published=datetime.fromisoformat(published))
    [checked] = check_claims([claim], market, {"a": article})
    return checked.verdict.verdict


@pytest.mark.parametrize(("action", "bp", "expected"), [
    ("cut", 50.0, "supported"),      # 2007-09-18: -50 bp
    ("cut", 25.0, "contradicted"),   # not a quarter point
    ("hike", None, "contradicted"),
    ("hold", None, "contradicted"),
])
def test_a_past_decision_dated_by_a_month(market: MarketData, action: str, bp: float | None,
                                          expected: str) -> None:
    # "a move that followed a half-point cut last month", written on 2007-10-31, the day of a 25 bp cut:
    # the claim is about September, not about the day it was written
    claim = rate_claim(action=action, bp=bp, modality="reported",
                       horizon=DateRange("2007-09-01", "2007-09-30"))
    assert verdict(market, claim, "2007-10-31T18:00:00-04:00") == expected


def test_an_expectation_written_after_the_statement_looks_ahead(market: MarketData) -> None:
    # 2008-04-30: a 25 bp cut announced at 14:15; the next change came on 2008-10-08
    claim = rate_claim(action="cut", bp=25.0, modality="forecast", horizon=DateRange("2008-04-30", "2008-06-30"))
    # written after the statement it looks ahead, and the next change came in October: a view not borne out,
    # which is no error of the report that told it
    assert verdict(market, claim, "2008-04-30T18:00:00-04:00") == "unverifiable"
    # written that morning, the same expectation is met by the afternoon's cut
    assert verdict(market, claim, "2008-04-30T09:00:00-04:00") == "supported"
