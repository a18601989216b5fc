"""Issue 12, session 18 (helper period18): wrong-period and in-session classes still accused on the studied audits,
written in our own words.

1. A close as first printed, kept in a story of other news stamped later that evening: its points and level agree
   with each other from the previous close and stop a hair from the final close, inside the session's range
   (before, only pieces stamped within 90 minutes of the bell were read so).
2. A price told as where the stock stood, then its change ('were at $13.93, down 6.7 percent'), in a piece
   stamped after the close: words of a state, like 'were down 6.7 percent at $13.93', read as a price from during
   the session (a stock of 2008 has closes only: the band they allow).
3. A span told back from the session with 'earlier' ('16 percent above where it stood a month earlier'): the
   same span as 'a month ago', tried as a reading.

Each class has its control: a figure that fits no reading (points that do not lead from the previous close to
the level, a level far from the close) is still accused.

Facts used (from ../shared/data at run time): on Wednesday 2008-04-02 the Dow closed at 12,608.92, down 45.44
points from 12,654.36 (range 12,555.17 to 12,696.29); on Tuesday 2008-11-04 it closed at 9,625.28, up 305.45
points (3.28%) from 9,319.83; on Monday 2008-12-15 Bank of America (BAC) closed down 5.5%, its first print
intraday lower; Walt Disney (DIS) rose about 16% from 2008-01-22 to Friday 2008-02-22 on adjusted closes, 0.9% on
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


# ---- 1. a first print of the close in a story stamped later that evening -------------------------------------

FED_STORY = ("The central bank chief told lawmakers a downturn could not be ruled out. Investors sold shares "
             "after the testimony, and the Dow industrials finished {figures}.")


@pytest.mark.parametrize(("figures", "published"), [
    ("down 48.53 points at 12,605.83", "2008-04-02T18:40"),
    ("down 48.53 points at 12,605.83", "2008-04-02T22:55"),
])
def test_a_first_print_kept_in_an_evening_story_is_not_accused(nlp, market, figures, published) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, FED_STORY.format(figures=figures), published), "^DJI")
    assert verdicts(items) == ["unverifiable"]
    assert "preliminary close" in items[0].verdict.readings[-1]


def test_an_election_day_first_print_with_all_three_figures(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = ("Voters lined up across the country as stocks rallied. The Dow Jones industrial average ended up "
            "303.38 points, or 3.26 percent, at 9,623.21.")
    items = of(checked(nlp, market, text, "2008-11-04T18:25"), "^DJI")
    assert verdicts(items) == ["unverifiable"]


@pytest.mark.parametrize("figures", [
    "down 78.53 points at 12,605.83",   # the points do not lead from the previous close to the level
    "down 48.53 points at 12,505.83",   # neither: a level far below the close
    "up 48.53 points at 12,605.83",     # the direction the level rules out
])
def test_figures_that_fit_no_reading_are_still_accused_that_evening(nlp, market, figures) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, FED_STORY.format(figures=figures), "2008-04-02T18:40"), "^DJI")
    assert verdicts(items) == ["contradicted"]


def test_an_evening_level_without_points_is_still_read_as_the_close(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # no points tie the level to the previous close: a level 40 points off the close stays an error
    text = "Investors sold shares after the testimony, and the Dow industrials finished lower at 12,568.92."
    items = of(checked(nlp, market, text, "2008-04-02T18:40"), "^DJI")
    assert verdicts(items) == ["contradicted"]


# ---- 2. 'were at $X, down N percent': a state, not a close --------------------------------------------------

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


# ---- 3. 'from a month earlier' --------------------------------------------------------------------------------

def test_a_span_back_told_with_earlier_is_tried(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "Walt Disney shares stood about 16 percent higher than a month earlier after strong quarterly results."
    items = of(checked(nlp, market, text, "2008-02-23T10:00"), "DIS")
    assert verdicts(items) == ["supported"]
    assert "the past month" in items[0].verdict.explanation


def test_a_figure_no_span_gives_is_still_accused(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "Walt Disney shares stood about 36 percent higher than a month earlier after strong quarterly results."
    items = of(checked(nlp, market, text, "2008-02-23T10:00"), "DIS")
    assert verdicts(items) == ["contradicted"]
