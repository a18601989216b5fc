"""Online providers against a local server on 127.0.0.1 serving real data in the services' shapes."""

from datetime import date

import pandas as pd
import pytest

from analyzer.errors import MarketDataError
from analyzer.market.providers import (
    FredCsvProvider,
    YahooChartProvider,
    YFinanceProvider,
    frame_from_yfinance,
)


def test_yahoo_chart_keeps_close_and_adjusted_close(fake_market):
    server, url = fake_market
    bars = YahooChartProvider(url).fetch_bars("BA", date(2025, 8, 20), date(2025, 8, 26))
    assert list(bars.index.date) == [date(2025, 8, d) for d in (20, 21, 22, 25, 26)]
    assert bars.loc["2025-08-26", "close"] == 234.83 and bars.loc["2025-08-25", "close"] == 226.87
    assert bars.loc["2025-08-26", "adj_close"] == 234.83 and bars.loc["2025-08-26", "volume"] == 7380200
    path, params = server.requests[-1]
    assert path == "/v8/finance/chart/BA" and params["interval"] == "1d"


def test_yahoo_backs_off_on_rate_limit_honouring_retry_after(fake_market):
    server, url = fake_market
    server.scripted = [(429, {"Retry-After": "7"}, b"Too Many Requests"), (503, {}, b"busy")]
    slept: list[float] = []
    bars = YahooChartProvider(url, sleep=slept.append, backoff=0.5).fetch_bars(
        "^RUT", date(2025, 8, 25), date(2025, 8, 26))
    assert bars.loc["2025-08-26", "close"] == 2358.60
    assert slept == [7.0, 1.0]  # Retry-After, then exponential back-off
    assert len(server.requests) == 3


def test_yahoo_gives_up_after_max_retries(fake_market):
    server, url = fake_market
    server.scripted = [(429, {}, b"Too Many Requests")] * 3
    with pytest.raises(MarketDataError, match="HTTP 429"):
        YahooChartProvider(url, sleep=lambda s: None, max_retries=2).fetch_bars(
            "^RUT", date(2025, 8, 25), date(2025, 8, 26))


def test_yahoo_unknown_symbol_error_names_it(fake_market):
    _, url = fake_market
    with pytest.raises(MarketDataError, match=r"NOPE.*HTTP 404.*delisted"):
        YahooChartProvider(url).fetch_bars("NOPE", date(2025, 8, 25), date(2025, 8, 26))


def test_unreachable_server_is_a_clear_error():
    provider = YahooChartProvider("http://127.0.0.1:9", sleep=lambda s: None, max_retries=1, timeout=2)
    with pytest.raises(MarketDataError, match="cannot reach"):
        provider.fetch_bars("BA", date(2025, 8, 25), date(2025, 8, 26))


@pytest.mark.parametrize("header", ["observation_date", "DATE"])
def test_fred_csv(fake_market, header):
    server, url = fake_market
    server.fred_header = header
    series = FredCsvProvider(url).fetch_series("DGS10", date(2025, 8, 20), date(2025, 8, 29))
    assert series.index.min() >= pd.Timestamp("2025-08-20") and len(series) >= 6
    assert series.notna().all()  # "." rows dropped
    assert server.requests[-1][1]["id"] == "DGS10"


def test_fred_unknown_series(fake_market):
    _, url = fake_market
    with pytest.raises(MarketDataError, match="NOSUCH.*HTTP 404"):
        FredCsvProvider(url).fetch_series("NOSUCH", date(2025, 8, 20), date(2025, 8, 29))


def _yfinance_shaped(md_bars: pd.DataFrame) -> pd.DataFrame:
    """The frame yfinance's Ticker.history(auto_adjust=False) returns: tz-aware index, title-case columns."""
    frame = md_bars.rename(columns={"open": "Open", "high": "High", "low": "Low", "close": "Close",
                                    "adj_close": "Adj Close", "volume": "Volume"})
    frame.index = frame.index.tz_localize("America/New_York")
    frame.index.name = "Date"
    return frame


def test_yfinance_frame_conversion(market_dir):
    from analyzer.market import MarketData
    real = MarketData.open(market_dir).bars("BA").loc["2025-08-20":"2025-08-26"]
    bars = frame_from_yfinance(_yfinance_shaped(real))
    pd.testing.assert_frame_equal(bars, real, check_freq=False)
    # download() of one ticker has (Price, Ticker) column levels
    multi = _yfinance_shaped(real)
    multi.columns = pd.MultiIndex.from_product([multi.columns, ["BA"]], names=["Price", "Ticker"])
    pd.testing.assert_frame_equal(frame_from_yfinance(multi), real, check_freq=False)


def test_yfinance_provider_retries_rate_limits(market_dir):
    from yfinance.exceptions import YFRateLimitError

    from analyzer.market import MarketData
    real = MarketData.open(market_dir).bars("BA").loc["2025-08-20":"2025-08-26"]
    calls: list[dict] = []

    def history(symbol, **kwargs):  # stands in for the internet only
        calls.append(kwargs)
        if len(calls) < 3:
            raise YFRateLimitError()
        return _yfinance_shaped(real)

    slept: list[float] = []
    bars = YFinanceProvider(history=history, sleep=slept.append, backoff=2).fetch_bars(
        "BA", date(2025, 8, 20), date(2025, 8, 26))
    assert bars.loc["2025-08-26", "close"] == 234.83 and slept == [2, 4]
    assert calls[-1]["end"] == date(2025, 8, 27)  # yfinance's end is exclusive


def test_yfinance_provider_does_not_retry_other_errors():
    def history(symbol, **kwargs):
        raise ValueError("no price data found")

    with pytest.raises(MarketDataError, match="no price data found"):
        YFinanceProvider(history=history, sleep=lambda s: None).fetch_bars("ZZZ", date(2025, 1, 2), date(2025, 1, 3))
