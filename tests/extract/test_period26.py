"""A move told as a distance from an extreme (issue 12, session 26, helper period26): 'sank 10 percent or more under
their 52-week peaks of last month' says how far below the high the index stands, not a move over the month (or the
day) that the time words of the high would give it. Such a figure keeps no period the checker can accuse: `other`
with no close to run from. Sentences we wrote, through the real spaCy pipeline; controls keep the day's and the
month's readings."""

from __future__ import annotations

from analyzer.extract.timeref import a_distance_after_the_verb, no_period_to_check
from tests.written import checked, of_kind
from tests.written import move_claims_in as claims_in


def _periods(nlp, text: str) -> list[tuple]:  # noqa: ANN001
    found = [*of_kind(claims_in(nlp, text), "index_move"), *of_kind(claims_in(nlp, text), "stock_move")]
    return sorted((c.instrument.symbol, c.direction, c.change_pct, c.period, c.period_start) for c in found)


def test_the_distance_words_after_a_figure() -> None:
    text = "the gauges sat 10 percent or more below the annual highs they hit last month"
    start = text.index("10")
    assert no_period_to_check(text, start, start + len("10 percent"))
    for words in ("12 percent off its record high reached in March", "15% above their March lows",
                  "8 pct under the peak of July"):
        assert no_period_to_check(words, 0, 2), words
    # controls: a level or an average is no extreme; a figure followed by its own time is a move
    for words in ("3 percent below the 12,000 mark", "4 percent above its 50-day moving average",
                  "2 percent last month"):
        assert not no_period_to_check(words, 0, 1), words
    assert a_distance_after_the_verb(" 30 percent below their peak hit in July")
    assert not a_distance_after_the_verb(" 3 percent on Tuesday after hitting a 52-week high last month")


def test_a_figure_below_a_dated_high_is_no_months_move(nlp) -> None:  # noqa: ANN001
    # the high's time ('set last month') is no time of the move: no month's, no day's move to check
    assert _periods(nlp, "On Tuesday, the S&P 500 and the Dow each sank 10 percent or more under the 52-week highs "
                         "they touched last month.") == [("^DJI", "down", 10.0, "other", None),
                                                 ("^GSPC", "down", 10.0, "other", None)]
    assert _periods(nlp, "Exxon Mobil and Chevron shares slid 20 percent or more below the 52-week highs they "
                         "reached last month.") == [("CVX", "down", 20.0, "other", None),
                                                     ("XOM", "down", 20.0, "other", None)]


def test_a_figure_set_aside_as_a_distance_leaves_no_days_direction(nlp) -> None:  # noqa: ANN001
    # the figure reader drops '30 percent below their peak' as a distance; the verb's direction is no day's
    assert _periods(nlp, "Exxon Mobil shares have dropped 30 percent below their peak hit in July.") == \
        [("XOM", "down", None, "other", None)]
    assert _periods(nlp, "The Nasdaq has climbed 15 percent above its March low.") == \
        [("^IXIC", "up", None, "other", None)]


def test_controls_keep_the_days_and_the_months_move(nlp) -> None:  # noqa: ANN001
    # the day's move with the distance told after it in a clause of its own
    assert _periods(nlp, "The S&P 500 fell 1.5 percent on Thursday, leaving it 12 percent below its record high.") \
        == [("^GSPC", "down", 1.5, "day", None)]
    # a high as the event after which the move came, a moving average, a round level: the move's own period
    assert _periods(nlp, "Exxon Mobil shares fell 3 percent on Tuesday after hitting a 52-week high last month.") \
        == [("XOM", "down", 3.0, "day", None)]
    assert _periods(nlp, "Exxon Mobil shares rose 4 percent to close above their 50-day moving average.") == \
        [("XOM", "up", 4.0, "day", None)]
    assert _periods(nlp, "The Dow fell 2 percent last month.") == [("^DJI", "down", 2.0, "month", None)]
    # a move from an extreme keeps the reading it had ('from its low': from an undated low, no period either)
    assert _periods(nlp, "The Dow rose 4 percent from its low last month.") == [("^DJI", "up", 4.0, "other", None)]


def test_a_distance_below_the_high_is_not_accused(nlp, market) -> None:  # noqa: ANN001
    # late November 2007: the indexes stood about 10 percent under their October highs (a month that ended up)
    text = ("On Monday, the Dow and the S&P 500 sank 10 percent or more below the 52-week highs they had set "
            "last month.")
    verdicts = [item.verdict.verdict for item in checked(nlp, market, text, "2007-11-27T09:30:00-05:00")
                if item.claim.kind == "index_move"]
    assert len(verdicts) == 2 and "contradicted" not in verdicts
