"""Comparisons, records and streaks in wordings found on a fresh file of 2006/2007/2009 Reuters wraps scored before
any change (corpora/train/cmp18.jsonl, issue 13, session 18), on sentences we wrote, through the real spaCy
pipeline and, where a verdict is at stake, real closes. Each test holds one class of writing and a control."""

from __future__ import annotations

from tests.written import checked, of_kind
from tests.written import move_claims_in as claims_in


def test_a_run_told_by_a_cardinal_and_straight_weeks_of_gains(nlp) -> None:  # noqa: ANN001
    [weeks] = of_kind(claims_in(nlp, "The Nasdaq edged up. The S&P 500 has now put together five straight weeks "
                                     "of gains."), "streak")
    assert (weeks.instrument.symbol, weeks.direction, weeks.length, weeks.unit) == ("^GSPC", "up", 5, "week")
    [days] = of_kind(claims_in(nlp, "The Russell 2000 has logged four consecutive sessions of declines."), "streak")
    assert (days.direction, days.length, days.unit) == ("down", 4, "day")
    # control: gains counted over straight weeks of something else are no run of the index
    assert of_kind(claims_in(nlp, "Retail sales have shown three straight months of gains, the Dow rose 1%."),
                   "streak") == []


def test_a_weekly_run_told_mid_week_counts_the_finished_weeks(nlp, market) -> None:  # noqa: ANN001
    # the S&P 500 rose in each of the six weeks to Friday 11 May 2007 and was lower on the week by Tuesday 15 May
    rows = checked(nlp, market, "The S&P 500 has enjoyed six straight weeks of gains.", "2007-05-15T18:00:00")
    assert [(r.claim.length, r.verdict.verdict) for r in rows if r.claim.kind == "streak"] == [(6, "supported")]
    # control: a run the finished weeks do not hold either is still contradicted (the week to 30 March fell)
    rows = checked(nlp, market, "The S&P 500 has enjoyed eight straight weeks of gains.", "2007-05-15T18:00:00")
    assert [r.verdict.verdict for r in rows if r.claim.kind == "streak"] == ["contradicted"]


def test_a_run_ended_told_by_its_move_noun_and_its_holders_after_it(nlp, market) -> None:  # noqa: ANN001
    # the S&P 500 and the Nasdaq rose on 23, 26, 27 and 28 January 2009 and fell on the 29th
    rows = checked(nlp, market, "Wall Street slumped on Thursday, halting a four-day rally in the S&P 500 and the "
                                "Nasdaq as bank worries returned.", "2009-01-29T18:00:00")
    streaks = [(r.claim.instrument.symbol, r.claim.direction, r.claim.length, r.claim.what, r.verdict.verdict)
               for r in rows if r.claim.kind == "streak"]
    assert streaks == [("^GSPC", "up", 4, "ended_streak", "supported"), ("^IXIC", "up", 4, "ended_streak",
                                                                         "supported")]
    [snapped] = of_kind(claims_in(nlp, "The Nasdaq lost 2 percent, snapping a five-day surge."), "streak")
    assert (snapped.instrument.symbol, snapped.direction, snapped.length) == ("^IXIC", "up", 5)
    # controls: a three-day rally not said to end is no run; a run of another market is no index's
    assert of_kind(claims_in(nlp, "The Dow rose 1 percent, adding to a three-day rally of 4 percent."),
                   "streak") == []
    assert of_kind(claims_in(nlp, "Stocks ended a three-day rally in Europe."), "streak") == []


def test_outpacing_the_other_key_indexes(nlp) -> None:  # noqa: ANN001
    [ahead] = of_kind(claims_in(nlp, "Stocks closed off their lows with the Nasdaq outpacing the other key indexes "
                                     "as chip makers rallied."), "comparison")
    assert (ahead.instrument.symbol, ahead.relation) == ("^IXIC", "outperformed")
    assert {b.symbol for b in ahead.benchmarks} == {"^DJI", "^GSPC"}
    # control: outpacing analysts' key forecasts is no comparison of indexes
    assert of_kind(claims_in(nlp, "The Nasdaq rose, with earnings outpacing the key forecasts."), "comparison") == []


def test_a_record_named_as_a_reference_is_not_set_this_session(nlp) -> None:  # noqa: ANN001
    found = claims_in(nlp, "The S&P 500 slid 1 percent, after earlier rising about 3 points above its record "
                           "closing high set in March 2000.")
    assert of_kind(found, "record") == []
    assert of_kind(claims_in(nlp, "The Dow gave up 0.5 percent, a day after it ended 4 points above the record close "
                                  "it set in January."), "record") == []
    # control: a record close this session stays one
    [record] = of_kind(claims_in(nlp, "The S&P 500 rose 1 percent to a record closing high of 1,560.20."), "record")
    assert (record.instrument.symbol, record.what, record.level) == ("^GSPC", "record_close_high", 1560.2)


def test_a_record_in_a_when_clause_of_a_past_date(nlp) -> None:  # noqa: ANN001
    assert of_kind(claims_in(nlp, "The gains extended the rebound from March 9, when the Dow sank to a 12-year "
                                  "closing low."), "record") == []
    assert of_kind(claims_in(nlp, "The rally began on Nov. 20, when the S&P 500 posted its lowest close since 1997."),
                   "record") == []
    # control: a low reached this session
    [low] = of_kind(claims_in(nlp, "The Dow fell 3 percent to a 12-year closing low on Tuesday."), "record")
    assert low.instrument.symbol == "^DJI"


def test_a_record_set_after_a_figure_of_something_no_instrument_names(nlp) -> None:  # noqa: ANN001
    found = claims_in(nlp, "Utility shares such as Exelon slid 2 percent, as the yield on the 10-year Treasury note "
                           "climbed as high as 5.1 percent, its highest since June.")
    assert of_kind(found, "record") == []
    # the yield, where the registry names it, holds its own record, never the utility's
    named = claims_in(nlp, "Utility shares such as Exelon slid 2 percent, as the yield on the 10-year note climbed "
                           "as high as 5.1 percent, its highest since June.")
    assert [r.instrument.symbol for r in of_kind(named, "record")] in ([], ["^TNX"])
    # controls: a stock's price set off before its record ('the stock' names the company told before); an index's
    told = claims_in(nlp, "Acme Corp ( ACME.N ) slid. Earlier, the stock dropped to $19.72, its lowest since 2001.")
    assert [(r.instrument.symbol, r.level) for r in of_kind(told, "record")] == [("ACME", 19.72)]
    [high] = of_kind(claims_in(nlp, "The Nasdaq rose 1 percent to 2,800.15, its highest since January."), "record")
    assert (high.instrument.symbol, high.what) == ("^IXIC", "highest_since")


def test_a_superlative_reached_at_one_point_is_within_the_session(nlp) -> None:  # noqa: ANN001
    [best] = of_kind(claims_in(nlp, "Apple shares, which at one point logged their biggest gain in three months, "
                                    "ended up 3 percent."), "comparison")
    assert (best.instrument.symbol, best.relation, best.period) == ("AAPL", "best_since", "intraday")
    # control: the close's own superlative stays the day's
    [day] = of_kind(claims_in(nlp, "Apple shares rose 3 percent, their biggest gain in three months."), "comparison")
    assert day.period == "day"


def test_a_change_from_an_undated_low_is_no_days_move(nlp) -> None:  # noqa: ANN001
    [since] = of_kind(claims_in(nlp, "The Dow is up nearly 30 percent since its low."), "index_move")
    assert (since.change_pct, since.period) == (30.0, "other")
    # (a low the words place in a month, "since its early March low", is left to the checker's reading from that
    # month's lowest close: tests/extract/test_false_alarms.py, the rise from the March low)
    [low] = of_kind(claims_in(nlp, "The S&P 500 is down 35 percent from its 2007 peak."), "index_move")
    assert low.period == "other"
    # the day's own move told beside it keeps its day: the undated extreme is the second figure's only
    found = of_kind(claims_in(nlp, "Acme shares fell $2.10 to $15.30 on Tuesday and are down 60 percent from their "
                                   "2007 peak."), "stock_move")
    assert sorted(((c.period, c.change_pct) for c in found), key=str) == [("day", None), ("other", 60.0)]
    # control: a low the words date is read from its day as before ("reached on March 9"), not left undated
    [dated] = of_kind(claims_in(nlp, "The S&P 500 is up 26 percent since the 12-year closing low reached on March 9."),
                      "index_move")
    assert dated.period_start is not None or dated.period != "other"
    # control: a day's move beside a superlative keeps its day
    [day] = of_kind(claims_in(nlp, "The Dow rose 1 percent on Tuesday, its best day since March."), "index_move")
    assert day.period == "day"


def test_a_tagged_companys_short_name_told_with_its_shares(nlp) -> None:  # noqa: ANN001
    story = ("Dow Chemical Co. ( DOW.N ) said quarterly profit slipped. Shares of Dow have gained 2.1 percent since "
             "January, trailing rival DuPont Co. ( DD.N ) and the S&P 500.")
    found = claims_in(nlp, story)
    assert {c.instrument.symbol for c in of_kind(found, "stock_move")} == {"DOW"}
    assert of_kind(found, "index_move") == []
    [lagged] = of_kind(found, "comparison")
    assert (lagged.instrument.symbol, lagged.relation) == ("DOW", "underperformed")
    told = claims_in(nlp, "Dow Chemical Co. ( DOW.N ) cut jobs. Dow shares fell 1 percent on Thursday while the "
                          "S&P 500 rose.")
    assert {c.instrument.symbol for c in of_kind(told, "stock_move")} == {"DOW"}
    # control: the index named beside another index in the same story stays the index
    index = claims_in(nlp, "Dow Chemical Co. ( DOW.N ) cut jobs. The Dow and the S&P 500 fell 1 percent.")
    assert {c.instrument.symbol for c in of_kind(index, "index_move")} == {"^DJI", "^GSPC"}

