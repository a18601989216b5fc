"""Issue 12, session 19 (helper period19): wrong-period and in-session classes still accused on the studied audits,
written in our own words.

1. A close as first printed, kept in a story of other news stamped later that evening (policy of session 19: not
   an accusation): its points lead from the previous close to a level within 0.03% of the final close, inside the
   session's range (before, only pieces stamped within 90 minutes of the bell were read so).
2. A span the words name that no reading takes ('from 2003 to 2007', 'Between early March and mid-May', 'from
   about $25 a share in early 2008', 'since the merger', 'over the 12-month period', a stock's past quarter): the
   figure is not the day's (nor the month's or the period's to date), and the closes are not read over such a
   span: `unverifiable`, the span named.
3. An evening lead on results whose shares' move the sentence ties to the news ('reported ..., and its shares rose
   10 percent', 'posted quarterly results on Tuesday ..., sending its shares up 10 percent'), in a piece that tells
   of trading after the bell: the after-hours reading is tried (the day word of the news no longer stops it).

Each class has its control: a figure that fits no reading (points that do not lead from the previous close to
the level, a level several points from the close, the first print told the next day) is still accused.

Facts used (from ../shared/data at run time): on Wednesday 2008-04-02 the Dow closed at 12,608.92, down 45.44
points from 12,654.36 (range 12,555.17 to 12,696.29); on Tuesday 2008-11-04 it closed at 9,625.28, up 305.45
points (3.28%) from 9,319.83; on Wednesday 2009-08-26 the S&P 500 closed at 1,028.12, up 0.01% (4.1% on the
month, 13.8% on the year), IBM up 0.5% (1.8% on the month); on Tuesday 2008-12-16 Adobe (ADBE) closed up
4.5%, and fell 2.8% the next day.
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
    ("down 47.86 points at 12,606.50", "2008-04-02T18:40"),   # 2.42 points (0.019%) under the final close
    ("down 47.86 points at 12,606.50", "2008-04-02T22:55"),   # any hour of the session's evening
])
def test_a_first_print_kept_in_an_evening_story_is_not_accused(nlp, market, figures, published) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, FED_STORY.format(figures=figures), published), "^DJI")
    assert verdicts(items) == ["unverifiable"]
    assert items[0].verdict.readings[-1] == "a preliminary close"
    assert "first printed" in items[0].verdict.explanation


def test_an_election_day_first_print_with_all_three_figures(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = ("Voters lined up across the country as stocks rallied. The Dow Jones industrial average ended up "
            "302.74 points, or 3.25 percent, at 9,622.57.")
    items = of(checked(nlp, market, text, "2008-11-04T18:25"), "^DJI")
    assert verdicts(items) == ["unverifiable"]


@pytest.mark.parametrize(("figures", "published"), [
    ("down 77.86 points at 12,606.50", "2008-04-02T18:40"),   # the points lead from 12,684.36, not 12,654.36
    ("down 50.53 points at 12,603.83", "2008-04-02T18:40"),   # a level 5.09 points (0.04%) off: outside 0.03%
    ("down 47.86 points at 12,506.50", "2008-04-02T18:40"),   # a level far below the close
    ("up 47.86 points at 12,606.50", "2008-04-02T18:40"),     # the direction the level rules out
])
def test_figures_that_fit_no_reading_are_still_accused_that_evening(nlp, market, figures, published) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, FED_STORY.format(figures=figures), published), "^DJI")
    assert verdicts(items) == ["contradicted"]


def test_the_first_print_told_the_next_day_is_still_accused(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = ("The central bank chief told lawmakers a downturn could not be ruled out. On Wednesday the Dow "
            "industrials finished down 47.86 points at 12,606.50.")
    items = of(checked(nlp, market, text, "2008-04-03T09:10"), "^DJI")
    assert verdicts(items) == ["contradicted"]


def test_an_evening_level_without_points_is_still_read_as_the_close(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # no points tie the level to the previous close: a level 40 points off the close stays an error
    text = "Investors sold shares after the testimony, and the Dow industrials finished lower at 12,568.92."
    items = of(checked(nlp, market, text, "2008-04-02T18:40"), "^DJI")
    assert verdicts(items) == ["contradicted"]


# ---- 2. a span the words name that no reading takes -------------------------------------------------------------

LATE_AUGUST = "2009-08-26T18:30"


@pytest.mark.parametrize(("sentence", "symbol"), [
    ("After the internet bubble burst, the S&P 500 climbed 67 percent from 2003 to 2007 without a 10 percent "
     "correction.", "^GSPC"),
    ("Between early March and mid-May, the S&P 500 rose 35 percent, and buyers have kept coming back since.",
     "^GSPC"),
    ("IBM shares have gained about 40 percent since the merger, against a 90 percent rise in the S&P 500.", "^GSPC"),
    ("IBM shares climbed 50 percent to about $120 in August, from about $80 a share in early 2009.", "IBM"),
    ("IBM shares rose 30 percent over the 12-month period.", "IBM"),
    ("IBM shares rose 30 percent during the second quarter, as investors bet on software sales.", "IBM"),
])
def test_a_span_the_words_name_is_not_the_days_move(nlp, market, sentence, symbol) -> None:  # type: ignore[no-untyped-def]
    items = [c for c in of(checked(nlp, market, sentence, LATE_AUGUST), symbol)
             if c.claim.kind in ("index_move", "stock_move")]
    assert items and all(v != "contradicted" for v in verdicts(items)), [c.verdict.explanation for c in items]
    assert any("a span the words name" in c.verdict.readings for c in items)


@pytest.mark.parametrize(("sentence", "symbol"), [
    # no span named: a 35 percent day is wrong
    ("The S&P 500 rose 35 percent, and buyers have kept coming back since.", "^GSPC"),
    # the span is the profit's, in its own clause: the shares' move is the day's
    ("Profit doubled from 2003 to 2007, and the S&P 500 climbed 45 percent.", "^GSPC"),
    ("IBM said revenue grew in its fiscal second quarter, and its shares rose 30 percent.", "IBM"),
    # the span of a figure told far after the claim's, in a clause of news
    ("The Dow industrials rose nearly 4 percent after the government said the economy grew at a yearly rate of "
     "3 percent between April and June.", "^DJI"),
    # an event the words date: the checker reads the move from that date, and 45 percent is wrong from it
    ("IBM shares have lost 45 percent since the merger was announced on March 2.", "IBM"),
])
def test_without_a_span_of_its_own_the_figure_is_still_accused(nlp, market, sentence, symbol) -> None:  # type: ignore[no-untyped-def]
    items = [c for c in of(checked(nlp, market, sentence, LATE_AUGUST), symbol)
             if c.claim.kind in ("index_move", "stock_move")]
    assert items and verdicts(items) == ["contradicted"] * len(items), [c.verdict.explanation for c in items]


# ---- 3. an after-hours move on results in an evening lead -------------------------------------------------------

RESULTS_EVENING = "2008-12-16T18:45"
AFTER_THE_BELL = "\n\nThe results came out after the bell, and the shares traded higher in extended trading."


@pytest.mark.parametrize("lead", [
    "Design software maker Adobe Systems Inc reported quarterly profit that matched its own lowered "
    "forecast, and its shares rose 10 percent.",
    "Adobe Systems Inc posted quarterly results on Tuesday that matched its lowered forecast, sending its shares "
    "up 10 percent.",
])
def test_an_evening_results_lead_may_give_the_after_hours_move(nlp, market, lead) -> None:  # type: ignore[no-untyped-def]
    items = [c for c in of(checked(nlp, market, lead + AFTER_THE_BELL, RESULTS_EVENING), "ADBE")
             if c.claim.change_pct == 10.0]
    assert verdicts(items) == ["unverifiable"], [c.verdict.explanation for c in items]
    assert "after-hours" in items[0].verdict.explanation


@pytest.mark.parametrize(("lead", "tail"), [
    # a piece that tells of nothing after the session: the figure is the session's (+4.5%)
    ("Design software maker Adobe Systems Inc reported quarterly profit that matched its own lowered "
     "forecast, and its shares rose 10 percent.", ""),
    # told as the close
    ("Design software maker Adobe Systems Inc reported quarterly profit that matched its own lowered "
     "forecast, and its shares closed up 10 percent.", AFTER_THE_BELL),
    # the day word is the move's own, after the link
    ("Adobe Systems Inc posted quarterly results that matched its lowered forecast, sending its shares up 10 "
     "percent on Tuesday.", AFTER_THE_BELL),
])
def test_a_results_lead_read_as_the_session_is_still_accused(nlp, market, lead, tail) -> None:  # type: ignore[no-untyped-def]
    items = [c for c in of(checked(nlp, market, lead + tail, RESULTS_EVENING), "ADBE") if c.claim.change_pct == 10.0]
    assert verdicts(items) == ["contradicted"], [c.verdict.explanation for c in items]
