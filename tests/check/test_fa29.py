"""The wrong-period and intraday families of false alarms found in the fresh development audits of session 29
(`corpora/audit/dev_stories_2009_seed9909`, `dev_stories_2007_seed9907`; issue 12), keyed on properties of the
claim (its size against the instrument's year, a quarter told in the weeks after one ended, a piece stamped before
the open that tells of its own day, a base in a month's first third), through the real pipeline and real prices,
on sentences we wrote. Each class has a control that stays `contradicted`.

Facts used (from ../shared/data at run time): the S&P 500's largest session move in 2009 was about 7.1% and it
ended 2009-12-31 at 1,115.10 (previous close 1,126.42); Colgate's adjusted closes rose 5.62% from 2006-09-29 to
2006-12-29 and fell in January 2007 to the 29th by less; Citigroup's adjusted close rose 18.6% on 2009-01-28;
Microsoft's lowest close of March 2-10 2009 was on 03-09, 68.7% below its 2009-07-23 close; the S&P 500 was down
9.67% in 2009 at the close of 2009-03-27.
"""

from __future__ import annotations

from analyzer.records import CheckedClaim

from .test_fa26 import checked, verdicts


def explained(found: list[CheckedClaim]) -> list[str]:
    return [c.verdict.explanation for c in found]


# ---- a session's figure no session came near: the year's gain told as a noun ------------------------------------

YEAR_END_AFTERNOON = "2009-12-31T14:40:00-05:00"


def test_a_figure_some_session_could_make_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    text = "The average fund returned about 1 percent, short of the 5 percent gain in the S&P 500 benchmark."
    found = checked(engine, text, YEAR_END_AFTERNOON, "index_move")
    assert verdicts(found) == ["contradicted"], explained(found)


# ---- 'during the quarter' in the weeks after a quarter ended: the quarter just reported ----------------------------

RESULTS_MORNING = "2007-01-30T07:50:00-05:00"


def test_the_quarter_just_reported(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Colgate-Palmolive's shares gained 5.1 percent during the quarter, the toothpaste maker said."
    found = checked(engine, text, RESULTS_MORNING, "stock_move")
    assert "contradicted" not in verdicts(found), explained(found)


def test_the_quarter_just_reported_with_a_wrong_figure_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Colgate-Palmolive's shares gained 12.1 percent during the quarter, the toothpaste maker said."
    found = checked(engine, text, RESULTS_MORNING, "stock_move")
    assert verdicts(found) == ["contradicted"], explained(found)


# ---- a piece stamped before the open that tells of its own day's trading -------------------------------------------

WEDNESDAY_EARLY = "2009-01-28T08:05:00-05:00"


def test_the_days_trading_before_the_open(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("NEW YORK (Reuters) - Big bank stocks climbed on Wednesday on talk of a government-run bad bank.\n\n"
            "Citigroup ( C.N ) added 22 percent to $4.30.")
    found = checked(engine, text, WEDNESDAY_EARLY, "stock_move")
    assert "contradicted" not in verdicts(found), explained(found)


def test_before_the_open_without_the_day_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("NEW YORK (Reuters) - Big bank stocks climbed on talk of a government-run bad bank.\n\n"
            "Citigroup ( C.N ) added 22 percent to $4.30.")
    found = checked(engine, text, WEDNESDAY_EARLY, "stock_move")
    assert verdicts(found) == ["contradicted"], explained(found)


# ---- 'since early March': off the low of the month's first third ---------------------------------------------------

JULY_EVENING = "2009-07-23T18:30:00-04:00"


def test_since_early_in_a_month_off_its_low(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Microsoft's stock has climbed 69 percent since early March on hopes for its new operating system."
    found = checked(engine, text, JULY_EVENING, "stock_move")
    assert verdicts(found) == ["supported"], explained(found)


def test_since_early_in_a_month_with_a_wrong_figure_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Microsoft's stock has climbed 95 percent since early March on hopes for its new operating system."
    found = checked(engine, text, JULY_EVENING, "stock_move")
    assert verdicts(found) == ["contradicted"], explained(found)


# ---- an earlier figure in the claim's words whose span the reading bears out ---------------------------------------

MARCH_EVENING = "2009-03-27T18:30:00-04:00"


def test_an_earlier_figure_that_fails_too_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("The S&P 500 is still off 14.7 percent for 2009, yet has jumped 22.4 percent since finding a floor in "
            "early March.")
    found = checked(engine, text, MARCH_EVENING, "index_move")
    assert "contradicted" in verdicts(found), explained(found)
