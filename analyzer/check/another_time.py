"""Issue 12, spent story audit reuters_2008_stories_seed1111: two classes of false `contradicted`.

- A figure of another time in a history piece ('Black Monday struck in October 1987. The Dow lost 22.6 percent, or
  508 points.'): the text just before the sentence sets a year long past, and the figure cannot be one of the
  instrument now (its points and percentage give a previous close far from today's, or a move no index makes in a
  session). Left unverifiable: the daily data is not read back to that year.
- A superlative told of several indexes together ('the biggest one-day drop for the three major indexes since June
  26'): for one of them the named day's move was within a hair of this one, so the words, true of the group, are
  not an error of that index. Left unverifiable with the two moves named.

Both only withdraw an accusation (never accuse)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from analyzer.check.moves import since_window
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
    if claim.kind != "index_move" or article is None or article.published is None or \
            ANY_YEAR_RE.search(claim.sentence):
        return None
    year = _year_set_before(article, claim)
    if year is None or year > article.published.year - YEARS_BACK:
        return None
    why = _not_of_now(claim, verdict)
    if why is None:
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
    if claim.change_pct and claim.change_pct >= NO_SESSION_PCT:
        return f"a move of {claim.change_pct:g}% is no session's of the index now"
    return None


def _previous_close(verdict: Verdict) -> float | None:
    for item in verdict.evidence:
        figures = item.figures or {}
        value = figures.get("prev_close")
        if isinstance(value, (int, float)) and value > 0:
            return float(value)
    return None


# 'for the three major indexes', 'for all three indexes', 'the major U.S. stock averages', 'the benchmarks'
INDEX_GROUP_RE = re.compile(r"\b(?:(?:two|three|four|all|both|major|main|key|big|u\.s\.|stock|the)\s+)+"
                            r"(?:indexes|indices|averages|benchmarks|gauges)\b", re.I)
# the named day's move within this many percentage points of the claim's: the same size, as the words tell it
HAIR_PCT = 0.1


def told_of_indexes_together(claim: Claim, verdict: Verdict, market: MarketData) -> Verdict | None:
    """'the biggest one-day drop for the three major indexes since June 26', where this index's June 26 move was
    within a hair of the day's: the superlative holds for the group as told."""
    if claim.kind != "comparison" or claim.relation not in ("worst_since", "best_since") or \
            claim.instrument is None or claim.session is None or INDEX_GROUP_RE.search(claim.sentence) is None:
        return None
    figures = verdict.evidence[0].figures if verdict.evidence else None
    if not figures or not isinstance(figures.get("change_pct"), (int, float)) or figures.get("unit") != "day":
        return None
    session = date.fromisoformat(claim.session)
    window = since_window(claim, session)
    if window is None or window[0] != window[1]:
        return None
    named = window[0]
    since = figures.get("since")
    if since is None or date.fromisoformat(str(since)) >= named:
        return None  # a bigger move lies after the named day: more than a hair
    try:
        then = measures.session_change(market, verdict.evidence[0].symbol, named).change_pct
    except MarketDataError:
        return None
    now = float(figures["change_pct"])
    if (then < 0) != (now < 0) or abs(then - now) > HAIR_PCT:
        return None
    from analyzer.check.article import _note

    return _note(verdict, f"the words are told of several indexes together, and this one's move on "
                 f"{named.isoformat()} ({then:+.2f}%) was within a hair of the day's ({now:+.2f}%)",
                 "the indexes told together")
