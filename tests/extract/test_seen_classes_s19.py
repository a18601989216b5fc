"""Issue 12 and 13, session 19: classes of writing of our own that the extraction misread in session 18 (helper
`rewrite18`'s list in corpora/README.md), written in our own words, through the real pipeline and real prices.

1. 'gave up N percent', 'gave back N points': a fall of that size (it was read as a rise by the tagger alone, off
   the particle 'up'). 'Gave up 60 percent of its gains' is a share of an earlier move, no move of 60 percent, and
   'gave up early gains' tells no size and not that the day ended lower: neither is a move. The same holds for
   'lost 60 percent of its gains', which was read as a fall of 60 percent and accused.
2. A quote from before the open told with 'ahead of the (opening) bell', 'before the market opened', 'ahead of Wall
   Street's open', 'before the start of regular trading', 'in pre-open trading': read as the day's move and accused
   (only 'before the bell' and 'premarket' were known). Such a quote is `period: "other"` (corpora/README.md's
   convention), unverifiable from daily closes.
3. A comparison with the close a year back in words other than 'higher than they were a year ago' ('compared with
   a year ago', 'versus where it stood a year ago', 'from this time last year', 'from its price a year ago'): fell
   back to the day (unverifiable, 'a move of an earlier time'). It is the move over the past 12 months (`period:
   "year"` where its words sit in the move's own clause, else the day's move with the past-12-months reading).
4. A period word after a semicolon ('fell 7.9 percent; year-to-date it is down 35 percent'): it took over the day's
   figure before it (read as the year to date). A semicolon closes a clause's time words; a leading 'For the week,'
   still scopes over the whole sentence.
5. A record dated to a past year ('climbed past its record close of 2000', 'its all-time peak of January 2000'): read
   as a record at level 2,000. It is that year's mark, as 'set in 2000' is: no record of the day's is read from it.
6. A rate step told beside its level ('lowered its rate to 1 percent with a half-point cut', 'brought its rate down to
   1 percent, a half-point cut') lost its size; 'took borrowing costs down by a half point' (no level) was missed.
   One decision told by a verb and a noun is one claim with the level and the size; 'take/bring ... down by' a size
   is a cut (a hike with 'up'), only with a bank for the subject.
7. A quoted view that the bank is done moving ('the Fed is done raising rates', 'is finished cutting interest rates')
   was missed. It is a hold, as a view (`opinion`, never checked against a decision), like 'no hurry to cut'.

Facts used (from ../shared/data at run time):
- on Wednesday 2008-10-15 the Dow fell 7.87% (733.08 points, to 8,577.91) and the S&P 500 9.03%; on Monday
  2008-10-13 the Dow rose 11.08%; Ford's (F) adjusted close fell 6.1% on 2008-10-15 and rose 2.5% on 2008-10-14;
- the Dow closed 2007 at 13,264.82 (down 35.3% for the year to 2008-10-15, up 1.5% on the week to that Wednesday);
  in the week to Friday 2007-11-09 the Nasdaq fell 6.49% and the S&P 500 3.71%;
- on Wednesday 2008-10-29 the Fed cut its target rate by 50 basis points, to 1 percent (and on 2008-10-08 too);
- on Tuesday 2006-10-03 the Dow closed at a record 11,727.34, past its close of 2000-01-14 (11,722.98);
- on Tuesday 2008-06-24 Caterpillar's (CAT) adjusted close fell 4.20%, and 3.45% over the past 12 months.
"""

from __future__ import annotations

import pytest
from written import checked

from analyzer.records import CheckedClaim

CATERPILLAR_EVENING = "2008-06-24T17:30"


def of(items: list[CheckedClaim], symbol: str) -> list[CheckedClaim]:
    return [c for c in items if c.claim.instrument is not None and c.claim.instrument.symbol == symbol]


def moves(items: list[CheckedClaim]) -> list[tuple[str | None, float | None, float | None, str]]:
    return [(c.claim.direction, c.claim.change_pct, c.claim.change_points, c.verdict.verdict) for c in items
            if c.claim.kind in ("index_move", "stock_move")]


# ---- 1. 'gave up N percent' is a fall of N percent ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "symbol", "expected"), [
    ("The Dow Jones industrial average gave up 7.9 percent on Wednesday.", "^DJI", ("down", 7.9, None)),
    ("Wall Street's Dow Jones industrial average gave back 7.9 percent of its value on Wednesday in a wave of"
     " selling.", "^DJI", ("down", 7.9, None)),
    ("On Wednesday the S&P 500 index gave up 9 percent as fears of a recession returned.", "^GSPC",
     ("down", 9.0, None)),
    ("The Dow gave up 733 points, or 7.9 percent, to 8,577.91 on Wednesday.", "^DJI", ("down", 7.9, 733.0)),
    ("Ford Motor Co shares gave back 6.1 percent on Wednesday.", "F", ("down", 6.1, None)),
])
def test_gave_up_a_figure_is_a_fall_of_that_figure(nlp, market, text, symbol, expected) -> None:  # type: ignore[no-untyped-def]
    found = moves(of(checked(nlp, market, text, "2008-10-15T17:00"), symbol))
    assert [m[:3] for m in found] == [expected]
    assert found[0][3] == "supported"


@pytest.mark.parametrize(("text", "symbol", "published"), [
    ("The Dow Jones industrial average gave up 3 percent on Monday.", "^DJI", "2008-10-13T17:00"),
    ("Ford Motor Co shares gave back 6 percent on Tuesday.", "F", "2008-10-14T17:00"),
])
def test_gave_up_on_a_day_that_rose_is_an_error(nlp, market, text, symbol, published) -> None:  # type: ignore[no-untyped-def]
    found = moves(of(checked(nlp, market, text, published), symbol))
    assert [m[0] for m in found] == ["down"]
    assert found[0][3] == "contradicted"  # the Dow rose 11% that Monday, Ford 2.5% that Tuesday


@pytest.mark.parametrize("text", [
    "The Dow Jones industrial average gave up 60 percent of its Monday gains on Wednesday.",
    "The Dow Jones industrial average lost 60 percent of its Monday gains on Wednesday.",
    "By Wednesday the Dow had handed back 400 points of its 936-point rally.",
    "The Dow gave up early gains on Wednesday.",
    "Blue chips gave back their early advance on Wednesday.",
])
def test_a_share_of_an_earlier_move_or_a_move_without_size_is_no_move(nlp, market, text) -> None:  # type: ignore[no-untyped-def]
    found = moves(of(checked(nlp, market, text, "2008-10-15T17:00"), "^DJI"))
    assert all(m[1] not in (60.0,) and m[2] != 400.0 for m in found), found
    assert "contradicted" not in [m[3] for m in found]
    assert "down" not in [m[0] for m in found if m[1] is None and m[2] is None] or not found


def test_investors_giving_up_on_stocks_is_no_move(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "Investors who gave up on stocks last week came back on Monday, and the Dow jumped 11 percent."
    found = moves(of(checked(nlp, market, text, "2008-10-13T17:00"), "^DJI"))
    assert [m[:2] for m in found] == [("up", 11.0)]


# ---- 2. a quote from before the open, in the words writers use ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ford Motor Co shares rose 3 percent ahead of the opening bell on Wednesday.",
    "Ford Motor Co shares rose 3 percent ahead of the bell on Wednesday.",
    "Ford Motor Co shares rose 3 percent on Wednesday before the start of regular trading.",
    "Ford Motor Co shares rose 3 percent in trading ahead of Wall Street's open on Wednesday.",
    "Ford Motor Co shares were up 3 percent on Wednesday before the open.",
    "Ford Motor Co shares were up 3 percent on Wednesday in pre-open trading.",
    "Before the opening bell on Wednesday, Ford Motor Co shares were up 3 percent.",
])
def test_a_quote_from_before_the_open_is_another_period(nlp, market, text) -> None:  # type: ignore[no-untyped-def]
    found = of(checked(nlp, market, text, "2008-10-15T17:00"), "F")
    assert [(c.claim.direction, c.claim.period, c.verdict.verdict) for c in found] == [("up", "other", "unverifiable")]


@pytest.mark.parametrize("text", [
    "Ford Motor Co shares rose 3 percent before the market opened on Wednesday.",
    "Ahead of the opening bell on Wednesday, traders were buying carmakers. Ford Motor Co shares were up 3 percent.",
])
def test_a_quote_from_before_the_open_in_a_clause_or_sentence_of_its_own_is_not_accused(nlp, market, text) -> None:  # type: ignore[no-untyped-def]
    found = of(checked(nlp, market, text, "2008-10-15T17:00"), "F")
    assert found and "contradicted" not in [c.verdict.verdict for c in found]


@pytest.mark.parametrize(("text", "verdict"), [
    ("Ford Motor Co shares rose 3 percent on Wednesday.", "contradicted"),  # Ford fell 6.1% that day
    ("Ford Motor Co shares fell 6.1 percent on Wednesday ahead of the opening of its new plant.", "supported"),
    ("Ford Motor Co shares fell 6.1 percent on Wednesday once the carmaker had said before the opening bell that"
     " its sales slumped.", "supported"),
])
def test_the_days_move_beside_words_of_an_opening_is_still_the_days(nlp, market, text, verdict) -> None:  # type: ignore[no-untyped-def]
    found = of(checked(nlp, market, text, "2008-10-15T17:00"), "F")
    assert [(c.claim.period, c.verdict.verdict) for c in found] == [("day", verdict)]


# ---- 3. a comparison with a year back, in the words writers use ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Caterpillar shares are 3.5 percent lower today than they were a year ago.",
    "Caterpillar shares are 3.5 percent lower than a year ago.",
    "Caterpillar's stock is down 3.5 percent from its price a year ago.",
    "Caterpillar's stock is down 3.5 percent from its level a year earlier.",
    "Caterpillar shares are down 3.5 percent compared with a year ago.",
    "Caterpillar shares are down 3.5 percent from this time last year.",
    "Caterpillar shares have slipped 3.5 percent from where they stood 12 months ago.",
])
def test_a_true_comparison_with_a_year_back_is_supported(nlp, market, text) -> None:  # type: ignore[no-untyped-def]
    found = of(checked(nlp, market, text, CATERPILLAR_EVENING), "CAT")
    assert [(c.claim.direction, c.claim.change_pct, c.verdict.verdict) for c in found] == [("down", 3.5, "supported")]


@pytest.mark.parametrize("text", [
    "Caterpillar shares are up 20 percent from a year ago.",
    "Caterpillar shares are 20 percent higher than a year earlier.",
    "Caterpillar shares are up 20 percent compared with a year ago.",
    "Caterpillar shares are up 20 percent versus a year ago.",
    "Caterpillar shares have risen 20 percent from where they stood a year ago.",
])
def test_a_wrong_comparison_with_a_year_back_is_an_error(nlp, market, text) -> None:  # type: ignore[no-untyped-def]
    found = of(checked(nlp, market, text, CATERPILLAR_EVENING), "CAT")
    assert [c.verdict.verdict for c in found] == ["contradicted"]  # down 3.45% over the past 12 months


def test_a_move_of_a_year_ago_stays_a_move_of_that_time(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "Caterpillar shares fell 20 percent a year ago, when orders for its machines slumped."
    found = of(checked(nlp, market, text, CATERPILLAR_EVENING), "CAT")
    assert [c.verdict.verdict for c in found] == ["unverifiable"]


# ---- 4. a period word after a semicolon is the next clause's ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Dow Jones industrial average fell 7.9 percent; year-to-date it is down 35 percent.",
    "The Dow Jones industrial average fell 7.9 percent; year to date, the index has lost 35 percent.",
    "The Dow Jones industrial average fell 7.9 percent; so far this year it has lost 35 percent.",
    "The Dow Jones industrial average fell 7.9 percent on Wednesday; for the year, it is down 35 percent.",
    "Year-to-date, the Dow Jones industrial average is down 35 percent; on Wednesday it fell 7.9 percent.",
])
def test_the_days_figure_beside_a_year_to_date_clause_is_the_days(nlp, market, text) -> None:  # type: ignore[no-untyped-def]
    found = of(checked(nlp, market, text, "2008-10-15T17:00"), "^DJI")
    assert sorted((c.claim.change_pct, c.claim.period, c.verdict.verdict) for c in found) == [
        (7.9, "day", "supported"), (35.0, "ytd", "supported")]


def test_a_wrong_figure_for_the_week_after_a_semicolon_is_still_the_weeks(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "The Dow Jones industrial average fell 7.9 percent; for the week, it is down 10 percent."
    found = of(checked(nlp, market, text, "2008-10-15T17:00"), "^DJI")
    assert sorted((c.claim.change_pct, c.claim.period, c.verdict.verdict) for c in found) == [
        (7.9, "day", "supported"), (10.0, "week", "contradicted")]  # the Dow was up 1.5% on the week to Wednesday


def test_a_leading_week_header_still_scopes_over_a_semicolon(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "For the week, the Nasdaq fell 6.5 percent; the S&P 500 lost 3.7 percent."
    found = checked(nlp, market, text, "2007-11-09T17:00")
    assert sorted((c.claim.instrument.symbol, c.claim.period, c.verdict.verdict) for c in found
                  if c.claim.instrument is not None) == [("^GSPC", "week", "supported"), ("^IXIC", "week", "supported")]


# ---- 5. a record dated to a past year is that year's mark, not a level --------------------------------------------

@pytest.mark.parametrize("text", [
    "The Dow Jones industrial average climbed past its record close of 2000 on Tuesday.",
    "The Dow Jones industrial average pushed past its all-time peak of January 2000 on Tuesday.",
    "The Dow Jones industrial average climbed past its record close from 2000 on Tuesday.",
])
def test_a_record_of_a_past_year_is_no_level(nlp, market, text) -> None:  # type: ignore[no-untyped-def]
    found = of(checked(nlp, market, text, "2006-10-03T17:00"), "^DJI")
    assert not [c for c in found if c.claim.kind == "record" and c.claim.level in (2000.0,)]
    assert "contradicted" not in [c.verdict.verdict for c in found]


def test_a_record_with_its_level_keeps_the_level(nlp, market) -> None:  # type: ignore[no-untyped-def]
    found = of(checked(nlp, market, "Blue chips rallied on Tuesday, and the Dow ended at a record 11,727.34.",
                       "2006-10-03T17:00"), "^DJI")
    assert [(c.claim.level, c.verdict.verdict) for c in found if c.claim.kind == "record"] == [(11727.34, "supported")]


# ---- 6. a rate step told beside its level, or with 'take ... down by' ---------------------------------------------

def rate_steps(nlp, market, text: str) -> list[tuple[str | None, float | None, float | None, str]]:  # type: ignore[no-untyped-def]
    return [(c.claim.action, c.claim.bp, c.claim.level, c.verdict.verdict)
            for c in checked(nlp, market, text, "2008-10-29T17:00") if c.claim.kind == "rate_policy"]


@pytest.mark.parametrize(("text", "level"), [
    ("The Federal Reserve lowered its benchmark rate to 1 percent with a half-point cut on Wednesday.", 1.0),
    ("The Federal Reserve cut its key rate to 1 percent on Wednesday with a half-point reduction.", 1.0),
    ("The Fed brought its benchmark rate down to 1 percent on Wednesday, a half-point cut.", 1.0),
    ("The Federal Reserve took borrowing costs down by a half point on Wednesday.", None),
    ("On Wednesday the Fed brought interest rates down by 50 basis points.", None),
])
def test_a_rate_step_beside_its_level_or_taken_down_by_a_size(nlp, market, text, level) -> None:  # type: ignore[no-untyped-def]
    assert rate_steps(nlp, market, text) == [("cut", 50.0, level, "supported")]


@pytest.mark.parametrize("text", [
    "The Federal Reserve lowered its benchmark rate to 1 percent with a quarter-point cut on Wednesday.",
    "The Federal Reserve took borrowing costs down by a quarter point on Wednesday.",
])
def test_a_wrong_step_size_is_an_error(nlp, market, text) -> None:  # type: ignore[no-untyped-def]
    assert [r[1:] for r in rate_steps(nlp, market, text)][0][0] == 25.0
    assert [r[3] for r in rate_steps(nlp, market, text)] == ["contradicted"]  # the cut was half a point


@pytest.mark.parametrize("text", [
    "The Fed cut rates to 1 percent on Wednesday, after a half-point cut earlier this month.",
    "Markets took rates down by a half point on Wednesday.",
    "The Fed brought its benchmark rate down to 1 percent on Wednesday.",
])
def test_a_size_of_another_step_or_of_no_bank_is_not_taken(nlp, market, text) -> None:  # type: ignore[no-untyped-def]
    assert all(r[1] in (None, 50.0) and r[3] != "contradicted" for r in rate_steps(nlp, market, text))


@pytest.mark.parametrize("text", [
    "The Fed cut rates to 1 percent on Wednesday, with a quarter-point cut expected at the December meeting.",
    "The Fed lowered its key rate to 1 percent on Wednesday, with a further quarter-point cut seen in December.",
    "The Federal Reserve brought its rate down to 1 percent on Wednesday, with another quarter-point cut likely.",
])
def test_the_size_of_a_further_or_expected_step_is_not_the_decisions(nlp, market, text) -> None:  # type: ignore[no-untyped-def]
    # the Fed cut by half a point on 2008-10-29: a quarter point told of a later move is no size of this one
    steps = rate_steps(nlp, market, text)
    assert ("cut", None, 1.0, "supported") in steps or ("cut", None, None, "supported") in steps, steps
    assert "contradicted" not in [r[3] for r in steps], steps


# ---- 7. a quoted view that the bank is done moving is a hold opinion ----------------------------------------------

@pytest.mark.parametrize("text", [
    '"The Fed is done raising rates," said Joe Smith, chief economist at a Boston bank.',
    '"I think the Fed is finished cutting interest rates," said Joe Smith, an economist.',
    "Analysts said the Fed was probably done cutting rates for now.",
])
def test_the_bank_done_moving_is_a_hold_opinion(nlp, market, text) -> None:  # type: ignore[no-untyped-def]
    found = [c for c in checked(nlp, market, text, "2008-10-15T17:00") if c.claim.kind == "rate_policy"]
    assert [(c.claim.action, c.claim.modality) for c in found] == [("hold", "opinion")]
    assert "contradicted" not in [c.verdict.verdict for c in found]


def test_a_decision_beside_the_view_is_still_checked(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "The Fed cut rates by half a point on Wednesday, and analysts said it was done cutting."
    found = [c for c in checked(nlp, market, text, "2008-10-29T17:00") if c.claim.kind == "rate_policy"]
    assert [(c.claim.action, c.claim.bp, c.verdict.verdict) for c in found] == [("cut", 50.0, "supported")]
