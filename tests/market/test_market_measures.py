"""Every measure on real closes with answers known from the record."""

from datetime import date

import numpy as np
import pytest

from analyzer.market import (
    DataGapError,
    MarketData,
    NotASessionError,
    OutOfRangeError,
    best_worst_since,
    change_for_period,
    month_change,
    period_change,
    record_status,
    relative_performance,
    session_change,
    session_changes,
    session_range,
    streak,
    week_change,
    year_change,
    ytd_change,
)


@pytest.fixture(scope="module")
def md(market_dir) -> MarketData:
    return MarketData.open(market_dir)


def test_black_monday_dow(md):
    ch = session_change(md, "^DJI", date(1987, 10, 19))
    assert ch.end_value == 1738.74 and ch.start_value == 2246.74
    assert ch.start_session == date(1987, 10, 16)
    assert ch.change_points == pytest.approx(-508.00)
    assert round(ch.change_pct, 1) == -22.6
    assert ch.series == "close" and ch.source == "daily/IDX_DJI.csv.gz" and ch.direction == "down"


def test_sp500_on_2008_09_29(md):
    ch = session_change(md, "^GSPC", date(2008, 9, 29))
    assert (ch.start_value, ch.end_value) == (1213.27, 1106.42)
    assert round(ch.change_pct, 2) == -8.81


def test_seed_article_session(md):
    rut = session_change(md, "^RUT", date(2025, 8, 26))
    assert (rut.start_value, rut.end_value) == (2339.17, 2358.60)
    assert round(rut.change_pct, 2) == 0.83
    ba = session_change(md, "BA", date(2025, 8, 26))
    # Boeing has an as-traded close in 2025: the price basis uses it, not the adjusted close
    assert ba.series == "close" and (ba.start_value, ba.end_value) == (226.87, 234.83)
    assert round(ba.change_pct, 2) == 3.51
    assert round(session_change(md, "BA", date(2025, 8, 25)).change_pct, 2) == -1.41


def test_etf_without_close_uses_adjusted_close_and_says_so(md):
    rsp = session_change(md, "RSP", date(2025, 8, 26))
    assert rsp.series == "adj_close" and round(rsp.change_pct, 2) == 0.07
    assert round(session_change(md, "RSP", date(2025, 8, 22)).change_pct, 2) == 1.95
    # before 2024-01-25 RSP has as-traded closes too
    assert session_change(md, "RSP", date(2008, 9, 29)).series == "close"


def test_total_return_basis_prefers_adjusted_close(md):
    price = session_change(md, "BA", date(2025, 8, 26), basis="total_return")
    assert price.series == "adj_close" and price.basis == "total_return"
    assert session_change(md, "^GSPC", date(2025, 8, 26), basis="total_return").series == "close"


def test_older_stock_history_falls_back_to_adjusted_close(md):
    ch = session_change(md, "BA", date(2008, 9, 29))
    assert ch.series == "adj_close"
    s, column = md.price_series("BA", start=date(2008, 9, 26), end=date(2008, 9, 29))
    assert column == "adj_close" and s.loc["2008-09-29"] == ch.end_value


def test_holiday_weekend_and_range_errors_name_symbol_and_date(md):
    with pytest.raises(NotASessionError, match=r"\^GSPC: 2025-07-04 .*July 4th"):
        session_change(md, "^GSPC", date(2025, 7, 4))
    with pytest.raises(NotASessionError, match="Good Friday"):
        session_change(md, "^GSPC", date(2025, 4, 18))
    with pytest.raises(NotASessionError, match="weekend"):
        session_range(md, "^RUT", date(2025, 8, 23))
    with pytest.raises(OutOfRangeError, match=r"\^RUT: 2026-03-02 is after the data ends"):
        session_change(md, "^RUT", date(2026, 3, 2))
    with pytest.raises(OutOfRangeError, match="before the data starts"):
        session_change(md, "^RUT", date(1980, 1, 2))


def test_gap_in_the_data_is_reported(md, tmp_path):
    daily = tmp_path / "daily"
    daily.mkdir()
    # a real excerpt of the Russell 2000 with the 2025-08-25 row removed
    bars = md.bars("^RUT").loc["2025-08-20":"2025-08-27"].drop(index=np.datetime64("2025-08-25"))
    bars.to_csv(daily / "IDX_RUT.csv", index_label="date")
    gappy = MarketData.open(tmp_path)
    with pytest.raises(DataGapError, match="2025-08-25"):
        session_change(gappy, "^RUT", date(2025, 8, 25))
    ch = session_change(gappy, "^RUT", date(2025, 8, 26))
    assert ch.start_session == date(2025, 8, 22) and "gap" in ch.notes[0] and "2025-08-25" in ch.notes[0]


def test_periods(md):
    week = week_change(md, "^GSPC", date(2008, 10, 10))
    assert week.start_session == date(2008, 10, 3) and round(week.change_pct, 1) == -18.2
    ytd = ytd_change(md, "^GSPC", date(2008, 12, 31))
    assert ytd.start_session == date(2007, 12, 31) and round(ytd.change_pct, 1) == -38.5
    month = month_change(md, "^DJI", date(1987, 10, 30))
    assert month.start_session == date(1987, 9, 30) and round(month.change_pct, 1) == -23.2
    year = year_change(md, "^GSPC", date(2009, 3, 9))
    assert year.start_session == date(2008, 3, 7)
    assert change_for_period(md, "^GSPC", date(2008, 10, 10), "week") == week
    between = period_change(md, "^RUT", date(2025, 8, 22), date(2025, 8, 26))
    assert between.start_session == date(2025, 8, 22) and between.end_value == 2358.60
    # a start on a weekend measures from the Friday close before it
    assert period_change(md, "^RUT", date(2025, 8, 24), date(2025, 8, 26)).start_session == date(2025, 8, 22)


def test_session_range(md):
    assert session_range(md, "^RUT", date(2025, 8, 26)) == {
        "open": 2339.17, "high": 2361.71, "low": 2339.17, "close": 2358.60}
    # 1987 Dow rows hold only the close
    assert session_range(md, "^DJI", date(1987, 10, 19)) == {"close": 1738.74}


def test_record_closes(md):
    dow = record_status(md, "^DJI", date(2006, 10, 23))
    assert dow["is_record"] and dow["close"] == 12116.91
    assert dow["previous_record"] == 12011.73 and dow["previous_record_session"] == date(2006, 10, 19)
    assert dow["first_data"] == date(1896, 5, 26)
    not_record = record_status(md, "^DJI", date(2006, 10, 20))
    assert not not_record["is_record"] and not_record["since"] == date(2006, 10, 19)
    low = record_status(md, "^GSPC", date(2009, 3, 9), side="low", weeks=52)
    assert low["is_record"] and low["close"] == 676.53 and low["window_start"] >= date(2008, 3, 9)


def test_streaks(md):
    # the Dow's 12-session winning streak of February 2017
    dow = streak(md, "^DJI", date(2017, 2, 27))
    assert (dow["direction"], dow["length"], dow["start"]) == ("up", 12, date(2017, 2, 8))
    assert streak(md, "^DJI", date(2017, 2, 28))["direction"] == "down"
    # nine straight weekly gains into 2019-02-22
    weekly = streak(md, "^DJI", date(2019, 2, 22), unit="week")
    assert (weekly["direction"], weekly["length"]) == ("up", 9)


def test_best_and_worst_since(md):
    best = best_worst_since(md, "^GSPC", date(2008, 10, 13), side="best")
    assert round(best["change_pct"], 2) == 11.58 and best["since"] == date(1939, 9, 5)
    worst = best_worst_since(md, "^GSPC", date(1987, 10, 19), side="worst")
    assert worst["since"] is None and worst["first_data"] == date(1927, 12, 30)  # the S&P's worst day
    # the Dow's data holds one worse day: the 1914-12-12 reopening after the war closure (-23.5%)
    assert best_worst_since(md, "^DJI", date(1987, 10, 19), side="worst")["since"] == date(1914, 12, 12)
    week = best_worst_since(md, "^GSPC", date(2008, 10, 10), side="worst", unit="week")
    assert week["since"] is not None and week["since"] < date(1940, 1, 1)


def test_relative_performance(md):
    rel = relative_performance(md, "^RUT", ["^GSPC", "^IXIC"], date(2025, 8, 26), date(2025, 8, 26))
    assert rel["outperformed"] == ["^GSPC", "^IXIC"] and rel["underperformed"] == []
    assert round(rel["others"]["^GSPC"].change_pct, 2) == 0.41
    assert round(rel["others"]["^IXIC"].change_pct, 2) == 0.44


def test_fred_series_measure_like_prices(md):
    oil = session_change(md, "DCOILWTICO", date(2020, 4, 20))
    assert oil.end_value == -36.98 and oil.series == "value" and oil.source == "series/DCOILWTICO.csv"


def test_vectorised_session_changes_agree_with_single(md):
    days = [date(2025, 8, 26), date(2025, 7, 4), date(1987, 10, 19)]
    frame = session_changes(md, "^DJI", days)
    assert frame["close"].iloc[2] == 1738.74 and frame["change_points"].iloc[2] == pytest.approx(-508.0)
    assert np.isnan(frame["close"].iloc[1])
    assert frame["change_pct"].iloc[0] == pytest.approx(session_change(md, "^DJI", days[0]).change_pct)


def test_session_range_of_adjusted_only_row_says_so(md):
    from analyzer.errors import MarketDataError
    with pytest.raises(MarketDataError, match="RSP: daily/RSP.csv.gz has no open/high/low/close for 2025-08-26"):
        session_range(md, "RSP", date(2025, 8, 26))
