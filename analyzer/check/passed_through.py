"""'JPMorgan shares added 3.6 percent' in a piece whose stock closed up 4.4 percent that day: a figure on the way
from the previous close to the close, in the close's direction, short of it but a large part of it, is a level the
stock passed during the session (a quote taken before the close), when nothing in the claim's words says it closed or
names its day. Where the data has the session's high-low range, the range settles such a figure
(``article._a_session_range``); for a stock whose data is an adjusted close alone, the path from one close to the
next is all a careful reader has, and the figure is not called an error. A figure beyond the close's move, or in the
other direction, gets no such excuse: no mutated copy of a supported move (a raised figure, a flipped direction)
reads this way.
"""

from __future__ import annotations

from datetime import date

from analyzer.errors import MarketDataError
from analyzer.extract.numbers import decimals_of
from analyzer.market import measures
from analyzer.market.data import MarketData
from analyzer.records import Claim, Verdict

# a figure well short of the close's move ('jumped 3%' on a day it closed up 11% on its results) may be a quote from
# before an opening gap the stock never traded back to, or another figure: only a large part of the move reads as a
# level of the session
SHARE_OF_THE_CLOSE = 0.4


def _has_range(market: MarketData, symbol: str, session: str) -> bool:
    try:
        rng = measures.session_range(market, symbol, date.fromisoformat(session))
    except (MarketDataError, ValueError, KeyError):
        return False
    return "high" in rng and "low" in rng


def short_of_the_close(claim: Claim, verdict: Verdict, says_close: bool, market: MarketData) -> str | None:
    """Why a stock's stated day move, short of the close's move in its direction, is a level of the session: the
    words of the reading, or None when the claim does not read so."""
    if (claim.kind != "stock_move" or claim.period not in ("day", "intraday") or claim.change_pct is None
            or claim.time_text or says_close or not verdict.evidence or claim.direction not in ("up", "down")):
        return None
    evidence = verdict.evidence[0]
    actual = evidence.figures.get("change_pct")
    if actual is None or evidence.session != claim.session or evidence.symbol is None or claim.session is None:
        return None
    if _has_range(market, evidence.symbol, claim.session):
        return None
    stated = abs(claim.change_pct) * (1 if claim.direction == "up" else -1)
    written = claim.stated.get("change_pct")
    slack = 0.5 * 10 ** -(decimals_of(written) if written else 0)  # the figure's last unit, rounded either way
    if stated * actual <= 0 or abs(stated) + slack >= abs(actual) or abs(stated) < SHARE_OF_THE_CLOSE * abs(actual):
        return None
    return (f"the stated {abs(claim.change_pct):g}% lies between the previous close and the close's "
            f"{actual:+.2f}%, in the same direction: a level the stock passed during the session (a quote taken "
            f"before the close); the data has no high-low range for {evidence.symbol} to say more")
