"""Issue 12, session 18 (helper period18): wrong-period and in-session classes still accused on the studied audits,
written in our own words.

1. A price told as where the stock stood, then its change ('were at $13.93, down 6.7 percent'), in a piece
   stamped after the close: words of a state, like 'were down 6.7 percent at $13.93', read as a price from during
   the session (a stock of 2008 has closes only: the band they allow).
2. A span told back from the session with 'earlier' ('16 percent above where it stood a month earlier'): the
   same span as 'a month ago', tried as a reading.

Each class has its control: a figure that fits no reading (told as the close, or beyond anything the session
could trade, or larger than any month's move) is still accused.

Facts used (from ../shared/data at run time): on Monday 2008-12-15 Bank of America (BAC) closed down 5.5%; Walt
Disney (DIS) rose about 16% from 2008-01-22 to Friday 2008-02-22 on adjusted closes, 0.9% on
the Friday.
"""

from __future__ import annotations

import pytest
from written import checked

from analyzer.records import CheckedClaim


def of(items: list[CheckedClaim], symbol: str) -> list[CheckedClaim]:
    return [c for c in items if c.claim.instrument is not None and c.claim.instrument.symbol == symbol]


def verdicts(items: list[CheckedClaim]) -> list[str]:
    return [c.verdict.verdict for c in items]


# ---- 1. 'were at $X, down N percent': a state, not a close --------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Shares of Bank of America were at $13.93, down 6.7 percent, as lenders slid with the rest of the sector.",
    "Bank of America stock was at $13.93, off 6.7 percent, among the day's weakest financials.",
])
def test_a_price_where_it_stood_then_its_change_is_a_state(nlp, market, sentence) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, sentence, "2008-12-15T16:39"), "BAC")
    assert [c.claim.change_pct for c in items] == [6.7]
    assert verdicts(items) == ["unverifiable"]


@pytest.mark.parametrize("sentence", [
    # told as the close: the close's -5.5% settles it
    "Shares of Bank of America closed at $13.93, down 6.7 percent, as lenders slid with the rest of the sector.",
    # a figure no price of the session could give
    "Shares of Bank of America were at $13.93, down 26.7 percent, as lenders slid with the rest of the sector.",
])
def test_a_close_or_a_figure_beyond_the_session_is_still_accused(nlp, market, sentence) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, sentence, "2008-12-15T16:39"), "BAC")
    assert verdicts(items) == ["contradicted"]


# ---- 2. 'from a month earlier' --------------------------------------------------------------------------------

def test_a_span_back_told_with_earlier_is_tried(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "Walt Disney shares stood about 16 percent higher than a month earlier after strong quarterly results."
    items = of(checked(nlp, market, text, "2008-02-23T10:00"), "DIS")
    assert verdicts(items) == ["supported"]
    assert "the past month" in items[0].verdict.explanation


def test_a_figure_no_span_gives_is_still_accused(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "Walt Disney shares stood about 36 percent higher than a month earlier after strong quarterly results."
    items = of(checked(nlp, market, text, "2008-02-23T10:00"), "DIS")
    assert verdicts(items) == ["contradicted"]
