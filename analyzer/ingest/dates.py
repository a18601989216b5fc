"""Publication times as sources write them, turned into aware UTC datetimes.

Sources disagree on format and lie about zones, so every parser here keeps to one rule: a time with an
explicit offset or zone keeps it; a naive time is read in ``default_tz`` (US Eastern for the wires this
project reads). The result is always converted to UTC; callers keep the raw text beside it.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as dateutil_parser

from analyzer.errors import InputError

# Zone abbreviations that wires and feeds print. Fixed offsets: "EDT" means -04:00 even in January.
ZONE_ABBREVIATIONS: dict[str, float] = {
    "UTC": 0, "GMT": 0, "UT": 0, "Z": 0,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "BST": 1, "CET": 1, "CEST": 2, "JST": 9, "HKT": 8, "SGT": 8, "IST": 5.5,
}
# "ET" and its kin name a zone, not an offset: standard or daylight time as that day had it
US_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles"}

# "Mon Oct 23, 2006 5:37pm EDT" (Reuters 2006-2013) and "20070101 07:12 PM EST" (Reuters headlines)
_WIRE = re.compile(
    r"^(?:[A-Za-z]{3},?\s+)?(?P<mon>[A-Za-z]{3})[a-z]*\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
    r"(?:\s+(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?"
    r"(?:\s+(?P<zone>[A-Za-z]{1,5}))?$")
_COMPACT = re.compile(
    r"^(?P<year>\d{4})(?P<mon>\d{2})(?P<day>\d{2})(?:\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"(?:\s*(?P<ampm>[AaPp][Mm]))?)?(?:\s+(?P<zone>[A-Za-z]{1,5}))?$")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InputError(f"unknown time zone {name!r}") from exc


def _attach(naive: datetime, zone: str | None, default_tz: str, text: str) -> datetime:
    if zone is None:
        return naive.replace(tzinfo=_zone(default_tz))
    if zone.upper() in US_ZONES:
        return naive.replace(tzinfo=_zone(US_ZONES[zone.upper()]))
    offset = ZONE_ABBREVIATIONS.get(zone.upper())
    if offset is None:
        raise InputError(f"unparseable publication time {text!r}: unknown zone {zone!r}")
    return naive.replace(tzinfo=timezone(timedelta(hours=offset)))


def _hour24(hour: int, ampm: str | None) -> int:
    if not ampm:
        return hour
    pm = ampm.lower().startswith("p")
    return (hour % 12) + (12 if pm else 0)


def _from_match(m: re.Match[str], month: int, text: str, default_tz: str) -> datetime:
    hour = _hour24(int(m["hour"] or 0), m["ampm"])
    naive = datetime(int(m["year"]), month, int(m["day"]), hour, int(m["minute"] or 0),
                     int(m.groupdict().get("second") or 0))
    return _attach(naive, m["zone"], default_tz, text)


def _parse_iso(text: str, default_tz: str) -> datetime | None:
    candidate = text.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} \d", text) else text
    try:
        value = datetime.fromisoformat(candidate)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=_zone(default_tz))


def _parse_rfc2822(text: str, default_tz: str) -> datetime | None:
    if not re.search(r"\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}", text):
        return None
    try:
        value = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if value is None:
        return None
    # "-0000" (and no zone at all) means "zone unknown": read it like any naive time
    if value.tzinfo is None:
        value = value.replace(tzinfo=_zone(default_tz))
    return value


_DATEUTIL_ZONES: dict[str, object] = {name: int(hours * 3600) for name, hours in ZONE_ABBREVIATIONS.items()}
_DATEUTIL_ZONES.update({name: ZoneInfo(zone) for name, zone in US_ZONES.items()})
MAX_DATE_CHARS = 200  # a longer "date" is not one (and dateutil's time grows with its input)


def _parse_dateutil(text: str, default_tz: str) -> datetime | None:
    """Other spellings ("26 August 2025 8:00 PM EDT", "2025/08/26 20:00") through python-dateutil.

    Read twice with different defaults: a text that leaves the year, month or day to the default (a bare
    "Tuesday 8pm") says no date and is refused rather than dated today.
    """
    if len(text) > MAX_DATE_CHARS or not re.search(r"\d", text):
        return None
    values = []
    for default in (datetime(2001, 1, 1), datetime(2002, 2, 2)):
        try:
            values.append(dateutil_parser.parse(text, default=default, tzinfos=_DATEUTIL_ZONES))
        except (ValueError, OverflowError, TypeError):
            return None
    first, second = values
    if first.date() != second.date():
        return None
    return first if first.tzinfo is not None else first.replace(tzinfo=_zone(default_tz))


def parse_published(text: str, default_tz: str = "America/New_York") -> datetime:
    """Parse a publication time as sources write it into an aware UTC datetime.

    Accepts ISO 8601 (with or without an offset; naive is read in ``default_tz``), RFC 2822
    ("Tue, 26 Aug 2025 20:00:00 -0400") and wire styles ("Mon Oct 23, 2006 5:37pm EDT",
    "20070101 07:12 PM EST"), then whatever else python-dateutil reads as a full date. Raises InputError
    naming the text when none fits.
    """
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"unparseable publication time {text!r}: empty")
    cleaned = " ".join(text.split())
    value = _parse_iso(cleaned, default_tz) or _parse_rfc2822(cleaned, default_tz)
    if value is None:
        m = _WIRE.match(cleaned)
        if m and m["mon"][:3].lower() in _MONTHS:
            value = _checked(lambda: _from_match(m, _MONTHS[m["mon"][:3].lower()], text, default_tz), text)
        else:
            m = _COMPACT.match(cleaned)
            if m:
                value = _checked(lambda: _from_match(m, int(m["mon"]), text, default_tz), text)
    if value is None:
        value = _parse_dateutil(cleaned, default_tz)
    if value is None:
        raise InputError(f"unparseable publication time {text[:MAX_DATE_CHARS]!r}")
    try:
        return value.astimezone(UTC)
    except (OverflowError, ValueError) as exc:  # year 1 or 9999 pushed past the calendar by its offset
        raise InputError(f"unparseable publication time {text!r}: {exc}") from exc


def _checked(build, text: str) -> datetime:  # type: ignore[no-untyped-def]
    try:
        return build()
    except ValueError as exc:  # day 31 of February, hour 25...
        raise InputError(f"unparseable publication time {text!r}: {exc}") from exc
