"""NYSE sessions, holidays, half days and the session a story describes."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from analyzer.errors import MarketDataError
from analyzer.market.calendar import (
    NEW_YORK,
    SessionRef,
    closing_time,
    is_early_close,
    is_session,
    next_session,
    previous_session,
    session_for,
    sessions_between,
    why_not_a_session,
)


def test_holidays_and_weekends_are_not_sessions_and_say_why():
    assert not is_session(date(2025, 7, 4))
    assert why_not_a_session(date(2025, 7, 4)) == "an NYSE holiday (July 4th)"
    assert why_not_a_session(date(2025, 4, 18)) == "an NYSE holiday (Good Friday)"
    assert why_not_a_session(date(2025, 8, 23)) == "a weekend (Saturday)"
    assert why_not_a_session(date(2025, 8, 26)) is None


def test_special_closures_are_named():
    # the market stayed shut after the September 11 attacks
    assert not is_session(date(2001, 9, 12))
    assert "closed" in why_not_a_session(date(2001, 9, 12))


def test_half_day_closes_at_one():
    assert is_early_close(date(2025, 11, 28))
    assert closing_time(date(2025, 11, 28)) == datetime(2025, 11, 28, 13, 0, tzinfo=NEW_YORK)
    assert closing_time(date(2025, 8, 26)) == datetime(2025, 8, 26, 16, 0, tzinfo=NEW_YORK)
    with pytest.raises(MarketDataError, match="Thanksgiving"):
        closing_time(date(2025, 11, 27))


def test_previous_and_next_session_skip_holidays():
    assert previous_session(date(2025, 7, 7)) == date(2025, 7, 3)
    assert next_session(date(2025, 7, 3)) == date(2025, 7, 7)
    assert previous_session(date(2025, 4, 21), n=2) == date(2025, 4, 16)
    assert sessions_between(date(2025, 4, 16), date(2025, 4, 22)) == [
        date(2025, 4, 16), date(2025, 4, 17), date(2025, 4, 21), date(2025, 4, 22)]


def test_1987_sessions_are_covered():
    assert is_session(date(1987, 10, 19))
    assert previous_session(date(1987, 10, 19)) == date(1987, 10, 16)


def test_saturday_sessions_before_1952_are_possible():
    # the NYSE traded on Saturdays until 1952; XNYS does not model that
    assert is_session(date(1929, 10, 26))
    assert not is_session(date(1953, 10, 24))


@pytest.mark.parametrize(("published", "expected"), [
    (datetime(2025, 8, 26, 8, 0, tzinfo=NEW_YORK), SessionRef(date(2025, 8, 25), False)),  # before open
    (datetime(2025, 8, 26, 9, 30, tzinfo=NEW_YORK), SessionRef(date(2025, 8, 26), True)),  # at the open
    (datetime(2025, 8, 26, 12, 15, tzinfo=NEW_YORK), SessionRef(date(2025, 8, 26), True)),  # midday
    (datetime(2025, 8, 26, 16, 0, tzinfo=NEW_YORK), SessionRef(date(2025, 8, 26), False)),  # at the close
    (datetime(2025, 8, 26, 20, 0, tzinfo=NEW_YORK), SessionRef(date(2025, 8, 26), False)),  # the seed article
    (datetime(2025, 8, 23, 11, 0, tzinfo=NEW_YORK), SessionRef(date(2025, 8, 22), False)),  # Saturday
    (datetime(2025, 7, 4, 15, 0, tzinfo=NEW_YORK), SessionRef(date(2025, 7, 3), False)),  # holiday
    (datetime(2025, 11, 28, 14, 0, tzinfo=NEW_YORK), SessionRef(date(2025, 11, 28), False)),  # after half day
    (datetime(2025, 11, 28, 12, 59, tzinfo=NEW_YORK), SessionRef(date(2025, 11, 28), True)),
])
def test_session_for(published, expected):
    assert session_for(published) == expected


def test_session_for_converts_other_zones_and_assumes_eastern_when_naive():
    # a TradingView stamp at 05:24 +08:00 is 17:24 New York time the day before
    stamped = datetime(2025, 2, 12, 5, 24, tzinfo=timezone(timedelta(hours=8)))
    assert session_for(stamped) == SessionRef(date(2025, 2, 11), False)
    assert session_for(datetime(2025, 8, 26, 10, 0)) == SessionRef(date(2025, 8, 26), True)
    assert session_for(datetime(2025, 8, 26, 14, 0, tzinfo=UTC)) == SessionRef(date(2025, 8, 26), True)


def test_session_count_matches_sessions_between():
    from analyzer.market.calendar import session_count
    assert session_count(date(2025, 4, 16), date(2025, 4, 22)) == 4
    assert session_count(date(2008, 1, 1), date(2008, 12, 31)) == len(
        sessions_between(date(2008, 1, 1), date(2008, 12, 31))) == 253
