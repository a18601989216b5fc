from datetime import UTC, datetime

import pytest

from analyzer.errors import InputError
from analyzer.ingest import parse_published


@pytest.mark.parametrize("text, expected", [
    # Reuters 2006-2013 dump style: EDT is UTC-4, EST UTC-5
    ("Fri Oct 20, 2006 6:15pm EDT", datetime(2006, 10, 20, 22, 15, tzinfo=UTC)),
    ("Mon Dec 4, 2006 12:05am EST", datetime(2006, 12, 4, 5, 5, tzinfo=UTC)),
    ("Mon Dec 4, 2006 12:05pm EST", datetime(2006, 12, 4, 17, 5, tzinfo=UTC)),
    # Reuters headline dump style
    ("20070101 07:12 PM EST", datetime(2007, 1, 2, 0, 12, tzinfo=UTC)),
    # RFC 2822 as RSS writes it
    ("Tue, 26 Aug 2025 20:00:00 -0400", datetime(2025, 8, 27, 0, 0, tzinfo=UTC)),
    ("Tue, 04 Mar 2014 17:32:10 GMT", datetime(2014, 3, 4, 17, 32, 10, tzinfo=UTC)),
    # TradingView items are stamped UTC+8
    ("2025-02-08T05:24:00+08:00", datetime(2025, 2, 7, 21, 24, tzinfo=UTC)),
    ("2025-02-07T21:24:00Z", datetime(2025, 2, 7, 21, 24, tzinfo=UTC)),
])
def test_formats_sources_use(text, expected):
    assert parse_published(text) == expected


def test_naive_iso_is_read_in_the_default_zone():
    # 16:30 in New York on a summer day is 20:30 UTC; in winter 21:30 UTC
    assert parse_published("2025-08-26 16:30") == datetime(2025, 8, 26, 20, 30, tzinfo=UTC)
    assert parse_published("2025-01-10T16:30:00") == datetime(2025, 1, 10, 21, 30, tzinfo=UTC)
    in_utc = parse_published("2025-01-10T16:30:00", default_tz="UTC")
    assert in_utc == datetime(2025, 1, 10, 16, 30, tzinfo=UTC)


def test_result_is_aware_utc():
    value = parse_published("Fri Oct 20, 2006 6:15pm EDT")
    assert value.tzinfo is not None and value.utcoffset().total_seconds() == 0


@pytest.mark.parametrize("text", ["", "   ", "yesterday", "Fri Oct 32, 2006 6:15pm EDT", "2025-13-01",
                                  "Mon Oct 23, 2006 5:37pm XYZ"])
def test_unparseable_names_the_text(text):
    with pytest.raises(InputError) as info:
        parse_published(text)
    assert repr(text) in str(info.value)


@pytest.mark.parametrize("text, expected", [
    # through python-dateutil: spellings our own patterns do not cover
    ("26 August 2025 8:00 PM EDT", datetime(2025, 8, 27, 0, 0, tzinfo=UTC)),
    ("2025/08/26 20:00", datetime(2025, 8, 27, 0, 0, tzinfo=UTC)),  # naive: New York
    # "ET" is Eastern time as that day had it: daylight in August, standard in January
    ("August 26, 2025 at 8:00pm ET", datetime(2025, 8, 27, 0, 0, tzinfo=UTC)),
    ("2025/01/06 8:00 PM ET", datetime(2025, 1, 7, 1, 0, tzinfo=UTC)),
])
def test_other_spellings_through_dateutil(text, expected):
    assert parse_published(text) == expected


@pytest.mark.parametrize("text", ["Tuesday 8pm", "at 4pm ET", "9999-12-31T23:59:59-23:59", "Aug " + "7" * 5000])
def test_times_without_a_full_date_or_beyond_the_calendar_are_refused(text):
    with pytest.raises(InputError, match="unparseable publication time"):
        parse_published(text)
