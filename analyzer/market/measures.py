"""The measures claims need, computed from the rows actually in the data.

The NYSE calendar decides only whether a date was a session (so a claim about a holiday gets a
reason, and a session without a row is reported as a gap); every change is measured between rows
of the data. Each function raises a ``MarketDataError`` subclass naming the symbol and the date when
the data cannot answer: ``NotASessionError``, ``DataGapError`` or ``OutOfRangeError``.

Price basis: "price" measures as-traded closes (what newswires quote), "total_return" adjusted
closes; ``Change.series`` says which column was used ("close", "adj_close", or "value" for a FRED
series), since ETFs and older stock history only carry adjusted closes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import numpy as np
import pandas as pd

from analyzer.errors import MarketDataError
from analyzer.market import calendar
from analyzer.market.data import MarketData, PriceTrack
from analyzer.market.exceptions import DataGapError, NotASessionError, OutOfRangeError

PERIODS = ("day", "week", "month", "ytd", "year")
# gap notes need a reliable calendar: before 1953 the NYSE also traded on (some) Saturdays
_GAP_CHECK_FROM = date(1953, 1, 1)


@dataclass(frozen=True)
class Change:
    """A move between two closes, with the figures and the data they came from."""

    symbol: str
    series: str  # column used: close | adj_close | value
    source: str  # file relative to the market directory
    start_session: date  # the close the change is measured from
    end_session: date
    start_value: float
    end_value: float
    change_points: float
    change_pct: float
    basis: str = "price"
    notes: tuple[str, ...] = field(default_factory=tuple)  # gaps and other caveats, in words

    @property
    def direction(self) -> str:
        return "up" if self.change_points > 0 else "down" if self.change_points < 0 else "flat"


# -- locating rows ------------------------------------------------------------------------------

def _as_day(value: date | str | pd.Timestamp) -> date:
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, str):
        return date.fromisoformat(value)
    return value.date() if hasattr(value, "hour") else value


def _row(track: PriceTrack, day: date) -> int:
    """Position of ``day``'s row, or the precise reason there is none."""
    pos = track.position(day)
    if pos is not None:
        return pos
    if day < track.first_day or day > track.last_day:
        raise OutOfRangeError(track.symbol, day, track.first_day, track.last_day, track.source)
    if not calendar.is_session(day):
        raise NotASessionError(track.symbol, day, calendar.why_not_a_session(day) or "not a session")
    raise DataGapError(track.symbol, day, track.source)


def _base_row(track: PriceTrack, before_or_on: date, end_day: date, what: str) -> int:
    pos = track.position_on_or_before(before_or_on)
    if pos is None:
        raise OutOfRangeError(track.symbol, before_or_on, track.first_day, track.last_day, track.source,
                              what=f"no close on or before it to measure {what} from")
    return pos


def _gap_notes(track: PriceTrack, start_pos: int, end_pos: int) -> tuple[str, ...]:
    start, end = track.day(start_pos), track.day(end_pos)
    if start < _GAP_CHECK_FROM or end_pos - start_pos > 1 and (end - start).days > 400:
        return ()
    # fast path: as many rows as sessions means no gap (rows are sessions in this layout)
    if calendar.session_count(start, end) <= end_pos - start_pos + 1:
        return ()
    expected = calendar.sessions_between(start, end)
    have = set(track.days[start_pos:end_pos + 1].tolist())
    missing = [d for d in expected if d not in have]
    if not missing:
        return ()
    shown = ", ".join(d.isoformat() for d in missing[:3]) + (" ..." if len(missing) > 3 else "")
    return (f"{len(missing)} session(s) between {start.isoformat()} and {end.isoformat()} have no row in "
            f"{track.source} ({shown}): the change spans the gap",)


def _change(track: PriceTrack, start_pos: int, end_pos: int, basis: str) -> Change:
    start_value, end_value = float(track.values[start_pos]), float(track.values[end_pos])
    points = end_value - start_value
    pct = points / abs(start_value) * 100.0 if start_value != 0 else float("nan")
    return Change(symbol=track.symbol, series=track.column, source=track.source,
                  start_session=track.day(start_pos), end_session=track.day(end_pos),
                  start_value=start_value, end_value=end_value, change_points=round(points, 6),
                  change_pct=pct, basis=basis, notes=_gap_notes(track, start_pos, end_pos))


# -- changes ------------------------------------------------------------------------------------

def session_change(md: MarketData, symbol: str, session: date, basis: str = "price") -> Change:
    """The session's close against the previous row's close."""
    session = _as_day(session)
    track = md.price_track(symbol, basis, start=session - timedelta(days=1), end=session)
    end = _row(track, session)
    if end == 0:
        raise OutOfRangeError(track.symbol, session, track.first_day, track.last_day, track.source,
                              what="the first row: no previous close")
    return _change(track, end - 1, end, basis)


def period_change(md: MarketData, symbol: str, start: date, end: date, basis: str = "price") -> Change:
    """From the close on or before ``start`` to the close on ``end``."""
    start, end = _as_day(start), _as_day(end)
    if end < start:
        raise ValueError(f"period end {end} is before its start {start}")
    track = md.price_track(symbol, basis, start=start, end=end)
    end_pos = _row(track, end)
    start_pos = _base_row(track, start, end, "the change")
    return _change(track, start_pos, end_pos, basis)


def _change_from_base(md: MarketData, symbol: str, session: date, base_on_or_before: date, basis: str,
                      what: str) -> Change:
    track = md.price_track(symbol, basis, start=base_on_or_before, end=session)
    end_pos = _row(track, session)
    start_pos = _base_row(track, base_on_or_before, session, what)
    return _change(track, start_pos, end_pos, basis)


def week_change(md: MarketData, symbol: str, session: date, basis: str = "price") -> Change:
    """From the last close of the previous calendar week to the session's close."""
    session = _as_day(session)
    monday = session - timedelta(days=session.weekday())
    return _change_from_base(md, symbol, session, monday - timedelta(days=1), basis, "the week's change")


def month_change(md: MarketData, symbol: str, session: date, basis: str = "price") -> Change:
    """From the last close of the previous calendar month to the session's close."""
    session = _as_day(session)
    return _change_from_base(md, symbol, session, session.replace(day=1) - timedelta(days=1), basis,
                             "the month's change")


def ytd_change(md: MarketData, symbol: str, session: date, basis: str = "price") -> Change:
    """Year to date: from the last close of the previous year to the session's close."""
    session = _as_day(session)
    return _change_from_base(md, symbol, session, date(session.year - 1, 12, 31), basis,
                             "the year-to-date change")


def year_change(md: MarketData, symbol: str, session: date, basis: str = "price") -> Change:
    """Over twelve months: from the close on or before the same date a year earlier."""
    session = _as_day(session)
    try:
        year_ago = session.replace(year=session.year - 1)
    except ValueError:  # 29 February
        year_ago = session.replace(year=session.year - 1, day=28)
    return _change_from_base(md, symbol, session, year_ago, basis, "the 12-month change")


def quarter_change(md: MarketData, symbol: str, session: date, basis: str = "price") -> Change:
    """Quarter to date: from the last close of the previous calendar quarter to the session's close."""
    session = _as_day(session)
    first_month = 3 * ((session.month - 1) // 3) + 1
    return _change_from_base(md, symbol, session, session.replace(month=first_month, day=1) - timedelta(days=1),
                             basis, "the quarter's change")


def calendar_year_change(md: MarketData, symbol: str, year: int, basis: str = "price") -> Change:
    """One whole calendar year: from the last close of ``year - 1`` to the last close of ``year``."""
    track = md.price_track(symbol, basis, start=date(year - 1, 12, 1), end=date(year, 12, 31))
    end_pos = track.position_on_or_before(date(year, 12, 31))
    if end_pos is None or track.day(end_pos).year != year:
        raise OutOfRangeError(track.symbol, date(year, 12, 31), track.first_day, track.last_day, track.source,
                              what=f"no close in {year}")
    start_pos = _base_row(track, date(year - 1, 12, 31), date(year, 12, 31), f"the change over {year}")
    return _change(track, start_pos, end_pos, basis)


def change_from_extreme(md: MarketData, symbol: str, session: date, side: str, days_back: int,
                        basis: str = "price") -> Change:
    """'Up 60% from its March low': from the lowest (or highest) close of the ``days_back`` days before the
    session to the session's close."""
    if side not in ("low", "high"):
        raise ValueError(f"side must be 'low' or 'high', got {side!r}")
    session = _as_day(session)
    track = md.price_track(symbol, basis, start=session - timedelta(days=days_back), end=session)
    end_pos = _row(track, session)
    lo = int(np.searchsorted(track.days, np.datetime64(session - timedelta(days=days_back), "D")))
    window = track.values[lo:end_pos]
    if len(window) == 0:
        raise OutOfRangeError(track.symbol, session, track.first_day, track.last_day, track.source,
                              what="no earlier close in the window")
    start_pos = lo + int(np.argmin(window) if side == "low" else np.argmax(window))
    return _change(track, start_pos, end_pos, basis)


def change_from_extreme_between(md: MarketData, symbol: str, first: date, last: date, session: date, side: str,
                                basis: str = "price") -> Change:
    """'Up about 50 percent since March' in a rally off that month's low: from the lowest (or highest) close
    between ``first`` and ``last`` (before the session) to the session's close."""
    if side not in ("low", "high"):
        raise ValueError(f"side must be 'low' or 'high', got {side!r}")
    first, last, session = _as_day(first), _as_day(last), _as_day(session)
    track = md.price_track(symbol, basis, start=first, end=session)
    end_pos = _row(track, session)
    lo = int(np.searchsorted(track.days, np.datetime64(first, "D")))
    hi = min(end_pos, int(np.searchsorted(track.days, np.datetime64(last, "D"), side="right")))
    window = track.values[lo:hi]
    if len(window) == 0:
        raise OutOfRangeError(track.symbol, session, track.first_day, track.last_day, track.source,
                              what="no earlier close in the window")
    start_pos = lo + int(np.argmin(window) if side == "low" else np.argmax(window))
    return _change(track, start_pos, end_pos, basis)


def change_from_session_extreme(md: MarketData, symbol: str, day: date, session: date, side: str) -> Change:
    """'Up 5.9% from the November 21 low': from that session's intraday low (or high) to the session's close."""
    day, session = _as_day(day), _as_day(session)
    extreme = session_range(md, symbol, day).get(side)
    if extreme is None:
        raise MarketDataError(f"{symbol}: {md.source_of(symbol)} has no {side} for {day.isoformat()}")
    base = period_change(md, symbol, day, session)
    points = base.end_value - extreme
    return replace(base, start_session=day, start_value=extreme, change_points=round(points, 6),
                   change_pct=points / abs(extreme) * 100.0, series=f"{side}->{base.series}")


def change_for_period(md: MarketData, symbol: str, session: date, period: str,
                      basis: str = "price") -> Change:
    """The change a claim's ``period`` (day|week|month|ytd|year) asks for, ending at ``session``."""
    measures = {"day": session_change, "week": week_change, "month": month_change, "ytd": ytd_change,
                "year": year_change}
    if period not in measures:
        raise ValueError(f"period must be one of {', '.join(measures)}, got {period!r}")
    return measures[period](md, symbol, session, basis)


def session_changes(md: MarketData, symbol: str, sessions: list[date], basis: str = "price") -> pd.DataFrame:
    """Close-to-close changes for many sessions at once (vectorised); rows without data are NaN.

    Columns: prev_session, prev_close, close, change_points, change_pct, indexed by session.
    """
    track = md.price_track(symbol, basis)
    keys = np.array([np.datetime64(_as_day(d), "D") for d in sessions], dtype="datetime64[D]")
    pos = np.searchsorted(track.days, keys)
    found = (pos < len(track.days)) & (pos > 0)
    found[found] = track.days[pos[found]] == keys[found]
    safe = np.where(found, pos, 1)
    close = np.where(found, track.values[safe], np.nan)
    prev = np.where(found, track.values[safe - 1], np.nan)
    prev_day = np.where(found, track.days[safe - 1], np.datetime64("NaT"))
    with np.errstate(invalid="ignore", divide="ignore"):
        pct = (close - prev) / np.abs(prev) * 100.0
    return pd.DataFrame({"prev_session": prev_day, "prev_close": prev, "close": close,
                         "change_points": close - prev, "change_pct": pct},
                        index=pd.DatetimeIndex(keys.astype("datetime64[ns]"), name="session"))


# -- the session's range ------------------------------------------------------------------------

def session_range(md: MarketData, symbol: str, session: date) -> dict[str, float]:
    """The session's open/high/low/close as recorded (keys only for known values)."""
    session = _as_day(session)
    bars = md.bars(symbol)
    ts = pd.Timestamp(session)
    if ts not in bars.index:
        _row(md.price_track(symbol, "price", start=session, end=session), session)  # raises with the reason
        raise DataGapError(symbol, session, md.source_of(symbol))
    row = bars.loc[ts]
    out = {k: float(row[k]) for k in ("open", "high", "low", "close") if not np.isnan(row[k])}
    if not out:
        raise MarketDataError(f"{symbol}: {md.source_of(symbol)} has no open/high/low/close for "
                              f"{session.isoformat()}, only an adjusted close")
    return out


# -- records, streaks, best/worst ---------------------------------------------------------------

def last_close_beyond(md: MarketData, symbol: str, session: date, level: float, side: str = "above") -> dict:
    """'The Dow ended above 9,000 for the first time since early January': the session's close, whether it
    is beyond ``level``, and the last earlier session whose close was (None if no earlier close was)."""
    if side not in ("above", "below"):
        raise ValueError(f"side must be 'above' or 'below', got {side!r}")
    session = _as_day(session)
    track = md.price_track(symbol, "price", end=session)
    end = _row(track, session)
    earlier = track.values[:end]
    hits = np.flatnonzero(earlier > level if side == "above" else earlier < level)
    close = float(track.values[end])
    return {
        "close": close,
        "beyond": bool(close > level if side == "above" else close < level),
        "last_beyond": track.day(int(hits[-1])) if len(hits) else None,
        "first_data": track.first_day,
        "series": track.column,
        "source": track.source,
    }


def record_status(md: MarketData, symbol: str, session: date, side: str = "high",
                  weeks: int | None = None, basis: str = "price") -> dict:
    """Is the session's close the highest (or lowest) close all-time or in the trailing ``weeks``?

    Returns is_record (strictly beyond every earlier close in the window), ties_record,
    close, previous_record and previous_record_session (the earlier extreme, its latest session),
    since (the last earlier session with a close at least as extreme: "highest since ..."; None if
    none in the window), window_start, first_data (records only reach back as far as the data),
    series and source.
    """
    if side not in ("high", "low"):
        raise ValueError(f"side must be 'high' or 'low', got {side!r}")
    session = _as_day(session)
    window_start = session - timedelta(weeks=weeks) if weeks else None
    track = md.price_track(symbol, basis, start=window_start, end=session)
    end = _row(track, session)
    lo = int(np.searchsorted(track.days, np.datetime64(window_start, "D"))) if window_start else 0
    earlier = track.values[lo:end]
    if len(earlier) == 0:
        raise OutOfRangeError(track.symbol, session, track.first_day, track.last_day, track.source,
                              what="no earlier close to compare with")
    close = float(track.values[end])
    if side == "high":
        extreme = float(earlier.max())
        beyond, at_least = close > extreme, earlier >= close
    else:
        extreme = float(earlier.min())
        beyond, at_least = close < extreme, earlier <= close
    extreme_pos = lo + int(np.flatnonzero(earlier == extreme)[-1])
    since_hits = np.flatnonzero(at_least)
    return {
        "is_record": bool(beyond),
        "ties_record": bool(close == extreme),
        "close": close,
        "previous_record": extreme,
        "previous_record_session": track.day(extreme_pos),
        "since": track.day(lo + int(since_hits[-1])) if len(since_hits) else None,
        "window_start": track.day(lo),
        "first_data": track.first_day,
        "side": side,
        "weeks": weeks,
        "series": track.column,
        "source": track.source,
    }


def _weekly(track: PriceTrack, end: int) -> tuple[np.ndarray, np.ndarray]:
    """Last row of each calendar week up to row ``end`` (the session's week ends at the session)."""
    days = track.days[:end + 1]
    # Monday of each row's week: numpy's day 0 (1970-01-01) was a Thursday
    weekday = (days.astype("int64") + 3) % 7
    return _last_of_each(track, end, days.astype("int64") - weekday)


def _monthly(track: PriceTrack, end: int) -> tuple[np.ndarray, np.ndarray]:
    """Last row of each calendar month up to row ``end`` (the session's month ends at the session)."""
    return _last_of_each(track, end, track.days[:end + 1].astype("datetime64[M]"))


def _last_of_each(track: PriceTrack, end: int, period: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The last row of each run of equal ``period`` keys (one key per row up to row ``end``)."""
    last = np.append(period[1:] != period[:-1], True)
    return track.days[:end + 1][last], track.values[:end + 1][last]


def _steps(track: PriceTrack, end: int, unit: str) -> tuple[np.ndarray, np.ndarray]:
    if unit == "day":
        return track.days[:end + 1], track.values[:end + 1]
    if unit == "week":
        return _weekly(track, end)
    if unit == "month":
        return _monthly(track, end)
    raise ValueError(f"unit must be 'day', 'week' or 'month', got {unit!r}")


# how far back a run is looked for: ~13 months of days or weeks; six years of months
RUN_LOOKBACK_DAYS = {"day": 400, "week": 400, "month": 6 * 366}


def streak(md: MarketData, symbol: str, session: date, unit: str = "day", basis: str = "price") -> dict:
    """The run of consecutive gains (or losses, or unchanged closes) ending at the session.

    Returns direction (up|down|flat), length (sessions, weeks or months), start (the close the run began
    from), unit, series and source. For unit="week" ("month") the session's week (month) counts up to the session.
    """
    session = _as_day(session)
    # choose the column by the last ~13 months only (six years for runs of months): runs are short, and a stock's
    # as-traded close (from 2015 here) should win over its adjusted close whenever it covers the run
    track = md.price_track(symbol, basis, start=session - timedelta(days=RUN_LOOKBACK_DAYS.get(unit, 400)),
                           end=session)
    end = _row(track, session)
    days, values = _steps(track, end, unit)
    if len(values) < 2:
        raise OutOfRangeError(track.symbol, session, track.first_day, track.last_day, track.source,
                              what="no earlier close to compare with")
    signs = np.sign(np.diff(values))
    last = signs[-1]
    breaks = np.flatnonzero(signs != last)
    length = len(signs) - (int(breaks[-1]) + 1 if len(breaks) else 0)
    direction = "up" if last > 0 else "down" if last < 0 else "flat"
    start_pos = len(values) - 1 - length
    return {"direction": direction, "length": int(length), "unit": unit,
            "start": days[start_pos].astype("datetime64[D]").item(),
            "reaches_first_data": not len(breaks), "series": track.column, "source": track.source}


def best_worst_since(md: MarketData, symbol: str, session: date, side: str = "best", unit: str = "day",
                     basis: str = "price", points: bool = False) -> dict:
    """Since when was there no better (or worse) day/week than this one?

    Returns change_pct (this session's or week's move; in points where ``points``), since (the last earlier
    session or week end with a move at least as big in that direction; None if none in the data), since_change_pct,
    periods_between (sessions or weeks strictly between), first_data, series and source.
    """
    if side not in ("best", "worst"):
        raise ValueError(f"side must be 'best' or 'worst', got {side!r}")
    session = _as_day(session)
    track = md.price_track(symbol, basis, end=session)
    end = _row(track, session)
    days, values = _steps(track, end, unit)
    if len(values) < 2:
        raise OutOfRangeError(track.symbol, session, track.first_day, track.last_day, track.source,
                              what="no earlier close to compare with")
    with np.errstate(invalid="ignore", divide="ignore"):
        # "its biggest weekly point loss": the change in points when the words measure it so
        pct = np.diff(values) if points else np.diff(values) / np.abs(values[:-1]) * 100.0
    current, earlier = float(pct[-1]), pct[:-1]
    hits = np.flatnonzero(earlier >= current if side == "best" else earlier <= current)
    since_idx = int(hits[-1]) if len(hits) else None
    return {
        "change_pct": current,
        "since": days[since_idx + 1].astype("datetime64[D]").item() if since_idx is not None else None,
        "since_change_pct": float(earlier[since_idx]) if since_idx is not None else None,
        "periods_between": (len(earlier) - since_idx - 1) if since_idx is not None else len(earlier),
        "first_data": track.first_day, "side": side, "unit": unit, "measure": "points" if points else "percent",
        "series": track.column, "source": track.source,
    }


def relative_performance(md: MarketData, symbol: str, others: list[str], start: date, end: date,
                         basis: str = "price") -> dict:
    """How ``symbol`` did against ``others`` over the same window.

    start == end means that one session (close-to-close); otherwise the window runs from the close on
    or before ``start`` to the close on ``end``. Returns change (a Change), others ({symbol: Change}),
    spread_pct ({symbol: our change_pct minus theirs}), outperformed and underperformed (symbols).
    """
    start, end = _as_day(start), _as_day(end)

    def measure(sym: str) -> Change:
        if start == end:
            return session_change(md, sym, end, basis)
        return period_change(md, sym, start, end, basis)

    ours = measure(symbol)
    theirs = {other: measure(other) for other in others}
    spread = {other: ours.change_pct - ch.change_pct for other, ch in theirs.items()}
    return {"change": ours, "others": theirs, "spread_pct": spread,
            "outperformed": [o for o, s in spread.items() if s > 0],
            "underperformed": [o for o, s in spread.items() if s < 0]}
