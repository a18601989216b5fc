"""Issue 12: classes of false `contradicted` found on the spent story audit reuters_2008_stories_seed1111, written
again here in our own words: an index's figure of another time after a passage that sets a year long past (a
history piece). The class has controls that stay `contradicted`.

Facts used (from ../shared/data at run time): the Dow closed at 12,099.30 on 2008-01-18 and fell 1.06% on Tuesday
2008-01-22 (range 11,634.82-12,092.72); the S&P 500 fell 2.04% on 2008-04-11.
"""

from __future__ import annotations

from test_dev_stories import verdicts_of

HISTORY_DAY = "2008-01-22T12:48"


# ---- a figure of another time in a history piece ------------------------------------------------------------------

def test_a_figure_after_a_passage_set_in_a_year_long_past(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # points and percent that give a previous close of about 2,250, not the Dow's 12,099 now
    found = verdicts_of(nlp, market, "Black Monday struck Wall Street in October 1987. The Dow Jones industrial "
                        "average lost 22.6 percent, or 508 points.", HISTORY_DAY, "^DJI")
    assert found and "contradicted" not in found
    # a move no session of the index makes now
    found = verdicts_of(nlp, market, "Stocks peaked in September 1929. The Dow Jones industrial average then tumbled "
                        "40 percent.", HISTORY_DAY, "^DJI")
    assert found and "contradicted" not in found
    # controls: the same figures with no year long past before them, and a year long past before figures that fit
    # the index now (550 points are 4.6% of about 12,000: a wrong move of today)
    assert verdicts_of(nlp, market, "Traders braced for a rough day. The Dow Jones industrial average lost 22.6 "
                       "percent, or 508 points.", HISTORY_DAY, "^DJI") == ["contradicted"]
    assert verdicts_of(nlp, market, "The index was created in 1896. The Dow Jones industrial average fell 4.6 "
                       "percent, or 550 points, on Tuesday.", HISTORY_DAY, "^DJI") == ["contradicted"]


def test_a_move_told_up_to_now_after_a_year_long_past(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # control: a move that runs to now from a year long past is of now (the S&P 500 fell 2.04% on 2008-04-11 and
    # is nowhere near 44% up on any reading the checker tries): it stays an error
    assert verdicts_of(nlp, market, "The chief executive took over in 2001. The S&P 500 has gained 44 percent since "
                       "he took over.", "2008-04-11T16:30", "^GSPC") == ["contradicted"]
