"""Issue 12: classes of false `contradicted` found on the spent audit reuters_2008_stories_seed1212, written again
here in our own words: a month named in the sentence before gives its period to a sentence without time words
(wrong period); a record told 'the day after' is the session before's (wrong period); a best/worst day said of a
moment of the session ('at one point') is not the close's, nor a move from the last close to a later quote,
nor a session's high-low range told as 'a range as wide as N points' (intraday).
Each class has a control that stays `contradicted`.

Facts used (from ../shared/data at run time): over November 2006 (closes 2006-10-31 to 2006-11-30) the Dow rose
1.17% and the Nasdaq Composite 2.75%; on Friday 2006-12-01 the Dow fell 0.25%. The S&P 500 closed at 1,223.69 on
2006-06-13, its lowest close since 2005-11-09, and rose on 2006-06-14. On 2007-02-27 the S&P 500 fell 3.47% at the
close (worst day since 2003-03-24) and its low was 4.1% under the previous close (a fall of 4% or more last seen on
2002-09-03).
"""

from __future__ import annotations

from test_dev_stories import moves_of, verdicts_of
from written import checked

MONTH_PIECE = "2006-12-01T20:30"


def test_a_month_named_in_the_sentence_before(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = ("Wall Street ended a strong month in November. The Dow Jones industrial average gained 1.2 percent, "
            "while the Nasdaq Composite Index rose 2.7 percent.")
    found = checked(nlp, market, text, MONTH_PIECE)
    for symbol in ("^DJI", "^IXIC"):
        rows = moves_of(found, symbol)
        assert [r.verdict.verdict for r in rows] == ["supported"], symbol
        assert "calendar month November 2006" in rows[0].verdict.readings[-1]
    # controls: a figure November does not bear out, and no month named before, stay errors
    assert verdicts_of(nlp, market, "Wall Street ended a strong month in November. The Dow Jones industrial average "
                       "gained 4.2 percent.", MONTH_PIECE, "^DJI") == ["contradicted"]
    assert verdicts_of(nlp, market, "Wall Street ended a strong month. The Dow Jones industrial average gained 1.2 "
                       "percent.", MONTH_PIECE, "^DJI") == ["contradicted"]


def test_a_record_the_day_after_is_the_session_before(nlp, market) -> None:  # type: ignore[no-untyped-def]
    found = verdicts_of(nlp, market, "Bargain hunters returned. Stocks rebounded on Wednesday, the day after the S&P "
                        "500 slumped to its lowest close in seven months.", "2006-06-14T17:00", "^GSPC", ("record",))
    assert found == ["supported"]
    # control: the record said of the day itself stays an error
    assert verdicts_of(nlp, market, "Bargain hunters returned. The S&P 500 slumped to its lowest close in seven "
                       "months on Wednesday.", "2006-06-14T17:00", "^GSPC", ("record",)) == ["contradicted"]


def test_a_worst_day_said_of_a_moment_in_the_session(nlp, market) -> None:  # type: ignore[no-untyped-def]
    comparisons = ("comparison",)
    found = verdicts_of(nlp, market, "Heavy selling hit Wall Street. At one point the S&P 500 had slid as much as "
                        "4 percent, its worst one-day fall since September 2002.", "2007-02-27T17:00", "^GSPC",
                        comparisons)
    assert found == ["unverifiable"]
    # controls: the same said of the close, and a figure outside the session's range, stay errors
    assert verdicts_of(nlp, market, "Heavy selling hit Wall Street. The S&P 500 closed down 4 percent, its worst "
                       "one-day fall since September 2002.", "2007-02-27T17:00", "^GSPC",
                       comparisons) == ["contradicted"]
    assert verdicts_of(nlp, market, "Heavy selling hit Wall Street. At one point the S&P 500 had slid as much as "
                       "6 percent, its worst one-day fall since September 2002.", "2007-02-27T17:00", "^GSPC",
                       comparisons) == ["contradicted"]


def test_a_move_from_the_last_close_to_a_later_quote(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # Chevron rose 1.33% on Tuesday 2007-10-09; the piece is stamped before Wednesday's open
    for text in ("Chevron beat forecasts. In trading before the market opened, Chevron shares were up 5 percent at $92 "
                 "from Tuesday's close.", "Chevron beat forecasts. Chevron shares were up 5 percent from Tuesday's "
                 "close.", "Chevron beat forecasts. In trading before the market opened, Chevron shares were up 5 "
                 "percent at $92 from Tuesday's NYSE close of $88.10."):
        assert verdicts_of(nlp, market, text, "2007-10-10T08:00", "CVX") == ["unverifiable"], text
    # controls: a span of a session (from Monday's close) and Tuesday's close itself stay errors
    assert verdicts_of(nlp, market, "Chevron beat forecasts. Chevron shares were up 5 percent from Monday's close.",
                       "2007-10-10T08:00", "CVX") == ["contradicted"]
    assert verdicts_of(nlp, market, "Chevron beat forecasts. Chevron shares were up 5 percent at $92 from Monday's "
                       "NYSE close of $88.10.", "2007-10-10T08:00", "CVX") == ["contradicted"]
    assert verdicts_of(nlp, market, "Chevron beat forecasts. Chevron shares closed up 5 percent on Tuesday.",
                       "2007-10-10T08:00", "CVX") == ["contradicted"]


def test_a_figure_told_as_the_sessions_range(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # the Dow on 2007-03-14: high 12,142.94, low 11,939.61 (203.33 points); it closed up 57.44 points
    found = checked(nlp, market, "Traders were on edge. On Wednesday stocks seesawed, with the Dow swinging up and "
                    "down in a range as wide as 203 points.", "2007-03-14T17:00")
    rows = moves_of(found, "^DJI")
    assert [r.verdict.verdict for r in rows] == ["supported"]
    assert "high-low range" in rows[0].verdict.readings[-1]
    # control: a range the session did not have stays an error
    assert verdicts_of(nlp, market, "Traders were on edge. On Wednesday stocks seesawed, with the Dow swinging up and "
                       "down in a range as wide as 303 points.", "2007-03-14T17:00", "^DJI") == ["contradicted"]
