"""Writing into a market directory: new bars and series merged in, files replaced atomically.

Everything that brings data in (CSV imports, ``analyzer market update``) goes through here, so a
directory filled by a user has the same layout and the same rounding as ``../shared/data/market``:
open/high/low/close to 2 decimals (yields to 3), adj_close to 4, volume integer, values below 1.00
to 4 significant digits (float32 noise from Yahoo exports is removed, moves stay meaningful).
"""

from __future__ import annotations

import csv
import gzip
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analyzer.errors import MarketDataError
from analyzer.market.data import BAR_COLUMNS, file_stem, read_bars_csv, read_series_csv
from analyzer.market.registry import normalize_symbol

SYMBOLS_COLUMNS = ("symbol", "file", "name", "kind", "currency", "first_date", "last_date", "rows",
                   "close_from", "adj_close_from", "notes")


@dataclass(frozen=True)
class MergeResult:
    symbol: str
    path: Path
    added: int  # rows that were not there before
    kept: int  # rows already there (never overwritten: the directory's data wins)
    first: str | None
    last: str | None


def _round_price(values: pd.Series, decimals: int) -> pd.Series:
    """Round to ``decimals``, but keep 4 significant digits below 1.00 (sub-dollar split history)."""
    arr = values.to_numpy(dtype="float64")
    out = np.round(arr, decimals)
    small = np.abs(arr) < 1.0
    if small.any():
        with np.errstate(divide="ignore", invalid="ignore"):
            magnitude = np.floor(np.log10(np.abs(arr[small])))
        digits = np.where(np.isfinite(magnitude), 3 - magnitude, decimals).astype(int)
        out[small] = [round(v, int(d)) for v, d in zip(arr[small], digits, strict=True)]
    return pd.Series(out, index=values.index)


def clean_bars(frame: pd.DataFrame, kind: str = "stock") -> pd.DataFrame:
    """Normalise bars to the layout: columns, float dtype, rounding, rows without a price dropped."""
    frame = frame.reindex(columns=list(BAR_COLUMNS)).astype("float64")
    index = pd.DatetimeIndex(pd.to_datetime(frame.index))
    if index.tz is not None:
        index = index.tz_localize(None)  # keep the exchange-local wall date (Yahoo stamps local midnight)
    frame.index = pd.DatetimeIndex(index, name="date").normalize()
    decimals = 3 if kind == "yield" else 2
    for col in ("open", "high", "low", "close"):
        frame[col] = _round_price(frame[col], decimals)
    frame["adj_close"] = _round_price(frame["adj_close"], 4)
    frame["volume"] = frame["volume"].round()
    # a row is only worth keeping with a positive close (or, for adjusted-only data, adjusted close);
    # negative closes are real for a few series (WTI 2020-04-20) but those are FRED series, not bars
    usable = (frame["close"] > 0) | (frame["close"].isna() & (frame["adj_close"] > 0))
    frame = frame[usable]
    if kind in ("index", "volatility", "yield"):
        # indices carry no adjusted close; open=high=low=close means only the close was recorded
        frame["adj_close"] = np.nan
        placeholder = (frame["open"] == frame["close"]) & (frame["high"] == frame["close"]) & (
            frame["low"] == frame["close"])
        frame.loc[placeholder, ["open", "high", "low"]] = np.nan
        frame.loc[frame["volume"] == 0, "volume"] = np.nan
    return frame[~frame.index.duplicated(keep="last")].sort_index()


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _bars_csv_bytes(frame: pd.DataFrame) -> bytes:
    out = frame.copy()
    text = io.StringIO()
    out.index = out.index.strftime("%Y-%m-%d")
    # integers without ".0"; NaN as empty cells
    out["volume"] = out["volume"].astype("Int64")
    out.to_csv(text, index_label="date", float_format="%.10g")
    return text.getvalue().encode("utf-8")


def merge_bars(market_dir: Path, symbol: str, new: pd.DataFrame, kind: str = "stock", name: str | None = None,
               source: str = "") -> MergeResult:
    """Add the rows of ``new`` whose dates the symbol's file lacks; write daily/NAME.csv.gz."""
    market_dir = Path(market_dir)
    symbol = normalize_symbol(symbol)
    stem = file_stem(symbol)
    gz, plain = market_dir / "daily" / f"{stem}.csv.gz", market_dir / "daily" / f"{stem}.csv"
    existing_path = gz if gz.is_file() else plain if plain.is_file() else None
    existing = read_bars_csv(existing_path) if existing_path else pd.DataFrame(columns=list(BAR_COLUMNS))
    cleaned = clean_bars(new, kind)
    fresh = cleaned[~cleaned.index.isin(existing.index)]
    merged = pd.concat([existing, fresh]).sort_index() if len(existing) else fresh
    target = existing_path if existing_path is not None else gz
    if len(fresh) or existing_path is None:
        payload = _bars_csv_bytes(merged)
        _atomic_write(target, gzip.compress(payload, mtime=0) if target.suffix == ".gz" else payload)
        _update_symbols_csv(market_dir, symbol, target, merged, kind, name, source)
    first = merged.index[0].strftime("%Y-%m-%d") if len(merged) else None
    last = merged.index[-1].strftime("%Y-%m-%d") if len(merged) else None
    return MergeResult(symbol, target, added=len(fresh), kept=len(existing), first=first, last=last)


def merge_series(market_dir: Path, name: str, new: pd.Series) -> MergeResult:
    """Add observations of ``new`` whose dates series/NAME.csv lacks."""
    path = Path(market_dir) / "series" / f"{name}.csv"
    existing = read_series_csv(path) if path.is_file() else pd.Series(dtype="float64")
    new = pd.to_numeric(new, errors="coerce").dropna()
    new.index = pd.DatetimeIndex(pd.to_datetime(new.index), name="date").normalize()
    fresh = new[~new.index.isin(existing.index)]
    fresh = fresh[~fresh.index.duplicated(keep="last")]
    merged = pd.concat([existing, fresh]).sort_index() if len(existing) else fresh.sort_index()
    if len(fresh) or not path.is_file():
        text = io.StringIO()
        frame = pd.DataFrame({"value": merged.to_numpy()}, index=merged.index.strftime("%Y-%m-%d"))
        frame.to_csv(text, index_label="date", float_format="%.10g")
        _atomic_write(path, text.getvalue().encode("utf-8"))
    first = merged.index[0].strftime("%Y-%m-%d") if len(merged) else None
    last = merged.index[-1].strftime("%Y-%m-%d") if len(merged) else None
    return MergeResult(name, path, added=len(fresh), kept=len(existing), first=first, last=last)


def last_bar_date(market_dir: Path, symbol: str) -> pd.Timestamp | None:
    stem = file_stem(symbol)
    for candidate in (f"{stem}.csv.gz", f"{stem}.csv"):
        path = Path(market_dir) / "daily" / candidate
        if path.is_file():
            frame = read_bars_csv(path)
            return frame.index[-1] if len(frame) else None
    return None


def last_series_date(market_dir: Path, name: str) -> pd.Timestamp | None:
    path = Path(market_dir) / "series" / f"{name}.csv"
    if not path.is_file():
        return None
    series = read_series_csv(path)
    return series.index[-1] if len(series) else None


def _update_symbols_csv(market_dir: Path, symbol: str, path: Path, frame: pd.DataFrame, kind: str,
                        name: str | None, source: str) -> None:
    """Keep symbols.csv describing every daily file (coverage, row count, where the data came from)."""
    index_path = market_dir / "symbols.csv"
    rows = _read_symbols_csv(index_path)
    row = next((r for r in rows if r.get("symbol") == symbol), None)
    if row is None:
        row = {c: "" for c in SYMBOLS_COLUMNS}
        rows.append(row)
    row.update({
        "symbol": symbol, "file": path.relative_to(market_dir).as_posix(),
        "name": row.get("name") or name or symbol, "kind": row.get("kind") or kind,
        "currency": row.get("currency") or ("" if kind in ("volatility", "yield") else "USD"),
        "first_date": frame.index[0].strftime("%Y-%m-%d") if len(frame) else "",
        "last_date": frame.index[-1].strftime("%Y-%m-%d") if len(frame) else "",
        "rows": str(len(frame)),
    })
    if source:
        # each column names every source that gave it values, once
        for column, field in (("close", "close_from"), ("adj_close", "adj_close_from")):
            if frame[column].notna().any() and source not in (row.get(field) or ""):
                row[field] = "; ".join(filter(None, [row.get(field), source]))
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(SYMBOLS_COLUMNS), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    _atomic_write(index_path, text.getvalue().encode("utf-8"))


def _read_symbols_csv(index_path: Path) -> list[dict[str, str]]:
    if not index_path.is_file():
        return []
    try:
        with index_path.open(newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    except OSError as exc:
        raise MarketDataError(f"cannot read {index_path}: {exc}") from exc
