"""A figure of a span its time words name, which the extraction did not anchor (issue 12, session 30; the
fresh development audits `corpora/audit/dev_stories_2007_seed3007`, `dev_stories_2009_seed3009` and the studied
ones): through the real pipeline and real prices, on sentences we wrote. Each class has a control with a figure
the span does not bear out, which stays `contradicted`.

Facts used (from ../shared/data at run time): the Dow closed 2009-11-25 at 10,464.40, its highest since 2008-10-02,
and 2009-11-27 lower; the S&P 500 set record closes in early October 2007 and none from late 2002 to March 2003; the
S&P 500's closes of 2009-03-02..10 run 676.53-719.60, and it closed 2009-06-12 at 946.21 (+31.5% to +39.9% from
them); the Dow closed 2009-03-09 at 6,547.05 and 2009-03-26 at 7,924.56 (+21.0%, 13 sessions); the S&P 500 closed
2008-12-31 at 903.25 and 2009-02-27 at 735.09 (-18.6%); it closed 2009-03-05 at 682.55 and 2009-04-06 at 835.48
(+22.4%), 2009-04-07 at 815.55; it closed 2001-01-18 at 1,347.97 and 2009-01-16 at 850.12 (-36.9%); Apple fell 2.2%
on 2009-06-12.
"""

from __future__ import annotations

from analyzer.records import CheckedClaim

from .test_fa26 import checked, verdicts


def explained(found: list[CheckedClaim]) -> list[str]:
    return [c.verdict.explanation for c in found]


# ---- 'since <an event> in early March': a base in a part of a month --------------------------------------------

JUNE_EVENING = "2009-06-12T18:20:00-04:00"
SINCE_EARLY_MARCH = ("Hopes for a recovery pushed the S&P 500 up {} percent since bargain hunters returned in early "
                     "March.")


def test_a_move_since_an_event_in_a_part_of_a_month(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, SINCE_EARLY_MARCH.format("35"), JUNE_EVENING, "index_move")
    assert "contradicted" not in verdicts(found), explained(found)


def test_a_move_since_a_part_of_a_month_it_fails_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, SINCE_EARLY_MARCH.format("65"), JUNE_EVENING, "index_move")
    assert verdicts(found) == ["contradicted"], explained(found)


# ---- 'over the previous 13 sessions': a count of sessions back, to the close before the day told ------------------

MARCH_FRIDAY_EVENING = "2009-03-27T17:30:00-04:00"
PREVIOUS_SESSIONS = ("Blue chips slipped on Friday as traders booked profits; the Dow industrials had climbed {} "
                     "percent over the previous 13 sessions.")


def test_a_move_over_a_count_of_sessions_before_the_day(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, PREVIOUS_SESSIONS.format("21"), MARCH_FRIDAY_EVENING, "index_move")
    assert "contradicted" not in verdicts(found), explained(found)


def test_a_count_of_sessions_it_fails_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, PREVIOUS_SESSIONS.format("31"), MARCH_FRIDAY_EVENING, "index_move")
    assert "contradicted" in verdicts(found), explained(found)


# ---- 'an eight-year run': a count of years back, its base told loosely ------------------------------------------

SUNDAY_MORNING = "2009-01-18T10:40:00-05:00"
YEARS_RUN = ("The outgoing administration left office on Friday after an eight-year run in which the S&P 500 lost {} "
             "percent.")


def test_a_move_over_a_run_of_years(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, YEARS_RUN.format("36.9"), SUNDAY_MORNING, "index_move")
    assert "contradicted" not in verdicts(found), explained(found)


def test_a_run_of_years_it_fails_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, YEARS_RUN.format("46.9"), SUNDAY_MORNING, "index_move")
    assert verdicts(found) == ["contradicted"], explained(found)


# ---- a superlative's 'since': it dates the superlative, not the move -------------------------------------------

def test_a_superlatives_since_is_not_the_moves_span(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, "Shares of Apple rose 2 percent on Friday, their biggest gain since early March.",
                    JUNE_EVENING, "stock_move")
    assert verdicts(found) == ["contradicted"], explained(found)


# ---- 'in the first two months of 2009': from the year's start to the end of its second month ----------------------

APRIL_AFTERNOON = "2009-04-07T15:45:00-04:00"
FIRST_MONTHS = "Hit by the banks' losses, the S&P 500 shed {} percent during the first two months of the year."


def test_a_move_over_the_first_months_of_a_year(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, FIRST_MONTHS.format("19"), APRIL_AFTERNOON, "index_move")
    assert "contradicted" not in verdicts(found), explained(found)


def test_the_first_months_of_a_year_with_a_wrong_figure_stay_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, FIRST_MONTHS.format("29"), APRIL_AFTERNOON, "index_move")
    assert verdicts(found) == ["contradicted"], explained(found)


# ---- 'By comparison, ...' after a sentence that names a span: the span to the close it names --------------------

APRIL_EVENING = "2009-04-07T19:25:00-04:00"
BESIDE = ("Shoppers stayed cautious, yet department store shares have jumped about 30 percent since March 5, as of "
          "Monday's close. By comparison, the S&P 500 was up {} percent.")


def test_a_figure_set_beside_the_span_of_the_sentence_before(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, BESIDE.format("22"), APRIL_EVENING, "index_move")
    assert "contradicted" not in verdicts(found), explained(found)


def test_a_figure_beside_a_span_it_fails_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, BESIDE.format("32"), APRIL_EVENING, "index_move")
    assert verdicts(found) == ["contradicted"], explained(found)


def test_a_plain_figure_after_a_sentence_with_a_span_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    # no word sets it beside the figure before: the day stands
    text = ("Department store shares have jumped about 30 percent since March 5, as of Monday's close. The S&P 500 "
            "gained 22 percent.")
    found = checked(engine, text, APRIL_EVENING, "index_move")
    assert "contradicted" in verdicts(found), explained(found)


# ---- a record told in the present perfect: reached at a session up to the one read -----------------------------

SUNDAY_EVENING = "2009-11-29T17:00:00-05:00"
PRESENT_PERFECT = "Upbeat holiday sales could extend the rally that has carried the Dow to {}-month highs."


def test_a_record_told_in_the_present_perfect(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, PRESENT_PERFECT.format("13"), SUNDAY_EVENING, "record")
    assert "contradicted" not in verdicts(found), explained(found)


def test_a_present_perfect_record_no_recent_session_holds_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, PRESENT_PERFECT.format("20"), SUNDAY_EVENING, "record")
    assert verdicts(found) == ["contradicted"], explained(found)


# ---- a record in a sentence that names a month of a past year: a session of it or of the months before ----------

CHRISTMAS_EVE = "2009-12-24T12:48:00-05:00"
PAST_MONTH = "The slump started in {}, soon after the S&P 500 set a record closing high."


def test_a_record_of_the_months_before_a_past_month_named(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, PAST_MONTH.format("December 2007"), CHRISTMAS_EVE, "record")
    assert "contradicted" not in verdicts(found), explained(found)


def test_a_record_no_session_near_the_month_named_holds_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, PAST_MONTH.format("March 2003"), CHRISTMAS_EVE, "record")
    assert verdicts(found) == ["contradicted"], explained(found)
