"""MarketData: opening a directory, reading bars and series, choosing the price column."""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from analyzer.errors import MarketDataError
from analyzer.market import MarketData


def test_open_errors_name_the_path(tmp_path, monkeypatch):
    with pytest.raises(MarketDataError, match="nowhere"):
        MarketData.open(tmp_path / "nowhere")
    with pytest.raises(MarketDataError, match="neither daily/ nor series/"):
        MarketData.open(tmp_path)
    monkeypatch.delenv("ANALYZER_MARKET_DIR", raising=False)
    with pytest.raises(MarketDataError, match="ANALYZER_MARKET_DIR"):
        MarketData.open()


def test_open_from_environment(market_dir, monkeypatch):
    monkeypatch.setenv("ANALYZER_MARKET_DIR", str(market_dir))
    assert MarketData.open().directory == market_dir


def test_bars_shape_and_laziness(market_dir):
    md = MarketData.open(market_dir)
    bars = md.bars("^RUT")
    assert list(bars.columns) == ["open", "high", "low", "close", "adj_close", "volume"]
    assert bars.index.name == "date" and bars.index.tz is None and bars.index.is_monotonic_increasing
    assert all(dtype == np.float64 for dtype in bars.dtypes)
    assert md.bars("^RUT") is bars  # cached
    assert set(md._bars) == {"^RUT"}  # nothing else loaded
    assert md.source_of("^RUT") == "daily/IDX_RUT.csv.gz"
    assert md.source_of("brk.b") == "daily/BRK-B.csv.gz"


def test_unknown_symbol(market_dir):
    with pytest.raises(MarketDataError, match=r"'ZZZZ'.*daily/ZZZZ.csv.gz"):
        MarketData.open(market_dir).bars("ZZZZ")


def test_plain_csv_is_accepted(tmp_path, market_dir):
    (tmp_path / "daily").mkdir()
    MarketData.open(market_dir).bars("^VIX").loc["2020-03-09":"2020-03-20"].to_csv(
        tmp_path / "daily" / "IDX_VIX.csv", index_label="date")
    md = MarketData.open(tmp_path)
    assert md.source_of("^VIX") == "daily/IDX_VIX.csv"
    assert md.bars("^VIX").loc["2020-03-16", "close"] == 82.69  # the VIX's record close


def test_series(market_dir):
    md = MarketData.open(market_dir)
    wti = md.series("DCOILWTICO")
    assert wti.loc["2020-04-20"] == -36.98 and wti.index.is_monotonic_increasing
    with pytest.raises(MarketDataError, match="NOSUCH"):
        md.series("NOSUCH")


def test_price_series_says_which_column(market_dir):
    md = MarketData.open(market_dir)
    s, col = md.price_series("^GSPC")
    assert col == "close" and s.loc["2008-09-29"] == 1106.42
    s, col = md.price_series("RSP", start=date(2025, 8, 1), end=date(2025, 8, 29))
    assert col == "adj_close"
    s, col = md.price_series("RSP", start=date(2008, 9, 1), end=date(2008, 9, 30))
    assert col == "close"
    s, col = md.price_series("BA", basis="total_return", start=date(2025, 8, 1), end=date(2025, 8, 29))
    assert col == "adj_close" and isinstance(s.index, pd.DatetimeIndex)
