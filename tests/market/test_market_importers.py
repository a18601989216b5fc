"""CSV exports in Yahoo's two shapes and FRED's, merged into a market directory.

The exports are written at test time from the real shared data, in each tool's own format.
"""

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analyzer.errors import InputError
from analyzer.market import MarketData, session_change
from analyzer.market.importers import import_file, read_export


@pytest.fixture(scope="module")
def real(market_dir) -> MarketData:
    return MarketData.open(market_dir)


def write_yahoo_plain(path: Path, bars: pd.DataFrame) -> None:
    """Yahoo's web download: float32 noise, M/D/YYYY dates, a 'null' row and a Dividend row."""
    lines = ["Date,Open,High,Low,Close,Adj Close,Volume"]
    for ts, row in bars.iterrows():
        noisy = [float(np.float32(row[c])) for c in ("open", "high", "low", "close")]
        lines.append(f"{ts.month}/{ts.day}/{ts.year}," + ",".join(repr(v) for v in noisy)
                     + f",{float(np.float32(row['close']))!r},"
                     + ("0" if row["volume"] != row["volume"] else str(int(row["volume"]))))
    lines.insert(3, "8/23/2025,null,null,null,null,null,null")
    lines.insert(4, "8/22/2025,0.25 Dividend,,,,,")
    path.write_text("\n".join(lines) + "\n")


def test_yahoo_plain_export(tmp_path, real):
    src = tmp_path / "BA.csv"
    write_yahoo_plain(src, real.bars("BA").loc["2025-08-20":"2025-08-26"])
    export = read_export(src)
    assert export.shape == "yahoo" and list(export.bars) == ["BA"]
    target = tmp_path / "market"
    (result,) = import_file(target, src)
    assert result.added == 5 and result.path.name == "BA.csv.gz"
    md = MarketData.open(target)
    bars = md.bars("BA")
    assert bars.loc["2025-08-26", "close"] == 234.83  # float32 noise rounded away
    assert list(bars.index.date) == [date(2025, 8, d) for d in (20, 21, 22, 25, 26)]
    assert round(session_change(md, "BA", date(2025, 8, 26)).change_pct, 2) == 3.51
    # symbols.csv describes the new file; the registry knows the name
    row = pd.read_csv(target / "symbols.csv").set_index("symbol").loc["BA"]
    assert row["first_date"] == "2025-08-20" and row["rows"] == 5 and row["kind"] == "stock"
    assert md.registry.resolve("Boeing")[0].symbol == "BA"


def test_import_is_incremental_and_keeps_existing_rows(tmp_path, real):
    target = tmp_path / "market"
    first, second = tmp_path / "a" / "^RUT.csv", tmp_path / "b" / "^RUT.csv"
    first.parent.mkdir()
    second.parent.mkdir()
    rut = real.bars("^RUT")
    write_yahoo_plain(first, rut.loc["2025-08-20":"2025-08-25"])
    write_yahoo_plain(second, rut.loc["2025-08-22":"2025-08-27"])
    assert import_file(target, first)[0].added == 4
    again = import_file(target, second)[0]
    assert (again.added, again.kept) == (2, 4)
    bars = MarketData.open(target).bars("^RUT")
    assert bars.loc["2025-08-26", "close"] == 2358.60 and bars["adj_close"].isna().all()  # indices: no adj


def write_yfinance(path: Path, frames: dict[str, pd.DataFrame], ticker_first: bool = False) -> None:
    """yf.download([...], auto_adjust=False).to_csv(): Price and Ticker header rows, then Date."""
    fields = [("Adj Close", "adj_close"), ("Close", "close"), ("High", "high"), ("Low", "low"),
              ("Open", "open"), ("Volume", "volume")]
    columns = [(f, sym, col) for f, col in fields for sym in frames]
    price = "Price," + ",".join(f for f, _, _ in columns)
    ticker = "Ticker," + ",".join(s for _, s, _ in columns)
    lines = [ticker, price] if ticker_first else [price, ticker]
    lines.append("Date" + "," * len(columns))
    dates = sorted(set().union(*(f.index for f in frames.values())))
    for ts in dates:
        cells = []
        for _, sym, col in columns:
            value = frames[sym][col].get(ts, np.nan)
            cells.append("" if value != value else repr(float(np.float32(value))))
        lines.append(ts.strftime("%Y-%m-%d") + "," + ",".join(cells))
    path.write_text("\n".join(lines) + "\n")


@pytest.mark.parametrize("ticker_first", [False, True])
def test_yfinance_multi_header_export(tmp_path, real, ticker_first):
    src = tmp_path / "download.csv"
    write_yfinance(src, {"RSP": real.bars("RSP").loc["2025-08-20":"2025-08-26"],
                         "^GSPC": real.bars("^GSPC").loc["2025-08-20":"2025-08-26"]}, ticker_first)
    export = read_export(src)
    assert export.shape == "yfinance" and sorted(export.bars) == ["RSP", "^GSPC"]
    target = tmp_path / "market"
    results = {r.symbol: r for r in import_file(target, src)}
    assert results["RSP"].added == 5 and results["^GSPC"].added == 5
    md = MarketData.open(target)
    rsp = session_change(md, "RSP", date(2025, 8, 22))
    assert rsp.series == "adj_close" and round(rsp.change_pct, 2) == 1.95
    assert md.source_of("^GSPC") == "daily/IDX_GSPC.csv.gz"
    assert round(session_change(md, "^GSPC", date(2025, 8, 26)).change_pct, 2) == 0.41


@pytest.mark.parametrize("header", ["DATE,VALUE", "DATE,DGS10", "observation_date,DGS10"])
def test_fred_export(tmp_path, real, header):
    values = real.series("DGS10").loc["2025-08-20":"2025-08-29"]
    lines = [header] + [f"{ts.date().isoformat()},{v:g}" for ts, v in values.items()]
    lines.insert(2, "2025-09-01,.")  # Labor Day, as FRED marks it
    src = tmp_path / "DGS10.csv"
    src.write_text("\n".join(lines) + "\n")
    export = read_export(src)
    assert export.shape == "fred" and list(export.series) == ["DGS10"]
    target = tmp_path / "market"
    (result,) = import_file(target, src)
    assert result.added == len(values)
    pd.testing.assert_series_equal(MarketData.open(target).series("DGS10"), values, check_names=False,
                                   check_freq=False)


def test_unrecognised_and_broken_files_name_the_file(tmp_path):
    odd = tmp_path / "notes.csv"
    odd.write_text("name,colour\nfoo,blue\n")
    with pytest.raises(InputError, match="notes.csv: not a Yahoo"):
        read_export(odd)
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(InputError, match="empty.csv is empty"):
        read_export(empty)
    bad_date = tmp_path / "BA.csv"
    bad_date.write_text("Date,Open,High,Low,Close,Adj Close,Volume\nyesterday,1,1,1,1,1,1\n")
    with pytest.raises(InputError, match="unreadable date 'yesterday'"):
        read_export(bad_date)
    with pytest.raises(InputError, match="cannot read"):
        read_export(tmp_path / "missing.csv")
