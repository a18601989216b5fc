"""Records and streaks in wordings found on a fresh file of 2006/2007/2009 Reuters wraps and stories scored before
any change (corpora/train/rec20.jsonl, issue 13, session 20), on sentences we wrote, through the real spaCy
pipeline and, where a verdict is at stake, real closes. Each test holds one class of writing and a control."""

from __future__ import annotations

from tests.written import checked, of_kind
from tests.written import move_claims_in as claims_in


def test_a_record_of_a_weekday_named_after_it_is_that_days(nlp, market) -> None:  # noqa: ANN001
    # the S&P 500 closed at 1,010.48 on Friday 7 August 2009, its highest close since early October 2008; on Monday
    # 10 August it fell
    rows = checked(nlp, market, "Stocks eased on Monday, days after the benchmark S&P 500 reached a 10-month high on "
                                "Friday.", "2009-08-10T17:00:00")
    records = [(r.claim.instrument.symbol, r.claim.session, r.verdict.verdict) for r in rows
               if r.claim.kind == "record"]
    assert records == [("^GSPC", "2009-08-07", "supported")]
    # control: a record with no day of its own is the piece's session
    [record] = of_kind(claims_in(nlp, "The Nasdaq rose 1 percent to a three-month high."), "record")
    assert record.session == "2025-08-26"


def test_a_run_told_with_a_hyphenated_ordinal(nlp) -> None:  # noqa: ANN001
    [run] = of_kind(claims_in(nlp, "Acme Corp ( ACME.N ) slid 3 percent. The stock fell for a fourth-straight session "
                                   "after a rating cut."), "streak")
    assert (run.instrument.symbol, run.direction, run.length, run.unit) == ("ACME", "down", 4, "day")
    [weeks] = of_kind(claims_in(nlp, "The Russell 2000 gained for a fifth-straight week."), "streak")
    assert (weeks.length, weeks.unit) == (5, "week")
    # control: a hyphenated count of something else is no run
    assert of_kind(claims_in(nlp, "The Dow rose 1 percent as retail sales grew for a third-straight month."),
                   "streak") == []


def test_a_run_still_aimed_at_is_no_run(nlp) -> None:  # noqa: ANN001
    found = claims_in(nlp, "The S&P 500 is 20 percent above its March low as it attempts its seventh-straight week "
                           "of gains.")
    assert of_kind(found, "streak") == []
    assert of_kind(claims_in(nlp, "By Thursday the Nasdaq seemed on track to log a fourth straight weekly gain."),
                   "streak") == []
    # control: a run had is read
    [run] = of_kind(claims_in(nlp, "The S&P 500 posted its seventh straight week of gains."), "streak")
    assert (run.length, run.unit) == (7, "week")


def test_a_weekly_superlative_in_points_is_measured_in_points(nlp, market) -> None:  # noqa: ANN001
    # the Nasdaq lost 182.44 points in the week to 9 November 2007 (6.5%); the last weekly point loss as large ended
    # 21 September 2001, the week the market reopened after the attacks (in percent, 26 April 2002 was worse)
    rows = checked(nlp, market, "Chip stocks sank, handing the Nasdaq its steepest weekly point drop since the Sept. "
                                "11, 2001, attacks.", "2007-11-09T17:00:00")
    assert [r.verdict.verdict for r in rows if r.claim.kind == "comparison"] == ["supported"]
    # control: a span the points do not hold either is still contradicted
    rows = checked(nlp, market, "Chip stocks sank, handing the Nasdaq its steepest weekly point drop since March.",
                   "2007-11-09T17:00:00")
    assert [r.verdict.verdict for r in rows if r.claim.kind == "comparison"] == ["contradicted"]


def test_a_move_in_a_during_which_clause_of_a_run_is_the_runs(nlp) -> None:  # noqa: ANN001
    [move] = of_kind(claims_in(nlp, "A steady rally over the past three months, during which the Dow gained 12 "
                                    "percent, looks stretched, strategists said."), "index_move")
    assert (move.change_pct, move.period) == (12.0, "other")
    # control: the day's move beside it keeps its day
    [day] = of_kind(claims_in(nlp, "The Dow gained 1.2 percent on Tuesday as the rally went on."), "index_move")
    assert day.period == "day"


def test_a_record_told_again_for_a_second_straight_day_is_no_run(nlp, market) -> None:  # noqa: ANN001
    # the Dow closed at a record 13,907.25 on Friday 13 July 2007, above 13,900 for the first time, after a record
    # close on the 12th
    rows = checked(nlp, market, "The blue chips finished above 13,900 for the first time, and the Dow notched a "
                                "lifetime peak for a second straight day.", "2007-07-13T17:00:00")
    assert [r for r in rows if r.claim.kind == "streak"] == []
    assert "contradicted" not in [r.verdict.verdict for r in rows]
    # control: a run of gains told after a record is still read
    [run] = of_kind(claims_in(nlp, "The Dow set a record close, rising for a fourth straight day."), "streak")
    assert (run.direction, run.length) == ("up", 4)


def test_a_run_of_two_indexes_one_named_in_full(nlp, market) -> None:  # noqa: ANN001
    # the Russell 2000 and the S&P 500 both rose on 31 March and 1, 2 and 3 April 2009
    rows = checked(nlp, market, "The Russell 2000 and the Standard & Poor's 500 Index each climbed for a fourth "
                                "straight session.", "2009-04-03T17:00:00")
    runs = sorted((r.claim.instrument.symbol, r.claim.length, r.verdict.verdict) for r in rows
                  if r.claim.kind == "streak")
    assert runs == [("^GSPC", 4, "supported"), ("^RUT", 4, "supported")]
    # control: a name joined to another verb's object does not share the subject's run
    found = claims_in(nlp, "The Dow rose for a fourth straight session as traders bought the Standard & Poor's 500 "
                           "Index futures.")
    assert [c.instrument.symbol for c in of_kind(found, "streak")] == ["^DJI"]


def test_a_run_of_a_business_figure_is_no_price_run(nlp) -> None:  # noqa: ANN001
    # class of a held-out false alarm (session 20): a results run told with the move noun a price run uses
    for sentence in ("Acme Corp ( ACME.N ) will report its sixth straight decline in quarterly profit on Thursday.",
                     "Shares of Acme Corp were flat; the retailer posted a fourth-straight drop in same-store sales.",
                     "Acme Corp ( ACME.N ) is expected to post its third consecutive fall in profits next week."):
        assert of_kind(claims_in(nlp, sentence), "streak") == [], sentence
    # control: the same move noun told of the price, or of a day with heavy volume, is a run
    [run] = of_kind(claims_in(nlp, "Acme Corp ( ACME.N ) shares fell 2 percent, their sixth straight decline."),
                    "streak")
    assert (run.instrument.symbol, run.direction, run.length) == ("ACME", "down", 6)
    [run] = of_kind(claims_in(nlp, "Acme Corp ( ACME.N ) slid 2 percent, its fourth straight loss in heavy "
                                   "volume."), "streak")
    assert (run.direction, run.length) == ("down", 4)
