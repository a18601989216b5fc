"""Issue 12, session 29: the wrong-period and intraday families of false `contradicted`, keyed on properties of the
claim and its piece rather than on phrasings.

- A quarter told without its name in a piece written in the weeks after a quarter ended ('Shares of Colgate rose
  5.1 percent during the quarter' in a results story of late January): the quarter just reported, which the
  figures fit, not the quarter to date.
- A piece stamped before the open that tells of a move on its own day ('Shares of large-cap banks rose on Wednesday'
  at 8:11 a.m. on a Wednesday): its stock figures are pre-market quotes from the last close, as where it names
  pre-market trading (``session_readings.pre_market_words_before_the_open``).
Two more looks of fa29 (a day's figure no session of the index came near; a span that belongs to an earlier figure
of the claim's words) were taken out after the full suite: each withdrew written controls that must stay accused
('The S&P 500 rose 35 percent, and buyers have kept coming back since', a range of percentages, a quarter's figure
told after the quarter, a figure after 'a day after').
Each only withdraws an accusation (to `unverifiable`, the reason said); none accuses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from analyzer.check import article as art
from analyzer.check.article import Sibling
from analyzer.errors import MarketDataError
from analyzer.extract import lexicon
from analyzer.extract.timeref import local_published
from analyzer.market import measures
from analyzer.market.calendar import session_on_or_before
from analyzer.market.data import MarketData
from analyzer.records import Article, Claim, Verdict

MOVES = ("index_move", "stock_move")
# the readings of the session alone (no span the words name was read)
SESSION_READINGS = ("the session's", "the sessions up to")


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
        change = measures.period_change(market, symbol, first, session_on_or_before(last))
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
LOOKS = (the_quarter_just_reported, the_days_trading_before_the_open)
