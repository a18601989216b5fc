"""Issue 12, session 30: a figure of a span its time words name, which the extraction did not anchor.

A move read at its session ('the session's move, the sessions up to 5 either side') whose words name another span:
'up nearly 50 percent since Jobs unveiled the product in early January', 'had been up 37 percent from a year low
last July', 'after it had risen 21 percent over the previous 13 sessions', 'capping an eight-year run that produced
a 36.9 percent drop', 'slumped 19 percent in the first two months of 2009'; or, in a sentence with no time words of
its own that sets its figure beside another ('By comparison, the S&P 500 was up 22 percent', 'But Goldman's rose 71
percent'), the span the sentence before names ('since March 5, ... as of Monday').
The span's ends are loose (a part of a month, a count of months back, the last close before the piece), so the
closes from each base close the words allow to each end they allow are weighed; where one pair bears the figures
out, the accusation is withdrawn (`unverifiable`, the reading named). Where none does, the verdict stands: a figure
set beside a span it fails (a written control) stays accused. Never accuses.
A span that a superlative's words give ('its biggest gain since early March', 'the first time since November')
dates the superlative, not the move, and is not read.
Session 32: a figure of points is weighed over the span too ('which had shed more than 600 points over the
past five sessions'), and a part of the claim's week is a span ('rose early in the week': Monday to Wednesday from
the last close before the week; 'late in the week': Thursday or Friday from Tuesday's or Wednesday's close).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from analyzer.check import article as art
from analyzer.check.article import Sibling
from analyzer.check.figures import CENT, figure_agrees
from analyzer.check.moves import mismatches
from analyzer.errors import MarketDataError
from analyzer.extract import lexicon
from analyzer.extract.timeref import FULL_MONTHS_ALT, MONTHS, SUPERLATIVE_BEFORE_RE, local_published
from analyzer.market import measures
from analyzer.market.calendar import (
    closing_time,
    is_session,
    next_session,
    previous_session,
    session_on_or_after,
    session_on_or_before,
)
from analyzer.market.data import MarketData
from analyzer.records import Article, Claim, Verdict

MOVES = ("index_move", "stock_move")
WORD_NUMBERS = lexicon.numbers("numbers", "word_numbers")
NUMBER = r"(?:\d{1,3}|" + lexicon.alternation(WORD_NUMBERS) + ")"
# a month's full name, capitalized ('the bear-market low' holds no 'Mar', 'investors may' no 'May')
MONTH = r"(?-i:" + FULL_MONTHS_ALT + r")\b"
# 'since Jobs unveiled the product in early January', 'from a year low last July', 'since March 5', 'since the CEO
# took the reins in September 2001': a base in a month (a part of it, or a day of it)
SINCE_A_MONTH_RE = re.compile(rf"\b(?:since|from)\b(?P<between>[^,;:!?()]{{0,80}}?)\b"
                              rf"(?:(?P<part>early|mid|late)[\s-]+)?(?P<month>{MONTH})(?:\s+(?P<day>\d{{1,2}})\b)?(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?",
                              re.I)
# 'over the previous 13 sessions', 'in the past three months', 'an eight-year run', 'in the last week'
PAST_UNITS_RE = re.compile(rf"\b(?:over|in|during|for|across)\s+the\s+(?:past|last|previous|prior|preceding)\s+"
                           rf"(?:(?P<n>{NUMBER})\s+)?(?:trading\s+)?(?P<unit>sessions?|days?|weeks?|months?|years?)\b"
                           rf"|\b(?P<n2>{NUMBER})[- ](?P<unit2>session|day|week|month|year)\s+(?:run|rally|stretch|"
                           r"span|period|slide|decline|advance|climb|surge|rout|sell-off|bull market|bear market)\b",
                           re.I)
# 'in the first two months of 2009', 'in the first three months of the year'
FIRST_MONTHS_RE = re.compile(rf"\b(?:in|over|during|for)\s+the\s+first\s+(?P<n>{NUMBER})\s+months\s+of\s+"
                             r"(?:(?P<year>(?:19|20)\d\d)|the\s+year|this\s+year)\b", re.I)
# 'AIG shares rose early in the week', 'had fallen 3 percent earlier this week': a part of the claim's week
# (session 32), from the last close before that week to a session of the part named
PART_OF_WEEK_RE = re.compile(r"\b(?P<part>early|earlier|late|later)\s+(?:in\s+)?(?:the|this)\s+week\b", re.I)
# the weekdays (Monday 0) a base close and an end may fall on; a base of None: the last close before the week
WEEK_PARTS = {"early": (None, (0, 2)), "earlier": (None, (0, 4)), "late": ((1, 2), (3, 4)), "later": ((1, 2), (3, 4))}
# a sentence that sets its figure beside another one told before ('By comparison, ...', 'But Goldman's rose ...')
BESIDE_RE = re.compile(r"^\W*(?:but|by comparison|by contrast|in comparison|meanwhile|compared with that)\b", re.I)
# a base that is an extreme of the month ('from a year low last July', 'from its record high of October 2007'): the
# month's lowest (highest) close, not any close of it
LOW_RE = re.compile(r"\b(?:lows?|bottom(?:ed)?|trough|floor)\b", re.I)
HIGH_RE = re.compile(r"\b(?:highs?|peak(?:ed)?|record)\b", re.I)
EXTREME_AFTER_RE = re.compile(r"[^,;:.!?()]{0,30}")
EXTREME_BEFORE_SINCE_RE = re.compile(r"\b(?:lows?|highs?|levels?|peaks?|bottoms?|closes?)\W*$", re.I)
CLOSING_RE = re.compile(r"\bclos(?:e|es|ed|ing)\b", re.I)
PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
# how far (sessions either side) a base counted back from the end may sit: a month or more back is told loosely
LOOSE_SESSIONS = {"session": 1, "day": 1, "week": 1, "month": 3, "year": 5}


@dataclass(frozen=True)
class Span:
    words: str
    bases: tuple[date, date]  # the first and last day a base close may fall on
    ends: tuple[date, ...]  # the sessions the move may run to
    extreme: str | None = None  # 'low' or 'high': the base is the window's lowest (highest) close
    # an extreme the words do not call a close ('from its record high of October 2007', 'since reaching a floor in
    # early March') may be the window's intraday extreme too, where the data has one
    intraday: bool = False


def a_span_its_time_words_name(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                               siblings: Sequence[Sibling], market: MarketData,
                               article: Article | None) -> Verdict | None:
    """A move whose figures hold from a base close its time words allow to an end they allow, where the checker
    read it at its session (or another period) without that span: not called an error."""
    if claim.kind not in MOVES or (claim.change_pct is None and claim.change_points is None) or \
            claim.direction not in ("up", "down") or \
            claim.session is None or article is None:
        return None
    symbol = art._data_symbol(claim, verdict, market)
    if symbol is None:
        return None
    for span in _spans(claim, article):
        if claim.change_pct is None and not _in_the_claims_words(claim, span):
            continue
        found = _a_pair_that_holds(claim, span, symbol, market)
        if found is not None:
            return art._note(verdict, f"the words name a span ('{span.words}') the claim was not read over: {found}, "
                             "the figures hold", f"the span the words name ('{span.words}')")
    return None


# how far after a points claim's words its span's words may begin ('... shed more than 600 points | over the
# past five sessions')
POINTS_SPAN_AFTER_CHARS = 40
FIGURE_RE = re.compile(r"(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?:points?|percent|%)", re.I)


def _in_the_claims_words(claim: Claim, span: Span) -> bool:
    """Whether a points figure's span is told right after its own figure: in 'The Dow, which had shed 600 points
    over the past five sessions, jumped 250 points' the span is the 600 points', not the 250's (a copy
    of the later figure turned down would hold over it by chance). The last figure before the span's words must be
    the claim's own, at most a few words before them."""
    at = claim.sentence.find(span.words)
    figures = list(FIGURE_RE.finditer(claim.sentence, 0, max(at, 0)))
    if at < 0 or not figures or at - figures[-1].end() > POINTS_SPAN_AFTER_CHARS:
        return False
    stated = (claim.stated.get("change_points") or "").replace(",", "")
    return bool(stated) and figures[-1].group("number").replace(",", "") == stated


def _spans(claim: Claim, article: Article) -> Iterator[Span]:
    """The spans the claim's sentence names, else (a sentence that sets its figure beside another, with no time
    words of its own) those of the sentence before."""
    ends = _ends(claim, article)
    own = list(_spans_in(claim.sentence, claim, ends))
    yield from own
    if own or not BESIDE_RE.search(claim.sentence) or art.OWN_TIME_WORDS_RE.search(claim.sentence) or \
            (claim.period or "day") not in ("day", "intraday"):
        return
    yield from _spans_in(art._sentence_before(article, claim), claim, ends)


def _ends(claim: Claim, article: Article) -> tuple[date, ...]:
    """The claim's session, the one before it (figures prepared to the last close) and the last close before the
    piece (a span 'to date' told after the session the extraction gave)."""
    session = date.fromisoformat(claim.session or "")
    ends = [session, previous_session(session)]
    if article.published is not None:
        local = local_published(article.published)
        day = local.date()
        last = day if is_session(day) and local >= closing_time(day) else previous_session(day)
        if last not in ends and last > session:
            ends.append(last)
    return tuple(ends)


def _spans_in(text: str, claim: Claim, ends: tuple[date, ...]) -> Iterator[Span]:
    for m in SINCE_A_MONTH_RE.finditer(text):
        if not SUPERLATIVE_BEFORE_RE.search(text[:m.start()]) and not _dates_an_extreme(text, m) and \
                (bases := _month_bases(m, ends[0])) is not None:
            # the extreme's word before the month or right after it ('from its October record close')
            between = f"{m.group('between')} {EXTREME_AFTER_RE.match(text, m.end()).group(0)}"
            extreme = "low" if LOW_RE.search(between) else "high" if HIGH_RE.search(between) else None
            yield Span(m.group(0), bases, ends, extreme, extreme is not None and not CLOSING_RE.search(between))
    for m in PAST_UNITS_RE.finditer(text):
        if not SUPERLATIVE_BEFORE_RE.search(text[:m.start()]):
            yield from _units_back(m, ends)
    for m in PART_OF_WEEK_RE.finditer(text):
        if (span := _part_of_week(m, ends[0])) is not None:
            yield span
    for m in FIRST_MONTHS_RE.finditer(text):
        n = _number(m.group("n"))
        year = int(m.group("year")) if m.group("year") else ends[0].year
        if n is not None and 1 <= n <= 11 and date(year, n + 1, 1) <= ends[0]:
            last = date(year, n + 1, 1) - timedelta(days=1)
            yield Span(m.group(0), (date(year - 1, 12, 31), date(year - 1, 12, 31)),
                       (session_on_or_before(last),))


def _part_of_week(m: re.Match[str], session: date) -> Span | None:
    """The sessions of the part of the claim's week the words name: Monday to Wednesday for 'early' and up to the
    day before the claim's session for 'earlier', from the last close before the week; Thursday and Friday for
    'late', from Tuesday's or Wednesday's close."""
    part = m.group("part").lower()
    base_days, (first, last) = WEEK_PARTS[part]
    monday = session - timedelta(days=session.weekday())
    bases = (previous_session(monday),) * 2 if base_days is None else \
        (monday + timedelta(days=base_days[0]), monday + timedelta(days=base_days[1]))
    ends = tuple(day for day in (monday + timedelta(days=i) for i in range(first, last + 1))
                 if is_session(day) and day <= session and (part != "earlier" or day < session))
    return Span(m.group(0), bases, ends) if ends else None


def _dates_an_extreme(text: str, m: re.Match[str]) -> bool:
    """'to $55.20, a low since August 2005': a 'since' right after an extreme's word dates the extreme, not the
    move ('down 45 percent from its high of October 2007' is a base, and is read)."""
    return m.group(0).lower().startswith("since") and EXTREME_BEFORE_SINCE_RE.search(text[:m.start()]) is not None


def _number(text: str | None) -> int | None:
    if not text:
        return 1
    if text.isdigit():
        return int(text)
    value = WORD_NUMBERS.get(text.lower())
    return int(value) if value is not None else None


def _month_bases(m: re.Match[str], session: date) -> tuple[date, date] | None:
    """The days a base close in the month named may fall on: the part of it named, or the day named, of the year
    named or the last such month before the session."""
    month = MONTHS[m.group("month").lower()]
    day = int(m.group("day")) if m.group("day") else None
    if day is not None and not 1 <= day <= 31:
        return None
    first, last = PARTS.get((m.group("part") or "").lower(), (1, 31))
    if day is not None:
        first = last = day
    year = int(m.group("year")) if m.group("year") else session.year
    if not m.group("year") and date(year, month, 1) + timedelta(days=first - 1) >= session:
        year -= 1
    last = min(last, calendar.monthrange(year, month)[1])
    if day is not None and day > last:
        return None
    start, end = date(year, month, min(first, last)), date(year, month, last)
    return (start, end) if start < session else None


def _units_back(m: re.Match[str], ends: tuple[date, ...]) -> Iterator[Span]:
    n = _number(m.group("n") or m.group("n2"))
    unit = (m.group("unit") or m.group("unit2") or "").lower().rstrip("s")
    if n is None or n < 1 or unit not in LOOSE_SESSIONS:
        return
    for end in ends:
        target = _back(end, n, unit)
        if target is None:
            continue
        low, high = previous_session(target, LOOSE_SESSIONS[unit]), next_session(target, LOOSE_SESSIONS[unit])
        if high < end:
            yield Span(m.group(0), (low, high), (end,))


def _back(end: date, n: int, unit: str) -> date | None:
    """The session ``n`` units before ``end``."""
    if unit in ("session", "day"):
        return previous_session(end, n)
    if unit == "week":
        day = end - timedelta(weeks=n)
    else:
        months = n * (12 if unit == "year" else 1)
        year, month = divmod(end.year * 12 + end.month - 1 - months, 12)
        if year < 1900:
            return None
        day = date(year, month + 1, min(end.day, calendar.monthrange(year, month + 1)[1]))
    return session_on_or_before(day)


def _a_pair_that_holds(claim: Claim, span: Span, symbol: str, market: MarketData) -> str | None:
    """'from the close of B to that of E: a -> b, +x%' for the first base close in the span's window and end it
    allows whose move bears the claim's figures out; None where none does."""
    try:
        closes, _ = market.price_series(symbol, start=span.bases[0] - timedelta(days=7), end=max(span.ends))
    except (MarketDataError, KeyError, ValueError):
        return None
    bases = _bases(span, closes, symbol, market)
    for end in span.ends:
        at = closes[closes.index <= str(end)]
        if at.empty or at.index[-1].date() != end:
            continue
        last = float(at.iloc[-1])
        for day, base, what in bases:
            if base and day < end and _figure_holds(claim, base, last):
                return (f"from {what} {day.isoformat()} ({base:,.2f}) to the close of {end.isoformat()} "
                        f"({last:,.2f}), {(last / base - 1) * 100:+.2f}%"
                        + (f" ({last - base:+,.2f} points)" if claim.change_pct is None else ""))
    return None


def _figure_holds(claim: Claim, base: float, last: float) -> bool:
    """Whether the move from ``base`` to ``last`` bears out the claim's percentage, or its points where it gives no
    percentage ('which had shed more than 600 points over the past five sessions', session 32)."""
    move = (last / base - 1) * 100
    if not move or (move > 0) != (claim.direction == "up"):
        return False
    if claim.change_pct is not None:
        return figure_agrees(claim.change_pct, claim.stated.get("change_pct"), move, claim.qualifier).ok
    return figure_agrees(claim.change_points or 0.0, claim.stated.get("change_points"), last - base,
                         claim.qualifier, slack=CENT).ok


def _bases(span: Span, closes: pd.Series, symbol: str, market: MarketData) -> list[tuple[date, float, str]]:
    """The base closes of the span's window (its lowest or highest where the words name an extreme), and the
    window's intraday extreme where the words allow one."""
    window = closes[(closes.index >= str(span.bases[0])) & (closes.index <= str(span.bases[1]))]
    if span.extreme is not None and not window.empty:
        window = window[[window.idxmin() if span.extreme == "low" else window.idxmax()]]
    bases = [(day.date(), float(value), "the close of") for day, value in window.items()]
    if span.intraday and (extreme := _window_intraday_extreme(span, symbol, market, closes.name)) is not None:
        bases.append(extreme)
    return bases


def _window_intraday_extreme(span: Span, symbol: str, market: MarketData,
                             column: object) -> tuple[date, float, str] | None:
    """The window's lowest low (highest high), where the data has intraday ranges there and the closes measured by
    are as traded (an adjusted close is no base for a quoted high)."""
    if column != "close" or span.extreme is None:
        return None
    try:
        bars = market.bars(symbol)
    except (MarketDataError, KeyError, ValueError):
        return None
    side = bars[(bars.index >= str(span.bases[0])) & (bars.index <= str(span.bases[1]))][
        "low" if span.extreme == "low" else "high"].dropna()
    if side.empty:
        return None
    day = side.idxmin() if span.extreme == "low" else side.idxmax()
    return day.date(), float(side[day]), f"the intraday {span.extreme} of"


PERIODS_OF_A_SPAN = ("week", "month", "quarter", "year", "ytd", "other")


def a_period_the_sentence_closes_with(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                      siblings: Sequence[Sibling], market: MarketData,
                                      article: Article | None) -> Verdict | None:
    """'The Dow gained 0.8 percent, the S&P 500 added 1.2 percent and the Nasdaq firmed 2.7 percent in March': the
    time words that close the sentence govern each move of the list, but the extraction gave them to the last one
    only (session 32). A move read at its session, with no time words between its words and a later move of the
    same sentence that was read over a span, is weighed over that span; where the closes bear its figures out, the
    accusation is withdrawn."""
    if claim.kind not in MOVES or (claim.period or "day") not in ("day", "intraday") or claim.time_text or \
            claim.span_start is None:
        return None
    symbol = art._data_symbol(claim, verdict, market)
    if symbol is None:
        return None
    for span, words in _later_spans_of_the_sentence(claim, siblings):
        try:
            change = measures.period_change(market, symbol, span[0], span[1])
        except (MarketDataError, KeyError, ValueError):
            continue
        if not mismatches(claim, change, change.series)[0]:
            return art._note(verdict, f"the sentence's closing time words ('{words}') govern its list of moves; over "
                             f"the span they gave a later move ({change.start_session.isoformat()} to "
                             f"{change.end_session.isoformat()}: {change.change_pct:+.2f}%) the figures hold",
                             f"the span of the sentence's closing time words ('{words}')")
    return None


def _later_spans_of_the_sentence(claim: Claim, siblings: Sequence[Sibling]) -> Iterator[tuple[tuple[date, date], str]]:
    """The (base, end) of each later move of the claim's sentence read over a span, where no time words stand
    between the claim's words and that move's, with the sentence's words after that move."""
    for sibling in siblings:
        other, checked = sibling.claim, sibling.verdict
        if other is claim or other.kind not in MOVES or other.sentence != claim.sentence or \
                other.char_start != claim.char_start or other.period not in PERIODS_OF_A_SPAN or \
                other.span_start is None or other.span_start <= (claim.span_end or claim.span_start) or \
                checked is None or checked.verdict != "supported" or not checked.evidence:
            continue
        between = claim.sentence[claim.span_start:other.span_start]
        figures = checked.evidence[0].figures or {}
        if art.OWN_TIME_WORDS_RE.search(between) or not figures.get("prev_session") or not checked.evidence[0].session:
            continue
        yield ((date.fromisoformat(str(figures["prev_session"])), date.fromisoformat(str(checked.evidence[0].session))),
               claim.sentence[other.span_end or other.span_start:].strip())


LOOKS = (a_span_its_time_words_name, a_period_the_sentence_closes_with)


# 'the rally that has pushed the Dow and S&P to 13-month highs': a state told in the present perfect, reached at some
# session up to the one told, not necessarily at that session's close
PRESENT_PERFECT_RE = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ung|ent|ut)\b", re.I)
RECENT_SESSIONS = 4
# 'in December 2007, barely two months after the Dow and the S&P 500 set lifetime closing highs': a month of a past
# year the sentence names, with the months before it the words may count back
MONTH_OF_A_YEAR_RE = re.compile(rf"\b(?P<month>{MONTH})\s+(?P<year>(?:19|20)\d\d)\b", re.I)
MONTHS_BEFORE = 3


def a_record_of_a_time_the_words_name(claim: Claim, verdict: Verdict, market: MarketData,
                                      article: Article | None) -> Verdict | None:
    """A record whose words carry no day of their own, told in the present perfect (at one of the sessions up to
    the one it was read at) or in a sentence that names a month of a past year (at a session of that month or of the
    few months before it): where it holds at such a session, not called an error."""
    if claim.kind != "record" or claim.time_text or claim.session is None or verdict.verdict != "contradicted":
        return None
    session = date.fromisoformat(claim.session)
    for words, days in _record_sessions(claim.sentence, session):
        for day in days:
            other = art._checked_on(claim, market, day)
            if other is not None and other.verdict == "supported":
                return art._note(verdict, f"the words ('{words}') do not tie it to {session.isoformat()}; at "
                                 f"{day.isoformat()} it holds: {other.explanation}", f"a session the words allow "
                                 f"({day.isoformat()})")
    return None


def _record_sessions(sentence: str, session: date) -> Iterator[tuple[str, list[date]]]:
    if (m := PRESENT_PERFECT_RE.search(sentence)) is not None:
        yield m.group(0), [previous_session(session, k) for k in range(1, RECENT_SESSIONS + 1)]
    for m in MONTH_OF_A_YEAR_RE.finditer(sentence):
        month, year = MONTHS[m.group("month").lower()], int(m.group("year"))
        last = date(year, month, calendar.monthrange(year, month)[1])
        if last >= session - timedelta(days=31):
            continue
        first = date(year - (month <= MONTHS_BEFORE), (month - MONTHS_BEFORE - 1) % 12 + 1, 1)
        day, days = session_on_or_after(first), []
        while day <= last:
            days.append(day)
            day = next_session(day)
        yield m.group(0), days
