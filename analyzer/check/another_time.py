"""Issue 12, spent story audit reuters_2008_stories_seed1111: a class of false `contradicted`.

- A figure of another time in a history piece ('Black Monday struck in October 1987. The Dow lost 22.6 percent, or
  508 points.'): the text just before the sentence sets a year long past, and the figure cannot be one of the
  instrument now (its points and percentage give a previous close far from today's, or a move no index makes in a
  session). Left unverifiable: the daily data is not read back to that year.
It only withdraws an accusation (never accuses). (A superlative told of several indexes together, where one
index's named day was a hair smaller, was labelled a real error by the labeller and is left accused.)"""


from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from analyzer.check.moves import target_for
from analyzer.errors import MarketDataError
from analyzer.market import measures
from analyzer.market.data import MarketData
from analyzer.records import Article, Claim, Verdict

MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|March|April|May|June|July|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|" \
    r"Nov(?:ember)?|Dec(?:ember)?)\.?"
# a year told as the time of events: 'In 1987', 'October 1987', 'September 3, 1929', '* 1987 --', 'of 1929'
# ('since 2006' or 'from 2006' measure from it and do not set the time)
EVENT_YEAR_RE = re.compile(rf"(?:\b(?:in|of|during)\s+|\b{MONTHS}\s+(?:\d{{1,2}},?\s+)?|(?:^|[*\-]\s*))"
                           r"((?:18|19|20)\d\d)\b(?!\s*(?:levels?|highs?|lows?|peaks?))", re.I | re.M)
ANY_YEAR_RE = re.compile(r"\b(?:18|19|20)\d\d\b")
# a move told up to now ('has gained 44 percent since he took over in 2001') is of now, whatever year it starts in
UP_TO_NOW_RE = re.compile(r"\b(?:since|has|have|so far|to date)\b", re.I)
# how far back the passage before the sentence is read for the year it sets
BEFORE_CHARS = 400
# a year at least this many years before the article's is another time
YEARS_BACK = 2
# points and percentage that give a previous close off by this factor either way are of another level of the index
BASE_FACTOR = 2.0
# a move this large in one session is no day of an index now (the biggest in the data are about 20-23%)
NO_SESSION_PCT = 25.0


def a_figure_of_another_time(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                             siblings: Sequence[Any], market: MarketData, article: Article | None) -> Verdict | None:
    """An index's figure after a passage that sets a year long past, which cannot be a move of the index now."""
    # a level told with the move is a print of the session (another index's, when it is not this one's)
    if claim.kind != "index_move" or claim.level is not None or article is None or article.published is None or \
            ANY_YEAR_RE.search(claim.sentence) or UP_TO_NOW_RE.search(claim.sentence):
        return None
    year = _year_set_before(article, claim)
    if year is None or year > article.published.year - YEARS_BACK:
        return None
    why = _not_of_now(claim, verdict)
    if why is None or _another_index_now(claim, market):
        return None
    from analyzer.check.article import _note

    return _note(verdict, f"the passage before sets the time in {year}, and {why}: a figure of that time, which "
                 "the daily closes are not read back for", f"a figure of {year}")


def _year_set_before(article: Article, claim: Claim) -> int | None:
    head = claim.sentence[:40]
    start = article.text.rfind(head, 0, claim.char_start + len(head)) if head else -1
    start = claim.char_start if start < 0 else start
    before = article.text[max(0, start - BEFORE_CHARS):max(0, start)]
    found = list(EVENT_YEAR_RE.finditer(before))
    if not found:
        return None
    last = found[-1]
    # a later year named after it (a plain '2008') sets the time again
    if any(int(m.group(0)) > int(last.group(1)) for m in ANY_YEAR_RE.finditer(before, last.end())):
        return None
    return int(last.group(1))


def _not_of_now(claim: Claim, verdict: Verdict) -> str | None:
    """Why the figure cannot be the index's now: points and percent give another previous close, or a move no
    session makes."""
    prev = _previous_close(verdict)
    if claim.change_pct and claim.change_points and prev:
        base = claim.change_points / (claim.change_pct / 100)
        if not 1 / BASE_FACTOR <= base / prev <= BASE_FACTOR:
            return (f"the stated {claim.change_points:g} points and {claim.change_pct:g}% give a previous close of "
                    f"about {base:,.0f}, not the index's {prev:,.2f} now")
    # only a figure read as one session's ('rallying 60 percent from the low' runs over months: no session's size)
    if claim.change_pct and claim.change_pct >= NO_SESSION_PCT and claim.period in ("day", "intraday"):
        return f"a move of {claim.change_pct:g}% is no session's of the index now"
    return None


# the indexes whose levels a figure of now could be told in (another index's points and percent, or level, are an
# index named wrongly, not another time)
INDEXES_NOW = ("^GSPC", "^DJI", "^IXIC", "^NDX", "^RUT")
# a figure within this share of an index's previous close is that index's now
NOW_SHARE = 0.05


def _another_index_now(claim: Claim, market: MarketData) -> bool:
    """Whether the points and percent give the previous close of an index the sentence names, on the session."""
    if claim.session is None:
        return True
    if not (claim.change_pct and claim.change_points):
        return False
    base = claim.change_points / (claim.change_pct / 100)
    for symbol in INDEXES_NOW:
        try:
            name = target_for(symbol, market).name.split()[0]
            prev = measures.session_change(market, symbol, date.fromisoformat(claim.session)).start_value
        except (MarketDataError, KeyError, ValueError):
            continue
        if prev and abs(base / prev - 1) <= NOW_SHARE and re.search(rf"\b{re.escape(name)}", claim.sentence):
            return True
    return False


def _previous_close(verdict: Verdict) -> float | None:
    for item in verdict.evidence:
        figures = item.figures or {}
        value = figures.get("prev_close")
        if isinstance(value, (int, float)) and value > 0:
            return float(value)
    return None


# Issue 12, session 19: a span the words name that no reading of the checker takes. 'from 2003 to 2007', 'Between
# mid-June and early July', 'from nearly $60 a share in late 2007', 'from their 12-month high of $83.22 in April',
# 'since the deal', 'since the rule was first announced', 'over the 12-month period', a fiscal quarter: the
# figure is of that span, which the claim's day, month or period to date is not; the closes are not read over it
# (its ends are an event, a fiscal calendar, a price at a loose time), so it is not called an error.
EDGE = rf"(?:(?:early|mid|late|the end of|the start of)[- ]?\s*)?(?:{MONTHS}(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d)"
SPAN_WORDS_RE = re.compile(
    # a closed span between two times
    rf"\b(?:from|between)\s+{EDGE}\s+(?:to|and|through|until|till)\s+{EDGE}\b"
    # a base price told with its time, or an extreme's price with its month
    r"|\bfrom\s+(?:(?:its|their|the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:high|low|peak|level|price|close)\s+of\s+)?"
    r"(?:about|nearly|around|almost|roughly|more than|over|some)?\s*\$\d[\d.,]*(?:\s+(?:a|per)\s+share)?"
    rf"\s+(?:in|at the (?:end|start|beginning) of)\s+{EDGE}\b"
    # since an event the words do not date
    r"|\bsince\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:deal|rule|ban|order|announcement|merger|acquisition|"
    r"takeover|bid|offer|bailout|rescue|election|agreement|approval|downgrade|scandal|buyout)\b"
    # since the start of a year before this one
    r"|\bsince\s+the\s+(?:beginning|start)\s+of\s+(?:last|the previous|the prior)\s+year\b"
    # a period of the company's own calendar
    r"|\b(?:over|during|in|for)\s+the\s+(?:\d+|twelve|six|three|nine)-month\s+period\b"
    r"|\b(?:over|during|in|for)\s+(?:the|its|their)\s+fiscal\s+(?:year|quarter|half|first|second|third|fourth)\b",
    re.I)
# 'profit doubled from 2003 to 2007', 'revenue in the fiscal second quarter': the span of a business figure in the
# same clause, not of the price move
BUSINESS_BEFORE_RE = re.compile(r"\b(?:profits?|loss(?:es)?|earnings|revenues?|sales|income|results|forecasts?|outlook|"
                                r"dividends?|deliveries|output)\b[^,;]*$", re.I)
# 'during the second quarter' of a company's shares told after that quarter: its fiscal quarter may be meant
QUARTER_RE = re.compile(r"\b(?:during|in|over)\s+the\s+(first|second|third|fourth)\s+quarter\b", re.I)
QUARTERS = ("first", "second", "third", "fourth")
WEEK_SO_FAR_RE = re.compile(r"\bsince\s+the\s+(?:beginning|start)\s+of\s+the\s+week\b", re.I)


def a_span_the_words_name(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                          siblings: Sequence[Any], market: MarketData, article: Article | None) -> Verdict | None:
    """An accused move (or comparison) whose sentence names a span the claim was not read over: 'since the
    beginning of the week' is measured over the week (a figure the week gives is not called wrong); the spans
    the closes are not read over (SPAN_WORDS_RE, a company's past quarter) withdraw the accusation."""
    from analyzer.check.article import _note

    if claim.kind in ("index_move", "stock_move") and (claim.period or "day") != "week" and \
            (week := WEEK_SO_FAR_RE.search(claim.sentence)) is not None:
        return _over_the_week(claim, verdict, market, week.group(0))
    m = SPAN_WORDS_RE.search(claim.sentence) or _a_past_quarter(claim, article)
    if m is None or not _the_claims_span(claim, verdict, m):
        return None
    words = m.group(0)
    return _note(verdict, f"the sentence names a span ('{words.strip()}') the claim was not read over, and the "
                 "daily closes are not read over it (its ends are an event, a loose time or a company's calendar)",
                 "a span the words name")


# span words after the claim's figure are its own only this close to it ('rose nearly 4 percent after the government
# said output grew at a 3.3 percent rate between April and June' is the output's span)
SPAN_AFTER_FIGURE_CHARS = 60


def _the_claims_span(claim: Claim, verdict: Verdict, m: re.Match[str]) -> bool:
    """Whether the span words are the claim's: not a business figure's of their clause, not far after the claim's
    figure, and not an event the words date or the checker knows, which it already read the claim from ('since the
    acquisition was announced last September 15', 'since the election')."""
    from analyzer.check.article import figure_position

    if BUSINESS_BEFORE_RE.search(claim.sentence[:m.start()]):
        return False
    figure = figure_position(claim)
    if m.start() > figure and m.start() - figure > SPAN_AFTER_FIGURE_CHARS:
        return False
    if not m.group(0).lower().startswith("since"):
        return True
    # 'since the election': an event whose date the checker knows and read the claim from
    event = m.group(0).split()[-1].lower()
    return not claim.period_start and not any(event in reading for reading in verdict.readings)


def _over_the_week(claim: Claim, verdict: Verdict, market: MarketData, words: str) -> Verdict | None:
    """'up nearly 70 percent since the beginning of the week': the week to the claim's session."""
    from analyzer.check.article import _note
    from analyzer.check.moves import mismatches

    if claim.session is None or not verdict.evidence or not verdict.evidence[0].symbol:
        return None
    try:
        change = measures.week_change(market, verdict.evidence[0].symbol, date.fromisoformat(claim.session))
    except (MarketDataError, ValueError, KeyError):
        return None
    if mismatches(claim, change, change.series)[0]:
        return None  # wrong over the week too: the accusation stands
    return _note(verdict, f"the sentence says '{words}': over the week to {claim.session} "
                 f"({change.change_pct:+.2f}%) the figures hold", "the week so far")


def _a_past_quarter(claim: Claim, article: Article | None) -> re.Match[str] | None:
    """'Morgan Stanley shares fell 24 percent during the second quarter' told in September: a stock's quarter
    before the calendar quarter of the piece, which may be the company's fiscal one."""
    m = QUARTER_RE.search(claim.sentence)
    if m is None or claim.kind != "stock_move" or article is None or article.published is None:
        return None
    now = (article.published.month - 1) // 3
    return m if QUARTERS.index(m.group(1).lower()) < now else None
