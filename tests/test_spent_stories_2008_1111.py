"""Issue 12: classes of false `contradicted` found on the spent story audit reuters_2008_stories_seed1111, written
again here in our own words: an index's figure of another time after a passage that sets a year long past (a
history piece), and a superlative told of several indexes together where one index's named day was within a hair.
Each class has a control that stays `contradicted`.

Facts used (from ../shared/data at run time): the Dow closed at 12,099.30 on 2008-01-18 and fell 1.06% on Tuesday
2008-01-22 (range 11,634.82-12,092.72); on 2008-09-04 the Dow fell 2.99%, the S&P 500 2.99% and the Nasdaq 3.20%; on
2008-06-26 they fell 3.03%, 2.94% and 3.33%; the S&P 500's last day at least as bad before 2008-09-04 was 2008-06-06
(-3.09%).
"""

from __future__ import annotations

from test_dev_stories import verdicts_of

HISTORY_DAY = "2008-01-22T12:48"
GROUP_DAY = "2008-09-04T16:40"
COMPARISONS = ("comparison",)


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


# ---- a superlative told of several indexes together --------------------------------------------------------------

def test_a_superlative_told_of_the_indexes_together(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = ("The Dow, the S&P 500 and the Nasdaq fell 3 percent. It was the biggest one-day percentage drop for the "
            "three major indexes since June 26.")
    found = verdicts_of(nlp, market, text, GROUP_DAY, "^GSPC", COMPARISONS)
    assert found and "contradicted" not in found
    # controls: the same superlative told of the S&P 500 alone, and told of the group with a day far from a hair
    assert verdicts_of(nlp, market, "The S&P 500 tumbled 3 percent on Thursday. It was the benchmark's largest "
                       "one-day percentage fall since June 26.", GROUP_DAY, "^GSPC", COMPARISONS) == ["contradicted"]
    assert verdicts_of(nlp, market, "The Dow, the S&P 500 and the Nasdaq fell 3 percent. It was the biggest one-day "
                       "percentage drop for the three major indexes since January 22.", GROUP_DAY, "^GSPC",
                       COMPARISONS) == ["contradicted"]
