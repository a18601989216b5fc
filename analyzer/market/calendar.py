"""NYSE trading sessions: which days traded, when they closed, and which session a story describes.

Backed by exchange_calendars' XNYS calendar (holidays, early closes, ad-hoc closures such as
2001-09-11..14 and the days of mourning). Two limits of that calendar are handled here, explicitly:

* XNYS models a Monday-Friday week, but the NYSE also traded on Saturdays until 1952-05-24 (the Dow's
  history in our data has 2,601 Saturday rows). Before ``SATURDAY_TRADING_ENDED`` a Saturday that
  XNYS does not know is treated as a possible session; callers with price data should trust the data's
  own rows there (the measures do).
* Before ``CALENDAR_START`` there is no calendar at all: plain weekday logic is used (Mon-Sat, no
  holidays), and ``why_not_a_session`` says so rather than inventing a holiday name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

EXCHANGE = "XNYS"
NEW_YORK = ZoneInfo("America/New_York")
CALENDAR_START = date(1885, 1, 1)
# the last Saturday session of the NYSE; from 1952-09-29 the week is Monday-Friday
SATURDAY_TRADING_ENDED = date(1952, 5, 24)
REGULAR_OPEN = time(9, 30)
REGULAR_CLOSE = time(16, 0)

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class SessionRef:
    """The session a piece published at some moment describes, and whether that session was still open."""

    session: date
    intraday: bool


@lru_cache(maxsize=1)
def _calendar():
    import exchange_calendars as xcals  # imported lazily: building the calendar takes ~0.4 s

    # the default window is only the last 20 years; Reuters 1987 and the Dow's history need more
    return xcals.get_calendar(EXCHANGE, start=CALENDAR_START.isoformat())


@lru_cache(maxsize=1)
def _session_days() -> tuple[pd.DatetimeIndex, frozenset[date]]:
    sessions = _calendar().sessions
    return sessions, frozenset(ts.date() for ts in sessions)


@lru_cache(maxsize=1)
def _session_array() -> np.ndarray:
    """Session days as datetime64[D], for counting and slicing without pandas overhead."""
    return _session_days()[0].to_numpy(dtype="datetime64[D]")


def session_count(start: date, end: date) -> int:
    """How many sessions lie in start..end (both included); the fast path of gap checks."""
    start, end = _as_date(start), _as_date(end)
    if start <= SATURDAY_TRADING_ENDED:
        return len(sessions_between(start, end))
    _check_range(end)
    days = _session_array()
    lo = np.searchsorted(days, np.datetime64(start, "D"), side="left")
    hi = np.searchsorted(days, np.datetime64(end, "D"), side="right")
    return int(max(hi - lo, 0))


@lru_cache(maxsize=1)
def _holiday_names() -> dict[date, str]:
    cal = _calendar()
    start, end = cal.first_session, cal.last_session
    names: dict[date, str] = {}
    regular = cal.regular_holidays
    if regular is not None:
        for ts, name in regular.holidays(start, end, return_name=True).items():
            names[ts.date()] = str(name)
    for ts in cal.adhoc_holidays:
        names.setdefault(pd.Timestamp(ts).date(), "a special closure")
    return names


@lru_cache(maxsize=1)
def _early_closes() -> dict[date, time]:
    cal = _calendar()
    closes: dict[date, time] = {}
    for ts in cal.early_closes:
        day = pd.Timestamp(ts).date()
        closes[day] = cal.session_close(pd.Timestamp(day)).tz_convert(NEW_YORK).time()
    return closes


@lru_cache(maxsize=1)
def _last_known_day() -> date:  # a property of the calendar, read for every day checked
    return _calendar().last_session.date()


def _check_range(day: date) -> None:
    from analyzer.errors import MarketDataError

    if day > _last_known_day():
        raise MarketDataError(f"{day.isoformat()} is after the end of the NYSE calendar "
                              f"({_last_known_day().isoformat()}); update exchange_calendars")


def _before_five_day_week(day: date) -> bool:
    return day <= SATURDAY_TRADING_ENDED


def is_session(day: date) -> bool:
    """True if the NYSE traded on ``day`` (see the module notes for dates before 1952)."""
    day = _as_date(day)
    if day < CALENDAR_START:
        return day.weekday() < 6
    _check_range(day)
    if day in _session_days()[1]:
        return True
    # XNYS has no Saturdays; before 1952 a Saturday that is not a named holiday may have traded
    return _before_five_day_week(day) and day.weekday() == 5 and day not in _holiday_names()


def why_not_a_session(day: date) -> str | None:
    """Why the NYSE did not trade on ``day``, in words for an explanation; None if it did."""
    day = _as_date(day)
    if is_session(day):
        return None
    weekday = _WEEKDAY_NAMES[day.weekday()]
    holiday = _holiday_names().get(day)
    if holiday is not None and holiday != "a special closure":
        return f"an NYSE holiday ({holiday})"
    if holiday == "a special closure":
        return f"a day the NYSE was closed ({weekday}, a special closure)"
    if day.weekday() >= 5:
        return f"a weekend ({weekday})"
    return f"a day the NYSE was closed ({weekday})"


def previous_session(day: date, n: int = 1) -> date:
    """The ``n``-th session strictly before ``day``."""
    return _step(_as_date(day), -1, n)


def session_on_or_before(day: date) -> date:
    """``day`` if the NYSE traded on it, else the last session before it: the close a span ending on ``day`` ends at."""
    day = _as_date(day)
    return day if is_session(day) else previous_session(day)


def session_on_or_after(day: date) -> date:
    """``day`` if the NYSE traded on it, else the first session after it: the close a span starting on ``day``
    reaches first."""
    day = _as_date(day)
    return day if is_session(day) else next_session(day)


def next_session(day: date, n: int = 1) -> date:
    """The ``n``-th session strictly after ``day``."""
    return _step(_as_date(day), +1, n)


def _step(day: date, direction: int, n: int) -> date:
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    if day >= CALENDAR_START and day > SATURDAY_TRADING_ENDED:
        sessions, _ = _session_days()
        ts = pd.Timestamp(day)
        if direction < 0:
            pos = sessions.searchsorted(ts, side="left") - n
        else:
            pos = sessions.searchsorted(ts, side="right") + n - 1
        if 0 <= pos < len(sessions) and sessions[pos].date() > SATURDAY_TRADING_ENDED:
            return sessions[pos].date()
        if pos >= len(sessions):
            _check_range(day + timedelta(days=3650))
    # early history: walk day by day (cheap for the few steps claims ask for)
    current, found = day, 0
    while found < n:
        current += timedelta(days=direction)
        if is_session(current):
            found += 1
    return current


def sessions_between(start: date, end: date) -> list[date]:
    """All sessions from ``start`` to ``end``, both included."""
    start, end = _as_date(start), _as_date(end)
    if end < start:
        return []
    if start > SATURDAY_TRADING_ENDED:
        _check_range(end)
        days = _session_array()
        lo = np.searchsorted(days, np.datetime64(start, "D"), side="left")
        hi = np.searchsorted(days, np.datetime64(end, "D"), side="right")
        return days[lo:hi].tolist()
    days = (start + timedelta(days=i) for i in range((end - start).days + 1))
    return [d for d in days if is_session(d)]


def closing_time(day: date) -> datetime:
    """When the session on ``day`` closed (aware, New York time): 16:00, or 13:00 on half days."""
    day = _as_date(day)
    if not is_session(day):
        raise _not_a_session_error(day)
    close = _early_closes().get(day, REGULAR_CLOSE)
    return datetime.combine(day, close, tzinfo=NEW_YORK)


def opening_time(day: date) -> datetime:
    """When the session on ``day`` opened (aware, New York time).

    XNYS uses 09:30 throughout its history; the historical 10:00 opens before 1985 are not modelled,
    which only matters for stories published between 09:30 and 10:00 before then.
    """
    day = _as_date(day)
    if not is_session(day):
        raise _not_a_session_error(day)
    return datetime.combine(day, REGULAR_OPEN, tzinfo=NEW_YORK)


def is_early_close(day: date) -> bool:
    return _as_date(day) in _early_closes()


def session_for(published: datetime) -> SessionRef:
    """The session a piece published at ``published`` describes.

    A naive datetime is taken to be New York time. On a session day: before the open the piece looks
    back to the previous session; between the open and the close it describes the session in progress
    (``intraday=True``); after the close it describes that day's close. On a weekend or holiday it
    describes the last session before.
    """
    local = published.replace(tzinfo=NEW_YORK) if published.tzinfo is None else published.astimezone(NEW_YORK)
    day = local.date()
    if not is_session(day):
        return SessionRef(previous_session(day), intraday=False)
    if local < opening_time(day):
        return SessionRef(previous_session(day), intraday=False)
    if local < closing_time(day):
        return SessionRef(day, intraday=True)
    return SessionRef(day, intraday=False)


def _not_a_session_error(day: date):
    from analyzer.errors import MarketDataError

    return MarketDataError(f"{day.isoformat()} is not an NYSE session: it is {why_not_a_session(day)}")


def _as_date(value: date | datetime | str | pd.Timestamp) -> date:
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        return date.fromisoformat(value)
    return value
