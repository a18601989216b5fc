"""Wrong period or day (issue 12): the period and day a careful reader gives a move, through the real pipeline and
real prices, on sentences we wrote. Each rule has its control: the same words with a figure no reading gives stay
`contradicted`.

Facts used (from ../shared/data at run time): the S&P 500's close was 1,097.91 on 2009-10-19 and 1,066.11 on 2009-10-29
(-2.90%); at 676.53 on 2009-03-09 (its lowest close of March), 1,030.98 on 2009-08-27 (+52.4% from that low) and
1,107.93 on 2009-12-15 (+63.8%). The Dow closed at 12,735.31 on 2008-01-09 and 8,769.70 on 2009-01-07 (-31.1%). In the
week to 2007-01-05 (three sessions) the Dow lost 0.52%, the S&P 500 0.61% and the Nasdaq gained 0.78% (2,415.29 ->
2,434.25); the week to 2007-03-02 took 4.41% off the S&P 500. Microsoft closed at 22.82 on 2006-06-01 and 28.35 on
2006-10-26 (+24.2%). The Nasdaq lost 7.83% in July 2004 and 6.93% in November 2007. Chevron rose 2.71% on 2009-10-29
(adjusted closes). Rockwell Automation rose 12.65% on 2025-02-10 and Cisco 2.10% on 2025-02-13; Coinbase was up 10.71%
from 2024-12-31 to 2025-02-12 and 20.06% to 2025-02-13 (adjusted closes); Tesla closed at 251.44 on election day
2024-11-05 and 336.51 on 2025-02-12 (+33.8%). Other S&P 500 closes: 929.23 on 2009-05-08 (+37.35% from the March low),
946.21 on 2009-06-12 (+39.86%), 879.13 on 2009-07-10 and 1,056.89 on 2008-10-06. The Dow's record close of 13,120.94
on 2007-04-27 stood until 14,000.41 on 2007-07-19. Micron fell 16.18% on 2024-12-19 (adjusted closes).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from analyzer.extract.timeref import anchor
from analyzer.records import Article, CheckedClaim


def with_figure(engine, text: str, published: str, symbol: str,  # type: ignore[no-untyped-def]
                figure: float | None = None) -> CheckedClaim:
    """The move claim on ``symbol`` with a figure (with this percentage, where given)."""
    article = Article(id=f"written-{abs(hash((text, published)))}", text=text,
                      published=datetime.fromisoformat(published))
    found = [c for c in engine.analyze([article]) if c.claim.instrument and c.claim.instrument.symbol == symbol
             and c.claim.kind in ("index_move", "stock_move")
             and (c.claim.change_pct is not None or c.claim.change_points is not None)
             and (figure is None or c.claim.change_pct == figure)]
    assert found, f"no move with a figure on {symbol} in {text!r}"
    return found[0]


def verdicts(engine, text: str, published: str, symbol: str, right: str, wrong: str) -> tuple[CheckedClaim, ...]:  # type: ignore[no-untyped-def]
    """The claim with the right figure and with a wrong one (the control)."""
    return (with_figure(engine, text.format(right), published, symbol),
            with_figure(engine, text.format(wrong), published, symbol))


# ---- a base before the session: the window of 'from its peak reached on October 19' ----------------------------


def test_a_past_peak_is_looked_for_before_the_session_not_to_the_years_end(engine) -> None:  # type: ignore[no-untyped-def]
    # the window used to run to the year's end, past the session: a base after the end, and 'could not check'
    text = "But the S&P 500 benchmark is off {} percent from the post-March peak it hit on October 19."
    right, wrong = verdicts(engine, text, "2009-10-29T17:30:00-04:00", "^GSPC", "2.9", "4.9")
    assert right.verdict.verdict == "supported", right.verdict.explanation
    assert "2009-10-19" in right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_since_a_month_with_todays_high_after_it_runs_from_the_month(engine) -> None:  # type: ignore[no-untyped-def]
    # the high after the comma is today's, not the base: the move runs from June (it used to be measured from the
    # highest close of June to December, a base after the session: 'could not check', unverifiable)
    text = ("Microsoft stock has climbed about {} percent since June, touching a near-two-year high as investors "
            "cheered the upgrades.")
    right, wrong = verdicts(engine, text, "2006-10-26T18:41:00-04:00", "MSFT", "25", "45")
    assert right.verdict.verdict == "supported", right.verdict.explanation
    assert "2006-06-01" in right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_a_low_in_a_named_month_is_the_base_not_the_months_move(engine) -> None:  # type: ignore[no-untyped-def]
    text = "The S&P 500 has gained more than {} percent from the bear market's closing low in March, a 12-year low."
    right, wrong = verdicts(engine, text, "2009-12-15T18:45:00-05:00", "^GSPC", "60", "80")
    assert right.verdict.verdict == "supported", right.verdict.explanation
    assert "2009-03-09" in right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_a_qualifier_is_read_before_the_figure_not_inside_the_index_name(engine) -> None:  # type: ignore[no-untyped-def]
    # the '50' of 'more than 50 percent' used to be found inside 'S&P 500', losing its 'more than'
    text = ("Bets on a recovery have driven a rally, now months old, that has lifted the benchmark S&P 500 up more "
            "than {} percent from the bear market's closing low in March, a 12-year low.")
    right, wrong = verdicts(engine, text, "2009-08-27T19:17:00-04:00", "^GSPC", "50", "60")
    assert right.verdict.verdict == "supported", right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


# ---- the period of a business figure is not the move's ----------------------------------------------------------


@pytest.mark.parametrize(("text", "published", "symbol", "right", "wrong"), [
    ("Rockwell Automation gained {}% after the industrial automation company beat forecasts with its profit for "
     "the first quarter.", "2025-02-10T17:00:00-05:00", "ROK", "12.6", "14.1"),  # (11.1, short of the close,
    # is a level passed during the session: check/passed_through.py)
    ("Cisco Systems rose {}% after the network equipment company raised its annual revenue outlook.",
     "2025-02-13T17:00:00-05:00", "CSCO", "2.1", "12.7"),
])
def test_a_quarter_or_year_of_the_business_leaves_the_move_a_days(engine, text, published, symbol, right,  # type: ignore[no-untyped-def]
                                                                   wrong) -> None:
    item, control = verdicts(engine, text, published, symbol, right, wrong)
    assert item.claim.period == "day" and item.verdict.verdict == "supported", item.verdict.explanation
    assert control.verdict.verdict == "contradicted", control.verdict.explanation


# ---- weeks: the week a Monday story sums up, 'last week', 'the three-session opening week' ------------------------


def test_the_three_session_opening_week_is_a_week(engine) -> None:  # type: ignore[no-untyped-def]
    text = "The Dow dropped {} percent over the three-session opening week."
    right, wrong = verdicts(engine, text, "2007-01-05T17:00:00-05:00", "^DJI", "0.52", "1.52")
    assert right.claim.period == "week" and right.verdict.verdict == "supported", right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_a_week_on_the_first_session_of_a_week_is_the_week_just_ended(engine) -> None:  # type: ignore[no-untyped-def]
    # a Monday story: the week to date is that one session; 'for the week' sums up the week that ended on Friday
    text = "The Nasdaq alone eked out a small gain for the week, rising {} percent."
    right, wrong = verdicts(engine, text, "2007-01-08T16:48:00-05:00", "^IXIC", "0.78", "1.78")
    assert right.verdict.verdict == "supported", right.verdict.explanation
    assert "the week that ended on 2007-01-05" in right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


@pytest.mark.parametrize("published", ["2007-03-07T17:00:00-05:00",  # a Wednesday evening
                                       "2007-03-05T08:00:00-05:00",  # a Monday before the open
                                       "2007-03-03T12:00:00-05:00"])  # a Saturday
def test_last_week_is_the_week_before_the_story(engine, published: str) -> None:  # type: ignore[no-untyped-def]
    for text in ("Last week, Wall Street's benchmark S&P 500 fell {} percent.",
                 "The S&P 500 fell {} percent last week."):
        right, wrong = verdicts(engine, text, published, "^GSPC", "4.4", "2.4")
        assert right.verdict.verdict == "supported", (text, right.verdict.explanation)
        assert "2007-03-02" in right.verdict.explanation
        assert wrong.verdict.verdict == "contradicted", (text, wrong.verdict.explanation)


# ---- a to-date figure as of the previous close; a span back from the session; a month named by 'when' ------------


def test_a_to_date_figure_may_run_to_the_previous_close(engine) -> None:  # type: ignore[no-untyped-def]
    # an evening summary machine-written from the data of the day before: the quarter to the previous close
    text = "Coinbase Global Inc shares had risen by {}% this quarter."
    right, wrong = verdicts(engine, text, "2025-02-13T20:00:00-05:00", "COIN", "10.7", "15.7")
    assert right.verdict.verdict == "supported", right.verdict.explanation
    assert "previous session's close (2025-02-12)" in right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_from_52_weeks_ago_is_the_past_52_weeks(engine) -> None:  # type: ignore[no-untyped-def]
    text = "The Dow is now down {} percent from 52 weeks ago."
    right, wrong = verdicts(engine, text, "2009-01-07T17:08:00-05:00", "^DJI", "31.1", "35.1")
    assert right.verdict.verdict == "supported", right.verdict.explanation
    assert "52 weeks" in right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_a_figure_after_since_month_when_is_that_months(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("The Nasdaq sank 6.9 percent over November, its weakest month since July 2004, when it slumped {} "
            "percent.")
    evening = "2007-11-30T17:36:00-05:00"
    right, wrong = (with_figure(engine, text.format(figure), evening, "^IXIC", float(figure))
                    for figure in ("7.8", "9.8"))
    assert right.claim.change_pct == 7.8 and right.verdict.verdict == "supported", right.verdict.explanation
    assert "July 2004" in right.verdict.explanation
    assert wrong.claim.change_pct == 9.8 and wrong.verdict.verdict == "contradicted", wrong.verdict.explanation
    # the month named before the figure is no reading of it: the November move stated as July's figure stays wrong
    before = with_figure(engine, "The Nasdaq sank 7.8 percent over November, its weakest month since July 2004.",
                         evening, "^IXIC")
    assert before.verdict.verdict == "contradicted", before.verdict.explanation


def test_since_the_election_runs_from_election_days_close(engine) -> None:  # type: ignore[no-untyped-def]
    evening = "2025-02-12T17:00:00-05:00"
    item = with_figure(engine, "Tesla shares have gained 34% since the election.", evening, "TSLA")
    assert item.verdict.verdict == "supported", item.verdict.explanation
    assert "election of 2024-11-05" in item.verdict.explanation
    # the control: the same words with the move the wrong way (a wrong size is left unverifiable by the undated-
    # 'since' rule of the article's second look, which any earlier base may satisfy)
    wrong = with_figure(engine, "Tesla shares have lost 34% since the election.", evening, "TSLA")
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_a_move_to_a_named_peak_ends_there(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("The S&P 500 rallied {} percent from the bear market's closing low in early March up to a peak on May 8, "
            "and has since surrendered part of that advance.")
    right, wrong = verdicts(engine, text, "2009-05-21T16:43:00-04:00", "^GSPC", "37.4", "47.4")
    assert right.verdict.verdict == "supported", right.verdict.explanation
    assert "2009-05-08" in right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_as_much_as_from_a_low_runs_to_the_highest_close_since(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("The benchmark S&P 500 had rallied as much as nearly {} percent from the bear market's closing low in "
            "early March, a 12-year low.")
    right, wrong = verdicts(engine, text, "2009-07-10T17:45:00-04:00", "^GSPC", "40", "50")
    assert right.verdict.verdict == "supported" and "2009-06-12" in right.verdict.explanation, right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation
    # without 'as much as' the move runs to the story's session (+29.95%), where 40 percent is wrong
    plain = with_figure(engine, text.replace("as much as ", "").format("40"), "2009-07-10T17:45:00-04:00", "^GSPC")
    assert plain.verdict.verdict == "contradicted", plain.verdict.explanation


def test_a_level_after_since_a_date_when_is_that_sessions(engine) -> None:  # type: ignore[no-untyped-def]
    text = "On Wednesday the S&P 500 finished at its best close since October 6 when it ended at {}."

    def level(figure: str) -> CheckedClaim:
        article = Article(id=f"written-{figure}", text=text.format(figure),
                          published=datetime.fromisoformat("2009-09-09T17:22:00-04:00"))
        found = [c for c in engine.analyze([article]) if c.claim.kind == "index_move" and c.claim.level is not None]
        assert found, f"no level claim in {text!r}"
        return found[0]

    right = level("1,056.89")
    assert right.verdict.verdict == "supported" and "2008-10-06" in right.verdict.explanation, right.verdict.explanation
    assert level("1,076.89").verdict.verdict == "contradicted"


def test_the_day_of_to_close_at_is_the_moves(engine) -> None:  # type: ignore[no-untyped-def]
    # "to close at ... on December 19, 2024" ends the move itself: its day is the move's, not a later plan's
    text = "Back then, Micron's stock fell {}% to close at $87.09 a share on December 19, 2024."
    right, wrong = verdicts(engine, text, "2025-02-10T19:58:00-05:00", "MU", "16.2", "26.2")
    assert right.claim.session == "2024-12-19" and right.verdict.verdict == "supported", right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


# ---- a day word of a coming event ---------------------------------------------------------------------------------


def test_the_day_of_a_coming_event_is_not_the_moves(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Chevron Corp gained {} percent ahead of the quarterly results it reports on Friday."
    # the control's figure lies beyond what an after-hours quote could be (analyzer.check.article's closes band)
    right, wrong = verdicts(engine, text, "2009-10-29T17:29:00-04:00", "CVX", "2.7", "12.7")
    assert right.claim.session == "2009-10-29" and right.verdict.verdict == "supported", right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_a_record_after_which_the_story_looks_ahead_is_the_session_befores(engine) -> None:  # type: ignore[no-untyped-def]
    text = "U.S. stocks looked set to open little changed on Monday after the Dow Jones reached a record close."

    def record(published: str) -> CheckedClaim:
        article = Article(id=f"written-{published}", text=text, published=datetime.fromisoformat(published))
        found = [c for c in engine.analyze([article]) if c.claim.kind == "record"]
        assert found, f"no record claim in {text!r}"
        return found[0]

    # before the open of Monday 2007-04-30: the record close was Friday's (13,120.94)
    item = record("2007-04-30T06:51:00-04:00")
    assert item.verdict.verdict == "supported" and "2007-04-27" in item.verdict.explanation, item.verdict.explanation
    # the control: on 2007-08-20 neither Friday nor Monday closed at a record (the record stood at 14,000.41)
    assert record("2007-08-20T06:51:00-04:00").verdict.verdict == "contradicted"


def test_a_count_of_members_at_new_highs_is_no_record_of_the_index(engine) -> None:  # type: ignore[no-untyped-def]
    def records(text: str) -> list[CheckedClaim]:
        article = Article(id=f"written-{abs(hash(text))}", text=text,
                          published=datetime.fromisoformat("2025-02-12T18:00:00-05:00"))
        return [c for c in engine.analyze([article]) if c.claim.kind == "record"]

    # breadth: extraction makes no record claim of the index (analyzer.extract.moves.BREADTH_COUNT_RE)
    assert records("The S&P 500 had 21 new 52-week highs against 22 new lows.") == []
    # the control: a record of the index itself on a day it closed 1.1% below its record (6,118.71 on 2025-01-23)
    assert records("The S&P 500 closed at a record high.")[0].verdict.verdict == "contradicted"


# ---- the time words themselves ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "period"), [
    ("Shares gained 11% after the company reported profit for the first quarter that beat estimates.", "day"),
    ("Ecolab jumped 6.5% after the cleaning products maker guided to adjusted profit for 2025 above estimates.",
     "day"),
    ("The stock rose 3% as weekly jobless claims fell.", "day"),
    ("For the quarter, the Dow fell 0.87 percent.", "other"),
    ("The Nasdaq has its third weekly gain.", "week"),
    ("It followed a 1.4 percent slide in the previous week.", "week"),
    ("AppLovin was up 30% pre-bell following the company's results.", "other"),
    ("In futures trading the S&P 500 was steady.", "other"),
    ("The S&P 500 has risen 60 percent from the bear market's closing low in March, a 12-year low.", "other"),
])
def test_period_words(sentence: str, period: str) -> None:
    assert anchor(sentence, datetime.fromisoformat("2025-02-12T17:00:00-05:00")).period == period


def test_last_week_on_a_monday_morning_is_the_week_that_ended_on_friday() -> None:
    monday_morning = datetime.fromisoformat("2007-03-05T08:00:00-05:00")
    assert str(anchor("The S&P 500 shed 4.4 percent last week.", monday_morning).session) == "2007-03-02"
