"""Issue 12, session 29: the wrong-period and intraday families of false `contradicted`, keyed on properties of the
claim and its piece rather than on phrasings.

- A session's figure no session of the index came near ('short of the 24 percent gain in the S&P 500' in a
  year-end piece, read as a moment of the session): the figure is of a longer span the words give and the extraction
  did not anchor. Only where the checker read the session alone: where it read a span the words name (the year to
  date, a low) the figure was weighed over it, and the doubled copy of a year's figure ('up 13.6 percent for 2006'
  made 27.2) must stay accused.
- A quarter told without its name in a piece written in the weeks after a quarter ended ('Shares of Colgate rose
  5.1 percent during the quarter' in a results story of late January): the quarter just reported, which the
  figures fit, not the quarter to date.
- A piece stamped before the open that tells of a move on its own day ('Shares of large-cap banks rose on Wednesday'
  at 8:11 a.m. on a Wednesday): its stock figures are pre-market quotes from the last close, as where it names
  pre-market trading (``session_readings.pre_market_words_before_the_open``).
- Two figures of one subject in the claim's words, the claim's the later ('is down 9.7 percent in 2009, but has
  gained 22.4 percent since reaching a floor'): the span the claim was read over is the earlier figure's, which
  the data bears out; the later figure is of another span.
Each only withdraws an accusation (to `unverifiable`, the reason said); none accuses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np

from analyzer.check import article as art
from analyzer.check import told_elsewhere
from analyzer.check.article import Sibling
from analyzer.errors import MarketDataError
from analyzer.extract import lexicon
from analyzer.extract.timeref import FULL_MONTHS_ALT, local_published
from analyzer.market import measures
from analyzer.market.calendar import is_session, previous_session
from analyzer.market.data import MarketData
from analyzer.records import Article, Claim, Verdict

MOVES = ("index_move", "stock_move")
DAY_PERIODS = ("day", "intraday")
# the sessions looked back over for the instrument's largest move (about a year)
YEAR_SESSIONS = 260
# a day's figure this many times the largest session move of the year is of another span
NO_SESSION_FACTOR = 3.0
# and at least this large: a small figure is some session's, whatever the year was like
NO_SESSION_FLOOR_PCT = 5.0


def no_session_comes_near(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                          siblings: Sequence[Sibling], market: MarketData,
                          article: Article | None) -> Verdict | None:
    """A day's (or a moment's) percentage no session of the index came near in the year to the claim's session:
    the words give a longer span (a year, a rally) the extraction did not anchor. An index only: a stock's news day
    (a bid, a collapse) can move it far beyond anything in its year, and a wrong figure of such a day must stay
    accused."""
    if claim.kind != "index_move" or (claim.period or "day") not in DAY_PERIODS or claim.change_pct is None or \
            claim.session is None or not all(reading.startswith(SESSION_READINGS) for reading in verdict.readings):
        return None
    if told_elsewhere.period_a_comparison_runs_over(claim, says_close, article) is not None:
        return None  # a figure set beside the sentence before's period was weighed over that period and failed there
    symbol = art._data_symbol(claim, verdict, market)
    largest = _largest_session_move(market, symbol, date.fromisoformat(claim.session)) if symbol else None
    if largest is None or abs(claim.change_pct) < max(NO_SESSION_FACTOR * largest, NO_SESSION_FLOOR_PCT):
        return None
    return art._note(verdict, f"a move of {abs(claim.change_pct):g}% is no session's of {symbol}: its largest session "
                     f"move in the year to {claim.session} was {largest:.2f}%, so the figure is of a longer span the "
                     "words give, which the claim was not read over", "a figure of no session (its size)")


# the readings of the session alone: where the checker read the claim over any span the words name ('up 27 percent
# for 2006' over the year to date, 'up 57 percent from the bear market low' from the year's lowest close), its figure
# was weighed over its own span and failed there, and its size tells nothing of a span left unread
SESSION_READINGS = ("the session's", "the sessions up to")
# a base at an extreme the words name ('since hitting its all-time high')
EXTREME_READ_RE = re.compile(r"\b(?:lowest|highest|record) close\b|\bthe (?:low|high) of\b")


def _largest_session_move(market: MarketData, symbol: str, session: date) -> float | None:
    """The largest close-to-close move, in percent, of the ``YEAR_SESSIONS`` sessions to ``session``."""
    try:
        track = market.price_track(symbol, "price", start=session - timedelta(days=400), end=session)
    except (MarketDataError, KeyError, ValueError):
        return None
    end = track.position_on_or_before(session)
    if end is None or end < 20:
        return None
    values = track.values[max(0, end - YEAR_SESSIONS):end + 1]
    moves = np.abs(np.diff(values) / values[:-1]) * 100.0
    moves = moves[np.isfinite(moves)]
    return float(moves.max()) if len(moves) else None


# 'during the quarter', 'in the latest quarter', 'for the past quarter': a quarter the words do not name
PLAIN_QUARTER_RE = re.compile(r"\b(?:during|in|over|for|through|from)\s+the\s+(?:(?:latest|last|past|previous|prior|"
                              r"most recent|recent|just[- ]ended|just[- ]completed|three-month)\s+)?quarter\b"
                              r"(?!\s+(?:so far|to date))", re.I)
# how long after a quarter's end a piece still reports on it (results and holdings filings come within weeks)
REPORTED_QUARTER_DAYS = 50


def the_quarter_just_reported(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                              siblings: Sequence[Sibling], market: MarketData,
                              article: Article | None) -> Verdict | None:
    """'rose 5.1 percent during the quarter' in a piece written within weeks of a quarter's end: the quarter just
    ended (the one a results story or a holdings filing reports), when its closes bear the figures out."""
    if claim.kind not in MOVES or article is None or article.published is None or \
            not PLAIN_QUARTER_RE.search(claim.sentence):
        return None
    symbol = art._data_symbol(claim, verdict, market)
    first, last = _quarter_before(local_published(article.published).date())
    if symbol is None or (local_published(article.published).date() - last).days > REPORTED_QUARTER_DAYS:
        return None
    from analyzer.check.moves import mismatches

    try:
        change = measures.period_change(market, symbol, first, _session_on_or_before(last))
    except (MarketDataError, KeyError, ValueError):
        return None
    if mismatches(claim, change, change.series)[0]:
        return None
    return art._note(verdict, f"the piece was written {(local_published(article.published).date() - last).days} days "
                     f"after the quarter that ended {last.isoformat()}, which 'the quarter' names; over it "
                     f"({change.start_session.isoformat()} to {change.end_session.isoformat()}: "
                     f"{change.change_pct:+.2f}%) the figures hold", "the quarter just reported")


def _quarter_before(day: date) -> tuple[date, date]:
    """The last day of the quarter before the one ``day`` is in (the base: the close on or before it) and that
    quarter's last day."""
    start_month = 3 * ((day.month - 1) // 3) + 1
    last = date(day.year, start_month, 1) - timedelta(days=1)
    first_month = 3 * ((last.month - 1) // 3) + 1
    return date(last.year, first_month, 1) - timedelta(days=1), last


def _session_on_or_before(day: date) -> date:
    return day if is_session(day) else previous_session(day)


# how far before the claim's sentence the day of the moves is looked for
CUE_BEFORE_CHARS = 300
# a word of a price move: the verbs of the lexicon in any form ('rise' -> 'rising', 'risen'), or 'were up'
MOVE_WORD = "(?:" + "|".join(sorted({re.escape(verb[:-1] if verb.endswith("e") else verb) for verb in
                                     (*lexicon.words("moves", "up_verbs"), *lexicon.words("moves", "down_verbs"))},
                                    key=len, reverse=True)) + r")\w*|\b(?:is|are|was|were)\s+(?:up|down|higher|lower)"


# the piece's own day named as the day of a move: 'rose on Wednesday', 'fell this morning' (not 'confirmed on
# Wednesday' nor 'to report results on Wednesday': the day of some news)
def _own_day_re(day: date) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{MOVE_WORD})\s+(?:[\w,'-]+\s+){{0,4}}?(?:on\s+{day:%A}|{day:%A}\s+morning|today|"
                      r"this morning)\b", re.I)


def the_days_trading_before_the_open(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                     siblings: Sequence[Sibling], market: MarketData,
                                     article: Article | None) -> Verdict | None:
    """'Shares of large-cap banks rose on Wednesday ... Citigroup gained 20 percent to $4.25' stamped at 8:11 a.m.
    on that Wednesday: the text before the claim tells of the piece's own day's trading before that day's session
    opened, so its stock figures are pre-market quotes from the last close. Not where the claim's words say it
    closed or name another day, nor where the article's other figures of that session hold as closes; a quote far
    outside what the session it led into traded (widened by the stock's recent moves) still fails."""
    from analyzer.check import session_readings

    stamp = art.stamp_of(article)
    if article is None or stamp is None or stamp.where != "before the open" or claim.kind != "stock_move" or \
            says_close or (claim.period or "day") != "day" or not session_readings._as_written(claim, own):
        return None
    if claim.session != stamp.last_close.isoformat() or art._names_another_day(claim, stamp) or \
            not all(reading.startswith(SESSION_READINGS) for reading in verdict.readings) or \
            art._article_reads_closes(claim, claim.session, siblings, recaps_count=False):
        return None
    # the claim's sentence up to its words, and the text just before it (the lead, a paragraph before)
    before = article.text[max(0, claim.char_start - CUE_BEFORE_CHARS):claim.char_start]
    cue = _own_day_re(stamp.day).search(f"{before} {claim.sentence[:claim.span_start or 0]}")
    if cue is None:
        return None
    where = session_readings._could_have_traded(claim, verdict, market, [stamp.leads_into], recent=True)
    if where is None:
        return None
    return art._note(verdict, f"the piece was stamped before the open of {stamp.day.isoformat()} and tells of that "
                     f"day's trading ('{cue.group(0)}'), so the figure is a pre-market quote from the last close "
                     f"({stamp.last_close.isoformat()}), which daily closes cannot settle{where}",
                     "a pre-market quote (the day the piece tells of and its time stamp)")


# a capitalized word (a name) and the names of times, which are no other subject
NAME_RE = re.compile(r"\b[A-Z][\w&.'-]*")
TIME_NAME_RE = re.compile(rf"(?:{FULL_MONTHS_ALT}|{art._WEEKDAY_NAMES})")
# a plain percentage in the claim's words: 'down 9.7 percent'
PLAIN_PERCENT_RE = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b|pct\b)", re.I)


def the_earlier_figures_span(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                             siblings: Sequence[Sibling], market: MarketData,
                             article: Article | None) -> Verdict | None:
    """'The S&P 500 is down 9.7 percent in 2009, but has gained 22.4 percent since reaching a floor in early March'
    read as one claim of 22.4% over the year: the claim's words hold an earlier figure of the same instrument that
    the span read bears out at its precision, so the span is that figure's and the claim's own figure is of
    another span its clause names."""
    from analyzer.check.figures import figure_agrees

    # a figure read from a base its words name at an extreme ('has shed 47.9 percent since hitting its all-time
    # high') was weighed over its own span: the earlier figure's fit tells nothing of it
    if claim.kind not in MOVES or claim.change_pct is None or not verdict.evidence or \
            any(EXTREME_READ_RE.search(reading) for reading in verdict.readings):
        return None
    from analyzer.check.readings import figure_start

    # the percentages of the claim's words before its own (another figure: a copy of the claim's own is no other)
    stated = claim.stated.get("change_pct")
    at = figure_start(claim.sentence, stated, claim.span_start or 0) if stated else -1
    earlier = [m for m in PLAIN_PERCENT_RE.finditer(claim.sentence, claim.span_start or 0, max(at, 0))
               if float(m.group(1)) != abs(claim.change_pct)]
    actual = (verdict.evidence[0].figures or {}).get("change_pct")
    if not earlier or not isinstance(actual, (int, float)):
        return None
    first = earlier[-1]
    # one subject for both figures: no other name between them ('the Dow rose 1.2 percent and the S&P 500 ...')
    between = claim.sentence[first.end():at]
    if any(not TIME_NAME_RE.fullmatch(word) for word in NAME_RE.findall(between)):
        return None
    if not figure_agrees(float(first.group(1)), first.group(1), float(actual)).ok:
        return None
    return art._note(verdict, f"the claim's words hold an earlier figure ('{first.group(0)}') which the span it was "
                     f"read over bears out ({float(actual):+.2f}%): the span is that figure's, and the claim's "
                     f"{claim.change_pct:g}% is of another span its own clause names", "an earlier figure's span")


LOOKS = (no_session_comes_near, the_quarter_just_reported, the_days_trading_before_the_open, the_earlier_figures_span)
