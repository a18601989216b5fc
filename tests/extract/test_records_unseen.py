"""Comparisons, records and streaks in writing the rules were not tuned on (issue 13), on sentences we wrote, through
the real spaCy pipeline. Each test holds one class of writing and claim-free controls."""

from __future__ import annotations

from analyzer.records import Claim
from tests.written import move_claims_in as claims_in
from tests.written import of_kind


def symbols(claims: list[Claim]) -> list[str | None]:
    return [c.instrument.symbol if c.instrument else None for c in claims]


def test_a_streak_or_record_of_joined_subjects_is_each_ones(nlp) -> None:  # noqa: ANN001
    streaks = of_kind(claims_in(nlp, "The Dow and the Nasdaq climbed for a fourth straight session on Tuesday."),
                      "streak")
    assert sorted(symbols(streaks)) == ["^DJI", "^IXIC"]
    assert {(c.direction, c.length, c.unit) for c in streaks} == {("up", 4, "day")}
    ended = of_kind(claims_in(nlp, "Both the blue-chip Dow and S&P 500 snapped their three-week losing streak."),
                    "streak")
    assert sorted(symbols(ended)) == ["^DJI", "^GSPC"]
    assert {c.what for c in ended} == {"ended_streak"}
    best = of_kind(claims_in(nlp, "The blue-chip Dow and S&P 500 rose 2%, their best day since March."), "comparison")
    assert sorted(symbols(best)) == ["^DJI", "^GSPC"]
    records = of_kind(claims_in(nlp, "On Friday the S&P 500 and Nasdaq both ended at record closing highs."),
                      "record")
    assert sorted(symbols(records)) == ["^GSPC", "^IXIC"]


def test_joined_subjects_controls(nlp) -> None:  # noqa: ANN001
    # the record is the Dow's; the Nasdaq is the subject of a clause of its own
    found = claims_in(nlp, "The Dow closed at a record high and the Nasdaq fell for a second straight day.")
    assert [(c.kind, c.instrument.symbol) for c in found if c.kind in ("record", "streak")] == \
        [("record", "^DJI"), ("streak", "^IXIC")]
    # a level stated with the record is one index's: not copied to the other
    levelled = of_kind(claims_in(nlp, "The blue-chip Dow and S&P 500 rose, and the Dow closed at a record 45,210.35."),
                       "record")
    assert symbols(levelled) == ["^DJI"]
    # a name that is the object, not a joined subject, gets no streak
    beat = claims_in(nlp, "The Dow, up for a third straight session, outpaced the Nasdaq.")
    assert "^IXIC" not in symbols(of_kind(beat, "streak"))
    assert claims_in(nlp, "Traders and analysts talked for a third straight session about tariffs.") == []


def test_plural_levels_and_the_highest_in_over_a_span(nlp) -> None:  # noqa: ANN001
    [record] = of_kind(claims_in(nlp, "Shares of Nike slid 4% to their lowest levels in over a year."), "record")
    assert (record.instrument.symbol, record.what) == ("NKE", "lowest_since")
    [closes] = of_kind(claims_in(nlp, "The Nasdaq rose 1.1%, ending at its highest closes since early June."),
                       "record")
    assert closes.what == "highest_since"
    # controls: no level of the index, or a level reached in the past
    assert of_kind(claims_in(nlp, "Mortgage rates fell to their lowest levels in over a year."), "record") == []
    assert of_kind(claims_in(nlp, "The Nasdaq is up 30% from its lowest levels in over a year."), "record") == []


def test_an_intraday_record_of_a_level_and_record_finishes(nlp) -> None:  # noqa: ANN001
    [record] = of_kind(claims_in(nlp, "The S&P 500 advanced to an intraday record of 6,512.75 before easing."),
                       "record")
    assert (record.instrument.symbol, record.what, record.level) == ("^GSPC", "record_intraday_high", 6512.75)
    [finish] = of_kind(claims_in(nlp, "The Dow ended at 45,300.50, its 12th record finish this year."), "record")
    assert (finish.what, finish.level) == ("record_close_high", 45300.5)
    # one record told twice in a sentence is one claim
    twice = of_kind(claims_in(nlp, "The S&P 500 firmed 0.5%, its 30th record finish of the year and its eighth "
                                   "record close this month."), "record")
    assert symbols(twice) == ["^GSPC"]
    # controls: a record set earlier, an intraday record that is only near
    assert of_kind(claims_in(nlp, "The Dow fell 1%, retreating from its intraday record of 45,500.10."),
                   "record") == []
    assert of_kind(claims_in(nlp, "The intraday record is within reach, strategists said."), "record") == []


def test_a_round_level_crossed_for_the_first_time_since(nlp) -> None:  # noqa: ANN001
    [up] = of_kind(claims_in(nlp, "The Nasdaq topped 21,000 Friday for the first time since late July."), "record")
    assert (up.instrument.symbol, up.what, up.period, up.time_text) == \
        ("^IXIC", "highest_since", "intraday", "since late July")
    [down] = of_kind(claims_in(nlp, "Shares of Ford dipped below $10 Monday for the first time since March, then "
                                    "steadied."), "record")
    assert (down.instrument.symbol, down.what) == ("F", "lowest_since")
    # controls: a close beyond a level stays a first close; no instrument, no claim
    [close] = of_kind(claims_in(nlp, "The Dow closed above 46,000 Friday for the first time since July."), "record")
    assert close.what == "first_close_above"
    assert claims_in(nlp, "Inflation topped 3% for the first time since January.") == []


def test_a_run_told_by_its_ordinal_alone(nlp) -> None:  # noqa: ANN001
    [up] = of_kind(claims_in(nlp, "The S&P 500, helped by chipmakers, gained for a second session."), "streak")
    assert (up.instrument.symbol, up.direction, up.length, up.unit) == ("^GSPC", "up", 2, "day")
    [down] = of_kind(claims_in(nlp, "The Russell 2000 slipped for the third week running."), "streak")
    assert (down.direction, down.length, down.unit) == ("down", 3, "week")
    # controls: no instrument's move, no direction, a day of something else
    assert claims_in(nlp, "Negotiators met for a second day on Tuesday.") == []
    assert of_kind(claims_in(nlp, "The Dow was little changed for a second session."), "streak") == []
    assert of_kind(claims_in(nlp, "Apple rose 2% on the second day of its developer conference."), "streak") == []


def test_a_superlative_over_an_uncounted_span(nlp) -> None:  # noqa: ANN001
    [worst] = of_kind(claims_in(nlp, "The Nasdaq suffered its worst day in months, falling 3.4%."), "comparison")
    assert (worst.instrument.symbol, worst.relation, worst.time_text) == ("^IXIC", "worst_since", "in months")
    # controls: a superlative of something that is no span of time, and no instrument's
    assert of_kind(claims_in(nlp, "The Nasdaq rose 1%, with the biggest gain in chipmakers."), "comparison") == []
    assert claims_in(nlp, "Retailers had their best holiday season in years.") == []


def test_a_second_comparison_verb_keeps_the_first_ones_subject(nlp) -> None:  # noqa: ANN001
    found = of_kind(claims_in(nlp, "Shares of Pfizer rose 2%, beating the S&P 500 but trailing Merck."),
                    "comparison")
    assert [(c.instrument.symbol, c.relation, [b.symbol for b in c.benchmarks]) for c in found] == \
        [("PFE", "outperformed", ["^GSPC"]), ("PFE", "underperformed", ["MRK"])]
    # control: a comparison verb with a subject of its own keeps it
    own = of_kind(claims_in(nlp, "Pfizer rose 2% and beat the S&P 500, while the Dow trailed the Nasdaq."),
                  "comparison")
    assert ("^DJI", "underperformed") in [(c.instrument.symbol, c.relation) for c in own]


def test_a_passive_comparison_is_the_subjects_loss(nlp) -> None:  # noqa: ANN001
    [beaten] = of_kind(claims_in(nlp, "The S&P 500 was outpaced by the Russell 2000 on Tuesday."), "comparison")
    assert (beaten.instrument.symbol, beaten.relation, [b.symbol for b in beaten.benchmarks]) == \
        ("^GSPC", "underperformed", ["^RUT"])
    # control: the active voice is unchanged
    [active] = of_kind(claims_in(nlp, "The Russell 2000 outpaced the S&P 500 on Tuesday."), "comparison")
    assert (active.instrument.symbol, active.relation) == ("^RUT", "outperformed")


def test_more_superlative_words_and_spans(nlp) -> None:  # noqa: ANN001
    [heavy] = of_kind(claims_in(nlp, "The S&P 500 dropped by 1.8%, its heaviest loss since April."), "comparison")
    assert (heavy.relation, heavy.time_text) == ("worst_since", "since April")
    # the superlative's "since April" is not the span of the move itself
    [move] = of_kind(claims_in(nlp, "The S&P 500 dropped by 1.8%, its heaviest loss since April."), "index_move")
    assert move.period == "day"
    [deep] = of_kind(claims_in(nlp, "The Nasdaq slid 2.2%, its deepest three-day decline since March."), "comparison")
    assert deep.relation == "worst_since"
    [swing] = of_kind(claims_in(nlp, "The Dow jumped 600 points, its biggest intraday gain since 2020."),
                      "comparison")
    assert (swing.relation, swing.period) == ("best_since", "intraday")
    # controls: a span of weeks told as a run is not one week's move; the smallest gain is no best or worst
    assert of_kind(claims_in(nlp, "The Nasdaq rose 2.1%, its best two-week run since May."), "comparison") == []
    assert of_kind(claims_in(nlp, "The S&P 500 firmed 1%, the smallest gain since May."), "comparison") == []
    assert claims_in(nlp, "Retailers reported their heaviest losses since 2009.") == []


def test_the_stock_named_before_holds_a_superlative_or_record(nlp) -> None:  # noqa: ANN001
    text = ("Shares of Nike fell as much as 6% to $70.10. The stock is now on track for its worst day since March "
            "2023.")
    [worst] = of_kind(claims_in(nlp, text), "comparison")
    assert (worst.instrument.symbol, worst.relation) == ("NKE", "worst_since")
    text = "Nike shares fell 4% on Tuesday. Its shares touched their lowest since June 2020."
    assert [c.instrument.symbol for c in of_kind(claims_in(nlp, text), "record")] == ["NKE"]
    # controls: the index named before is no stock; a stock's record needs a stock before it
    text = "The Nasdaq fell 2% on Tuesday. The stock is now on track for its worst day since March."
    assert of_kind(claims_in(nlp, text), "comparison") == []
    assert claims_in(nlp, "The stock is on track for its worst day since March.") == []
    text = "Nike shares fell 4% on Tuesday. The stock market had its worst day since March."
    assert of_kind(claims_in(nlp, text), "comparison") == []


def test_a_year_after_since_is_no_record_level(nlp) -> None:  # noqa: ANN001
    [record] = of_kind(claims_in(nlp, "Shares of Oracle rose 3% to their highest since 2021."), "record")
    assert (record.what, record.level) == ("highest_since", None)
    # with no level, the record is said of both joined subjects
    both = of_kind(claims_in(nlp, "The blue-chip Dow and S&P 500 climbed to their highest since 2007."), "record")
    assert sorted(symbols(both)) == ["^DJI", "^GSPC"]
    # control: a level after a record phrase is still its level
    [levelled] = of_kind(claims_in(nlp, "The Nasdaq rose 2% to a record close of 21,000.50."), "record")
    assert levelled.level == 21000.5


def test_the_highest_or_best_close_of_the_year(nlp) -> None:  # noqa: ANN001
    [high] = of_kind(claims_in(nlp, "The Russell 2000 reached its highest level of the year."), "record")
    assert (high.instrument.symbol, high.what) == ("^RUT", "highest_since")
    [best] = of_kind(claims_in(nlp, "The Dow logged its best finish so far this year."), "record")
    assert best.what == "highest_since"
    [worst] = of_kind(claims_in(nlp, "The Nasdaq settled at its worst close of the year on Tuesday."), "record")
    assert worst.what == "lowest_since"
    # controls: no instrument's level; the best performer is no close
    assert claims_in(nlp, "Consumer confidence rose to its highest level of the year.") == []
    assert of_kind(claims_in(nlp, "The Nasdaq's gains were the best of the year."), "record") == []


def test_runs_told_as_extended_skids_and_owned_streaks(nlp) -> None:  # noqa: ANN001
    [win] = of_kind(claims_in(nlp, "The Nasdaq extended its winning streak to six sessions."), "streak")
    assert (win.instrument.symbol, win.direction, win.length, win.unit) == ("^IXIC", "up", 6, "day")
    [rally] = of_kind(claims_in(nlp, "The S&P 500 firmed 0.6%, extending its rally to a fourth day, with losses in "
                                     "energy."), "streak")
    assert (rally.direction, rally.length) == ("up", 4)
    [slide] = of_kind(claims_in(nlp, "The Dow fell 1%, extending its slide to a third straight week."), "streak")
    assert (slide.direction, slide.length, slide.unit) == ("down", 3, "week")
    [skid] = of_kind(claims_in(nlp, "The Russell 2000 snapped a four-day skid."), "streak")
    assert (skid.direction, skid.length, skid.what) == ("down", 4, "ended_streak")
    [owned] = of_kind(claims_in(nlp, "The Dow's five-session winning streak ended on Tuesday."), "streak")
    assert (owned.instrument.symbol, owned.direction, owned.what) == ("^DJI", "up", "ended_streak")
    # controls: gains extended to a figure, and a streak owned by no instrument
    assert of_kind(claims_in(nlp, "The S&P 500 firmed 1%, extending its gains to 5% this month."), "streak") == []
    assert claims_in(nlp, "The team's five-game winning streak ended on Tuesday.") == []


def test_a_superlative_named_for_its_instrument_or_told_by_its_size(nlp) -> None:  # noqa: ANN001
    [named] = of_kind(claims_in(nlp, "It was the best day for the Nasdaq since March."), "comparison")
    assert (named.instrument.symbol, named.relation) == ("^IXIC", "best_since")
    [referred] = of_kind(claims_in(nlp, "The Dow added 2.1%, the largest one-day percentage gain for the blue-chip "
                                        "index since November."), "comparison")
    assert (referred.instrument.symbol, referred.relation) == ("^DJI", "best_since")
    [steep] = of_kind(claims_in(nlp, "The Nasdaq's 3% drop was the steepest since April."), "comparison")
    assert (steep.instrument.symbol, steep.relation, steep.direction) == ("^IXIC", "worst_since", "down")
    # controls: a superlative for something that trades in no market; a size with no move to give it a direction
    assert claims_in(nlp, "It was the best year for hiring since 2019.") == []
    assert of_kind(claims_in(nlp, "The Nasdaq's trading volume was the biggest since April."), "comparison") == []


def test_beating_or_lagging_the_market(nlp) -> None:  # noqa: ANN001
    [beat] = of_kind(claims_in(nlp, "Shares of Intel rose 2%, beating the market."), "comparison")
    assert (beat.instrument.symbol, beat.relation, [b.symbol for b in beat.benchmarks]) == \
        ("INTC", "outperformed", ["^GSPC"])
    [lag] = of_kind(claims_in(nlp, "Intel shares lagged the stock market on Tuesday, slipping 0.4%."), "comparison")
    assert lag.relation == "underperformed"
    # controls: the market's expectations are no benchmark
    assert of_kind(claims_in(nlp, "Intel rose 2%, beating the market's expectations."), "comparison") == []
    assert claims_in(nlp, "Intel beat the market consensus for earnings.") == []


def test_a_span_and_a_half_high_or_low(nlp) -> None:  # noqa: ANN001
    [low] = of_kind(claims_in(nlp, "The S&P 500 touched a six-and-a-half-year low."), "record")
    assert (low.instrument.symbol, low.what) == ("^GSPC", "lowest_since")
    [high] = of_kind(claims_in(nlp, "The Nasdaq closed at a three-and-a-half-month high."), "record")
    assert high.what == "highest_since"
    # control: a span and a half that is no high or low of an instrument
    assert claims_in(nlp, "Investors had waited six-and-a-half long years for a high like this.") == []
