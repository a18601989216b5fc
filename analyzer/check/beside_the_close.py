"""Issue 12, session 31: a stock's price told beside the close its own sentence states.

'Shares of the chip maker fell 5.4 percent to $16.57, off its close at $17.51', 'the shares, which rose 7.85 percent
to close $36.84 in the regular session, fell about 1.5 percent to $36.28 after the report', 'the shares, which had
dipped to close at $471.65, rose to $485.50 following the results': the sentence names the session's close as a
price of its own and gives the stock another price beside it, so that other price (and a move measured from that
close) is of a later moment, after the bell, which daily closes cannot settle.

Withdrawn (`unverifiable`) only where the piece was stamped after the session's close, the claim's figures stand in
its sentence as written (a copy with a figure changed is never excused), the price differs from the stated close
on the side the claim's direction gives, and a percentage, where the claim has one, is the move from that close.
Never accuses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date

from analyzer.check import article as art
from analyzer.check.article import Sibling
from analyzer.check.figures import figure_agrees
from analyzer.extract.timeref import local_published
from analyzer.market.calendar import closing_time
from analyzer.market.data import MarketData
from analyzer.records import Article, Claim, Verdict

# 'off its close at $17.51', 'to close $36.84', 'to close at $471.65', 'closed at $21.10', 'its closing price of $9'
CLOSE_PRICE_RE = re.compile(r"\bclos(?:e|ed|ing)(?:\s+price)?(?:\s+(?:at|of))?\s+\$\s?(?P<price>\d[\d,]*(?:\.\d+)?)",
                            re.I)
# the stated close and the price told beside it differ by more than a rounding
APART_SHARE = 0.002
# a price with no percentage of its own is read beside the close only where it lies near it (a later quote, not
# another stock's price)
NEAR_PCT = 25.0


def a_price_beside_the_stated_close(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                    siblings: Sequence[Sibling], market: MarketData,
                                    article: Article | None) -> Verdict | None:
    """A stock's price (and its move from the close) told beside the session's close its sentence states, in a
    piece stamped after that close: a later quote, not called an error."""
    if claim.kind != "stock_move" or claim.level is None or claim.session is None or \
            not art._figure_found(claim) or not _stamped_after_the_close(claim, article) or \
            _another_stock_in_the_sentence(claim, siblings):
        return None
    for close in _stated_closes(claim):
        if _told_from(claim, close):
            return art._note(verdict, f"the sentence states the session's close (${close:,.2f}) and gives the stock "
                             f"another price beside it (${claim.level:,.2f}), told in a piece stamped after the "
                             "close: a quote of a later moment, which daily closes cannot settle",
                             "a price told beside the close the sentence states")
    return None


def _stamped_after_the_close(claim: Claim, article: Article | None) -> bool:
    if article is None or article.published is None:
        return False
    session = date.fromisoformat(claim.session or "")
    local = local_published(article.published)
    return local.date() > session or local >= closing_time(session)


def _another_stock_in_the_sentence(claim: Claim, siblings: Sequence[Sibling]) -> bool:
    """Whether another instrument's claim stands in the same sentence (the close stated may be its own)."""
    symbol = claim.instrument.symbol if claim.instrument else None
    return any(s.claim.sentence == claim.sentence and s.claim.instrument is not None and
               s.claim.instrument.symbol != symbol for s in siblings)


def _stated_closes(claim: Claim) -> Iterator[float]:
    for m in CLOSE_PRICE_RE.finditer(claim.sentence):
        try:
            yield float(m.group("price").replace(",", ""))
        except ValueError:
            continue


def _told_from(claim: Claim, close: float) -> bool:
    """The claim's price lies apart from the close on its direction's side, and its percentage, if any, is the move
    from that close."""
    level = float(claim.level or 0.0)
    if close <= 0 or abs(level / close - 1) <= APART_SHARE:
        return False
    move = (level / close - 1) * 100
    if claim.direction in ("up", "down") and (move > 0) != (claim.direction == "up"):
        return False
    if claim.change_pct is None:
        return abs(move) <= NEAR_PCT
    return figure_agrees(claim.change_pct, claim.stated.get("change_pct"), move, claim.qualifier).ok


LOOKS = (a_price_beside_the_stated_close,)
