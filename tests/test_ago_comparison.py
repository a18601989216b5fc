"""'20 percent higher than they were a year ago', 'up 28 percent over a year ago': a comparison with a time long
ago is the move since then (the past-12-months reading checks it), not a move of that time; 'fell 20 percent two
years ago, when ...' stays a move of that time (issue 12: injected wrong figures of the first kind were let through).
Sentences we wrote, through the real pipeline and real prices."""

from __future__ import annotations

from written import the_verdict

# 2008-06-24 (Tuesday): Caterpillar's adjusted close fell 4.20% on the day and 3.45% over the past 12 months
EVENING = "2008-06-24T17:30:00"


def _caterpillar(nlp, market, text: str) -> str:  # type: ignore[no-untyped-def]
    return the_verdict(nlp, market, text, EVENING, "stock_move")


def test_a_comparison_with_a_year_ago_is_checked(nlp, market) -> None:  # type: ignore[no-untyped-def]
    assert _caterpillar(nlp, market, "Caterpillar shares are 20 percent higher than they were a year ago.") == \
        "contradicted"
    assert _caterpillar(nlp, market, "Caterpillar shares are up 20 percent over a year ago.") == "contradicted"


def test_control_a_move_of_that_time_stays_unverifiable(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "Caterpillar shares fell 20 percent two years ago, when demand for its machines slumped."
    assert _caterpillar(nlp, market, text) == "unverifiable"
