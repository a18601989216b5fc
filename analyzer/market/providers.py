"""Online sources for users with internet: Yahoo Finance prices and FRED series.

* ``YahooChartProvider`` reads Yahoo's chart endpoint (``/v8/finance/chart/SYMBOL``), the one
  yfinance itself uses, with our own HTTP client: explicit timeouts, back-off on 429/5xx honouring
  Retry-After, and a base URL that tests point at a server on 127.0.0.1. It always keeps both the
  as-traded close and the adjusted close (the equivalent of yfinance's ``auto_adjust=False``).
* ``YFinanceProvider`` goes through the yfinance library (``auto_adjust=False``, ``actions=False``),
  retrying with back-off when Yahoo rate-limits. yfinance fetches cookies and a crumb from fixed
  yahoo.com addresses, so it cannot be pointed at a local server; its frame conversion is tested
  on yfinance's output shape, and the HTTP behaviour through ``YahooChartProvider``.
* ``FredCsvProvider`` reads FRED's CSV endpoint (``/graph/fredgraph.csv?id=...``).

Base URLs default to the public services and can be overridden with ``$ANALYZER_YAHOO_URL`` and
``$ANALYZER_FRED_URL`` (or the constructor).
"""

from __future__ import annotations

import email.utils
import io
import os
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

import httpx
import numpy as np
import pandas as pd

from analyzer.errors import MarketDataError
from analyzer.market.data import BAR_COLUMNS

YAHOO_URL = "https://query2.finance.yahoo.com"
FRED_URL = "https://fred.stlouisfed.org"
USER_AGENT = "analyzer/0.1 (market commentary fact-checker; +https://github.com/)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 120.0  # never sleep longer than this on one Retry-After


class PriceProvider(Protocol):
    name: str

    def fetch_bars(self, symbol: str, start: date, end: date) -> pd.DataFrame: ...


class SeriesProvider(Protocol):
    name: str

    def fetch_series(self, series_id: str, start: date, end: date) -> pd.Series: ...


def _retry_after_seconds(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value)
        if parsed is None:
            return None
        return max(0.0, (parsed - datetime.now(parsed.tzinfo)).total_seconds())


class _HttpSource:
    """GET with timeouts and back-off; subclasses say what they fetch."""

    def __init__(self, base_url: str, client: httpx.Client | None = None, max_retries: int = 4,
                 backoff: float = 1.0, timeout: float = 30.0, sleep: Callable[[float], None] = time.sleep) -> None:
        self.base_url = base_url.rstrip("/")
        self._client = client or httpx.Client(timeout=httpx.Timeout(timeout, connect=10.0),
                                              headers={"User-Agent": USER_AGENT}, follow_redirects=True)
        self.max_retries = max_retries
        self.backoff = backoff
        self._sleep = sleep

    def close(self) -> None:
        self._client.close()

    def _get(self, path: str, params: dict[str, str | int], what: str) -> httpx.Response:
        url = f"{self.base_url}{path}"
        for attempt in range(self.max_retries + 1):
            try:
                response = self._client.get(url, params=params)
            except httpx.TransportError as exc:
                if attempt == self.max_retries:
                    raise MarketDataError(f"{what}: cannot reach {url} ({type(exc).__name__}: {exc})") from exc
                self._sleep(self.backoff * 2 ** attempt)
                continue
            if response.status_code in RETRY_STATUSES and attempt < self.max_retries:
                wait = _retry_after_seconds(response)
                self._sleep(min(wait if wait is not None else self.backoff * 2 ** attempt, MAX_RETRY_AFTER))
                continue
            return response
        raise AssertionError("unreachable")  # the loop returns or raises


class YahooChartProvider(_HttpSource):
    name = "yahoo"

    def __init__(self, base_url: str | None = None, **kwargs) -> None:
        super().__init__(base_url or os.environ.get("ANALYZER_YAHOO_URL") or YAHOO_URL, **kwargs)

    def fetch_bars(self, symbol: str, start: date, end: date) -> pd.DataFrame:
        """Daily bars start..end (both included), as-traded and adjusted closes both kept."""
        new_york = ZoneInfo("America/New_York")
        period1 = int(datetime.combine(start, datetime.min.time(), new_york).timestamp())
        period2 = int(datetime.combine(end + timedelta(days=1), datetime.min.time(), new_york).timestamp())
        what = f"Yahoo prices for {symbol} {start.isoformat()}..{end.isoformat()}"
        response = self._get(f"/v8/finance/chart/{symbol}", {
            "period1": period1, "period2": period2, "interval": "1d", "events": "div,split",
            "includeAdjustedClose": "true"}, what)
        try:
            payload = response.json()
        except ValueError as exc:
            raise MarketDataError(f"{what}: HTTP {response.status_code}, not JSON") from exc
        return parse_chart_json(payload, symbol, what, response.status_code)


def parse_chart_json(payload: dict, symbol: str, what: str = "", status: int = 200) -> pd.DataFrame:
    """Bars from a Yahoo chart response (timestamps are session opens; dates are taken locally)."""
    chart = (payload or {}).get("chart") or {}
    error = chart.get("error")
    results = chart.get("result") or []
    if error or not results:
        detail = (error or {}).get("description") or (error or {}).get("code") or "no result"
        raise MarketDataError(f"{what or symbol}: Yahoo answered HTTP {status}: {detail}")
    result = results[0]
    stamps = result.get("timestamp") or []
    if not stamps:
        return pd.DataFrame(columns=list(BAR_COLUMNS), index=pd.DatetimeIndex([], name="date"), dtype="float64")
    tz = (result.get("meta") or {}).get("exchangeTimezoneName") or "America/New_York"
    days = pd.to_datetime(np.asarray(stamps, dtype="int64"), unit="s", utc=True).tz_convert(tz)
    index = pd.DatetimeIndex(days.tz_localize(None).normalize(), name="date")
    quote = ((result.get("indicators") or {}).get("quote") or [{}])[0]
    adj = ((result.get("indicators") or {}).get("adjclose") or [{}])[0].get("adjclose")

    def column(values: list | None) -> np.ndarray:
        if values is None:
            return np.full(len(index), np.nan)
        return np.array([np.nan if v is None else v for v in values], dtype="float64")

    frame = pd.DataFrame({"open": column(quote.get("open")), "high": column(quote.get("high")),
                          "low": column(quote.get("low")), "close": column(quote.get("close")),
                          "adj_close": column(adj), "volume": column(quote.get("volume"))}, index=index)
    return frame[~frame.index.duplicated(keep="last")]


class FredCsvProvider(_HttpSource):
    name = "fred"

    def __init__(self, base_url: str | None = None, **kwargs) -> None:
        super().__init__(base_url or os.environ.get("ANALYZER_FRED_URL") or FRED_URL, **kwargs)

    def fetch_series(self, series_id: str, start: date, end: date) -> pd.Series:
        what = f"FRED series {series_id} {start.isoformat()}..{end.isoformat()}"
        response = self._get("/graph/fredgraph.csv", {"id": series_id, "cosd": start.isoformat(),
                                                      "coed": end.isoformat()}, what)
        if response.status_code != 200:
            raise MarketDataError(f"{what}: HTTP {response.status_code} from {response.url}")
        text = response.text
        if not text.lower().startswith(("date,", "observation_date,")):
            raise MarketDataError(f"{what}: the answer is not FRED's date,value CSV ({text[:60]!r})")
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        values = pd.to_numeric(frame.iloc[:, 1].str.strip().replace({".": None, "": None}), errors="coerce")
        index = pd.DatetimeIndex(pd.to_datetime(frame.iloc[:, 0], format="%Y-%m-%d"), name="date")
        series = pd.Series(values.to_numpy(dtype="float64"), index=index, name=series_id).dropna()
        return series[(series.index >= pd.Timestamp(start)) & (series.index <= pd.Timestamp(end))]


class YFinanceProvider:
    """Prices through the yfinance library (always ``auto_adjust=False``)."""

    name = "yfinance"

    def __init__(self, max_retries: int = 4, backoff: float = 5.0,
                 sleep: Callable[[float], None] = time.sleep,
                 history: Callable[..., pd.DataFrame] | None = None) -> None:
        self.max_retries, self.backoff, self._sleep = max_retries, backoff, sleep
        self._history = history or _yfinance_history

    def fetch_bars(self, symbol: str, start: date, end: date) -> pd.DataFrame:
        what = f"yfinance prices for {symbol} {start.isoformat()}..{end.isoformat()}"
        for attempt in range(self.max_retries + 1):
            try:
                raw = self._history(symbol, start=start, end=end + timedelta(days=1))
                return frame_from_yfinance(raw)
            except Exception as exc:  # yfinance raises its own types, imported lazily
                if not _is_rate_limit(exc) or attempt == self.max_retries:
                    if isinstance(exc, MarketDataError):
                        raise
                    raise MarketDataError(f"{what}: {type(exc).__name__}: {exc}") from exc
                self._sleep(self.backoff * 2 ** attempt)
        raise AssertionError("unreachable")


def _is_rate_limit(exc: Exception) -> bool:
    return type(exc).__name__ == "YFRateLimitError" or "Too Many Requests" in str(exc)


def _yfinance_history(symbol: str, start: date, end: date) -> pd.DataFrame:
    try:
        import yfinance
    except ImportError as exc:  # pragma: no cover - yfinance is a dependency, but may be removed
        raise MarketDataError("the yfinance provider needs the yfinance package (pip install yfinance)") from exc
    return yfinance.Ticker(symbol).history(start=start.isoformat(), end=end.isoformat(), interval="1d",
                                           auto_adjust=False, actions=False, raise_errors=True)


def frame_from_yfinance(raw: pd.DataFrame) -> pd.DataFrame:
    """yfinance's history/download frame (one symbol) -> bars: dates local, both closes kept."""
    if isinstance(raw.columns, pd.MultiIndex):
        # download() of one ticker: (Price, Ticker) columns
        level = 0 if {"Close", "Open"} & set(raw.columns.get_level_values(0)) else 1
        raw = raw.droplevel(1 - level, axis=1)
    names = {"Open": "open", "High": "high", "Low": "low", "Close": "close", "Adj Close": "adj_close",
             "Volume": "volume"}
    if "Close" not in raw.columns:
        raise MarketDataError(f"yfinance returned no Close column (columns: {', '.join(map(str, raw.columns))})")
    frame = raw.rename(columns=names).reindex(columns=list(BAR_COLUMNS)).astype("float64")
    frame.columns = pd.Index(list(BAR_COLUMNS))
    index = pd.DatetimeIndex(raw.index)
    if index.tz is not None:
        index = index.tz_localize(None)
    frame.index = pd.DatetimeIndex(index.normalize(), name="date")
    return frame
