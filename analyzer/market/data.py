"""A local market-data directory, read lazily: only the symbols a run asks for are loaded, once.

Layout (that of ``../shared/data/market``)::

    daily/NAME.csv[.gz]   date,open,high,low,close,adj_close,volume  (NAME = symbol, ^ -> IDX_)
    series/NAME.csv       date,value  (FRED series ids)
    symbols.csv           symbol,file,name,kind,...
    constituents.csv      S&P 500 members
    fomc/                 meeting calendars and fomc_decisions.csv

``close`` holds as-traded closes, ``adj_close`` dividend-and-split adjusted ones; for most ETFs and
stocks only ``adj_close`` is known for some years. ``price_series`` chooses the column for a claim and
says which one it chose, so evidence can tell the reader.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from analyzer.errors import MarketDataError
from analyzer.market.registry import InstrumentRegistry, normalize_symbol

BAR_COLUMNS = ("open", "high", "low", "close", "adj_close", "volume")
PRICE_BASES = ("price", "total_return")
ENV_MARKET_DIR = "ANALYZER_MARKET_DIR"


def file_stem(symbol: str) -> str:
    """File name (without extension) of a symbol's daily bars: "^RUT" -> "IDX_RUT"."""
    symbol = normalize_symbol(symbol)
    return "IDX_" + symbol[1:] if symbol.startswith("^") else symbol


@dataclass(frozen=True)
class PriceTrack:
    """One symbol's chosen price column as plain arrays, for fast repeated look-ups by date."""

    symbol: str
    column: str  # "close", "adj_close" or "value" (a FRED series)
    source: str  # file relative to the market directory
    days: np.ndarray  # datetime64[D], ascending, only rows with a value
    values: np.ndarray  # float64

    def position(self, day: date) -> int | None:
        """Index of the row for ``day``, or None if the data has no value that day."""
        key = np.datetime64(day, "D")
        pos = int(np.searchsorted(self.days, key))
        return pos if pos < len(self.days) and self.days[pos] == key else None

    def position_on_or_before(self, day: date) -> int | None:
        pos = int(np.searchsorted(self.days, np.datetime64(day, "D"), side="right")) - 1
        return pos if pos >= 0 else None

    def day(self, pos: int) -> date:
        return self.days[pos].astype("datetime64[D]").item()

    @property
    def first_day(self) -> date:
        return self.day(0)

    @property
    def last_day(self) -> date:
        return self.day(len(self.days) - 1)


class MarketData:
    """Bars and series of one market directory, loaded on first use and cached."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._bars: dict[str, pd.DataFrame] = {}
        self._series: dict[str, pd.Series] = {}
        self._tracks: dict[tuple[str, str], PriceTrack | None] = {}
        self._registry: InstrumentRegistry | None = None
        self._policy = None
        self._lock = threading.RLock()

    @classmethod
    def open(cls, directory: str | Path | None = None) -> MarketData:
        """Open a market directory; ``None`` means ``$ANALYZER_MARKET_DIR``."""
        if directory is None:
            directory = os.environ.get(ENV_MARKET_DIR)
            if not directory:
                raise MarketDataError("no market data directory given: pass --market DIR or set "
                                      f"${ENV_MARKET_DIR}")
        path = Path(directory).expanduser()
        if not path.is_dir():
            raise MarketDataError(f"market data directory {path} does not exist or is not a directory")
        if not os.access(path, os.R_OK | os.X_OK):
            raise MarketDataError(f"market data directory {path} is not readable")
        if not (path / "daily").is_dir() and not (path / "series").is_dir():
            raise MarketDataError(f"{path} is not a market data directory: it has neither daily/ nor series/")
        return cls(path)

    # -- registry and policy --------------------------------------------------------------------
    @property
    def registry(self) -> InstrumentRegistry:
        if self._registry is None:
            with self._lock:
                if self._registry is None:
                    user_csv = self.directory / "aliases.csv"
                    self._registry = InstrumentRegistry.load(self.directory,
                                                             user_csv if user_csv.is_file() else None)
        return self._registry

    @property
    def policy(self):
        """The federal funds target history (``policy.PolicyHistory``), loaded on first use."""
        if self._policy is None:
            from analyzer.market.policy import PolicyHistory

            with self._lock:
                if self._policy is None:
                    self._policy = PolicyHistory.load(self.directory)
        return self._policy

    # -- files ----------------------------------------------------------------------------------
    def _daily_path(self, symbol: str) -> Path | None:
        stem = file_stem(symbol)
        for name in (f"{stem}.csv.gz", f"{stem}.csv"):
            path = self.directory / "daily" / name
            if path.is_file():
                return path
        return None

    def _series_path(self, name: str) -> Path | None:
        for candidate in (name, name.upper()):
            path = self.directory / "series" / f"{candidate}.csv"
            if path.is_file():
                return path
        return None

    def has_bars(self, symbol: str) -> bool:
        return self._daily_path(symbol) is not None

    def has_series(self, name: str) -> bool:
        return self._series_path(name) is not None

    def has_symbol(self, symbol: str) -> bool:
        """True if prices for ``symbol`` can be read: a daily file, or a FRED series of that name."""
        return self.has_bars(symbol) or self.has_series(symbol)

    def symbols(self) -> list[str]:
        """Symbols with a daily file in this directory."""
        daily = self.directory / "daily"
        if not daily.is_dir():
            return []
        stems = {p.name.split(".")[0] for p in daily.iterdir() if p.name.endswith((".csv", ".csv.gz"))}
        return sorted(normalize_symbol(s) for s in stems)

    def source_of(self, symbol: str) -> str:
        """The file a symbol's prices come from, relative to the directory (for evidence)."""
        path = self._daily_path(symbol) or self._series_path(symbol)
        if path is None:
            raise self._missing(symbol)
        return path.relative_to(self.directory).as_posix()

    def _missing(self, symbol: str) -> MarketDataError:
        stem = file_stem(symbol)
        return MarketDataError(f"no market data for {symbol!r} in {self.directory} (looked for "
                               f"daily/{stem}.csv.gz, daily/{stem}.csv and series/{symbol}.csv)")

    # -- bars and series ------------------------------------------------------------------------
    def bars(self, symbol: str) -> pd.DataFrame:
        """Daily bars: tz-naive DatetimeIndex "date" ascending; float columns open..volume, NaN unknown.

        A FRED series name (e.g. "DCOILWTICO") is accepted too: its values become the close column.
        """
        key = normalize_symbol(symbol)
        cached = self._bars.get(key)
        if cached is not None:
            return cached
        with self._lock:
            if key not in self._bars:
                path = self._daily_path(key)
                if path is not None:
                    self._bars[key] = read_bars_csv(path)
                elif self._series_path(symbol) is not None:
                    values = self.series(symbol)
                    frame = pd.DataFrame({c: np.nan for c in BAR_COLUMNS}, index=values.index)
                    frame["close"] = values.to_numpy(dtype="float64")
                    self._bars[key] = frame
                else:
                    raise self._missing(symbol)
            return self._bars[key]

    def series(self, name: str) -> pd.Series:
        """A FRED-style series (``series/NAME.csv``, columns date,value) as a float Series by date."""
        cached = self._series.get(name)
        if cached is not None:
            return cached
        with self._lock:
            if name not in self._series:
                path = self._series_path(name)
                if path is None:
                    raise MarketDataError(f"no series {name!r} in {self.directory / 'series'}")
                self._series[name] = read_series_csv(path)
            return self._series[name]

    def preload(self) -> int:
        """Load every daily file's bars and price columns now, once; the number of symbols loaded.

        What a long run does (the engine's PRELOAD_AFTER_ARTICLES): loading them one by one as claims name them,
        its memory would grow for hours. A file that cannot be read is left to fail where a claim asks for it.
        """
        loaded = 0
        for symbol in self.symbols():
            try:
                for column in ("close", "adj_close"):
                    self._track(symbol, column)
            except MarketDataError:
                continue
            loaded += 1
        return loaded

    def price_series(self, symbol: str, basis: str = "price", start: date | None = None,
                     end: date | None = None) -> tuple[pd.Series, str]:
        """The closes to measure ``symbol`` by, and the column they came from.

        basis "price": the as-traded ``close``; where close is empty over ``start..end`` (ETFs and
        most stocks before 2015 have adjusted closes only) ``adj_close`` stands in: its day-over-day
        moves equal price moves except on ex-dividend days. basis "total_return": ``adj_close`` where
        it has values, else ``close`` (indices carry no adjusted close).
        """
        track = self.price_track(symbol, basis, start, end)
        index = pd.DatetimeIndex(track.days.astype("datetime64[ns]"), name="date")
        series = pd.Series(track.values, index=index, name=track.column)
        return series, track.column

    def price_track(self, symbol: str, basis: str = "price", start: date | None = None,
                    end: date | None = None) -> PriceTrack:
        """Like ``price_series`` but as a ``PriceTrack`` (arrays), which the measures use."""
        if basis not in PRICE_BASES:
            raise ValueError(f"basis must be one of {PRICE_BASES}, got {basis!r}")
        preferred, fallback = ("close", "adj_close") if basis == "price" else ("adj_close", "close")
        first, second = self._track(symbol, preferred), self._track(symbol, fallback)
        if first is not None and (second is None or _covers(first, second, start, end)):
            return first
        if second is not None:
            return second
        raise MarketDataError(f"{symbol}: {self.source_of(symbol)} has no close or adjusted close values")

    def _track(self, symbol: str, column: str) -> PriceTrack | None:
        key = (normalize_symbol(symbol), column)
        if key in self._tracks:
            return self._tracks[key]
        frame = self.bars(symbol)
        values = frame[column].to_numpy(dtype="float64")
        keep = ~np.isnan(values)
        if not keep.any():
            track = None
        else:
            column_name = "value" if not self.has_bars(symbol) else column
            track = PriceTrack(symbol=key[0], column=column_name, source=self.source_of(symbol),
                               days=frame.index.to_numpy(dtype="datetime64[D]")[keep], values=values[keep])
        self._tracks[key] = track
        return track


def _covers(track: PriceTrack, other: PriceTrack, start: date | None, end: date | None) -> bool:
    """True if ``track`` has a value wherever ``other`` has one in the window a measure needs.

    The window is start..end plus the last row on or before ``start`` (the close a change is
    measured from); None means the whole history of ``other`` on that side.
    """
    lo = np.datetime64(start, "D") if start is not None else other.days[0]
    hi = np.datetime64(end, "D") if end is not None else other.days[-1]
    first = max(int(np.searchsorted(other.days, lo, side="right")) - 1, 0)
    last = int(np.searchsorted(other.days, hi, side="right"))
    needed = other.days[first:last]
    if len(needed) == 0:
        return bool(track.days[0] <= hi)
    return bool(np.isin(needed, track.days, assume_unique=True).all())


def read_bars_csv(path: Path) -> pd.DataFrame:
    """Read one daily file of the market layout into the bar frame (see ``MarketData.bars``)."""
    try:
        frame = pd.read_csv(path, dtype={c: "float64" for c in BAR_COLUMNS})
    except (OSError, ValueError, EOFError) as exc:
        raise MarketDataError(f"cannot read market data file {path}: {exc}") from exc
    if "date" not in frame.columns:
        raise MarketDataError(f"market data file {path} has no 'date' column "
                              f"(columns: {', '.join(frame.columns)})")
    try:
        index = pd.DatetimeIndex(pd.to_datetime(frame.pop("date"), format="ISO8601"), name="date")
    except (ValueError, TypeError) as exc:
        raise MarketDataError(f"market data file {path}: unreadable dates ({exc})") from exc
    frame.index = index
    frame = frame.reindex(columns=list(BAR_COLUMNS)).astype("float64")
    if not frame.index.is_monotonic_increasing or frame.index.has_duplicates:
        frame = frame[~frame.index.duplicated(keep="last")].sort_index()
    return frame


def read_series_csv(path: Path) -> pd.Series:
    """Read a ``date,value`` series (FRED's ``.`` for missing observations is dropped)."""
    try:
        frame = pd.read_csv(path, na_values=["."], keep_default_na=True)
    except (OSError, ValueError) as exc:
        raise MarketDataError(f"cannot read series file {path}: {exc}") from exc
    cols = {c.lower(): c for c in frame.columns}
    date_col = cols.get("date") or cols.get("observation_date")
    value_col = cols.get("value") or (frame.columns[1] if len(frame.columns) == 2 else None)
    if date_col is None or value_col is None:
        raise MarketDataError(f"series file {path} is not date,value (columns: {', '.join(frame.columns)})")
    values = pd.to_numeric(frame[value_col], errors="coerce")
    index = pd.DatetimeIndex(pd.to_datetime(frame[date_col], format="ISO8601"), name="date")
    series = pd.Series(values.to_numpy(dtype="float64"), index=index, name=path.stem).dropna()
    return series[~series.index.duplicated(keep="last")].sort_index()
