"""Records, streaks and superlatives in wordings of 2006-2009 close wraps the rules missed (issue 13, session 13), on
sentences we wrote, through the real spaCy pipeline. Each test holds one class of writing and a control."""

from __future__ import annotations

from tests.written import checked, of_kind
from tests.written import move_claims_in as claims_in


def test_a_companys_shares_hold_their_superlative(nlp) -> None:  # noqa: ANN001
    [best] = of_kind(claims_in(nlp, "Acme said orders rose. Nike shares marked their biggest advance since March."),
                     "comparison")
    assert (best.instrument.symbol, best.relation, best.direction) == ("NKE", "best_since", "up")
    [worst] = of_kind(claims_in(nlp, "Oracle shares logged their sharpest daily percentage drop in over two months, "
                                     "sliding 6.6 percent and ending the session at $17.50."), "comparison")
    assert (worst.instrument.symbol, worst.relation) == ("ORCL", "worst_since")
    # control: shares at large, with a company named in another clause, hold no company's superlative
    assert of_kind(claims_in(nlp, "Nike fell 2% as shares posted their worst day since March."), "comparison") == []


def test_a_first_close_beyond_a_level_told_with_ending(nlp, market) -> None:  # noqa: ANN001
    [record] = of_kind(claims_in(nlp, "Stocks slid on Tuesday with the S&P 500 ending below the 6,000 line for the "
                                      "first time since April."), "record")
    assert (record.instrument.symbol, record.what, record.level) == ("^GSPC", "first_close_below", 6000.0)
    [spanned] = of_kind(claims_in(nlp, "The Nasdaq closed above 21,000 for the first time in over a week."), "record")
    assert (spanned.what, spanned.time_text) == ("first_close_above", "in over a week")
    # on real closes: the Dow's first close under 7,000 in more than 11 years (2 March 2009)
    rows = checked(nlp, market, "The Dow closed below the 7,000 line for the first time in over 11 years.",
                   "2009-03-02T17:00:00")
    assert [(r.claim.what, r.verdict.verdict) for r in rows if r.claim.kind == "record"] == \
        [("first_close_below", "supported")]
    # control: a business figure ending above a level is no index's record
    assert claims_in(nlp, "Mortgage rates ending above 7 percent for the first time since May hurt builders.") == []


def test_intraday_records_told_by_session_or_at(nlp) -> None:  # noqa: ANN001
    [hit] = of_kind(claims_in(nlp, "The Dow hit an intraday record at 45,683.93 just after the opening bell."),
                    "record")
    assert (hit.what, hit.period, hit.level) == ("record_intraday_high", "intraday", 45683.93)
    [session] = of_kind(claims_in(nlp, "The blue-chip Dow reached an all-time session high of 45,838.46 as well."),
                        "record")
    assert (session.what, session.period) == ("record_intraday_high", "intraday")
    [price] = of_kind(claims_in(nlp, "Nvidia stock jumped 3% and hit a record $186.50 during the session."), "record")
    assert (price.what, price.period, price.level) == ("record_intraday_high", "intraday", 186.5)
    # control: a record close stays a close
    [close] = of_kind(claims_in(nlp, "The Dow closed at a record 45,418.07 on Tuesday."), "record")
    assert (close.what, close.period) == ("record_close_high", "day")


def test_superlatives_with_joined_units_or_a_basis(nlp) -> None:  # noqa: ANN001
    [both] = of_kind(claims_in(nlp, "The Dow fell 4%, its largest point and percentage drop since April."),
                     "comparison")
    assert (both.instrument.symbol, both.relation) == ("^DJI", "worst_since")
    [basis] = of_kind(claims_in(nlp, "The Nasdaq rose 2%, its best day on a percentage basis since May."),
                      "comparison")
    assert (basis.instrument.symbol, basis.relation) == ("^IXIC", "best_since")
    # control: "best and worst" says no one direction
    assert of_kind(claims_in(nlp, "The Dow fell 4%, its best and worst days since April."), "comparison") == []


def test_a_move_noun_for_an_index_holds_the_superlative(nlp) -> None:  # noqa: ANN001
    [worst] = of_kind(claims_in(nlp, "Tuesday's decline for the Dow was the largest drop for the index since "
                                     "April."), "comparison")
    assert (worst.instrument.symbol, worst.relation, worst.direction) == ("^DJI", "worst_since", "down")
    [steep] = of_kind(claims_in(nlp, "Tuesday's drop in the Nasdaq was its steepest since April."), "comparison")
    assert (steep.instrument.symbol, steep.relation) == ("^IXIC", "worst_since")
    # control: a business figure's move noun holds nothing
    assert of_kind(claims_in(nlp, "The decline in retail sales was the steepest since April, while the Nasdaq fell "
                                  "2%."), "comparison") == []


def test_a_run_without_a_direction_is_no_streak(nlp) -> None:  # noqa: ANN001
    # a record set again, or a company leading an index: no run of the company's gains or losses
    assert of_kind(claims_in(nlp, "Exxon shares had earlier set a record high of $120.86 for the second straight day."),
                   "streak") == []
    assert of_kind(claims_in(nlp, "Boeing led the 30 Dow industrials higher for a second straight session."),
                   "streak") == []
    # controls: a run with its direction, and a run of closes above a level
    [up] = of_kind(claims_in(nlp, "The Dow rose for a second straight day."), "streak")
    assert (up.direction, up.length) == ("up", 2)
    [level] = of_kind(claims_in(nlp, "The Dow closed above 45,000 for a second straight day."), "streak")
    assert level.length == 2


def test_a_superlative_for_the_three_main_indexes_is_each_ones(nlp) -> None:  # noqa: ANN001
    text = ("The S&P 500, the Nasdaq and the Dow all climbed in August. That was the largest monthly percentage rise "
            "for the three indexes since November.")
    best = of_kind(claims_in(nlp, text), "comparison")
    assert sorted(c.instrument.symbol for c in best) == ["^DJI", "^GSPC", "^IXIC"]
    assert {(c.relation, c.unit) for c in best} == {("best_since", "month")}
    # control: another group's superlative is no main index's
    other = "The Nasdaq and the Dow rose. That was the best month for the three bank indexes since November."
    assert of_kind(claims_in(nlp, other), "comparison") == []


def test_wall_streets_superlative_is_not_the_company_named_before(nlp) -> None:  # noqa: ANN001
    text = "Comments by Citigroup's chief executive sparked Wall Street's biggest rally in almost four months."
    assert of_kind(claims_in(nlp, text), "comparison") == []
    # control: a company's own possessive superlative stays its own
    own = of_kind(claims_in(nlp, "Citigroup shares jumped 8%, Citigroup's biggest rally in almost four months."),
                  "comparison")
    assert [c.instrument.symbol for c in own] == ["C"]


def test_a_volatility_index_named_in_full_holds_its_record(nlp) -> None:  # noqa: ANN001
    text = "The Cboe Volatility Index, often called the market's fear gauge, climbed to its highest level in a week."
    [record] = of_kind(claims_in(nlp, text), "record")
    assert (record.instrument.symbol, record.what) == ("^VIX", "highest_since")
    # control: volatility as a business figure
    assert claims_in(nlp, "Sales volatility rose to its highest in a week.") == []


def test_a_move_noun_in_the_nasdaq_is_the_index_not_the_venue(nlp) -> None:  # noqa: ANN001
    found = claims_in(nlp, "Apple shares rose 2%, outpacing a 1% gain in the Nasdaq.")
    [beat] = of_kind(found, "comparison")
    assert (beat.instrument.symbol, beat.relation, [b.symbol for b in beat.benchmarks]) == \
        ("AAPL", "outperformed", ["^IXIC"])
    # control: the exchange a stock trades on is no index move
    assert [c.instrument.symbol for c in claims_in(nlp, "Shares of Apple rose 2% on the Nasdaq.")] == ["AAPL"]


def test_a_span_counted_from_a_named_event_or_an_abbreviated_date(nlp, market) -> None:  # noqa: ANN001
    text = "The Dow fell 7.87 percent, or 733.08 points, its biggest percentage drop since the 1987 crash."
    rows = checked(nlp, market, text, "2008-10-15T17:00:00")
    [worst] = [r for r in rows if r.claim.kind == "comparison"]
    assert (worst.claim.period_start, worst.verdict.verdict) == ("1987-10-19", "supported")
    [attacks] = of_kind(claims_in(nlp, "The S&P 500 suffered its worst week since the Sept. 11 attacks."),
                        "comparison")
    assert attacks.period_start == "2001-09-11"
    [dated] = of_kind(claims_in(nlp, "The S&P 500 fell 5%, its worst day since Oct. 19, 1987, as banks slid."),
                      "comparison")
    assert dated.period_start == "1987-10-19"
    # control: an abbreviated month without a year is the last such month
    [recent] = of_kind(claims_in(nlp, "The S&P 500 fell 2%, its worst day since Aug. 1."), "comparison")
    assert recent.period_start == "2025-08-01"
