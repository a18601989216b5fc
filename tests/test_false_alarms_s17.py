"""Issue 12, session 17: three classes of writing that gave a false `contradicted`, written in our own words.

1. 'The stock' after a sentence that moved from a ticker-tagged company to another one: a tag whose sentence lost
   its stop ('... with Ford Motor ( F.N ) Shares of Boeing rose ...') kept the tagged company as the subject, so
   the next sentence's 'the stock' was read as Ford's.
2. A record close crossed during the session told with a verb the crossing rule lacked ('went above its record
   closing high'): read as a record close set, and accused.
3. A company named in a phrase that opens the sentence and sets it aside ('Besides Citigroup, ...', 'Unlike
   Citigroup, ...'): it was given the move, and the figure, of the company that follows.

Each class has its control: the plain form still gives the right claim and verdict.

Facts used (from ../shared/data at run time): on Wednesday 2007-04-18 Boeing (BA) rose 3.8% and Ford (F) fell
0.4%; on Monday 2007-05-21 the S&P 500's session high went above its record close of 1,527.46 (from 2000) and its
close did not; on Friday 2008-11-21 Citigroup (C) fell 20.0% and JPMorgan Chase (JPM) fell 2.8%.
"""

from __future__ import annotations

import pytest
from written import checked

from analyzer.records import CheckedClaim


def of(items: list[CheckedClaim], symbol: str) -> list[CheckedClaim]:
    return [c for c in items if c.claim.instrument is not None and c.claim.instrument.symbol == symbol]


def verdicts(items: list[CheckedClaim]) -> list[str]:
    return [c.verdict.verdict for c in items]


# ---- 1. 'the stock' after a sentence that moved on to another company -------------------------------------------

TAGGED = "Union leaders, who had seen GM ( GM.N ) the day before, went on to talks at Ford Motor ( F.N )"


@pytest.mark.parametrize("second", [
    "Shares in planemaker Boeing closed higher on Wednesday.",
    "Shares of planemaker Boeing closed higher on Wednesday.",
    "Boeing's shares closed higher on Wednesday.",
])
def test_the_stock_after_a_tag_without_a_stop_is_the_next_company(nlp, market, second) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, f"{TAGGED} {second} The stock climbed 3.8 percent.", "2007-04-18T17:30")
    assert of(items, "F") == []
    assert "contradicted" not in verdicts(items)
    assert [c.claim.change_pct for c in of(items, "BA") if c.claim.change_pct] == [3.8]


@pytest.mark.parametrize("second", [
    "Shares in Marlow Aerospace closed higher on Wednesday.",
    "Shares of planemaker Marlow Aerospace closed higher on Wednesday.",
    "Marlow Aerospace's shares closed higher on Wednesday.",
])
def test_the_stock_of_a_company_we_do_not_list_is_nobodys(nlp, market, second) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, f"{TAGGED} {second} The stock has climbed 27 percent since early February.",
                    "2007-04-18T17:30")
    assert of(items, "F") == []
    assert "contradicted" not in verdicts(items)


def test_the_stock_right_after_the_tagged_company_is_still_its_own(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, f"{TAGGED}. The stock climbed 3.8 percent on Wednesday.", "2007-04-18T17:30")
    assert verdicts(of(items, "F")) == ["contradicted"]  # Ford fell that day: an error, and Ford's
    lower = checked(nlp, market, "Ford Motor ( F.N ) shares closed 0.4 percent lower on Wednesday.",
                    "2007-04-18T17:30")
    assert verdicts(of(lower, "F")) == ["supported"]


# ---- 2. a record close crossed during the session --------------------------------------------------------------

@pytest.mark.parametrize("verb", ["went above", "went over", "moved above", "climbed past", "got above"])
def test_a_record_close_crossed_during_the_session(nlp, market, verb) -> None:  # type: ignore[no-untyped-def]
    text = f"During Monday's session the S&P 500 {verb} its record closing high, a first in seven years."
    records = [c for c in checked(nlp, market, text, "2007-05-21T18:00") if c.claim.kind == "record"]
    assert records and "contradicted" not in verdicts(records)


def test_a_record_close_set_is_still_checked(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, "On Monday the S&P 500 finished at a record closing high.", "2007-05-21T18:00")
    assert verdicts([c for c in items if c.claim.kind == "record"]) == ["contradicted"]


# ---- 3. a company set aside by the phrase that opens the sentence ------------------------------------------------

FIRST = "Citigroup shares lost a fifth of their value on Friday, sliding 20 percent."


@pytest.mark.parametrize("opening", ["Besides Citigroup,", "Apart from Citigroup,", "Aside from Citigroup,",
                                     "Other than Citigroup,", "Like Citigroup,", "Much like Citigroup,"])
@pytest.mark.parametrize("mover", ["stock in JPMorgan slid 2.8 percent", "JPMorgan's stock gave up 2.8 percent",
                                   "JPMorgan slid 2.8 percent"])
def test_a_set_aside_company_gets_no_move(nlp, market, opening, mover) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, f"{FIRST} {opening} {mover} in the session.", "2008-11-21T16:30")
    assert [c.claim.change_pct for c in of(items, "C")] == [20.0]
    assert verdicts(of(items, "C")) == ["supported"]
    assert "contradicted" not in verdicts(items)


def test_the_stock_after_a_set_aside_company_is_the_other_one(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, f"{FIRST} Unlike Citigroup, JPMorgan held up better. The stock slid only 2.8 "
                    "percent in the session.", "2008-11-21T16:30")
    assert [c.claim.change_pct for c in of(items, "C")] == [20.0]
    assert "contradicted" not in verdicts(items)


def test_the_plain_forms_are_still_checked(nlp, market) -> None:  # type: ignore[no-untyped-def]
    """Controls: the company that moves is still checked, and a wrong figure is still an error of its own."""
    right = checked(nlp, market, f"{FIRST} Shares of JPMorgan slid 2.8 percent.", "2008-11-21T16:30")
    assert verdicts(of(right, "JPM")) == ["supported"]
    wrong = checked(nlp, market, f"{FIRST} Besides Citigroup, JPMorgan slid 9 percent.", "2008-11-21T16:30")
    assert verdicts(of(wrong, "JPM")) == ["contradicted"] and verdicts(of(wrong, "C")) == ["supported"]
    own = checked(nlp, market, "Citigroup shares slid 9 percent on Friday.", "2008-11-21T16:30")
    assert verdicts(of(own, "C")) == ["contradicted"]
