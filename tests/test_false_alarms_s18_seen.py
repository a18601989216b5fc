"""Issue 12, session 18: classes of writing of our own that gave a false `contradicted`, written in our own words.

1. A session's trading range told with 'within' or 'inside' ('the Dow swinging within a range as wide as 203
   points'): the figure was read as a fall of that size. It is the session's high-low range.
2. A swing over the last minutes or hours told with 'during' or 'over' ('shed more than 150 points during the
   final 12 minutes of trading'): read as the session's move. It is a swing inside the session.
3. A premarket figure measured from a close whose day follows it ('up 5 percent at $92 from their $88.10 close in
   New York on Tuesday'): read as Tuesday's own move. It runs from Tuesday's close to a later quote.
4. No need for the bank to hurry, with the bank between ('no need for the Fed to be in a hurry in cutting rates'):
   read as a cut reported on the piece's day, which a day without a decision accuses. It is a hold, as a view.
5. A superlative after a count of what a company sold ('it sold 2,441 heavy trucks last year, ... its best
   performance in six years'): given to the stock as its best day and accused. It is the business's best:
   unverifiable with the reason (as the apposition form already was).
6. A week header carried over more than one sentence with no time words of its own ('For the week, the Nasdaq
   shed 6.5 percent. The Dow slid 4.1 percent. The S&P 500 ended 3.7 percent lower.'): the third was read as
   Friday's move and accused. Each sentence with no time of its own carries the header on.

Each class has its control: the plain form of the same shape is still a move, and still accused when wrong.

Facts used (from ../shared/data at run time):
- in the week to Friday 2007-11-09 the Nasdaq fell 6.49%, the Dow 4.06% and the S&P 500 3.71% (the S&P 500 fell
  1.43% that Friday);
- on Wednesday 2007-03-14 the Dow rose 57.44 points with a high-low range of about 203 points;
- on Monday 2009-03-16 the Dow fell 7.01 points; on Tuesday 2007-10-09 Chevron (CVX) rose 1.33%;
- on Thursday 2009-01-08 Ford (F) closed flat, its best day since 2009-01-06 (+6.98%).
"""

from __future__ import annotations

import pytest
from written import checked, rate_claims_in, written_article

from analyzer.records import CheckedClaim


def of(items: list[CheckedClaim], symbol: str) -> list[CheckedClaim]:
    return [c for c in items if c.claim.instrument is not None and c.claim.instrument.symbol == symbol]


def verdicts(items: list[CheckedClaim]) -> list[str]:
    return [c.verdict.verdict for c in items]


# ---- 1. a trading range is not a move ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Traders were on edge. Stocks lurched on Wednesday, the Dow rising and falling within a range as wide as 203"
    " points.",
    "Traders were on edge. Stocks lurched on Wednesday; the Dow rose and fell within a range as wide as 203 points.",
    "Nerves showed on Wednesday as the Dow swung up and down inside a band as broad as 203 points.",
])
def test_a_range_within_which_the_index_moved_is_the_sessions_range(nlp, market, text) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, text, "2007-03-14T17:00"), "^DJI")
    assert items and "contradicted" not in verdicts(items)
    assert any("range" in " ".join(c.verdict.readings) for c in items if c.claim.change_points)


def test_a_fall_of_the_same_figure_is_still_a_move(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, "Nerves showed on Wednesday as the Dow fell 203 points.", "2007-03-14T17:00"),
               "^DJI")
    assert [(c.claim.direction, c.claim.change_points) for c in items] == [("down", 203.0)]
    assert verdicts(items) == ["contradicted"]  # the Dow rose that day: an error


# ---- 2. a swing over the last minutes is not the day's move ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Dow Jones industrial average shed more than 150 points during the final 12 minutes of trading after a"
    " report.",
    "A late wave of selling knocked the Dow Jones industrial average down more than 150 points over the last 12"
    " minutes of the session.",
    "After the report the Dow gave up more than 150 points during the last half hour.",
])
def test_a_swing_over_the_last_minutes_is_inside_the_session(nlp, market, text) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, text, "2009-03-16T17:00"), "^DJI")
    assert "contradicted" not in verdicts(items)


def test_the_days_fall_of_the_same_figure_is_still_checked(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, "The Dow Jones industrial average shed 150 points on Monday.",
                       "2009-03-16T17:00"), "^DJI")
    assert verdicts(items) == ["contradicted"]  # it fell 7 points that day


# ---- 3. a premarket figure from a close whose day follows it -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Chevron beat forecasts. In trading before the market opened, Chevron shares were up 5 percent at $92 from"
    " their $88.10 close in New York on Tuesday.",
    "Before the bell, Chevron traded up 5 percent at $92 from the $88.10 close on Tuesday.",
    "Ahead of the opening bell, Chevron stock stood 5 percent higher at $92 against its $88.10 close on Tuesday.",
])
def test_a_premarket_figure_from_the_close_named_after_it(nlp, market, text) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, text, "2007-10-10T08:00"), "CVX")
    assert items and "contradicted" not in verdicts(items)


def test_tuesdays_own_move_is_still_checked(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, "Chevron shares closed up 5 percent on Tuesday.", "2007-10-10T17:00"), "CVX")
    assert verdicts(items) == ["contradicted"]  # it rose 1.33% that day


# ---- 4. no need for the bank to hurry is a view of a hold, not a cut -------------------------------------------

@pytest.mark.parametrize("text", [
    "Powell said there is no need for the Fed to be in a hurry in cutting rates.",
    "The chairman said there was no reason for the central bank to rush into cutting rates.",
    "Powell said there is no need for the Fed to hurry to cut rates.",
])
def test_no_need_for_the_bank_to_hurry_is_a_hold_view(nlp, market, text) -> None:  # type: ignore[no-untyped-def]
    claims = rate_claims_in(nlp, text, written_article(text, "2008-03-14T17:00").published)
    assert [(c.action, c.modality) for c in claims] == [("hold", "opinion")]
    assert "contradicted" not in verdicts(checked(nlp, market, text, "2008-03-14T17:00"))


def test_a_cut_told_as_done_is_still_checked(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "The Fed cut rates by 75 basis points on Friday."
    claims = rate_claims_in(nlp, text, written_article(text, "2008-03-14T17:00").published)
    assert [c.action for c in claims] == ["cut"]
    assert verdicts(checked(nlp, market, text, "2008-03-14T17:00")) == ["contradicted"]  # no decision that day


# ---- 5. a best after a count of what the company sold is the business's ----------------------------------------

@pytest.mark.parametrize("text", [
    "Ford said on Thursday it sold 2,441 heavy trucks last year, 11 percent more than in 2007 and its best"
    " performance in six years.",
    "Ford said on Thursday it sold 2,441 heavy trucks in 2008, up 11 percent from 2007 and its best performance in"
    " six years.",
    "Ford said on Thursday it had delivered 2,441 heavy trucks over 2008, 11 percent more than a year before and its"
    " strongest showing in six years.",
])
def test_a_best_after_a_count_of_units_sold_is_not_the_stocks(nlp, market, text) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, text, "2009-01-08T15:00")
    assert "contradicted" not in verdicts(items)
    assert all("business" in c.verdict.explanation for c in of(items, "F") if c.claim.kind == "comparison")


def test_the_stocks_own_best_is_still_a_comparison(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, "Ford shares had their best performance in six years on Thursday.",
                    "2009-01-08T15:00")
    assert [c.claim.kind for c in of(items, "F")] == ["comparison"]
    assert verdicts(of(items, "F")) == ["contradicted"]  # a flat day, not a six-year best


# ---- 6. a week header carried over several sentences --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "For the week, the Nasdaq Composite shed 6.5 percent. The Dow industrials slid 4.1 percent. The S&P 500 index"
    " ended 3.7 percent lower.",
    "Over the week the Nasdaq Composite lost 6.5 percent. The Dow industrials were off 4.1 percent. The S&P 500"
    " index finished 3.7 percent lower.",
])
def test_a_week_header_carries_over_sentences_without_a_time(nlp, market, text) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, text, "2007-11-09T17:00")
    spx = of(items, "^GSPC")
    assert [(c.claim.period, c.verdict.verdict) for c in spx] == [("week", "supported")]
    assert "contradicted" not in verdicts(items)


def test_a_sentence_with_its_own_day_ends_the_headers_reach(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = ("For the week, the Nasdaq Composite shed 6.5 percent. On Friday the Dow industrials slid 1.7 percent."
            " The S&P 500 index ended 3.7 percent lower.")
    spx = of(checked(nlp, market, text, "2007-11-09T17:00"), "^GSPC")
    assert [(c.claim.period, c.verdict.verdict) for c in spx] == [("day", "contradicted")]  # Friday: -1.43%
