"""'IBM shares, down 17 percent before Monday's announcement from a 52-week high': a move from a named base that
the sentence ends before a named day. The checker ends such a move on the claim's session; a careful reader also
ends it at the last close before the named day (a reading, never an accusation of its own).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from analyzer.extract.timeref import DATE_RE, WEEKDAYS, resolve_date_mention
from analyzer.market import measures
from analyzer.market.calendar import previous_session
from analyzer.market.data import MarketData
from analyzer.market.measures import Change
from analyzer.records import Claim

# "before Monday's announcement", "ahead of Tuesday's report", "before January 14"
BEFORE_DAY_RE = re.compile(r"\b(?:before|ahead\s+of|prior\s+to)\s+(?:(?:last|this)\s+)?(?P<weekday>monday|tuesday|"
                           r"wednesday|thursday|friday)(?:['’]s)?\b|\b(?:before|ahead\s+of|prior\s+to)\s+"
                           r"(?=[A-Z][a-z]+\.?\s+\d)", re.I)


def _named_day(m: re.Match[str], sentence: str, session: date) -> date | None:
    """The day a 'before ...' names: the latest such weekday on or before the session, or the date written."""
    if m.group("weekday"):
        back = (session.weekday() - WEEKDAYS[m.group("weekday").lower()]) % 7
        return session - timedelta(days=back)
    written = DATE_RE.match(sentence, m.end())
    return resolve_date_mention(written, session) if written else None


def before_a_named_day(claim: Claim, market: MarketData, symbol: str,
                       session: date) -> list[tuple[str, Callable[[], Change]]]:
    """The claim's move from its own base (period 'other') to the last close before a day the sentence names."""
    if claim.period != "other" or not claim.period_start:
        return []
    start = date.fromisoformat(claim.period_start)
    found: list[tuple[str, Callable[[], Change]]] = []
    for m in BEFORE_DAY_RE.finditer(claim.sentence):
        day = _named_day(m, claim.sentence, session)
        if day is None or day > session:
            continue
        end = previous_session(day)
        if start < end < session:
            found.append((f"the move from {start.isoformat()} to the last close before {day.isoformat()} "
                          f"('{m.group(0)}')", lambda e=end: measures.period_change(market, symbol, start, e)))
    return found
