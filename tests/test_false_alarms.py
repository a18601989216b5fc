"""Classes of false `contradicted` (issue 12), each on articles we wrote, through the real pipeline and real prices.

Every class has its control: the same article with the figure that makes it a real error stays `contradicted`.
Facts used (closes and ranges of the sessions, from ../shared/data at run time): on Thursday 2007-03-01 the Dow
closed at 12,234.34 (previous close 12,268.63, range 12,059.54-12,289.22), the S&P 500 at 1,403.17 (previous
1,406.82, range 1,380.87-1,409.46), the Nasdaq Composite at 2,404.21 (previous 2,416.15, range
2,359.44-2,419.15); Exxon Mobil -0.96%, Oracle +2.07%, IBM -0.72%. On Friday 2007-03-02 the S&P 500 closed at
1,387.17 (range 1,386.87-1,403.40), down 4.41% on the week from 1,451.19.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from analyzer.engine import open_engine
from analyzer.market import MarketData
from analyzer.records import Article, CheckedClaim

THURSDAY_EVENING = "2007-03-01T17:05:00-05:00"
FRIDAY_EVENING = "2007-03-02T17:10:00-05:00"


@pytest.fixture(scope="module")
def engine(market_dir: Path) -> Iterator[object]:
    with open_engine(MarketData.open(market_dir), 1) as running:
        yield running


def checked(engine, text: str, published: str) -> list[CheckedClaim]:  # type: ignore[no-untyped-def]
    article = Article(id=f"written-{abs(hash(text))}", text=text, published=datetime.fromisoformat(published))
    return list(engine.analyze([article]))


def verdict_of(items: list[CheckedClaim], symbol: str) -> CheckedClaim:
    found = [c for c in items if c.claim.instrument and c.claim.instrument.symbol == symbol
             and c.claim.kind in ("index_move", "stock_move")]
    assert found, f"no move claim on {symbol} in {[c.claim.sentence for c in items]}"
    return found[0]


# ---- intraday and after-hours ----------------------------------------------------------------------

SNAPSHOT = ("NEW YORK (Reuters) - Stocks pared early losses on Thursday as oil shares steadied.\n\n"
            "The Dow Jones industrial average fell 68.63 points, or 0.56 percent, to 12,200.00.\n\n"
            "The Standard & Poor's 500 Index slipped 6.82 points, or 0.48 percent, to 1,400.00.\n\n"
            "Exxon Mobil dropped 2.5 percent.")
AT_THE_CLOSE = SNAPSHOT.replace("fell 68.63 points, or 0.56 percent, to 12,200.00",
                                "fell 34.29 points, or 0.28 percent, to 12,234.34")


def test_an_article_written_before_the_closes_is_read_as_a_snapshot(engine) -> None:  # type: ignore[no-untyped-def]
    items = checked(engine, SNAPSHOT, THURSDAY_EVENING)
    for symbol in ("^DJI", "^GSPC", "XOM"):
        item = verdict_of(items, symbol)
        assert item.verdict.verdict == "unverifiable", (symbol, item.verdict.explanation)
        assert "written before the final closes" in item.verdict.explanation
    # control: the Dow's figures are the close, so the article reads closes and Exxon's 2.5% is an error
    control = checked(engine, AT_THE_CLOSE, THURSDAY_EVENING)
    assert verdict_of(control, "^DJI").verdict.verdict == "supported"
    assert verdict_of(control, "XOM").verdict.verdict == "contradicted"


def test_trading_after_the_bell_in_the_sentence_before(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("Oracle Corp said after the closing bell on Thursday that its quarterly profit rose.\n\n"
            "Oracle shares fell 6 percent. IBM shares fell 6 percent.")
    items = checked(engine, text, THURSDAY_EVENING)
    oracle = verdict_of(items, "ORCL")
    assert oracle.verdict.verdict == "unverifiable" and "outside the regular session" in oracle.verdict.explanation
    # IBM is not the company the sentence before speaks of: its 6 percent against -0.72% stays an error
    assert verdict_of(items, "IBM").verdict.verdict == "contradicted"


def test_a_figure_at_a_moment_of_the_session_is_judged_on_its_range(engine) -> None:  # type: ignore[no-untyped-def]
    inside = checked(engine, "At about 11 a.m., the Nasdaq Composite Index was down 1.2 percent.", THURSDAY_EVENING)
    item = verdict_of(inside, "^IXIC")
    assert item.verdict.verdict == "unverifiable" and "inside the session's high-low range" in item.verdict.explanation
    outside = checked(engine, "At about 11 a.m., the Nasdaq Composite Index was down 4.5 percent.", THURSDAY_EVENING)
    assert verdict_of(outside, "^IXIC").verdict.verdict == "contradicted"


def test_a_weeks_figure_to_a_preliminary_close(engine) -> None:  # type: ignore[no-untyped-def]
    near = checked(engine, "For the week, the S&P 500 lost 4.38 percent.", FRIDAY_EVENING)
    item = verdict_of(near, "^GSPC")
    assert item.verdict.verdict == "unverifiable" and "preliminary close" in item.verdict.explanation
    far = checked(engine, "For the week, the S&P 500 lost 5.5 percent.", FRIDAY_EVENING)
    assert verdict_of(far, "^GSPC").verdict.verdict == "contradicted"


# ---- wrong instrument and reference: an index has no shares and no dollar price ------------------------


def test_a_company_named_like_an_index_is_not_checked_as_the_index(engine) -> None:  # type: ignore[no-untyped-def]
    items = checked(engine, "Shares of Dow fell 3 percent to $45.10 in afternoon trade.", THURSDAY_EVENING)
    dow = [c for c in items if c.claim.instrument and c.claim.instrument.symbol == "^DJI"]
    assert all(c.verdict.verdict != "contradicted" for c in dow), [c.verdict.explanation for c in dow]
    priced = checked(engine, "Its stock, which led the Nasdaq's decline, fell 8.6 percent to $63.21.", THURSDAY_EVENING)
    assert all(c.verdict.verdict != "contradicted" for c in priced), [c.verdict.explanation for c in priced]
    # control: the index itself with a wrong figure
    index = checked(engine, "The Dow Jones industrial average fell 3 percent to 11,900.00.", THURSDAY_EVENING)
    assert verdict_of(index, "^DJI").verdict.verdict == "contradicted"


# ---- price basis: quoted prices against split-adjusted data, price returns against dividend-adjusted -----


def test_a_quoted_price_is_not_compared_with_split_adjusted_data(engine) -> None:  # type: ignore[no-untyped-def]
    # Apple on 2007-03-01 in the data: previous close 3.02, range 2.99-3.15 (split-adjusted); the writer quoted $88
    items = checked(engine, "Apple shares rose 3 percent to $88.00 in early trade.", THURSDAY_EVENING)
    assert verdict_of(items, "AAPL").verdict.verdict == "supported", verdict_of(items, "AAPL").verdict.explanation
    wrong = checked(engine, "Apple shares rose 9 percent to $88.00 in early trade.", THURSDAY_EVENING)
    assert verdict_of(wrong, "AAPL").verdict.verdict == "contradicted"


def test_a_price_return_against_dividend_adjusted_closes(engine) -> None:  # type: ignore[no-untyped-def]
    # Pfizer's adjusted closes: -3.97% from the end of 2006 to 2007-11-30; its dividends explain a price return
    # a few points lower, never a higher one or one far lower
    evening = "2007-11-30T17:00:00-05:00"
    items = checked(engine, "Pfizer shares have lost 6 percent so far this year.", evening)
    item = verdict_of(items, "PFE")
    assert item.verdict.verdict == "supported" and "dividends" in item.verdict.explanation
    for figure in ("9", "1"):
        wrong = checked(engine, f"Pfizer shares have lost {figure} percent so far this year.", evening)
        assert verdict_of(wrong, "PFE").verdict.verdict == "contradicted", figure


# ---- wrong period: a time named elsewhere, trailing sessions, a day word that dates the news ---------------


def test_a_time_named_elsewhere_is_not_the_articles_session(engine) -> None:  # type: ignore[no-untyped-def]
    items = checked(engine, "The Dow Jones industrial average was about 24 percent higher then.", THURSDAY_EVENING)
    item = verdict_of(items, "^DJI")
    assert item.verdict.verdict == "unverifiable" and "'then'" in item.verdict.explanation
    control = checked(engine, "The Dow Jones industrial average fell 4 percent.", THURSDAY_EVENING)
    assert verdict_of(control, "^DJI").verdict.verdict == "contradicted"


def test_the_last_four_days_are_four_sessions(engine) -> None:  # type: ignore[no-untyped-def]
    # the Dow from the close of Monday 2007-02-26 to Friday 2007-03-02: -4.10%
    items = checked(engine, "The Dow Jones industrial average has fallen 4.1 percent in the last four days.",
                    FRIDAY_EVENING)
    assert verdict_of(items, "^DJI").verdict.verdict == "supported", verdict_of(items, "^DJI").verdict.explanation
    wrong = checked(engine, "The Dow Jones industrial average has fallen 7.5 percent in the last four days.",
                    FRIDAY_EVENING)
    assert verdict_of(wrong, "^DJI").verdict.verdict == "contradicted"


def test_a_day_word_that_dates_the_news(engine) -> None:  # type: ignore[no-untyped-def]
    # Target: -1.02% on Thursday 2007-03-01, +0.21% on Friday 2007-03-02, the day of the article
    text = "Target shares rose 0.2 percent after the retailer said late on Thursday that its February sales rose."
    item = verdict_of(checked(engine, text, FRIDAY_EVENING), "TGT")
    assert item.verdict.verdict == "unverifiable" and "the news" in item.verdict.explanation, item.verdict.explanation
    wrong = verdict_of(checked(engine, text.replace("0.2 percent", "3 percent"), FRIDAY_EVENING), "TGT")
    assert wrong.verdict.verdict == "contradicted"


# ---- over-reading and reference: a business figure, another company's figure ------------------------------


def test_a_business_figure_is_not_a_share_move(engine) -> None:  # type: ignore[no-untyped-def]
    items = checked(engine, "Wal-Mart's 1.5 percent sales gain in February beat forecasts.", THURSDAY_EVENING)
    assert all(c.verdict.verdict != "contradicted" for c in items), [c.verdict.explanation for c in items]
    control = checked(engine, "Wal-Mart shares rose 1.5 percent.", THURSDAY_EVENING)
    assert verdict_of(control, "WMT").verdict.verdict == "contradicted"


def test_another_companys_figure_is_not_given_to_the_company(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Besides Target, shares of Wal-Mart Stores Inc ( WMT.N ) rose 2 percent."
    items = checked(engine, text, THURSDAY_EVENING)
    target = [c for c in items if c.claim.instrument and c.claim.instrument.symbol == "TGT"]
    assert all(c.verdict.verdict != "contradicted" for c in target), [c.verdict.explanation for c in target]
    walmart = [c for c in items if c.claim.instrument and c.claim.instrument.symbol == "WMT"]
    assert all(c.verdict.verdict == "contradicted" for c in walmart)  # -0.87% that day: its own figure is wrong
