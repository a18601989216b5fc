"""Classes of false alarms found in the fresh development audits of session 27
(`corpora/audit/dev_stories_2007_seed8707`, `dev_stories_2009_seed8709`) and met again in the studied audits
(issue 12), through the real pipeline and real prices, on sentences we wrote. Each class has a control that stays
`contradicted`.

Facts used (from ../shared/data at run time): the S&P 500 closed at 903.25 on 2008-12-31 and 832.23 on 2009-02-04
(-7.86%), and rose 2.46% on Friday 2007-08-17; Apple rose 5.74% on Wednesday 2007-08-29; Microsoft rose 3.06% on
Thursday 2009-07-23 and fell 7.83% on 2008-10-22.
"""

from __future__ import annotations

from analyzer.records import CheckedClaim

from .test_fa26 import checked, verdicts


def explained(found: list[CheckedClaim]) -> list[str]:
    return [c.verdict.explanation for c in found]


# ---- a span a sentence before names, pointed back to: 'since then', 'during those eight sessions' ------------------

FEB_EVENING = "2009-02-04T18:00:00-05:00"
AUG_MONDAY = "2007-08-20T18:00:00-04:00"


def test_since_then_is_the_span_of_the_sentence_before(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("Stocks hit an 11-year low in late November. The S&P 500 has gained 4 percent since then, while it is off "
            "8 percent since the start of 2009.")
    found = checked(engine, text, FEB_EVENING, "index_move")
    assert "contradicted" not in verdicts(found), explained(found)
    assert "supported" in verdicts(found), explained(found)  # the clause with its own start is still checked


def test_a_start_of_its_own_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, "The S&P 500 has gained 4 percent since the start of 2009.", FEB_EVENING, "index_move")
    assert verdicts(found) == ["contradicted"], explained(found)


def test_during_those_sessions_is_the_span_of_the_sentence_before(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("Stocks swung wildly from August 7 until the Fed's move. The S&P 500 shed 4.4 percent during those eight "
            "sessions.")
    found = checked(engine, text, AUG_MONDAY, "index_move")
    assert "contradicted" not in verdicts(found), explained(found)


def test_a_named_weekday_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, "The S&P 500 shed 4.4 percent on Friday.", AUG_MONDAY, "index_move")
    assert verdicts(found) == ["contradicted"], explained(found)


# ---- the day of an event still to come is not the move's: 'at a launch scheduled for Wednesday' ------------------

SEP_TUESDAY = "2007-09-04T18:00:00-04:00"
JULY_FRIDAY = "2009-07-24T19:44:00-04:00"


def test_the_day_of_an_event_to_come(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("At Thursday's close, Microsoft shares had climbed 3 percent on hopes that the new system will sell well "
            "once it goes on sale on October 22.")
    found = checked(engine, text, JULY_FRIDAY, "stock_move")
    assert verdicts(found) == ["supported"], explained(found)


def test_a_day_after_a_figure_stays_the_moves(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Apple said it will hold a launch event, and its shares climbed 17 percent on Wednesday."
    found = checked(engine, text, SEP_TUESDAY, "stock_move")
    assert verdicts(found) == ["contradicted"], explained(found)


# ---- a best-since whose named day's own move the article gives: the sources disagree about that day --------------

JAN_EVENING = "2009-01-20T18:33:00-05:00"


def test_named_days_own_move_given_by_the_article(engine) -> None:  # type: ignore[no-untyped-def]
    # the data: +22.86% on 2009-01-20, +22.69% on 2008-12-01 (CBOE's own closes give that day about 24%)
    text = ("Fear rose sharply, and the CBOE Volatility index climbed 22.86 percent -- its biggest one-day percentage "
            "rise since December 1, a session in which it added 23.96 percent.")
    found = checked(engine, text, JAN_EVENING, "comparison")
    assert "contradicted" not in verdicts(found), explained(found)


def test_named_days_move_smaller_than_todays_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("Fear rose sharply, and the CBOE Volatility index climbed 22.86 percent -- its biggest one-day percentage "
            "rise since December 1, a session in which it added 22.5 percent.")
    found = checked(engine, text, JAN_EVENING, "comparison")
    assert verdicts(found) == ["contradicted"], explained(found)


# ---- a move from a low named 'nadir' -------------------------------------------------------------------------------

DEC_EVENING = "2009-12-08T16:33:00-05:00"


def test_a_move_from_a_nadir(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, "The S&P 500 has gained roughly 63 percent from its March nadir.", DEC_EVENING,
                    "index_move")
    assert verdicts(found) == ["supported"], explained(found)


def test_the_same_figure_for_the_year_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, "The S&P 500 has gained roughly 63 percent this year.", DEC_EVENING, "index_move")
    assert verdicts(found) == ["contradicted"], explained(found)


# ---- a price at noon: 'in noon trading' ---------------------------------------------------------------------------

MAY_EVENING = "2007-05-16T16:41:00-04:00"  # Johnson & Johnson closed +1.99% on 2007-05-16


def test_a_price_in_noon_trading(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, "Shares of Johnson & Johnson gained 2.4 percent at $63.30 in noon trading.", MAY_EVENING,
                    "stock_move")
    assert "contradicted" not in verdicts(found), explained(found)


def test_the_same_price_without_a_time_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, "Shares of Johnson & Johnson gained 2.4 percent at $63.30.", MAY_EVENING, "stock_move")
    assert verdicts(found) == ["contradicted"], explained(found)
