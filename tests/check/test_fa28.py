"""Classes of false alarms found in the fresh development audits of session 28
(`corpora/audit/dev_stories_2007_seed8807`, `dev_stories_2009_seed8809`) and met again in the studied audits
(issue 12), through the real pipeline and real prices, on sentences we wrote. Each class has a control that stays
`contradicted`.

Facts used (from ../shared/data at run time): GE's adjusted closes rose on 2009-09-14, 09-15 and 09-16 and fell on
2009-09-17; Starbucks' adjusted closes were 11.5746 on 2007-03-20, 11.9029 on 2007-03-21 and 11.6631 on 2007-05-03.
"""

from __future__ import annotations

from analyzer.records import CheckedClaim

from .test_fa26 import checked, verdicts


def explained(found: list[CheckedClaim]) -> list[str]:
    return [c.verdict.explanation for c in found]


# ---- a run the words put before the moment told: 'down on Thursday, following three straight days of gains' ------

SEP_EVENING = "2009-09-17T18:30:00-04:00"


def test_a_run_following_which_the_session_turned(engine) -> None:  # type: ignore[no-untyped-def]
    text = "General Electric shares closed lower on Thursday, following three consecutive days of gains."
    found = checked(engine, text, SEP_EVENING, "streak")
    assert verdicts(found) == ["supported"], explained(found)


def test_a_run_after_which_the_session_turned(engine) -> None:  # type: ignore[no-untyped-def]
    text = "General Electric stock slipped in late trading, after three straight sessions of gains."
    found = checked(engine, text, SEP_EVENING, "streak")
    assert "contradicted" not in verdicts(found), explained(found)


def test_a_run_of_the_wrong_length_before_the_session_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    text = "General Electric shares closed lower on Thursday, following five consecutive days of gains."
    found = checked(engine, text, SEP_EVENING, "streak")
    assert verdicts(found) == ["contradicted"], explained(found)


# ---- a move since an event on a named day, counted from the close before it ----------------------------------------

MAY_EVENING = "2007-05-03T18:30:00-04:00"


def test_since_an_event_on_a_named_day(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Since the March 21 shareholder meeting, Starbucks stock has added less than 1 percent."
    found = checked(engine, text, MAY_EVENING, "stock_move")
    assert verdicts(found) == ["supported"], explained(found)


def test_since_a_plain_date_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Since March 21, Starbucks stock has added less than 1 percent."
    found = checked(engine, text, MAY_EVENING, "stock_move")
    assert verdicts(found) == ["contradicted"], explained(found)


def test_since_an_event_with_a_wrong_figure_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Starbucks stock has added about 9 percent since the March 21 shareholder meeting."
    found = checked(engine, text, MAY_EVENING, "stock_move")
    assert verdicts(found) == ["contradicted"], explained(found)


# ---- a person's time in a post: 'in his five years running the company', 'under her stewardship' -------------------

JAN_EVENING = "2009-01-21T18:49:00-05:00"


def test_a_tenure_is_not_the_session(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("In her four years running the retailer, its stock lost 12 percent and the Standard & Poor's 500 gained "
            "20 percent.")
    found = checked(engine, text, JAN_EVENING, "index_move")
    assert "contradicted" not in verdicts(found), explained(found)


def test_a_stewardship_is_not_the_session(engine) -> None:  # type: ignore[no-untyped-def]
    text = "The Standard & Poor's 500 gained 20 percent under her stewardship of the fund."
    found = checked(engine, text, JAN_EVENING, "index_move")
    assert "contradicted" not in verdicts(found), explained(found)


def test_the_session_named_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, "The Standard & Poor's 500 gained 20 percent on Wednesday.", JAN_EVENING, "index_move")
    assert verdicts(found) == ["contradicted"], explained(found)
