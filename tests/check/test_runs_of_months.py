"""Runs of months ('its seventh straight monthly gain') are counted on month-end closes (issue 13, session 25):
the month to the session and the run that ended at the last month's end are both tried, and a run neither shows is
`unverifiable`, never `contradicted` (the month a writer counts to is often unsaid). Sentences we wrote, the real
pipeline and real prices. Facts (from ../shared/data at run time): the S&P 500 closed higher than the month before
at every month-end from February to August 2021 (seven months) and lower at every month-end from November 2007 to
February 2008 (four months); March 2008 was lower again to 2008-03-04.
"""

from __future__ import annotations

from datetime import date

from analyzer.market import MarketData, measures
from analyzer.records import CheckedClaim
from tests.written import checked


def verdict(nlp, market: MarketData, text: str, published: str, kind: str) -> CheckedClaim:  # type: ignore[no-untyped-def]
    """The one claim of ``kind`` the text gives, checked (the test fails if it gives none or several)."""
    found = [item for item in checked(nlp, market, text, published) if item.claim.kind == kind]
    assert len(found) == 1, [item.claim for item in found]
    return found[0]


def test_month_end_closes_give_the_run(market) -> None:  # type: ignore[no-untyped-def]
    run = measures.streak(market, "^GSPC", date(2021, 8, 31), unit="month")
    assert (run["direction"], run["length"], run["start"]) == ("up", 7, date(2021, 1, 29))


def test_a_run_of_months_to_the_session(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "The S&P 500 posted its seventh straight monthly gain."
    item = verdict(nlp, market, text, "2021-08-31T17:00", "streak")
    assert item.verdict.verdict == "supported", item.verdict.explanation
    assert "month-end closes" in item.verdict.explanation


def test_a_run_that_ended_at_the_last_months_end(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "Early in March the S&P 500 was coming off its fourth straight monthly decline."
    item = verdict(nlp, market, text, "2008-03-04T12:00", "streak")
    assert item.verdict.verdict == "supported", item.verdict.explanation
    assert "2008-02-29" in item.verdict.explanation


def test_a_run_of_months_the_data_does_not_show_is_not_accused(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "The S&P 500 posted its ninth straight monthly gain."
    item = verdict(nlp, market, text, "2021-08-31T17:00", "streak")
    assert item.verdict.verdict == "unverifiable", item.verdict.explanation
    assert "7 straight months up" in item.verdict.explanation
