"""Issue 12, session 31 (the fresh development audits `corpora/audit/dev_stories_mix_seed3106` and
`dev_stories_mix_seed3109`, and the studied ones): a stock's price told beside the close its own sentence states,
and a span the words name whose base is an extreme the words do not call a close, or whose claim also gives a
price. Through the real pipeline and real prices, on sentences we wrote; each class has a control that stays
`contradicted`.

Facts used (from ../shared/data at run time): AMD closed 2007-01-23 at 17.51 (-0.11%); Google (Alphabet) fell 0.92%
on 2007-04-19; MetLife rose 7.85% on 2009-10-29; Apple's split-adjusted closes 3.46 on 2007-01-10 and 5.13 on
2007-07-20 (+48.3%), +2.6% on 2007-07-20; the S&P 500's intraday high 1,576.09 on 2007-10-11 (record close 1,565.15
on 2007-10-09), its close 856.56 on 2009-04-09 (-45.65% from that high, -45.27% from the record close) and 825.16 on
2009-04-08; its intraday low 666.79 on 2009-03-06 (lowest close 676.53 on 2009-03-09) and its close 815.94 on
2009-03-27 (+22.37% from that low, +20.6% from that close), -2.03% on the day; the S&P 500 fell 41.67% over the twelve
months to 2009-04-09 (so a control figure of 51.7 is used, which no reading bears out); AIG's adjusted closes give
-3.28% on 2007-11-08 and -4.88% from the close of 2005-08-10 to that of 2007-11-07.
"""

from __future__ import annotations

from analyzer.records import CheckedClaim

from .test_fa26 import checked, verdicts


def explained(found: list[CheckedClaim]) -> list[str]:
    return [c.verdict.explanation for c in found]


def priced(found: list[CheckedClaim], level: float) -> list[str]:
    return [c.verdict.verdict for c in found if c.claim.level == level]


# ---- a price told beside the close the sentence states, in a piece stamped after the close ------------------------

JANUARY_EVENING = "2007-01-23T18:10:00-05:00"
OFF_THE_CLOSE = ("Chip maker Advanced Micro Devices lost {} percent to $16.42, off a close at $17.51, once it "
                 "disclosed a quarterly loss.")


def test_a_move_from_the_close_the_sentence_states(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, OFF_THE_CLOSE.format("6.2"), JANUARY_EVENING, "stock_move")
    assert verdicts(found) == ["unverifiable"], explained(found)


def test_a_move_that_is_not_from_the_stated_close_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, OFF_THE_CLOSE.format("9.2"), JANUARY_EVENING, "stock_move")
    assert verdicts(found) == ["contradicted"], explained(found)


OCTOBER_EVENING = "2009-10-29T17:10:00-04:00"
BESIDE_ITS_CLOSE = ("MetLife's stock, which rose 7.85 percent, closing at $36.84 in regular trading, gave back "
                    "about {} percent to $36.28 once the numbers were out.")


def test_a_later_price_beside_the_close_a_relative_clause_states(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, BESIDE_ITS_CLOSE.format("1.5"), OCTOBER_EVENING, "stock_move")
    assert priced(found, 36.28) == ["unverifiable"], explained(found)


def test_a_later_price_whose_move_misses_the_close_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, BESIDE_ITS_CLOSE.format("4.5"), OCTOBER_EVENING, "stock_move")
    assert priced(found, 36.28) == ["contradicted"], explained(found)


APRIL_NIGHT = "2007-04-19T20:30:00-04:00"
PRICE_BESIDE = ("Google shares, which had slipped $4.36 to close at $471.65 during regular trading, jumped to ${} once "
                "the results came out.")


def test_a_price_alone_beside_the_stated_close(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, PRICE_BESIDE.format("485.50"), APRIL_NIGHT, "stock_move")
    assert priced(found, 485.5) == ["unverifiable"], explained(found)


def test_a_price_on_the_wrong_side_of_the_stated_close_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    # 'jumped' to a price below the close it states: no later quote reads it
    found = checked(engine, PRICE_BESIDE.format("455.50"), APRIL_NIGHT, "stock_move")
    assert priced(found, 455.5) == ["contradicted"], explained(found)


# ---- a span the words name, the claim giving a price too --------------------------------------------------------

JULY_SUNDAY = "2007-07-22T17:00:00-04:00"
SINCE_WITH_A_PRICE = ("Apple's stock has gained nearly {} percent, to $143.75, since the phone was shown off in early "
                      "January.")


def test_a_span_the_words_name_with_a_price(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, SINCE_WITH_A_PRICE.format("50"), JULY_SUNDAY, "stock_move")
    assert "contradicted" not in verdicts(found), explained(found)


def test_a_span_with_a_price_it_fails_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, SINCE_WITH_A_PRICE.format("80"), JULY_SUNDAY, "stock_move")
    assert verdicts(found) == ["contradicted"], explained(found)


# ---- an extreme the words do not call a close: the window's intraday extreme may be the base ---------------------

APRIL_EVENING = "2009-04-09T18:30:00-04:00"
FROM_THE_HIGH = "Even after the rebound, the S&P 500 remains down {} percent from the {} it reached in October 2007."


def test_a_fall_from_a_months_intraday_high(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, FROM_THE_HIGH.format("45.7", "all-time high"), APRIL_EVENING, "index_move")
    assert "contradicted" not in verdicts(found), explained(found)


def test_a_fall_from_a_months_high_it_fails_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, FROM_THE_HIGH.format("51.7", "all-time high"), APRIL_EVENING, "index_move")
    assert verdicts(found) == ["contradicted"], explained(found)


def test_a_fall_from_a_closing_high_keeps_to_the_closes(engine) -> None:  # type: ignore[no-untyped-def]
    # 'closing high' names a close: the intraday high is no base, and -45.27% from the record close is not 45.7
    found = checked(engine, FROM_THE_HIGH.format("45.7", "record closing high"), APRIL_EVENING, "index_move")
    assert verdicts(found) == ["contradicted"], explained(found)


MARCH_MONDAY = "2009-03-30T09:05:00-04:00"
FROM_A_FLOOR = ("Though still 9.7 percent lower in 2009, the S&P 500 has bounced {} percent since touching a floor in "
                "early March.")


def test_a_rise_from_a_floor_in_a_part_of_a_month(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, FROM_A_FLOOR.format("22.4"), MARCH_MONDAY, "index_move")
    assert "contradicted" not in [c.verdict.verdict for c in found if c.claim.change_pct == 22.4], explained(found)


def test_a_rise_from_a_floor_it_fails_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, FROM_A_FLOOR.format("27.4"), MARCH_MONDAY, "index_move")
    assert "contradicted" in [c.verdict.verdict for c in found if c.claim.change_pct == 27.4], explained(found)


# ---- a 'since' that dates an extreme ('a low since August 2005') is not the move's span -------------------------

NOVEMBER_EVENING = "2007-11-08T19:20:00-05:00"


def test_a_since_that_dates_a_low_is_not_the_moves_span(engine) -> None:  # type: ignore[no-untyped-def]
    # -4.88% from a close of August 2005 to the session before would fit 4.8 by chance; the words date the low
    text = "American International Group stock dropped 4.8 percent to $55.20 on Thursday, a low since August 2005."
    found = checked(engine, text, NOVEMBER_EVENING, "stock_move")
    assert verdicts(found) == ["contradicted"], explained(found)
