"""A wire's full index line, 'closed down 146.71 points, or 1.47 percent, at 9,808.79', whose three figures agree
with each other and with the previous session's real close to the cent, and whose level lies inside the
session's high-low range, in a piece stamped on the session's day or the night after: a snapshot of the session
written before the final close and worded as the close (issue 12). Only a genuine snapshot fits all three
figures to the real base at once; a writer's or an injected wrong figure (one number, the direction, another
session or another index) breaks the fit, so those stay contradicted. Only withdraws an accusation."""

from __future__ import annotations

from collections.abc import Sequence

from analyzer.check import article as art
from analyzer.check.article import Sibling
from analyzer.market.data import MarketData
from analyzer.records import Article, Claim, Verdict

LEVEL_SLACK = 0.015  # points: a level and a points figure written to the cent
PCT_SLACK = 0.0051  # percentage points: a percentage written to two decimals


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


def a_full_line_of_the_session(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                               siblings: Sequence[Sibling], market: MarketData,
                               article: Article | None) -> Verdict | None:
    if claim.kind != "index_move" or (claim.period or "day") != "day" or not verdict.evidence:
        return None
    start = verdict.evidence[0].figures.get("prev_close")
    if start is None or not _fits_the_base(claim, start):
        return None
    if not art._written_near_the_session(article, claim) or not art._inside_range(claim, verdict, market):
        return None
    return art._note(verdict, f"its level, points and percentage agree with each other and with the previous "
                     f"close of {start:,.2f} to the cent, and the level lies inside the session's high-low range: "
                     "a snapshot written during the session, though worded as the close",
                     "a snapshot of the session worded as the close")


LOOKS = (a_full_line_of_the_session,)
