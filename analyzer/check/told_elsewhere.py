"""Second looks at a contradicted move whose time the article tells outside the claim's own sentence (issue 12).

- a timeline or chronology ('February 1 - The company makes its offer public. Its shares fall 6.6 percent'): a
  figure inside a dated entry is that date's, not the publication day's;
- 'in the same period', 'over that period': the period is the one the sentence before names ('so far this year');
- a sentence cut in two after a ticker tag ('... the S&P 500 index .SPX' / 'and the 11 percent fall of the Dow'):
  the fragment carries the time words of the sentence it continues ('Since the company's last report, ...').

Each reading only withdraws an accusation: one that holds makes the claim supported (or unverifiable where
the existing look says so); anything else leaves the verdict as it was.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from analyzer.check import article as art
from analyzer.check.article import Sibling
from analyzer.errors import MarketDataError
from analyzer.extract.timeref import FULL_MONTHS_ALT, PERIOD_PATTERNS, local_published
from analyzer.market.calendar import is_session, next_session, previous_session
from analyzer.market.data import MarketData
from analyzer.records import Article, Claim, Verdict

# a dated entry of a timeline: 'September 29 - Britain announces ...', '2008 January 31 - ...', 'Feb 1 -- ...'
ENTRY_RE = re.compile(r"(?:^|(?<=[.!?\"'\u201d)\n])\s+|^\s*)(?:(?P<year>(?:19|20)\d\d)\s+)?"
                      rf"(?P<month>{FULL_MONTHS_ALT})"
                      r"\s+(?P<day>\d{1,2})\s*(?:,\s*(?P<own_year>(?:19|20)\d\d)\s*)?[-\u2013\u2014]{1,2}\s", re.M)
ENTRY_MIN = 3  # a text with fewer dated entries is no timeline
ENTRY_REACH = 1200  # characters from the entry's date to the claim


def _entries(text: str) -> list[re.Match[str]]:
    return list(ENTRY_RE.finditer(text))


def entry_date(article: Article | None, claim: Claim) -> tuple[date, str] | None:
    """The date of the timeline entry the claim stands in, with its words; None outside a timeline."""
    if article is None or article.published is None or claim.char_start is None:
        return None
    entries = _entries(article.text)
    if len(entries) < ENTRY_MIN:
        return None
    before = [m for m in entries if m.end() <= claim.char_start]
    if not before or claim.char_start - before[-1].start() > ENTRY_REACH:
        return None
    entry = before[-1]
    published = local_published(article.published).date()
    year_words = entry.group("own_year") or next((m.group("year") for m in reversed(before) if m.group("year")),
                                                 None)
    month = list(calendar.month_name).index(entry.group("month"))
    try:
        day = date(int(year_words) if year_words else published.year, month, int(entry.group("day")))
        if year_words is None and day > published:
            day = date(published.year - 1, month, day.day)
    except ValueError:
        return None
    if day > published:
        return None
    return day, entry.group(0).strip()


def _checked_at(claim: Claim, market: MarketData, day: date) -> Verdict | None:
    from analyzer.check.moves import check_comparison, check_move, check_record, check_streak

    moved = replace(claim, session=day.isoformat(), time_text=None)
    check = {"index_move": check_move, "stock_move": check_move, "comparison": check_comparison,
             "record": check_record, "streak": check_streak}.get(claim.kind)
    if check is None:
        return None
    try:
        return check(moved, market, day)
    except (MarketDataError, ValueError, KeyError, IndexError, AssertionError):
        return None


def a_timeline_entry(claim: Claim, verdict: Verdict, market: MarketData, article: Article | None) -> Verdict | None:
    """'September 29 - ... The S&P 500 has its worst day since 1987 with an 8.8 percent drop.' in a timeline
    published days later: the figure is the entry's date's. Checked there, one that holds is supported with the
    reading named; otherwise the verdict stays."""
    if (claim.period or "day") not in ("day", "intraday") or claim.session is None:
        return None
    found = entry_date(article, claim)
    if found is None:
        return None
    day, words = found
    if not is_session(day) or day.isoformat() == claim.session:
        return None
    other = _checked_at(claim, market, day)
    if other is None or other.verdict != "supported" or not other.evidence:
        return None
    reading = f"the session of the timeline entry it stands in ('{words}', {day.isoformat()})"
    return Verdict("supported", f"{verdict.explanation} Not called an error: the figure stands in a dated entry of "
                   f"a timeline; read as {reading}: {other.explanation}", other.evidence,
                   readings=[*verdict.readings, reading])


def timeline_look(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                  siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    return a_timeline_entry(claim, verdict, market, article)


# 'By comparison, HP shares have slipped 14 percent in the same period.'
SAME_PERIOD_RE = re.compile(r"\b(?:in|over|during|for|across) (?:the same|that|this|the same time) "
                            r"(?:period|time|span|stretch|time span|timeframe|time frame)\b"
                            r"|\bin the same (?:time|period)\b", re.I)
SAME_PERIODS = ("ytd", "year", "month", "week")


def _period_named(text: str) -> tuple[str, str] | None:
    for name, pattern in PERIOD_PATTERNS:
        if name not in SAME_PERIODS:
            continue
        m = pattern.search(text)
        if m is not None:
            return name, m.group(0)
    return None


def the_same_period_as_before(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                              siblings: Sequence[Sibling], market: MarketData,
                              article: Article | None) -> Verdict | None:
    """'Lexmark shares have declined about 3 percent so far this year. By comparison, HP shares have slipped 14
    percent in the same period.': the period is the one the sentence before names; that reading, where it holds,
    makes the claim supported with the reading named."""
    if (claim.period or "day") != "day" or claim.session is None or article is None or says_close:
        return None
    m = SAME_PERIOD_RE.search(claim.sentence)
    if m is None:
        return None
    named = _period_named(art._sentence_before(article, claim))
    if named is None:
        return None
    period, words = named
    other = art._recheck_at(claim, market, date.fromisoformat(claim.session), period)
    if other is None or other.verdict != "supported" or not other.evidence:
        return None
    reading = f"the period the sentence before names ('{words}')"
    return Verdict("supported", f"{verdict.explanation} Not called an error: the sentence says '{m.group(0)}'; read "
                   f"as {reading}: {other.explanation}", other.evidence, readings=[*verdict.readings, reading])


# a sentence the splitter cut after a ticker tag: '... the S&P 500 index .SPX' then 'and the 11 percent fall of ...'
FRAGMENT_RE = re.compile(r"^\W*(?:and|or|while|but|versus|compared with|against)\b")
TAG_END_RE = re.compile(r"\s\.?[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?\s*\)?\s*$")


def a_fragment_of_the_sentence_before(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                      siblings: Sequence[Sibling], market: MarketData,
                                      article: Article | None) -> Verdict | None:
    """'Since the company's last report, its shares have lost 25 percent, more than the 8 percent decline of the
    S&P 500 index .SPX' / 'and the 11 percent fall of the Dow Jones industrial average .DJI .': a fragment that
    begins with a lowercase joining word, after a sentence that ends on a ticker tag, is the rest of that
    sentence; the move is read with that sentence's words (a state since an undated base)."""
    if claim.time_text or (claim.period or "day") != "day" or article is None or not FRAGMENT_RE.match(
            claim.sentence) or not claim.sentence.lstrip(" \"'(")[:1].islower():
        return None
    before = art._sentence_before(article, claim)
    if not before or not TAG_END_RE.search(before):
        return None
    shift = len(before) + 1
    whole = replace(claim, sentence=f"{before} {claim.sentence}",
                    span_start=None if claim.span_start is None else claim.span_start + shift,
                    span_end=None if claim.span_end is None else claim.span_end + shift)
    found = art._since_an_earlier_base(whole, verdict, art._own(whole), says_close, context, siblings, market,
                                       article)
    if found is None:
        return None
    return replace(found, explanation=f"{found.explanation} (The sentence is the rest of the one before, cut "
                   "after its ticker tag.)")


# 'It is down 21 percent from its record close set in July', 'up 60 percent from the low it hit in March': the month
# dates the base of the move (the month's highest or lowest close), not the period it runs over
BASE_IN_MONTH_RE = re.compile(
    r"\bfrom (?:its|their|the|a) (?P<what>(?:[\w-]+ ){0,3}?(?:high|peak|record|low|bottom|trough)"
    r"(?: close| closing (?:high|low|level))?)\s+(?:(?:it|they) )?(?:set|reached|hit|touched|posted|marked|struck"
    rf"|recorded) in (?:early |mid-?|late )?(?P<month>{FULL_MONTHS_ALT})\b(?:\s+(?P<year>(?:19|20)\d\d))?", re.I)
LOW_WORD_RE = re.compile(r"\b(?:low|bottom|trough)\b", re.I)


def _months_named(name: str, year: str | None, session: date) -> list[tuple[date, date]]:
    """The spans of the month named: of the year given, else of each of the last ``BASE_YEARS`` years up to
    ``session``."""
    month = list(calendar.month_name).index(name.capitalize())
    years = [int(year)] if year else [session.year - back for back in range(BASE_YEARS)]
    spans = [(date(y, month, 1), date(y + (month == 12), month % 12 + 1, 1)) for y in years]
    return [(a, b) for a, b in spans if a < session]


BASE_YEARS = 3


def a_base_dated_by_its_month(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                              siblings: Sequence[Sibling], market: MarketData,
                              article: Article | None) -> Verdict | None:
    """'The Russell 2000 is down 21 percent from its record close set in July': the move from that month's highest
    close (lowest, for a low) to the session's close. One that holds makes the claim supported with the reading
    named; otherwise the verdict stays."""
    if claim.session is None or claim.change_pct is None or claim.change_points is not None or \
            claim.level is not None or claim.direction not in ("up", "down") or not verdict.evidence or \
            verdict.evidence[0].symbol is None:
        return None
    m = BASE_IN_MONTH_RE.search(claim.sentence)
    if m is None or m.start() < art.figure_position(claim):
        return None
    session = date.fromisoformat(claim.session)
    months = _months_named(m.group("month"), m.group("year"), session)
    if not months:
        return None
    try:
        closes, _ = market.price_series(verdict.evidence[0].symbol, start=min(a for a, _ in months), end=session)
    except (MarketDataError, KeyError, ValueError):
        return None
    closes = closes[closes.index <= str(session)]
    if closes.empty or closes.index[-1].date() != session:
        return None
    found = _extreme_close_that_fits(claim, closes, months, bool(LOW_WORD_RE.search(m.group("what"))), session)
    if found is None:
        return None
    reading, words = found
    return Verdict("supported", f"{verdict.explanation} Not called an error: '{m.group(0)}' dates the base of the "
                   f"move, not its period; read as {reading} ({words}), the figure holds.", verdict.evidence,
                   readings=[*verdict.readings, reading])


def _extreme_close_that_fits(claim: Claim, closes: Any, months: list[tuple[date, date]], low: bool,
                             session: date) -> tuple[str, str] | None:
    """The first month whose highest close (lowest, ``low``) gives the stated move to the session's close."""
    from analyzer.check.figures import figure_agrees

    end = float(closes.iloc[-1])
    for first, after in months:
        window = closes[(closes.index >= str(first)) & (closes.index < str(after)) & (closes.index < str(session))]
        if window.empty:
            continue
        base_day = window.idxmin() if low else window.idxmax()
        base = float(window[base_day])
        move = (end / base - 1) * 100 if base else 0.0
        if (move > 0) == (claim.direction == "up") and figure_agrees(
                claim.change_pct, claim.stated.get("change_pct"), move, claim.qualifier).ok:
            return (f"the move from the {'lowest' if low else 'highest'} close of {first.strftime('%B %Y')}",
                    f"{base_day.date().isoformat()} {base:,.2f} -> {session.isoformat()} {end:,.2f}, {move:+.2f}%")
    return None


# 'lost 25.99 points to end at 1,390.19, capping a 5.32 percent slide over the first five sessions of the year': the
# points and level are the day's, the percentage that of the longer run the words after them tell
RUN_WORD_RE = re.compile(r"\b(?:capping|bringing|extending|taking|completing|rounding (?:off|out)|adding to)\b", re.I)
RUN_PERIODS = ("week", "month", "ytd", "year")
# the words after the percentage name the run's span: 'over the first five trading sessions of 2008', 'this month'
RUN_SPAN_RE = re.compile(r"\b(?:sessions?|days|weeks?|months?|year|quarter|(?:19|20)\d\d)\b", re.I)


def _run_word_before_the_percentage(claim: Claim) -> str | None:
    """The run word between the day's first figure (points or level) and the percentage, where words after the
    percentage name a span."""
    if not claim.stated.get("change_pct"):
        return None
    at = claim.sentence.find(claim.stated["change_pct"], claim.span_start or 0)
    first = min((claim.sentence.find(claim.stated[k], claim.span_start or 0) for k in ("change_points", "level")
                 if claim.stated.get(k) and claim.stated[k] in claim.sentence), default=-1)
    if at < 0 or first < 0 or first > at or not RUN_SPAN_RE.search(claim.sentence, at):
        return None
    m = RUN_WORD_RE.search(claim.sentence, first, at)
    return m.group(0) if m else None


def a_run_capped_by_the_day(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                            siblings: Sequence[Sibling], market: MarketData,
                            article: Article | None) -> Verdict | None:
    """The day's points (or level) hold and the percentage, told after a word of a longer run ('capping a 5.32
    percent slide'), holds over the week, month, year to date or past year to the session: supported, with both
    readings named. Otherwise the verdict stays."""
    if (claim.period or "day") != "day" or claim.session is None or claim.change_pct is None or \
            (claim.change_points is None and claim.level is None):
        return None
    words = _run_word_before_the_percentage(claim)
    if words is None:
        return None
    session = date.fromisoformat(claim.session)
    day = art._recheck_at(replace(claim, change_pct=None, stated={k: v for k, v in claim.stated.items()
                                                                  if k != "change_pct"}), market, session, "day")
    if day is None or day.verdict != "supported":
        return None
    run = replace(claim, change_points=None, level=None,
                  stated={k: v for k, v in claim.stated.items() if k not in ("change_points", "level")})
    for period in RUN_PERIODS:
        other = art._recheck_at(run, market, session, period)
        if other is not None and other.verdict == "supported" and other.evidence:
            reading = "the day's points and level, with the percentage of the longer run the sentence names"
            return Verdict("supported", f"{verdict.explanation} Not called an error: the percentage follows "
                           f"'{words}', a longer run; read as "
                           f"{reading}: {day.explanation} {other.explanation}", [*day.evidence, *other.evidence],
                           readings=[*verdict.readings, reading])
    return None


# 'have declined 53 percent from their $31 initial public offering price': the move runs from a quoted price
FROM_A_PRICE_RE = re.compile(r"^\s*(?:percent|per cent|%)\s+from\s+(?:its|their|the|a|an)\s+(?:[\w-]+\s+){0,2}?"
                             r"\$(?P<price>\d[\d,]*(?:\.\d+)?)\b", re.I)


def a_move_from_a_quoted_price(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                               siblings: Sequence[Sibling], market: MarketData,
                               article: Article | None) -> Verdict | None:
    """'Blackstone's shares have declined 53 percent from their $31 initial public offering price': the base is a
    price the sentence quotes, not a close of any period. Against as-traded closes the move from that price to
    the session's close is checked (one that holds is supported); against adjusted closes, which are no traded
    prices, it cannot be placed and is not called an error."""
    text = claim.stated.get("change_pct")
    at = claim.sentence.find(text, claim.span_start or 0) if text else -1
    m = FROM_A_PRICE_RE.match(claim.sentence[at + len(text):]) if text and at >= 0 else None
    if m is None or claim.change_pct is None or not verdict.evidence:
        return None
    evidence = verdict.evidence[0]
    if evidence.series != "close":
        return art._note(verdict, f"the move runs from a price the sentence quotes (${m.group('price')}), and the "
                         "data's adjusted closes are not traded prices to measure it by",
                         "a move from a quoted price")
    from analyzer.check.figures import figure_agrees

    price, close = float(m.group("price").replace(",", "")), evidence.figures.get("close")
    if not price or close is None:
        return None
    move = (close / price - 1) * 100
    if (move > 0) != (claim.direction == "up") or \
            not figure_agrees(claim.change_pct, text, move, claim.qualifier).ok:
        return None
    reading = f"the move from the quoted ${m.group('price')} to the close of {evidence.session} ({move:+.2f}%)"
    return Verdict("supported", f"{verdict.explanation} Not called an error: read as {reading}, the figure holds.",
                   verdict.evidence, readings=[*verdict.readings, reading])


# 'lift its share of the graphics chip market to 64 percent', "AMD's share fell to 18 percent from 20 percent",
# 'market share rose to 12 percent': a company's share of a market, not its share price
MARKET_SHARE_RE = re.compile(r"\b(?:its|their|the company['\u2019]s|[A-Z][\w&.-]*['\u2019]s)\s+"
                             r"(?:(?:global|U\.S\.|world|worldwide|domestic|overall|market|unit|revenue)\s+){0,2}"
                             r"share\b(?!s|\s+price)|\bmarket share\b", re.I)
SHARE_PRICE_WORDS_RE = re.compile(r"\b(?:shares|stock|share price)\b", re.I)


def a_share_of_a_market(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                        siblings: Sequence[Sibling], market: MarketData,
                        article: Article | None) -> Verdict | None:
    """The words before the figure speak of the company's share of a market ('its share of the graphics chip market
    to 64 percent'), with no word of its shares or stock between them and the figure: a market share, which
    prices do not measure."""
    if claim.kind != "stock_move" or claim.change_pct is None:
        return None
    at = art.figure_position(claim)
    found = [m for m in MARKET_SHARE_RE.finditer(claim.sentence, 0, at)
             if not SHARE_PRICE_WORDS_RE.search(claim.sentence, m.end(), at)
             and not re.search(r"[;]", claim.sentence[m.end():at])]
    if not found:
        return None
    return art._note(verdict, f"the words before the figure speak of a share of a market ('{found[-1].group(0)}'), "
                     "not of the share price", "a market share, not a price")


# 'By comparison, the Nasdaq slipped 3 percent', 'steeper than the 20 percent drop of the Dow': a figure
# set beside another one; with no time words of its own it runs over the period of the figures it is set beside
COMPARED_RE = re.compile(r"\b(?:than|by contrast|by comparison|in comparison|compared (?:with|to)|versus|"
                         r"outpac\w*|outperform\w*|underperform\w*|lagg\w*|trail\w*)\b", re.I)


# time words of the sentence itself, plurals and years included ('over two years', 'since 2001')
ANY_TIME_WORDS_RE = re.compile(r"\b(?:days?|sessions?|weeks?|months?|quarters?|years?|since|ago|today|yesterday|"
                               r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?|(?:19|20)\d\d)\b", re.I)


def _sentence_and_the_one_before(claim: Claim, article: Article) -> tuple[str, str]:
    """The claim's sentence and the sentence before it; a fragment cut after a ticker tag ('or the 20 percent
    drop of the Dow') is joined to the sentence it continues, and the one before that is read instead."""
    before = art._sentence_before(article, claim)
    if not (FRAGMENT_RE.match(claim.sentence) and claim.sentence.lstrip(" \"'(")[:1].islower() and before and
            TAG_END_RE.search(before)):
        return claim.sentence, before
    # the claim's offsets may sit a few characters off the sentence as split: look for the sentence before near it
    near = max(0, claim.char_start - (claim.span_start or 0))
    start = article.text.rfind(before, 0, near + len(claim.sentence))
    earlier = art.previous_sentence(article, replace(claim, char_start=start)) if start >= 0 else ""
    return f"{before} {claim.sentence}", earlier


def period_a_comparison_runs_over(claim: Claim, says_close: bool, article: Article | None) -> tuple[str, str] | None:
    """The period (and its words) the sentence before names, where a day move read from the publication time sits in
    a sentence without time words of its own that sets its figure beside another ('By comparison, the Nasdaq has
    slipped 3 percent' after 'Utilities have climbed 8 percent over the past 12 months'); else None."""
    if claim.kind not in ("stock_move", "index_move") or (claim.period or "day") != "day" or claim.time_text or \
            says_close or claim.session is None or article is None or art.OWN_TIME_WORDS_RE.search(claim.sentence):
        return None
    sentence, before = _sentence_and_the_one_before(claim, article)
    if not COMPARED_RE.search(sentence) or ANY_TIME_WORDS_RE.search(sentence):
        return None
    return _period_named(before)


def a_comparison_over_the_period_before(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                        siblings: Sequence[Sibling], market: MarketData,
                                        article: Article | None) -> Verdict | None:
    """'Utilities have climbed 8 percent over the past 12 months. By comparison, the Nasdaq has slipped 3
    percent.': a day move read from the publication time, in a sentence without time words of its own that sets
    its figure beside another, runs over the period the sentence before names ('over the past year', 'so far this
    year'). That reading, where it holds, makes the claim supported with the reading named."""
    named = period_a_comparison_runs_over(claim, says_close, article)
    if named is None:
        return None
    period, words = named
    session = date.fromisoformat(claim.session)
    # the figures of a comparison over a long period are often prepared to the last close before the piece
    for day in (session, previous_session(session)):
        other = art._recheck_at(claim, market, day, period)
        if other is not None and other.verdict == "supported" and other.evidence:
            break
    else:
        return None
    reading = f"the period the sentence before names ('{words}') to {day.isoformat()}"
    return Verdict("supported", f"{verdict.explanation} Not called an error: the sentence sets the figure beside "
                   f"another and has no time words of its own; read as {reading}: {other.explanation}", other.evidence,
                   readings=[*verdict.readings, reading])


def the_years_figures_on_its_last_session(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                          siblings: Sequence[Sibling], market: MarketData,
                                          article: Article | None) -> Verdict | None:
    """'Declines in software kept the Nasdaq short of a double-digit gain for the year. The tech-heavy index finished
    up 9.5 percent, while the Dow surged 16.3 percent.': on the year's last session, after a sentence that names the
    year, a sentence of figures with no time words of its own gives the year's moves ('finished up' finishes the
    year as well as the day). That reading, where it holds, makes the claim supported with the reading named."""
    if claim.kind not in ("stock_move", "index_move") or (claim.period or "day") != "day" or claim.time_text or \
            claim.session is None or article is None:
        return None
    session = date.fromisoformat(claim.session)
    if next_session(session).year == session.year:
        return None
    sentence, before = _sentence_and_the_one_before(claim, article)
    named = _period_named(before)
    if named is None or named[0] not in ("ytd", "year") or ANY_TIME_WORDS_RE.search(sentence):
        return None
    return art._supported_at(claim, verdict, market, session, "ytd",
                             f"the year to {session.isoformat()}, its last session (the sentence before: '{named[1]}')",
                             "on the year's last session, after a sentence that names the year, a sentence without "
                             "time words of its own gives the year's figures; read as")


LOOKS = (timeline_look, the_same_period_as_before, a_fragment_of_the_sentence_before, a_base_dated_by_its_month,
         a_run_capped_by_the_day, a_move_from_a_quoted_price, a_share_of_a_market, a_comparison_over_the_period_before,
         the_years_figures_on_its_last_session)
