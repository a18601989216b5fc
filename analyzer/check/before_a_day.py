"""'IBM shares, down 17 percent before Monday's announcement from a 52-week high': a move from a named base that
the sentence ends before a named day. The checker ends such a move on the claim's session; a careful reader also
ends it at the last close before the named day (a reading, never an accusation of its own).

'Starbucks shares have gained less than 1 percent since the March 21 meeting': a move counted from an event on a
named day. The checker counts it from that day's close; the event may have come before the close and moved the
price that day, so a careful reader also counts it from the close of the session before (a reading, likewise).
"""

from __future__ import annotations

import re
from calendar import month_abbr, month_name
from collections.abc import Callable
from datetime import date, timedelta

from analyzer.extract import lexicon
from analyzer.extract.timeref import DATE_RE, WEEKDAYS, resolve_date_mention
from analyzer.market import calendar, measures
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


# a 'since' clause up to a written date and the few words after it ('since the March 21 meeting')
SINCE_CLAUSE_RE = re.compile(r"\bsince\b(?P<before>[^,;:()]*?)(?P<date>" + DATE_RE.pattern +
                             r")(?P<after>(?:\s+[\w'’-]+){0,3})", re.I)
PLAIN_SINCE_WORDS = lexicon.words("time", "since_date_plain_words")
MONTH_WORDS = frozenset(w.lower() for w in (*month_name[1:], *month_abbr[1:]))
PLAIN_WORDS = PLAIN_SINCE_WORDS | MONTH_WORDS | frozenset(WEEKDAYS)  # a 'since' clause's words that name no event


def _names_an_event(words: str) -> bool:
    """Whether a 'since' clause's words, its date aside, name an event ('the ... meeting', 'the bank announced the
    purchase last'), not a base's level or a plain time ('its closing low', 'the close on')."""
    tokens = [t for t in re.findall(r"[A-Za-z][\w'’-]*", words) if not t.lower().rstrip("'’s").isdigit()]
    return any(t.lower() not in PLAIN_WORDS for t in tokens)


def from_before_an_events_day(claim: Claim, market: MarketData, symbol: str,
                              session: date) -> list[tuple[str, Callable[[], Change]]]:
    """The claim's move (period 'other', counted from a day a 'since' clause writes) from the close of the session
    before that day, where the clause names an event on it rather than a level or a plain date."""
    if claim.period != "other" or not claim.period_start:
        return []
    start = date.fromisoformat(claim.period_start)
    for m in SINCE_CLAUSE_RE.finditer(claim.sentence):
        written = DATE_RE.match(claim.sentence, m.start("date"))
        day = resolve_date_mention(written, session) if written else None
        words = m.group("before")
        if re.search(r"\b(?:the|its|their|his|her|a|an|this|last)\s*$", words, re.I):
            words += m.group("after")  # the date inside a noun phrase ('the March 21 meeting'): its head noun too
        if day != start or not _names_an_event(words):
            continue
        before = calendar.previous_session(start)
        return [(f"the move from the close of {before.isoformat()}, the session before the day of the event the "
                 f"'since' names ({start.isoformat()})",
                 lambda b=before: measures.period_change(market, symbol, b, session))]
    return []
