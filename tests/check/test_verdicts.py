"""Verdicts on real prices and the real policy history, one semantic at a time."""

from __future__ import annotations

from analyzer.check import check_claim
from analyzer.market import MarketData
from analyzer.records import Claim, DateRange, Instrument


def move(symbol: str, session: str, **fields) -> Claim:  # noqa: ANN003
    name = fields.pop("name", symbol)
    kind = fields.pop("kind", "index_move")
    return Claim(article_id="t", sentence=fields.pop("sentence", "s"), char_start=0, char_end=1, kind=kind,
                 instrument=Instrument(name, symbol), session=session, period=fields.pop("period", "day"), **fields)


def test_a_surge_of_seven_hundredths_is_contradicted(market: MarketData) -> None:
    verdict = check_claim(move("^SPXEW", "2025-08-26", direction="up", verb="surged"), market)
    assert verdict.verdict == "contradicted" and "0.07%" in verdict.explanation


def test_a_real_surge_and_an_edge_up(market: MarketData) -> None:
    assert check_claim(move("^RUT", "2025-08-26", direction="up", verb="surged"), market).verdict == "supported"
    edged = check_claim(move("^DJI", "1987-10-16", direction="down", verb="edged lower"), market)
    assert edged.verdict == "contradicted"  # -4.6% that Friday is no edge


def test_dow_black_monday_figures(market: MarketData) -> None:
    claim = move("^DJI", "1987-10-19", direction="down", change_points=508, change_pct=22.6, level=1738.74,
                 stated={"change_points": "508", "change_pct": "22.6", "level": "1,738.74"})
    verdict = check_claim(claim, market)
    assert verdict.verdict == "supported", verdict.explanation
    assert verdict.evidence[0].figures["close"] == 1738.74


def test_wrong_day_diagnosis_names_the_session(market: MarketData) -> None:
    claim = move("^SPXEW", "2025-08-26", direction="up", change_pct=2.0, stated={"change_pct": "2"})
    verdict = check_claim(claim, market)
    assert verdict.verdict == "contradicted" and verdict.diagnosis["session"] == "2025-08-22"
    assert "Friday 2025-08-22" in verdict.explanation


def test_holiday_and_missing_data_are_unverifiable(market: MarketData) -> None:
    holiday = check_claim(move("^GSPC", "2025-07-04", direction="up"), market)
    assert holiday.verdict == "unverifiable" and "holiday" in holiday.explanation.lower()
    beyond = check_claim(move("^RUT", "2026-06-01", direction="up"), market)
    assert beyond.verdict == "unverifiable" and "2026-02-23" in beyond.explanation
    unknown = check_claim(move(None, "2025-08-26", name="Frobnitz Index", direction="up"), market)  # type: ignore[arg-type]
    assert unknown.verdict == "unverifiable"


def test_week_ytd_and_since_periods(market: MarketData) -> None:
    week = move("^GSPC", "2008-10-10", period="week", direction="down", change_pct=18.2,
                stated={"change_pct": "18.2"})
    assert check_claim(week, market).verdict == "supported"
    since = move("^GSPC", "2009-04-09", period="other", period_start="2009-03-09", direction="up", change_pct=26,
                 qualifier="more than", stated={"change_pct": "26"})
    assert check_claim(since, market).verdict == "supported"


def test_intraday_claim_is_judged_against_the_range(market: MarketData) -> None:
    inside = move("^GSPC", "2008-09-29", period="intraday", direction="down", change_pct=5, stated={"change_pct": "5"})
    verdict = check_claim(inside, market)
    assert verdict.verdict == "supported" and "range" in verdict.explanation


def test_best_and_worst_since(market: MarketData) -> None:
    worst = move("^IXIC", "2007-11-07", kind="comparison", relation="worst_since", direction="down",
                 period_start="2007-02-27", time_text="since the sell-off on February 27")
    assert check_claim(worst, market).verdict == "supported"
    wrong = move("^IXIC", "2007-11-07", kind="comparison", relation="worst_since", direction="down",
                 period_start="2007-06-01", time_text="since June")
    assert check_claim(wrong, market).verdict == "contradicted"
    since_1987 = move("^DJI", "2008-09-29", kind="comparison", relation="worst_since", direction="down",
                      sentence="its steepest one-day percentage drop since the crash of 1987")
    assert check_claim(since_1987, market).verdict == "contradicted"  # 2001-09-17 was worse


def test_highest_close_since(market: MarketData) -> None:
    claim = move("^IXIC", "2009-07-20", kind="record", what="highest_since",
                 sentence="The Nasdaq's close was its best since October 2008.")
    assert check_claim(claim, market).verdict == "supported"


def test_fed_decisions_and_expectations(market: MarketData) -> None:
    cut = Claim(article_id="t", sentence="s", char_start=0, char_end=1, kind="rate_policy", bank="Fed",
                action="cut", bp=25, session="2025-09-17")
    assert check_claim(cut, market).verdict == "supported"
    wrong_size = Claim(article_id="t", sentence="s", char_start=0, char_end=1, kind="rate_policy", bank="Fed",
                       action="cut", bp=50, session="2025-09-17")
    assert check_claim(wrong_size, market).verdict == "contradicted"
    expected = Claim(article_id="t", sentence="s", char_start=0, char_end=1, kind="rate_policy", bank="Fed",
                     action="cut", modality="expected", horizon=DateRange("2025-08-26", "2025-12-31"))
    verdict = check_claim(expected, market)
    assert verdict.verdict == "supported" and "2025-09-17" in verdict.explanation
    hold = Claim(article_id="t", sentence="s", char_start=0, char_end=1, kind="rate_policy", bank="Fed",
                 action="hold", modality="expected", horizon=DateRange("2008-09-15", "2008-09-17"))
    assert check_claim(hold, market).verdict == "supported"
    later = Claim(article_id="t", sentence="s", char_start=0, char_end=1, kind="rate_policy", bank="Fed",
                  action="hike", modality="expected", horizon=DateRange("2026-09-01", "2026-12-31"))
    assert check_claim(later, market).verdict == "pending"
    ecb = Claim(article_id="t", sentence="s", char_start=0, char_end=1, kind="rate_policy", bank="ECB",
                action="cut", session="2025-06-05")
    assert check_claim(ecb, market).verdict == "unverifiable"


def test_opinions_are_not_checkable(market: MarketData) -> None:
    claim = move("^RUT", "2025-08-26", direction="up", modality="opinion")
    assert check_claim(claim, market).verdict == "not_checkable"


def test_since_march_low_measured_from_the_lowest_close(market: MarketData) -> None:
    claim = move("^GSPC", "2009-10-06", period="other", period_start="2009-03-01", direction="up", change_pct=56,
                 qualifier="about", stated={"change_pct": "56"}, time_text="since touching 12-year lows early in March",
                 sentence="The S&P 500 has now climbed about 56 percent since touching 12-year lows early in March.")
    verdict = check_claim(claim, market)
    assert verdict.verdict == "supported", verdict.explanation
    assert verdict.evidence[0].figures["prev_session"] == "2009-03-09"


def test_oil_quotes_are_futures_and_discount_rates_are_not_the_target(market: MarketData) -> None:
    oil = move("DCOILWTICO", "2008-08-20", direction="up", level=114.98, stated={"level": "114.98"},
               sentence="Oil gained, settling up 45 cents at $114.98.")
    assert check_claim(oil, market).verdict == "unverifiable"
    discount = Claim(article_id="t", sentence="The Fed lowered its discount rate 50 basis points.", char_start=0,
                     char_end=1, kind="rate_policy", bank="Fed", action="cut", bp=50, session="2007-08-17")
    assert check_claim(discount, market).verdict == "unverifiable"


def test_preliminary_figures_within_a_hair_of_the_close(market: MarketData) -> None:
    claim = move("^DJI", "2007-01-31", direction="up", change_points=98.62, change_pct=0.79, level=12621.93,
                 stated={"change_points": "98.62", "change_pct": "0.79", "level": "12,621.93"},
                 sentence="Going by the most recent data, the Dow unofficially finished 98.62 points higher.")
    assert check_claim(claim, market).verdict == "supported"


def test_a_claim_that_cannot_be_measured_is_unverifiable(market: MarketData) -> None:
    claim = move("^GSPC", "2006-10-26", period="other", period_start="2006-12-15", direction="up", change_pct=3)
    verdict = check_claim(claim, market)
    assert verdict.verdict == "unverifiable" and "2006-12-15" in verdict.explanation
