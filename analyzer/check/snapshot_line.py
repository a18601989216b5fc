"""A wire's full index line, 'closed down 146.71 points, or 1.47 percent, at 9,808.79', whose three figures agree
with each other and with the previous session's real close to the cent, and whose level lies inside the
session's high-low range, in a piece stamped on the session's day or the night after: a snapshot of the session
written before the final close and worded as the close (issue 12). Only a genuine snapshot fits all three
figures to the real base at once; a writer's or an injected wrong figure (one number, the direction, another
session or another index) breaks the fit, so those stay contradicted. Only withdraws an accusation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from analyzer.check import article as art
from analyzer.check.article import Sibling
from analyzer.errors import MarketDataError
from analyzer.extract.timeref import local_published
from analyzer.market import measures
from analyzer.market.data import MarketData
from analyzer.records import Article, Claim, Verdict

LEVEL_SLACK = 0.015  # points: a level and a points figure written to the cent
PCT_SLACK = 0.0051  # percentage points: a percentage written to two decimals
SOON_AFTER = timedelta(minutes=90)  # how long after the close a stamp may still carry a snapshot


def _fits_the_base(claim: Claim, start: float) -> bool:
    if claim.level is None or claim.change_points is None or claim.change_pct is None or start <= 0:
        return False
    if "." not in claim.stated.get("change_points", "") or "." not in claim.stated.get("change_pct", ""):
        return False
    sign = -1 if claim.direction == "down" else 1 if claim.direction == "up" else 0
    if sign == 0:
        return False
    return abs(start + sign * claim.change_points - claim.level) <= LEVEL_SLACK and \
        abs(claim.change_points / start * 100 - claim.change_pct) <= PCT_SLACK


def _stamped_soon_after_the_close(article: Article | None, claim: Claim) -> bool:
    """Stamped on the session's day no later than SOON_AFTER past the close: a wire hours later has the close."""
    if article is None or article.published is None or claim.session is None:
        return False
    local = local_published(article.published)
    return local.date().isoformat() == claim.session and \
        local.time() <= (datetime.combine(local.date(), art.MARKET_CLOSE) + SOON_AFTER).time()


def a_full_line_of_the_session(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                               siblings: Sequence[Sibling], market: MarketData,
                               article: Article | None) -> Verdict | None:
    if claim.kind != "index_move" or (claim.period or "day") != "day" or not verdict.evidence:
        return None
    start = verdict.evidence[0].figures.get("prev_close")
    if start is None or not _fits_the_base(claim, start):
        return None
    if not _stamped_soon_after_the_close(article, claim) or not art._inside_range(claim, verdict, market):
        return None
    return art._note(verdict, f"its level, points and percentage agree with each other and with the previous "
                     f"close of {start:,.2f} to the cent, and the level lies inside the session's high-low range: "
                     "a snapshot written during the session, though worded as the close",
                     "a snapshot of the session worded as the close")



# 'The Dow lost more than 300 points in the last 12 minutes': a swing over a stretch of the session, from a
# moment of it, not from the previous close; it can be no wider than the session's high-low range
# ('during the final 12 minutes of trading', 'over the last two hours': the same stretch)
STRETCH_RE = re.compile(r"^\W*(?:of trading\s+)?(?:in|during|over) the (?:last|final|closing|first|opening) "
                        r"(?:few |\d{1,2} |\w+ )?(?:minutes|hours?|half[- ]hour)\b", re.I)


def a_swing_over_a_stretch(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                           siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    if claim.kind != "index_move" or claim.change_points is None or claim.level is not None or \
            claim.change_pct is not None or not verdict.evidence or claim.session is None:
        return None
    after = claim.sentence[art.figure_position(claim):]
    stretch = STRETCH_RE.search(re.sub(r"^[\d,.]+\s+points?\s*", "", after))
    symbol = verdict.evidence[0].symbol
    if stretch is None or symbol is None:
        return None
    try:
        rng = measures.session_range(market, symbol, date.fromisoformat(claim.session))
    except (MarketDataError, ValueError, KeyError):
        return None
    if "high" not in rng or "low" not in rng or claim.change_points > rng["high"] - rng["low"]:
        return None
    return art._note(verdict, f"the sentence tells a swing over a stretch of the session ('{stretch.group(0).strip()}'"
                     f"), within its high-low range of {rng['high'] - rng['low']:,.2f} points, not the move from "
                     "the previous close", "a swing within the session")


LOOKS = (a_full_line_of_the_session, a_swing_over_a_stretch)
