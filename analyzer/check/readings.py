"""The readings a careful reader tries before calling a move claim wrong.

A mismatch between a sentence and the closes is a hypothesis, not yet an error: "the S&P is up 17 percent"
in a September wrap is a year-to-date move, "up 60 percent from March's 12-year lows" runs from a low,
"the Dow was up 135.14 points at 13,089.08" is a figure from the last minutes of the session. Each
reading here is tried only where the sentence gives it a cue (a word for the period, a low or a high, a
present-tense state such as "is up"), so that a wrong figure does not pass by matching some period by
chance.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from analyzer.check.before_a_day import before_a_named_day, from_before_an_events_day
from analyzer.check.figures import CENT, figure_agrees
from analyzer.errors import MarketDataError
from analyzer.extract.numbers import WORD_NUMBERS, number_words
from analyzer.extract.timeref import (
    DATE_RE,
    FULL_MONTHS_ALT,
    LAST_WEEK_RE,
    MONTHS,
    PERIOD_PATTERNS,
    WEEKDAY_RE,
    WEEKDAYS,
    resolve_date_mention,
    weekday_on_or_before,
)
from analyzer.market import measures
from analyzer.market.calendar import next_session, previous_session, session_on_or_after, session_on_or_before
from analyzer.market.data import MarketData
from analyzer.market.measures import Change
from analyzer.records import Claim

# "is up 17 percent", "has risen 58 percent", "is still down roughly 29.4 percent": a state that has built up
STATE_RE = re.compile(r"\b(?:is|are|has|have|had|'s)\s+(?:(?:now|still|already|only|also|been|since)\s+)*"
                      r"(?:up|down|off|higher|lower|risen|fallen|gained|lost|climbed|dropped|rallied|added|shed|"
                      r"slid|jumped|surged|tumbled|declined|advanced|soared|plunged|rebounded|staged|driven|pushed|lifted|sent)\b",
                      re.I)
CONTRACTING_WORDS = {"it", "that", "there", "what", "he", "she", "who", "this"}


def state_words(text: str) -> re.Match[str] | None:
    """The first words of a state ('has risen', 'is up', "it's gained"); a name's own "'s" ('McDonald's jumped',
    'Lowe's fell') is no "has", so a capitalized word before it other than a pronoun makes no state."""
    for m in STATE_RE.finditer(text):
        if m.group(0).startswith("'"):
            before = re.search(r"([\w&.-]+)$", text[:m.start()])
            word = before.group(1) if before else ""
            if word[:1].isupper() and word.lower() not in CONTRACTING_WORDS:
                continue
        return m
    return None


LOW_RE = re.compile(r"\b(low|lows|bottom|bottoms|trough|troughs|nadir)\b", re.I)
HIGH_RE = re.compile(r"\b(high|highs|peak|peaks|record|top)\b", re.I)
SESSION_CLOSE_RE = re.compile(r"\b(?:closed|ended|finished|settled)\s+(?:the\s+(?:day|session)\s+)?"
                              r"(?:sharply\s+|slightly\s+)?(?:up|down|higher|lower|off)\b", re.I)
DAY_PERIOD_RE = re.compile(r"\b(?:for|on|in) the (?:day|session)\b|\b(?:daily|one-day|single-day)\b", re.I)
FROM_RE = re.compile(r"\b(since|from|off|below|above)\b", re.I)
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
SINCE_YEAR_RE = re.compile(r"\b(?:since|from)\b[^.;]{0,60}?\b(?P<year>(?:19|20)\d\d)\b", re.I)
# a month named as a month ('in September', 'September's slide'), not a day's date ('Wednesday, September 17')
MONTH_WORD_RE = re.compile(r"\bmonth|\b(?:January|February|March|April|June|July|August|September|October|"
                           r"November|December)\b(?!\.?\s+\d{1,2}\b(?!\s*(?:%|percent|per cent|points?)))", re.I)
# a wire's "was up 135.14 points at 13,089.08": the state at the time of writing, not a closing figure
SNAPSHOT_VERB_RE = re.compile(r"^(?:was|were|is|are|'s)\s", re.I)
CLOSE_WORD_RE = re.compile(r"\b(clos\w*|end\w*|finish\w*|settl\w*)\b", re.I)
# "up 23 percent in the last three months", "over the past two months"
# "over the past month", "in the last five trading days": a trailing span (one unit where no number is given)
TRAILING_RE = re.compile(rf"\b(?:in|over|during)\s+the\s+(?:last|past)\s+(?:(?P<n>\d+|{number_words(2, 12)})"
                         r"\s+(?:trading\s+)?(?P<unit>day|session|week|month|year)s"
                         r"|(?P<one>week|month|year))\b", re.I)
# "down 31.1 percent from 52 weeks ago", "up 12 percent from a year ago", "up 16 percent from a month earlier": the
# same span back from the session
AGO_RE = re.compile(rf"\b(?:from|than|since)\s+(?P<n>a|an|\d+|{number_words(1, 12)})"
                    r"\s+(?P<unit>day|session|week|month|year)s?\s+(?:ago|earlier)\b", re.I)
TRAILING_UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}
EXTREME_REACH_DAYS = 400  # "its March lows" in a December wrap: the extreme of the past year or so
ALL_TIME_DAYS = 365 * 60


@dataclass(frozen=True)
class Reading:
    """One way to read the claim, measured: ``bad`` is empty when the claim's figures hold in it."""

    name: str
    change: Change
    bad: tuple[str, ...]

    @property
    def fits(self) -> bool:
        return not self.bad


Measure = Callable[[], Change]


def words_fix_reading(claim: Claim) -> str | None:
    """The words of the claim that fix its period, if any ('For the week,', 'for the day', 'at midday').

    A period word inside the claim's own clause (or heading the sentence, "For the quarter, ...") fixes the
    reading; a period word elsewhere in the sentence only suggests it. A day name fixes the session a move
    ends on (neighbouring sessions stay diagnoses), not how long the move runs.
    """
    period = claim.period or "day"
    if period == "intraday":
        words = dict(PERIOD_PATTERNS)["intraday"].search(claim.sentence)
        return words.group(0) if words else claim.time_text
    if period == "day":
        # "At Thursday's close, the Nasdaq was up 8.13 percent": a day word fixes where the move ends, not how
        # long it runs; "for the day", "on the session" fix that too
        words = DAY_PERIOD_RE.search(claim.sentence)
        if words is None:
            # "McDonald's closed down 2.1 percent": the close of a session told in the claim's own words is that
            # session's move from the close before, not a month's or a year's
            start, end = own_words(claim)
            words = SESSION_CLOSE_RE.search(claim.sentence, start, end)
            words = None if words is not None and _measured_from_an_extreme(claim.sentence, words.end()) else words
        return words.group(0) if words else None
    if period == "other":
        return None  # "from the March 9 low": the base is itself a reading (the close or the session's low)
    pattern = dict(PERIOD_PATTERNS).get(period)
    if pattern is None:
        return None
    sentence = claim.sentence
    start, end = own_words(claim)
    for m in pattern.finditer(sentence):
        header = m.start() < (claim.span_start or 0) and \
            re.match(r"\W*(?:for|in|on|over|during)\b", sentence[:m.start() + 4], re.I) \
            and not re.search(r";|\.(?!\d)", sentence[m.end():claim.span_start or 0])  # not '0.8 percent'
        if header or start <= m.start() < end:
            return m.group(0)
    return None


# "closed down 15.5 percent from its October closing high": the figure runs from the named extreme, not the close
# before; the close word says where the move ends, not where it starts
FROM_EXTREME_AFTER_CLOSE_RE = re.compile(r"\s*(?:[$\d.,]+\s*(?:%|percent|per cent|points?)?\s+)"
                                         r"(?:from|off|below|above|under)\s+(?:its|their|the)\b[^,;]{0,40}?"
                                         r"\b(?:high|highs|peak|peaks|record|top|low|lows|trough)\b", re.I)


def _measured_from_an_extreme(sentence: str, at: int) -> bool:
    """True where the figure right after the close word at ``at`` is measured from a high or low the sentence
    names ('ended down 16.3 percent from its October closing high'): that close word fixes no session's move."""
    return FROM_EXTREME_AFTER_CLOSE_RE.match(sentence, at) is not None


def figure_start(sentence: str, figure: str, start: int = 0) -> int:
    """Where the figure as written stands in the sentence from ``start`` (-1 if nowhere): as a number of its own,
    not the '50' of 'S&P 500' or the '1' of '12-year'."""
    m = re.compile(rf"(?<![\w.,]){re.escape(figure)}(?![\w]|[.,]\d)").search(sentence, start)
    return m.start() if m else -1


CLAUSE_BREAK_RE = re.compile(r"[,;]|\band\b|\bwhile\b|\bbut\b|\bwhich\b|--|\bafter\b")


def own_words(claim: Claim) -> tuple[int, int]:
    """The stretch of the sentence that is the claim's own: from its subject (or, when its span holds a
    relative clause or other figures, from its figure) to the next clause break after that figure.

    "Apple, which has surged 134.8 percent this year, was up 1.1 percent": "this year" is not the 1.1's;
    "down 1.4 percent for the month and 10.1 percent year-to-date": "for the month" is the 1.4's.
    """
    sentence = claim.sentence
    start = claim.span_start or 0
    end = claim.span_end if claim.span_end is not None else len(sentence)
    figure = next((claim.stated[k] for k in ("change_pct", "change_points", "level") if claim.stated.get(k)), None)
    at = figure_start(sentence, figure, start) if figure else -1
    if at < 0:
        m = CLAUSE_BREAK_RE.search(sentence, end)
        return start, m.start() if m else len(sentence)
    before = [m.end() for m in CLAUSE_BREAK_RE.finditer(sentence, start, at)]
    if before:
        start = before[-1]
    m = CLAUSE_BREAK_RE.search(sentence, at + len(figure))
    return start, m.start() if m else len(sentence)


def alternative_readings(claim: Claim, market: MarketData, symbol: str, session: date,
                         compare: Callable[[Change], list[str]], uncued: bool = False) -> list[Reading]:
    """Every cued reading other than the claim's own period, measured and compared with ``compare``.

    ``uncued`` adds the plain periods without a cue: for diagnosis only, where the claim's words fix its
    reading and the question is what the figures do describe.
    """
    out: list[Reading] = []
    seen: dict[tuple[date, date, float], int] = {}
    for name, measure in _candidates(claim, market, symbol, session, uncued):
        try:
            change = measure()
        except (MarketDataError, ValueError, KeyError, IndexError):
            continue
        key = (change.start_session, change.end_session, round(change.start_value, 4))
        if key in seen:  # the month to date in January is the year to date: one reading with both names
            first = out[seen[key]]
            out[seen[key]] = Reading(f"{first.name}, which is also {name}", first.change, first.bad)
            continue
        seen[key] = len(out)
        out.append(Reading(name, change, tuple(compare(change))))
    return out


def _candidates(claim: Claim, md: MarketData, symbol: str, session: date,
                uncued: bool = False) -> list[tuple[str, Measure]]:
    text = claim.sentence
    period = claim.period or "day"
    state = bool(state_words(text)) or uncued
    if not state and (claim.change_pct is not None or claim.change_points is not None):
        # an event with a figure ('jumped 9 percent after ... gifts this year') takes no period cue from a clause
        # subordinate to it: a cue there would let a wrong figure fit some period by chance. A list that shares a
        # cue ('the Dow declined 4 percent, ..., its worst monthly drop') keeps it.
        text = text[:_cue_end(claim)]
    found: list[tuple[str, Measure]] = []

    def add(cue: bool, name: str, measure: Measure) -> None:
        if cue:
            found.append((name, measure))

    add(period != "day", "the session's move", lambda: measures.session_change(md, symbol, session))
    add(period != "week" and (uncued or bool(re.search(r"\bweek", text, re.I))), "the week's move",
        lambda: measures.week_change(md, symbol, session))
    add(period != "month" and (uncued or bool(MONTH_WORD_RE.search(text))), "the month to date",
        lambda: measures.month_change(md, symbol, session))
    add(uncued or bool(re.search(r"\bquarter", text, re.I)), "the quarter to date",
        lambda: measures.quarter_change(md, symbol, session))
    yearly = bool(re.search(r"\b(year|annual|so far)\b", text, re.I) or YEAR_RE.search(text))
    add(period != "ytd" and (yearly or state), "the year to date", lambda: measures.ytd_change(md, symbol, session))
    add(period != "year" and (yearly or state), "the past 12 months",
        lambda: measures.year_change(md, symbol, session))
    found.extend(_named_span_candidates(text, md, symbol, session))
    found.extend(_extreme_candidates(text, md, symbol, session, state))
    if RECOVERY_RE.search(claim.verb or ""):
        # "the Dow had recovered 430.18 points to end down 3.6 percent": from the session's low to its close
        side = "high" if re.search(r"\b(pared|trimmed|gave up|erased)\b", claim.verb or "", re.I) else "low"
        found.append((f"the move from the session's {side} to its close",
                      lambda: measures.change_from_session_extreme(md, symbol, session, session, side)))
    return found


def other_time_readings(claim: Claim, market: MarketData, symbol: str, session: date,
                        compare: Callable[[Change], list[str]]) -> list[Reading]:
    """Readings that stand even where the words fix the claim's period, measured and compared with ``compare``:
    a time the words give the figure itself, and the claim's own period ending on another day where no word names
    the day (the session was inferred from the publication time).

    - "its worst monthly drop since July 2004, when it slumped 7.8 percent": the figure after the 'when' is the
      named month's (or year's);
    - a week's figure on the first session of a week: the week to date is that one session, and the week a writer
      sums up ("for the week", "in the three-session opening week") is the one that ended on the session before;
    - a to-date figure stated as a state ("had risen by 1.2% this quarter", "is up 7.2% so far this year", "has
      lost 16 percent over the past year"): quoted as of the previous session's close, as machine-written summaries
      and stories written before the close do.
    """
    try:
        before = previous_session(session)
    except ValueError:
        return []
    found = _when_clause_candidates(claim, market, symbol, session) + \
        _week_candidates(claim, market, symbol, session, before) + _trailing_candidates(claim, market, symbol, session)
    found += before_a_named_day(claim, market, symbol, session) + \
        from_before_an_events_day(claim, market, symbol, session)
    found += _named_year_from_its_first_session(claim, market, symbol, session)
    period = claim.period or "day"
    if not claim.time_text and period not in ("day", "intraday") and state_words(claim.sentence):
        lagged = _to_date_measure(claim, market, symbol, session, before)
        if lagged is not None:
            found.append((f"the same period to the previous session's close ({before.isoformat()})", lagged))
    out = []
    for name, measure in found:
        try:
            change = measure()
        except (MarketDataError, ValueError, KeyError, IndexError):
            continue
        out.append(Reading(name, change, tuple(compare(change))))
    return out


def _named_year_from_its_first_session(claim: Claim, market: MarketData, symbol: str,
                                       session: date) -> list[tuple[str, Measure]]:
    """'Its stock soared 179 percent in 2024': a year's figure as a chart set to that year gives it, from the close
    of the year's first session (the chart's first bar), beside the usual base, the last close of the year before.
    The same period the words name, counted from the other base a writer may use; only where the sentence names the
    year the claim's period ends in ('in 2024', 'for all of 2024')."""
    if (claim.period or "day") not in ("year", "ytd") or \
            not re.search(rf"\b(?:in|during|for|over)\s+(?:all\s+of\s+)?{session.year}\b", claim.sentence, re.I):
        return []
    first = next_session(date(session.year - 1, 12, 31))
    if first >= session:
        return []
    return [(f"the calendar year {session.year} from its first session's close ({first.isoformat()})",
             lambda: measures.period_change(market, symbol, first, session))]


def _week_candidates(claim: Claim, market: MarketData, symbol: str, session: date,
                     before: date) -> list[tuple[str, Measure]]:
    """A week's figure where no day word places it: the week just ended when the session opens a new week, and
    last week's week when the sentence says 'last week' ("Last week, the S&P 500 fell 4.4 percent" on a
    Wednesday)."""
    if claim.time_text or claim.period != "week":
        return []
    if before.isocalendar()[:2] != session.isocalendar()[:2]:
        return [(f"the week that ended on {before.isoformat()} (the session opens a new week)",
                 lambda: measures.week_change(market, symbol, before))]
    if LAST_WEEK_RE.search(claim.sentence):
        last = previous_session(session - timedelta(days=session.weekday()))
        return [(f"last week, the week that ended on {last.isoformat()}",
                 lambda: measures.week_change(market, symbol, last))]
    return []


WHEN_NAMED_RE = re.compile(rf"\b(?:since|in|during|of)\s+(?:(?P<month>{FULL_MONTHS_ALT})\s+)?"
                           r"(?P<year>(?:19|20)\d\d),?\s+when\b", re.I)


def _when_clause_candidates(claim: Claim, market: MarketData, symbol: str,
                            session: date) -> list[tuple[str, Measure]]:
    """'since July 2004, when it slumped 7.8 percent': the calendar month (or year) the 'when' refers back to, for a
    figure that follows it."""
    figure = next((claim.stated[k] for k in ("change_pct", "change_points", "level") if claim.stated.get(k)), None)
    at = figure_start(claim.sentence, figure, claim.span_start or 0) if figure else -1
    found: list[tuple[str, Measure]] = []
    for m in WHEN_NAMED_RE.finditer(claim.sentence):
        year = int(m.group("year"))
        if at < m.end() or year > session.year:
            continue
        if m.group("month"):
            base, end = calendar_month(year, MONTHS[m.group("month").lower()])
            if end >= session:
                continue
            found.append((f"the calendar month {m.group('month')} {year}",
                          lambda a=base, b=end: measures.period_change(market, symbol, a, b)))
        elif year < session.year:
            found.append((f"the calendar year {year}", lambda y=year: measures.calendar_year_change(market, symbol, y)))
    found += _when_period_candidates(claim, market, symbol, session, at)
    for m in DATE_RE.finditer(claim.sentence):
        # "the highest since October 6, when it ended at 1,056.89": that session's close
        day = resolve_date_mention(m, session)
        if at > m.end() and re.match(r",?\s+when\b", claim.sentence[m.end():]) and day is not None and day < session:
            found.append((f"the session of {day.isoformat()}",
                          lambda d=day: measures.session_change(market, symbol, d)))
    return found


QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# "since the fourth quarter of 1998, when the index jumped nearly 21 percent": a calendar quarter
WHEN_QUARTER_RE = re.compile(r"\b(?P<ordinal>first|second|third|fourth) quarter of (?P<year>(?:19|20)\d\d),?\s+when\b",
                             re.I)
# "down from last quarter, when the S&P advanced 5.8 percent", "last month, when it lost 6 percent": the calendar
# period before the session's
WHEN_LAST_RE = re.compile(r"\b(?:last|the previous|the prior) (?P<unit>week|month|quarter|year),?\s+when\b", re.I)
# "gained 2.4 percent a day after sliding 9.7 percent": the figure after 'a day after ...ing' is the session before's
DAY_AFTER_RE = re.compile(r"\b(?:a|one|the) (?:day|session) after\s+(?:\w+ing)\b[^,;.]*$", re.I)


def _quarter_span(year: int, quarter: int) -> tuple[date, date]:
    """A calendar quarter's move as (the day before it starts, its last session)."""
    first = date(year, 3 * quarter - 2, 1)
    following = date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)
    return first - timedelta(days=1), previous_session(following)


def _previous_calendar_span(unit: str, session: date) -> tuple[date, date]:
    """The calendar week, month, quarter or year before the session's, as (the day before it starts, its last
    session)."""
    if unit == "week":
        monday = session - timedelta(days=session.weekday())
        return monday - timedelta(days=8), previous_session(monday)
    if unit == "month":
        first = session.replace(day=1)
        return (first - timedelta(days=1)).replace(day=1) - timedelta(days=1), previous_session(first)
    if unit == "quarter":
        quarter = (session.month - 1) // 3 + 1
        return _quarter_span(session.year - (quarter == 1), 4 if quarter == 1 else quarter - 1)
    return date(session.year - 1, 1, 1) - timedelta(days=1), previous_session(date(session.year, 1, 1))


def _when_period_candidates(claim: Claim, market: MarketData, symbol: str, session: date,
                            at: int) -> list[tuple[str, Measure]]:
    """'since the fourth quarter of 1998, when the index jumped nearly 21 percent', 'down from last quarter, when the
    S&P advanced 5.8 percent', 'a day after sliding 9.7 percent': the period the words before the figure name."""
    found: list[tuple[str, Measure]] = []
    if at < 0:
        return found
    for m in WHEN_QUARTER_RE.finditer(claim.sentence, 0, at):
        year, quarter = int(m.group("year")), QUARTER_ORDINALS[m.group("ordinal").lower()]
        base, end = _quarter_span(year, quarter)
        if end < session:
            found.append((f"the calendar quarter Q{quarter} {year}",
                          lambda a=base, b=end: measures.period_change(market, symbol, a, b)))
    for m in WHEN_LAST_RE.finditer(claim.sentence, 0, at):
        unit = m.group("unit").lower()
        base, end = _previous_calendar_span(unit, session)
        found.append((f"the {unit} before the session's ({end.isoformat()})",
                      lambda a=base, b=end: measures.period_change(market, symbol, a, b)))
    if DAY_AFTER_RE.search(claim.sentence[:at]):
        before = previous_session(session)
        found.append((f"the session before, 'a day after' ({before.isoformat()})",
                      lambda d=before: measures.session_change(market, symbol, d)))
    return found


# "up 4 percent in the week to Thursday", "over the week through Friday": the five sessions ending on
# the day named, not the calendar week from the Friday close before it
WEEK_TO_A_DAY_RE = re.compile(rf"\b(?:in|over|during|for) the (?:past |last )?week (?:to|through|ending|ended)\s+"
                              rf"(?:{WEEKDAY_RE.pattern})", re.I)


def _trailing_candidates(claim: Claim, md: MarketData, symbol: str, session: date) -> list[tuple[str, Measure]]:
    """'soared 56 percent during the past month', 'over the past week': the words name the claim's period, and a
    trailing span of that unit back from the session is as much their reading as the calendar period to date."""
    period = claim.period or "day"
    if period not in ("week", "month"):
        return []
    if period == "week" and WEEK_TO_A_DAY_RE.search(claim.sentence):
        base = previous_session(session, 5)
        return [(f"the five sessions to the session (from {base.isoformat()})",
                 lambda b=base: measures.period_change(md, symbol, b, session))]
    for m in TRAILING_RE.finditer(claim.sentence):
        if (m.group("one") or "").lower() == period:
            base = session - timedelta(days=round(TRAILING_UNIT_DAYS[period]))
            return [(f"the past {period} (from {base.isoformat()})",
                     lambda b=base: measures.period_change(md, symbol, b, session))]
    return []


def _to_date_measure(claim: Claim, market: MarketData, symbol: str, session: date, before: date) -> Measure | None:
    """The claim's to-date period measured to ``before`` instead of the session, where ``before`` still lies in it."""
    period = claim.period or "day"
    same = {"week": before.isocalendar()[:2] == session.isocalendar()[:2],
            "month": (before.year, before.month) == (session.year, session.month),
            "ytd": before.year == session.year,
            # the past twelve months always hold the session before: "has dropped 16 percent over the past year"
            # in a results story after a long weekend, its figures prepared to the last close
            "year": True}
    if period in same:
        if not same[period]:
            return None
        return lambda: measures.change_for_period(market, symbol, before, period)
    if period == "other" and claim.period_start and date.fromisoformat(claim.period_start) < before:
        start = date.fromisoformat(claim.period_start)
        return lambda: measures.period_change(market, symbol, start, before)
    return None


def _named_span_candidates(text: str, md: MarketData, symbol: str, session: date) -> list[tuple[str, Measure]]:
    """Readings over spans the sentence names: past calendar years, since a year, the last N days/weeks/months."""
    found: list[tuple[str, Measure]] = []
    for year in _past_years(text, session):
        found.append((f"the calendar year {year}", lambda y=year: measures.calendar_year_change(md, symbol, y)))
    for m in SINCE_YEAR_RE.finditer(text):
        year = int(m.group("year"))
        if year < session.year:
            found.append((f"the move since the start of {year}",
                          lambda y=year: measures.period_change(md, symbol, date(y - 1, 12, 31), session)))
            found.append((f"the move since the end of {year}",
                          lambda y=year: measures.period_change(md, symbol, date(y, 12, 31), session)))
    election = _last_election_day(session)
    if SINCE_ELECTION_RE.search(text) and election is not None:
        # the results come after the close of election day: its close is the base, the close before it the other
        found.append((f"the move since the election of {election.isoformat()} (from its close)",
                      lambda: measures.period_change(md, symbol, election, session)))
        found.append((f"the move since the election of {election.isoformat()} (from the close before it)",
                      lambda: measures.period_change(md, symbol, election - timedelta(days=1), session)))
    for m in SINCE_MONTH_RE.finditer(text):
        # "has risen 14 percent since January": since early in that month, so its first close is a base as well as
        # the close before it (the extraction's reading)
        month = list(calendar.month_name).index(m.group("month").capitalize())
        first = date(session.year - (month > session.month), month, 1)
        first = session_on_or_after(first)
        if first < session:
            found.append((f"the move since the first close of {first:%B %Y} ({first.isoformat()})",
                          lambda a=first: measures.period_change(md, symbol, a, session)))
            found.extend(_since_month_bases(m, first, md, symbol, session))
    for name, start, end in _named_months(text, session):
        found.append((f"the calendar month {name}",
                      lambda a=start, b=end: measures.period_change(md, symbol, a, b)))
    for m in [*TRAILING_RE.finditer(text), *AGO_RE.finditer(text)]:
        if m.groupdict().get("one"):
            n, unit = 1, m.group("one").lower()
        else:
            word = m.group("n").lower()
            n, unit = {"a": 1, "an": 1}.get(word) or WORD_NUMBERS.get(word) or int(word), m.group("unit").lower()
        # "in the last four days" on a market means four sessions: the base is the close before the first
        unit = "day" if unit == "session" else unit
        base = previous_session(session, n) if unit == "day" else \
            session - timedelta(days=round(n * TRAILING_UNIT_DAYS[unit]))
        name = (f"the past {unit}" if n == 1 and unit != "day" else
                f"the past {n} {'sessions' if unit == 'day' else unit + 's'}")
        found.append((name, lambda b=base: measures.period_change(md, symbol, b, session)))
        found.extend(_trailing_bases_either_side(name, md, symbol, base, session) if unit != "day" else [])
    return found


SPAN_BASE_NOTE = " (from the close of "  # a span's other base: 'the past 3 months (from the close of 2009-04-29)'


EARLY_MONTH_SESSIONS = 5  # 'since early June': a base in the month's first week
EARLY_MONTH_LAST_DAY = 10  # and the month's lowest or highest close up to its 10th: 'since early March' of a rally


def _since_month_bases(m: re.Match[str], first: date, md: MarketData, symbol: str,
                       session: date) -> list[tuple[str, Measure]]:
    """The other bases a careful reader takes for 'since <month>': 'since early June' counts from any close of the
    month's first week; 'up about 50 percent since March' (a rally off that month's low, a slide from its high)
    from the month's lowest or highest close. Each is a base the words name; none widens a figure's tolerance."""
    found: list[tuple[str, Measure]] = []
    last, what = calendar_month(first.year, first.month)[1], f"{first:%B %Y}"
    if "early" in m.group(0).lower():
        for k in range(1, EARLY_MONTH_SESSIONS):
            day = next_session(first, k)
            if day < session and day.month == first.month:
                found.append((f"the move since the close of {day.isoformat()}, early in {first:%B %Y}",
                              lambda a=day: measures.period_change(md, symbol, a, session)))
        # 'had risen 70 percent since early March' in 2009: off the low of the month's first third (March 9)
        last, what = min(last, first.replace(day=EARLY_MONTH_LAST_DAY)), f"early {what}"
    for side, word in (("low", "lowest"), ("high", "highest")):
        found.append((f"the move from the {word} close of {what}",
                      lambda s=side: measures.change_from_extreme_between(md, symbol, first, last, session, s)))
    return found


def _trailing_bases_either_side(name: str, md: MarketData, symbol: str, base: date,
                                session: date) -> list[tuple[str, Measure]]:
    """'Up 22 percent over the last six months': a span of weeks, months or years has no exact calendar base, and
    a writer counts from the close a session either side of the calendar date as readily as from that date's."""
    on_or_before = session_on_or_before(base)
    found: list[tuple[str, Measure]] = []
    for other in (previous_session(on_or_before), next_session(on_or_before)):
        if other < session:
            found.append((f"{name}{SPAN_BASE_NOTE}{other.isoformat()})",
                          lambda b=other: measures.period_change(md, symbol, b, session)))
    return found


# "since January", "since early March": a month without a day, of the session's year or the year before
SINCE_MONTH_RE = re.compile(rf"\b[Ss]ince\s+(?:early\s+)?(?P<month>{FULL_MONTHS_ALT})\b(?!\s*\d)"
                            r"(?!\s+(?:of\s+)?(?:last|this|next)\b)")
# "up 9 percent since the election", "its gains since the U.S. presidential election"
SINCE_ELECTION_RE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?(?:(?:U\.S\.|US|American|November|presidential|"
                               r"midterm|general|Nov\.\s+\d{1,2})\s+)*elections?\b", re.I)
ELECTION_REACH_DAYS = 500  # "since the election" names the latest one, some months back at most


def _last_election_day(session: date) -> date | None:
    """The latest US federal election day before the session (the Tuesday after the first Monday of November of
    an even year), if it lies within reach."""
    for year in range(session.year, session.year - 3, -1):
        if year % 2:
            continue
        first_monday = date(year, 11, 1) + timedelta(days=(7 - date(year, 11, 1).weekday()) % 7)
        day = first_monday + timedelta(days=1)
        if day < session:
            return day if (session - day).days <= ELECTION_REACH_DAYS else None
    return None


# "after closing down 5.3 percent in November": a whole calendar month the sentence names
NAMED_MONTH_RE = re.compile(rf"\b(?:in|for|during|over)\s+(?P<month>{FULL_MONTHS_ALT})\b(?!\s+\d)", re.I)


def _named_months(text: str, session: date) -> list[tuple[str, date, date]]:
    """The last completed month of each name the sentence gives ('in November' in a December wrap): its name,
    the day before it starts and its last session."""
    found = []
    for m in NAMED_MONTH_RE.finditer(text):
        month = MONTHS[m.group("month").lower()]
        year = session.year if month < session.month else session.year - 1
        found.append((f"{m.group('month')} {year}", *calendar_month(year, month)))
    return found


def calendar_month(year: int, month: int) -> tuple[date, date]:
    """A calendar month's move as (the day before it starts, its last session)."""
    following = date(year + (month == 12), month % 12 + 1, 1)
    return date(year, month, 1) - timedelta(days=1), previous_session(following)


RECOVERY_RE = re.compile(r"\b(recover\w*|recoup\w*|rebound\w*|bounced|pared|trimmed|gave up|erased)\b", re.I)


# "from where it started the year" names the base of the move, not another event
SUBORDINATE_RE = re.compile(r"\b(?:after|as|when|which|while|because|following|since|who|(?<!from )where|though|"
                            r"although)\b", re.I)


def _cue_end(claim: Claim) -> int:
    """Where an event's period cues end: at its first subordinate clause, past a 'since <month>' that opens it
    ('up about 50 percent since March': 'since' before a month's name opens no clause, it dates the figure)."""
    cut = _subordinate_clause_start(claim)
    since = SINCE_MONTH_RE.match(claim.sentence, cut)
    return since.end() if since else cut


def _subordinate_clause_start(claim: Claim) -> int:
    """Where the first subordinate clause after the claim's figure begins (the sentence's end if none does)."""
    figure = next((claim.stated[k] for k in ("change_pct", "change_points", "level") if claim.stated.get(k)), None)
    at = figure_start(claim.sentence, figure, claim.span_start or 0) if figure else -1
    if at < 0:
        return len(claim.sentence)
    m = SUBORDINATE_RE.search(claim.sentence, at)
    return m.start() if m else len(claim.sentence)


def _past_years(text: str, session: date) -> list[int]:
    years = {int(y) for y in YEAR_RE.findall(text) if int(y) < session.year}
    if re.search(r"\blast year\b", text, re.I):
        years.add(session.year - 1)
    return sorted(years, reverse=True)


def _extreme_candidates(text: str, md: MarketData, symbol: str, session: date,
                        state: bool) -> list[tuple[str, Measure]]:
    """'up 60 percent from March's lows', 'down 29.4 percent from its record close', 'from the November 21
    low' (that session's low or close)."""
    found: list[tuple[str, Measure]] = []
    anchored = bool(FROM_RE.search(text)) or state
    if anchored and LOW_RE.search(text):
        found.append(("the move from the lowest close of the past year",
                      lambda: measures.change_from_extreme(md, symbol, session, "low", EXTREME_REACH_DAYS)))
        # 'up nearly 18 percent since tumbling to an 11-year low in late November': a low is also the level the
        # market touched inside that session, not only where it closed
        found.append(("the move from the low of the session of the lowest close of the past year",
                      lambda: _from_the_low_of_the_lowest_close(md, symbol, session)))
    if anchored and HIGH_RE.search(text):
        found.append(("the move from the highest close of the past year",
                      lambda: measures.change_from_extreme(md, symbol, session, "high", EXTREME_REACH_DAYS)))
        found.append(("the move from the record close",
                      lambda: measures.change_from_extreme(md, symbol, session, "high", ALL_TIME_DAYS)))
    for day in _named_days(text, session):
        found.append((f"the move from the close of {day.isoformat()}",
                      lambda d=day: measures.period_change(md, symbol, d, session)))
        for side, cue in (("low", LOW_RE), ("high", HIGH_RE)):
            if cue.search(text):
                found.append((f"the move from the {side} of the session of {day.isoformat()}",
                              lambda d=day, s=side: measures.change_from_session_extreme(md, symbol, d, session, s)))
    return found


def _named_days(text: str, session: date) -> list[date]:
    """Days a move is measured from: 'from the November 21 low', "off last Friday's recovery peak", 'after the
    S&P slid on November 21 to its low'."""
    days = []
    for m in list(DATE_RE.finditer(text)) + list(WEEKDAY_RE.finditer(text)):
        # "After the S&P slid on November 21 to its low ..., the index has gained": a leading 'after' dates the base
        # too ("fell after it said on Tuesday" does not)
        if not re.search(r"\b(since|from|off)\b[^,;]*$", text[:m.start()], re.I) and \
                not re.match(r"\W*after\b[^,;]*$", text[:m.start()], re.I):
            continue
        if m.re is WEEKDAY_RE:
            day = weekday_on_or_before(session - timedelta(days=1), WEEKDAYS[m.group(1).lower()])
        else:
            day = resolve_date_mention(m, session)
        if day is not None and day < session:
            days.append(day)
    return days


# "from its closing low in early March to a peak on May 8", "to its record close on October 9"
TO_NAMED_DAY_RE = re.compile(r"\bto\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,3}?(?:peak|high|record|top|low|bottom|"
                             r"trough|close)s?\s+(?:on|of)\s+", re.I)


def named_end(sentence: str, session: date) -> date | None:
    """The day a 'from ... to a peak on May 8' ends the move on, if the words name one before the session."""
    for m in TO_NAMED_DAY_RE.finditer(sentence):
        day = DATE_RE.match(sentence, m.end())
        resolved = resolve_date_mention(day, session) if day else None
        if resolved is not None and resolved < session:
            return resolved
    return None


def describe(reading: Reading) -> str:
    change = reading.change
    return (f"{reading.name} ({change.start_session.isoformat()} {change.start_value:,.2f} -> "
            f"{change.end_session.isoformat()} {change.end_value:,.2f}, {change.change_pct:+.2f}%)")


def snapshot_in_session(claim: Claim, market: MarketData, symbol: str, change: Change) -> str | None:
    """'The Dow was up 135.14 points, or 1.04 percent, at 13,089.08' in a piece stamped after the close: a
    figure from late in the session. It holds as one when the level lies inside the session's high-low
    range and the stated change runs from the data's previous close."""
    if claim.level is None or claim.direction not in ("up", "down") or not SNAPSHOT_VERB_RE.match(claim.verb or ""):
        return None
    own = claim.sentence[claim.span_start or 0:claim.span_end or len(claim.sentence)]
    if CLOSE_WORD_RE.search(own):
        return None
    try:
        rng = measures.session_range(market, symbol, change.end_session)
    except MarketDataError:
        return None
    if "low" not in rng or "high" not in rng:
        return None
    slack = max(CENT, 0.000025 * claim.level)
    prev = change.start_value
    moved = claim.level - prev
    if not rng["low"] - slack <= claim.level <= rng["high"] + slack or (moved > 0) != (claim.direction == "up"):
        return None
    if claim.change_points is not None and abs(claim.change_points - abs(moved)) > max(slack, 0.0002 * prev):
        return None
    if claim.change_pct is not None and not figure_agrees(claim.change_pct, claim.stated.get("change_pct"),
                                                          moved / prev * 100, claim.qualifier, slack=0.005).ok:
        return None
    return (f"read as a figure from during the session (the verb states where it stood, not where it closed): "
            f"{claim.level:,.2f} lies inside the session's range {rng['low']:,.2f}-{rng['high']:,.2f} and is "
            f"{moved:+,.2f} ({moved / prev * 100:+.2f}%) from the previous close {prev:,.2f}")


def readings_tried(primary: str, alternatives: list[Reading]) -> list[str]:
    return [primary] + [r.name for r in alternatives]


def severity_of(claim: Claim, change: Change) -> dict[str, object]:
    """How far off the claim is in its own unit, on the reading its words give it."""
    sign = -1 if claim.direction == "down" else 1
    wrong_way = claim.direction in ("up", "down") and (change.change_pct > 0) != (claim.direction == "up")
    for unit, stated, actual in (("percent", claim.change_pct, change.change_pct),
                                 ("points", claim.change_points, change.change_points),
                                 ("level", claim.level, change.end_value)):
        if stated is None:
            continue
        claimed = stated if unit == "level" else sign * stated
        off = abs(claimed - actual)
        scale = max(abs(stated), 1e-9)
        return {"unit": unit, "stated": stated, "actual": round(actual, 4), "off_by": round(off, 4),
                "relative": round(off / scale, 4), "wrong_direction": wrong_way,
                "grade": "slight" if off / scale <= 0.05 and not wrong_way else "clear"}
    return {"unit": "direction", "wrong_direction": wrong_way, "actual": round(change.change_pct, 4),
            "grade": "clear" if wrong_way else "slight"}


def _from_the_low_of_the_lowest_close(md: MarketData, symbol: str, session: date) -> Change:
    """From the intraday low of the session that made the past year's lowest close, to the session's close."""
    lowest = measures.change_from_extreme(md, symbol, session, "low", EXTREME_REACH_DAYS)
    return measures.change_from_session_extreme(md, symbol, lowest.start_session, session, "low")
