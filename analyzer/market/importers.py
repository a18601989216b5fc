"""CSV exports brought into a market directory: Yahoo's two shapes and FRED's.

* Yahoo plain (the web "Download" button, older pandas-datareader):
  ``Date,Open,High,Low,Close,Adj Close,Volume`` (Adj Close may be missing; "null" cells; M/D/YYYY dates;
  thousands separators).
* yfinance's multi-header CSV (``yf.download(...).to_csv()``): a "Price" row naming the fields, a
  "Ticker" row naming the symbol of each column (several symbols per file), then a "Date" row.
  yfinance also writes the two header rows the other way round (``group_by="ticker"``).
* FRED: ``DATE,VALUE``, ``DATE,<SERIES_ID>`` or ``observation_date,<SERIES_ID>``; "." for missing.

``read_export`` sniffs the shape and returns what the file holds; ``import_file`` merges it into a
market directory through ``store``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analyzer.errors import InputError
from analyzer.market import store
from analyzer.market.registry import InstrumentRegistry, normalize_symbol

_YAHOO_FIELDS = {"date": "date", "open": "open", "high": "high", "low": "low", "close": "close",
                 "adj close": "adj_close", "adj_close": "adj_close", "adjclose": "adj_close",
                 "volume": "volume"}
_FRED_DATE_COLUMNS = ("date", "observation_date")
_SERIES_ID = re.compile(r"^[A-Z0-9_]{2,30}$")


@dataclass
class Export:
    """What one CSV file holds: bars per symbol and/or FRED series."""

    path: Path
    shape: str  # yahoo | yfinance | fred
    bars: dict[str, pd.DataFrame] = field(default_factory=dict)
    series: dict[str, pd.Series] = field(default_factory=dict)


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if path.suffix == ".gz":
        import gzip

        try:
            raw = gzip.decompress(raw)
        except OSError as exc:
            raise InputError(f"{path}: not a readable gzip file ({exc})") from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _numbers(column: pd.Series) -> pd.Series:
    """Numbers as exports write them: "1,234.5", "null", "", non-breaking spaces."""
    text = column.astype("string").str.replace("\u00a0", "", regex=False).str.replace(",", "", regex=False)
    return pd.to_numeric(text.str.strip().replace({"null": None, "None": None, ".": None, "": None}),
                         errors="coerce").astype("float64")


def _dates(column: pd.Series, path: Path) -> pd.DatetimeIndex:
    text = column.astype("string").str.strip()
    # ISO, "2025-08-26 00:00:00-04:00" (yfinance with tz), M/D/YYYY, dd-Mon-yy
    parsed = pd.to_datetime(text.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    for fmt in ("%m/%d/%Y", "%d-%b-%y", "%d-%b-%Y", "%b %d, %Y"):
        missing = parsed.isna() & text.notna()
        if not missing.any():
            break
        parsed[missing] = pd.to_datetime(text[missing], format=fmt, errors="coerce")
    bad = parsed.isna() & text.notna() & (text != "")
    if bad.any():
        first = text[bad].iloc[0]
        raise InputError(f"{path}: unreadable date {first!r} ({int(bad.sum())} row(s))")
    return pd.DatetimeIndex(parsed, name="date")


def _sniff(lines: list[str], path: Path) -> str:
    if not lines:
        raise InputError(f"{path} is empty")
    first = [c.strip().lower() for c in next(csv.reader([lines[0]]))]
    if first and first[0] in ("price", "ticker") or (first and first[0] == "" and len(lines) > 2):
        return "yfinance"
    if first and first[0] in _FRED_DATE_COLUMNS and len(first) == 2:
        return "fred"
    if first and first[0] == "date" and {"close"} & set(first) or "adj close" in first:
        return "yahoo"
    raise InputError(f"{path}: not a Yahoo (Date,Open,High,Low,Close,Adj Close,Volume), yfinance "
                     f"(Price/Ticker header rows) or FRED (DATE,VALUE) CSV; header is {lines[0][:80]!r}")


def read_export(path: Path, symbol: str | None = None) -> Export:
    """Read one export; ``symbol`` names the instrument of a Yahoo plain file (default: file name)."""
    path = Path(path)
    text = _read_text(path)
    lines = [line for line in text.splitlines() if line.strip()]
    shape = _sniff(lines, path)
    if shape == "yahoo":
        return _read_yahoo(path, text, symbol)
    if shape == "yfinance":
        return _read_yfinance(path, lines)
    return _read_fred(path, text, symbol)


def _symbol_from_name(path: Path) -> str:
    stem = path.name.split(".")[0]
    return normalize_symbol(stem)


def _read_yahoo(path: Path, text: str, symbol: str | None) -> Export:
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    frame.columns = [c.strip().lower() for c in frame.columns]
    frame = frame.rename(columns={c: _YAHOO_FIELDS[c] for c in frame.columns if c in _YAHOO_FIELDS})
    # repeated header rows and "Dividend"/"Stock Split" event rows of the web export
    frame = frame[frame["date"].str.lower() != "date"]
    if "open" in frame.columns:
        frame = frame[~frame["open"].str.contains("dividend|split", case=False, na=False)]
    bars = _bars_from_columns(frame, path)
    return Export(path, "yahoo", bars={normalize_symbol(symbol) if symbol else _symbol_from_name(path): bars})


def _bars_from_columns(frame: pd.DataFrame, path: Path) -> pd.DataFrame:
    index = _dates(frame["date"], path)
    out = pd.DataFrame(index=index)
    for col in store.BAR_COLUMNS:
        out[col] = _numbers(frame[col]).to_numpy() if col in frame.columns else float("nan")
    return out[out.index.notna()]


def _read_yfinance(path: Path, lines: list[str]) -> Export:
    rows = list(csv.reader(lines))
    fields_row, tickers_row, body_start = _yfinance_headers(path, rows)
    body = rows[body_start:]
    if not body:
        raise InputError(f"{path}: no data rows")
    columns: dict[tuple[str, str], list[str]] = {}
    for j in range(1, len(fields_row)):
        field_name = _YAHOO_FIELDS.get(fields_row[j].strip().lower())
        ticker = tickers_row[j].strip() if j < len(tickers_row) else ""
        if field_name is None or field_name == "date":
            continue
        columns[(normalize_symbol(ticker) if ticker else _symbol_from_name(path), field_name)] = [
            r[j] if j < len(r) else "" for r in body]
    dates = _dates(pd.Series([r[0] for r in body]), path)
    bars: dict[str, pd.DataFrame] = {}
    for sym in dict.fromkeys(s for s, _ in columns):
        frame = pd.DataFrame(index=dates)
        for col in store.BAR_COLUMNS:
            values = columns.get((sym, col))
            frame[col] = _numbers(pd.Series(values)).to_numpy() if values is not None else float("nan")
        bars[sym] = frame
    return Export(path, "yfinance", bars=bars)


def _yfinance_headers(path: Path, rows: list[list[str]]) -> tuple[list[str], list[str], int]:
    """The field-name row, the ticker row (yfinance writes "Price" then "Ticker", either order) and where the
    data rows start (after an optional "Date" row)."""
    header_rows = []
    for row in rows:
        head = row[0].strip().lower() if row else ""
        if head in ("price", "ticker", "") and len(header_rows) < 2:
            header_rows.append(row)
            continue
        break
    if len(header_rows) < 2:
        raise InputError(f"{path}: yfinance CSV needs two header rows (Price and Ticker)")
    first_head = header_rows[0][0].strip().lower()
    fields_row, tickers_row = (header_rows[1], header_rows[0]) if first_head == "ticker" else header_rows
    body_start = len(header_rows)
    if body_start < len(rows) and rows[body_start] and rows[body_start][0].strip().lower() in ("date", "datetime"):
        body_start += 1
    return fields_row, tickers_row, body_start


def _read_fred(path: Path, text: str, name: str | None) -> Export:
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    date_col, value_col = frame.columns[0], frame.columns[1]
    series_id = name or (value_col.strip() if value_col.strip().upper() != "VALUE" else path.name.split(".")[0])
    if not _SERIES_ID.match(series_id.upper()):
        raise InputError(f"{path}: cannot tell the FRED series id (column {value_col!r}); pass it explicitly")
    values = _numbers(frame[value_col])
    series = pd.Series(values.to_numpy(), index=_dates(frame[date_col], path), name=series_id.upper()).dropna()
    return Export(path, "fred", series={series_id.upper(): series})


def import_file(market_dir: Path, path: Path, symbol: str | None = None,
                registry: InstrumentRegistry | None = None) -> list[store.MergeResult]:
    """Merge one export into ``market_dir``; returns one result per symbol or series written."""
    export = read_export(path, symbol)
    registry = registry or InstrumentRegistry.load(market_dir if Path(market_dir).is_dir() else None)
    results = []
    for sym, bars in export.bars.items():
        kind, name = _kind_and_name(registry, sym)
        results.append(store.merge_bars(market_dir, sym, bars, kind=kind, name=name,
                                        source=f"import {Path(path).name} ({export.shape})"))
    for series_id, values in export.series.items():
        results.append(store.merge_series(market_dir, series_id, values))
    return results


def _kind_and_name(registry: InstrumentRegistry, symbol: str) -> tuple[str, str | None]:
    if symbol in registry:
        info = registry.get(symbol)
        return info.kind, info.name
    return ("index" if symbol.startswith("^") else "stock"), None
