"""Issue 12, session 19 (helper period19b): false alarms of an evening results lead, written in our own words.

1. A company closing a business thing ('closing offices', 'closed 40 branches', 'closing the deal', 'the closing
   of the acquisition') is no word that the price closed: an evening results lead that ties the shares' move to
   the news keeps its after-hours reading. The market's 'closed up', 'at the close', 'closing price' keep theirs.
2. The news's day word inside the link ('posted quarterly results on Tuesday ..., and its shares rose 10 percent'):
   it stands in the news's clause, before the shares the link ties to the news, and no longer stops the
   after-hours reading; a day word after the link (the move's own) still does.

Each class has its control that stays accused: the same lead told as the close.

Facts used (from ../shared/data at run time): on Tuesday 2008-12-16 Adobe (ADBE) closed up 4.5%, and fell 2.8% the
next day.
"""

from __future__ import annotations

import pytest
from written import checked

from analyzer.check.article import CLOSE_WORD_RE
from analyzer.records import CheckedClaim

RESULTS_EVENING = "2008-12-16T18:45"
AFTER_THE_BELL = "\n\nThe figures came out after the bell, and the stock traded higher in extended trading."


def adobe_at_ten(items: list[CheckedClaim]) -> list[CheckedClaim]:
    return [c for c in items if c.claim.instrument is not None and c.claim.instrument.symbol == "ADBE"
            and c.claim.change_pct == 10.0]


def verdicts(items: list[CheckedClaim]) -> list[str]:
    return [c.verdict.verdict for c in items]


# ---- 1. a business closing is no word of the close ------------------------------------------------------------

@pytest.mark.parametrize("words", [
    "the chain kept closing stores", "it closed 40 branches", "the company was closing the deal",
    "managers pushed back the closing of the acquisition", "it was closing down 12 regional offices",
    "it closed its Ohio plant",
])
def test_a_business_closing_is_no_close_word(words: str) -> None:
    assert CLOSE_WORD_RE.search(words) is None


@pytest.mark.parametrize("words", [
    "the stock closed up 2 percent on the deal", "at the close", "the closing price of the sale",
    "shares closed 3 percent lower after the merger", "the closing bell", "it closed down 50 points",
    "the index closed at 900.10", "stocks closed higher as stores reopened",
])
def test_the_markets_close_keeps_its_close_word(words: str) -> None:
    assert CLOSE_WORD_RE.search(words) is not None


@pytest.mark.parametrize("lead", [
    "Design software maker Adobe Systems Inc reported quarterly profit in line with its lowered forecast while "
    "closing offices, and its shares rose 10 percent.",
    "Adobe Systems Inc posted quarterly profit that met its reduced forecast after it closed two sales offices, "
    "and its shares rose 10 percent.",
])
def test_an_evening_results_lead_with_a_business_closing_may_give_the_after_hours_move(nlp, market, lead) -> None:  # type: ignore[no-untyped-def]
    items = adobe_at_ten(checked(nlp, market, lead + AFTER_THE_BELL, RESULTS_EVENING))
    assert verdicts(items) == ["unverifiable"], [c.verdict.explanation for c in items]
    assert "after-hours" in items[0].verdict.explanation


@pytest.mark.parametrize("lead", [
    # told as the close, beside the business closing
    "Design software maker Adobe Systems Inc reported quarterly profit in line with its lowered forecast while "
    "closing offices, and its shares closed up 10 percent.",
    "Design software maker Adobe Systems Inc reported quarterly profit in line with its lowered forecast while "
    "closing offices, and its shares rose 10 percent by the close.",
])
def test_the_same_lead_told_as_the_close_is_still_accused(nlp, market, lead) -> None:  # type: ignore[no-untyped-def]
    items = adobe_at_ten(checked(nlp, market, lead + AFTER_THE_BELL, RESULTS_EVENING))
    assert verdicts(items) == ["contradicted"], [c.verdict.explanation for c in items]


# ---- 2. the news's day word inside the link ---------------------------------------------------------------------

def test_the_news_day_inside_the_link_keeps_the_after_hours_reading(nlp, market) -> None:  # type: ignore[no-untyped-def]
    lead = ("Adobe Systems Inc posted quarterly profit on Tuesday that met its reduced forecast, and its shares "
            "rose 10 percent.")
    items = adobe_at_ten(checked(nlp, market, lead + AFTER_THE_BELL, RESULTS_EVENING))
    assert verdicts(items) == ["unverifiable"], [c.verdict.explanation for c in items]
    assert "after-hours" in items[0].verdict.explanation


@pytest.mark.parametrize("lead", [
    # the day word after the link is the move's own
    "Adobe Systems Inc posted quarterly profit that met its reduced forecast, and its shares rose 10 percent on "
    "Tuesday.",
    # told as the close
    "Adobe Systems Inc posted quarterly profit on Tuesday that met its reduced forecast, and its shares closed up "
    "10 percent.",
])
def test_a_day_word_of_the_move_or_a_close_is_still_accused(nlp, market, lead) -> None:  # type: ignore[no-untyped-def]
    items = adobe_at_ten(checked(nlp, market, lead + AFTER_THE_BELL, RESULTS_EVENING))
    assert verdicts(items) == ["contradicted"], [c.verdict.explanation for c in items]
