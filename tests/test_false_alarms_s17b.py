"""Issue 12, session 17: two more classes of writing that gave a false `contradicted` or a false record, in our own
words.

1. A negative or limiting inversion that opens the sentence ('Not since ... had the Dow fallen ...', 'Never before
   has ...', 'Only once since ... has ...'): a clause about history, how rare a run or a move is. It does not say
   the run ends at the article's session, so it gives no claim (it was read as a streak to the article's day and
   accused). The clause after it still gives its own claims.
2. A level the index touched in a 'since' clause, the base of a move ('up 56 percent since it touched 12-year lows
   in March'): a level of the past, not a record of the article's day.

Each class has its control: the plain form still gives its claim and verdict.

Facts used (from ../shared/data at run time): the Dow fell six sessions in a row to Thursday 2007-08-16 and rose
1.8% on Friday 2007-08-17; the S&P 500 closed at a 12-year low on Monday 2009-03-09 (676.53) and was up about 56%
from there on 2009-10-06.
"""

from __future__ import annotations

import pytest
from written import checked

from analyzer.records import CheckedClaim

REBOUND = "Wall Street climbed on Friday after the Fed cut its discount rate in a surprise move.\n\n"


def kinds(items: list[CheckedClaim], kind: str) -> list[CheckedClaim]:
    return [c for c in items if c.claim.kind == kind]


def verdicts(items: list[CheckedClaim]) -> list[str]:
    return [c.verdict.verdict for c in items]


# ---- 1. a clause about history, told by inversion ---------------------------------------------------------------

@pytest.mark.parametrize("history", [
    "Not since October 2006 had the Dow fallen for six days in a row.",
    "Not since the autumn of 2006 have blue chips dropped six sessions running.",
    "Never before had the Dow industrials slid for six straight days in the month of August.",
    "Only once since 2002 has the Dow declined for six consecutive sessions.",
    "Rarely has the Dow Jones industrial average lost ground for six sessions in a row.",
])
def test_a_clause_about_history_gives_no_accusation(nlp, market, history) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, REBOUND + history, "2007-08-17T17:00")
    assert "contradicted" not in verdicts(items)
    assert kinds(items, "streak") == []


def test_the_clause_after_the_history_keeps_its_claim(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = REBOUND + "Not since October 2006 had the Dow fallen for six days in a row, but on Friday it rose " \
        "1.8 percent."
    items = checked(nlp, market, text, "2007-08-17T17:00")
    assert "contradicted" not in verdicts(items)
    assert kinds(items, "streak") == []
    moves = [c for c in kinds(items, "index_move") if c.claim.change_pct == 1.8]
    assert moves and all(c.verdict.verdict == "supported" for c in moves)


def test_control_the_plain_streak_is_still_read(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, "The Dow industrials slid on Thursday for a sixth straight session.",
                    "2007-08-16T17:00")
    assert verdicts(kinds(items, "streak")) == ["supported"]


def test_control_a_wrong_plain_streak_is_still_caught(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, REBOUND + "The Dow fell on Friday for a sixth straight session.", "2007-08-17T17:00")
    assert verdicts(kinds(items, "streak")) == ["contradicted"]


# ---- 2. a level touched in a 'since' clause ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Measured from March, the S&P 500 stands roughly 56 percent higher since it touched 12-year lows that month.",
    "The broad S&P 500 has rallied some 56 percent since sinking to 12-year lows during March.",
    "The index of 500 big U.S. companies, the S&P 500, is 56 percent higher since bottoming at a 12-year low.",
    "The S&P 500 has gained roughly 56 percent since U.S. stocks hit their lowest levels in 12 years.",
])
def test_a_low_in_a_since_clause_is_no_record_of_the_day(nlp, market, sentence) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, sentence, "2009-10-06T17:00")
    assert kinds(items, "record") == []
    assert "contradicted" not in verdicts(items)
    assert [c.claim.change_pct for c in kinds(items, "index_move")] == [56]  # the move from the low stays


def test_the_move_from_a_low_in_a_since_clause_is_still_checked(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, "The S&P 500 has advanced roughly 56 percent since it touched 12-year lows in the "
                    "first days of March.", "2009-10-06T17:00")
    assert verdicts(kinds(items, "index_move")) == ["supported"]


def test_control_a_low_touched_on_the_day_is_a_record(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, "The S&P 500 slipped 1 percent on Monday and touched a 12-year low.",
                    "2009-03-09T17:00")
    assert verdicts(kinds(items, "record")) == ["supported"]


def test_control_a_record_after_a_since_phrase_and_its_joint_is_kept(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, "Blue chips have had a strong run since March and the Dow closed at a record high "
                    "on Tuesday.", "2007-10-09T17:00")
    assert verdicts(kinds(items, "record")) == ["supported"]


def test_control_an_opening_negation_that_is_no_inversion_keeps_the_move(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, "Not surprisingly after the Fed stepped in, the Dow industrials climbed 1.8 percent "
                    "on Friday.", "2007-08-17T17:00")
    assert verdicts(kinds(items, "index_move")) == ["supported"]
