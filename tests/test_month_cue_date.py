"""A month named as a day's date ('Wednesday, September 17:', 'on September 17') is no cue for the month-to-date
reading; a month named as a month ('as September's selling deepened') stays one. A wrong day's figure that fits the
month to date by chance was let through (issue 12). Sentences we wrote, through the real pipeline and real
prices."""

from __future__ import annotations

from written import the_verdict

# 2008-09-17 (Wednesday): the Dow fell 4.06% on the day and 8.09% over the month to date
EVENING = "2008-09-17T17:30:00"


def _dow(nlp, market, text: str) -> str:  # type: ignore[no-untyped-def]
    return the_verdict(nlp, market, text, EVENING, "index_move")


def test_a_date_gives_no_month_to_date_reading(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "Wednesday, September 17: the Dow Jones industrial average shed about {pct} percent as AIG fears spread."
    assert _dow(nlp, market, text.format(pct=8)) == "contradicted"
    assert _dow(nlp, market, text.format(pct=4)) == "supported"  # control: the day's move


def test_a_month_named_as_a_month_keeps_its_reading(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "The Dow Jones industrial average has shed about 8 percent as September's selling deepened."
    assert _dow(nlp, market, text) == "supported"
