"""A price the stock touched at its furthest, not its close (issue 12).

'Citi's shares fell as low as $3.15, down 8.7 percent', 'They traded as low as $5.75 on November 25', 'which fell
as low as 97 cents in March': 'as low as' / 'as high as' on the move's verb names the furthest the price went in the
session (or the period), not where it closed. Such a figure is measured from the session's low or high, which daily
closes cannot give; where the data has no high-low range for the session, or the words give no figure at all (a
price touched says nothing of the direction of the close), the closes cannot accuse it.
"""

from __future__ import annotations

import re
from datetime import date

from analyzer.check.article import CLOSE_WORD_RE
from analyzer.errors import MarketDataError
from analyzer.market import measures
from analyzer.market.data import MarketData
from analyzer.records import Claim, Verdict

TOUCHED_RE = re.compile(r"\bas\s+(?:low|high)\b", re.I)
SPAN_SLACK = 4  # the span may stop at 'as low', before the second 'as'


def touched_words(claim: Claim) -> str | None:
    """'as low' / 'as high' on the claim's own verb (inside its span), else None; None too where the span goes on
    to the close ('as high as $105.59 ... before they closed at $102.93, up 10.78 percent': the figure is the
    close's)."""
    start = claim.span_start or 0
    end = claim.span_end if claim.span_end is not None else len(claim.sentence)
    span = claim.sentence[start:end + SPAN_SLACK]
    found = TOUCHED_RE.search(span)
    if found is None or CLOSE_WORD_RE.search(span[found.end():]):
        return None
    return found.group(0)


def _has_range(market: MarketData, symbol: str | None, session: str | None) -> bool:
    if symbol is None or session is None:
        return False
    try:
        bar = measures.session_range(market, symbol, date.fromisoformat(session))
    except (MarketDataError, ValueError, KeyError):
        return False
    return "high" in bar and "low" in bar


def touched_extreme(claim: Claim, verdict: Verdict, market: MarketData) -> Verdict | None:
    """A contradicted move told as a price touched ('fell as low as ...') withdrawn where the closes cannot settle
    it: no figure (a touched price gives no direction of the close), or no high-low range for the session."""
    if verdict.verdict != "contradicted" or claim.kind not in ("stock_move", "index_move"):
        return None
    words = touched_words(claim)
    if words is None:
        return None
    # a level touched ('rose to as high as 4.5 percent') is a figure too: with a range for the session it is judged
    figureless = claim.change_pct is None and claim.change_points is None and claim.level is None
    symbol = verdict.evidence[0].symbol if verdict.evidence else None
    if not figureless and _has_range(market, symbol, claim.session):
        return None
    why = ("a price touched gives no direction of the close" if figureless
           else "the data has no high-low range for the session")
    return Verdict("unverifiable", f"'{words} as' names the furthest the price went, not its close; {why}, so the "
                   f"closes cannot settle it: {verdict.explanation}", verdict.evidence, verdict.diagnosis, None,
                   [*verdict.readings, "the furthest the price went (a low or high touched)"])
