"""Comparisons (best/worst since, outperformed/underperformed) and the records beside them, in wordings found on a
fresh file of 2006/2007/2009 Reuters articles scored before any change (corpora/train/cmp19.jsonl, issue 13, session
19), on sentences we wrote, through the real spaCy pipeline and, where a verdict is at stake, real closes. Each test
holds one class of writing and a control; none adds a way to accuse (the readings added either support or leave a
claim unverifiable)."""

from __future__ import annotations

from tests.written import checked, of_kind
from tests.written import move_claims_in as claims_in


def _comparisons(nlp, market, text: str, published: str) -> list[tuple[str, str, str]]:  # noqa: ANN001
    return [(r.claim.instrument.symbol, r.claim.relation, r.verdict.verdict) for r in
            checked(nlp, market, text, published) if r.claim.kind == "comparison"]


def test_a_group_superlative_told_in_the_plural(nlp, market) -> None:  # noqa: ANN001
    # on Thursday 7 June 2007 the Dow (-1.48%), the S&P 500 (-1.76%) and the Nasdaq (-1.77%) had their worst day
    # since 13 March 2007
    found = _comparisons(nlp, market, "The Nasdaq, the Dow and the S&P 500 all lost over 1 percent on the day. The "
                                      "three main indexes had their steepest one-day percentage drops since March 13.",
                         "2007-06-07T18:00:00")
    assert found == [("^DJI", "worst_since", "supported"), ("^GSPC", "worst_since", "supported"),
                     ("^IXIC", "worst_since", "supported")]
    # control: a group of other markets holds no U.S. index's superlative
    assert of_kind(claims_in(nlp, "The three major European indexes suffered their biggest one-day losses since "
                                  "March."), "comparison") == []


def test_a_superlative_over_counted_days_is_measured_over_those_sessions(nlp, market) -> None:  # noqa: ANN001
    # the S&P 500 gained 6.1% in the three sessions to 15 July 2009, the most since the three sessions to 12 March
    rows = [r for r in checked(nlp, market, "The S&P 500 climbed 3 percent on Wednesday, giving the index its three "
                                            "best days since March.", "2009-07-15T18:00:00")
            if r.claim.kind == "comparison"]
    assert [(r.claim.relation, r.verdict.verdict) for r in rows] == [("best_since", "supported")]
    assert "3-session" in rows[0].verdict.explanation
    # a run told with its length: the Nasdaq's four sessions to 4 September 2007 (+5.2%)
    found = _comparisons(nlp, market, "Up 5 percent across four sessions, the Nasdaq posted its strongest four-day "
                                      "run since October 2003.", "2007-09-04T18:00:00")
    assert [(s, r) for s, r, _ in found] == [("^IXIC", "best_since")]
    # control: a run without its length may be any span, so no superlative is read
    assert of_kind(claims_in(nlp, "Up 5 percent across four sessions, the Nasdaq posted its strongest run since "
                                  "October 2003."), "comparison") == []


def test_the_worst_single_session_since(nlp, market) -> None:  # noqa: ANN001
    # the S&P 500 fell 2.33% on 26 July 2007, its worst day since 27 February
    assert _comparisons(nlp, market, "The S&P 500 lost $300 billion in market value in its worst single session "
                                     "since the February 27 sell-off.", "2007-07-26T18:00:00") == \
        [("^GSPC", "worst_since", "supported")]


def test_a_since_clause_without_a_time_names_no_window(nlp, market) -> None:  # noqa: ANN001
    # "since the ... indexes started to rebound from 12-year lows": the '12-year' is the lows', not the span
    found = _comparisons(nlp, market, "The S&P 500 rose 3 percent, its biggest three-day gain since the major U.S. "
                                      "indexes started to recover off their 12-year lows of early March.",
                         "2009-07-15T18:00:00")
    assert [v for _, _, v in found] == ["unverifiable"]
    # control: a since that names its month is read and holds (the last better three sessions ended 12 March 2009)
    found = _comparisons(nlp, market, "The S&P 500 rose 3 percent, its biggest three-day gain since early March.",
                         "2009-07-15T18:00:00")
    assert [v for _, _, v in found] == ["supported"]


def test_a_change_since_a_persons_taking_office_is_no_day(nlp) -> None:  # noqa: ANN001
    [move] = of_kind(claims_in(nlp, "The broad S&P 500 index has climbed 3.1 percent since her inauguration."),
                     "index_move")
    assert move.period == "other"
    [move] = of_kind(claims_in(nlp, "The Nasdaq has gained 4 percent since the president took office."), "index_move")
    assert move.period == "other"
    # control: the same figure said of the year stays the year's
    [move] = of_kind(claims_in(nlp, "The S&P 500 index has climbed 3.1 percent this year."), "index_move")
    assert move.period == "ytd"


def test_an_index_the_registry_does_not_know_is_a_benchmark_by_name(nlp, market) -> None:  # noqa: ANN001
    text = "Citigroup Inc ( C.N ) shares have fallen 20 percent this year, underperforming the Philadelphia Housing " \
           "Sector index."
    [row] = [r for r in checked(nlp, market, text, "2009-07-15T18:00:00") if r.claim.kind == "comparison"]
    assert (row.claim.instrument.symbol, row.claim.relation) == ("C", "underperformed")
    assert [(b.name, b.symbol) for b in row.claim.benchmarks] == [("Philadelphia Housing Sector index", None)]
    assert row.verdict.verdict == "unverifiable"
    # controls: an index without a name is no benchmark; a known one keeps its symbol
    assert of_kind(claims_in(nlp, "Citigroup Inc ( C.N ) shares have fallen 20 percent this year, underperforming "
                                  "the broader index."), "comparison") == []
    [known] = of_kind(claims_in(nlp, "The Nasdaq rose 2 percent, outpacing the Dow."), "comparison")
    assert [b.symbol for b in known.benchmarks] == ["^DJI"]


def test_a_comparison_over_a_span_of_its_own_is_not_the_days(nlp, market) -> None:  # noqa: ANN001
    found = _comparisons(nlp, market, "Shares of Microsoft Corp ( MSFT.O ) have lagged the S&P 500 over the past "
                                      "five years.", "2009-07-15T18:00:00")
    assert found == [("MSFT", "underperformed", "unverifiable")]
    # control: the day's comparison is still checked (15 July 2009: Nasdaq +3.51%, Dow +3.07%)
    assert _comparisons(nlp, market, "The Nasdaq rose 3.5 percent, outpacing the Dow.", "2009-07-15T18:00:00") == \
        [("^IXIC", "outperformed", "supported")]


def test_a_comparison_verb_joined_to_a_phrase_has_no_subject_in_it(nlp) -> None:  # noqa: ANN001
    found = of_kind(claims_in(nlp, "Apple Inc ( AAPL.O ) is up 50 percent this year, far ahead of the Nasdaq and "
                                   "outpacing rival Dell."), "comparison")
    assert "^IXIC" not in [c.instrument.symbol for c in found]
    # control: a verb joined to the clause's own verb keeps its subject
    [beat] = of_kind(claims_in(nlp, "The Nasdaq rose 2 percent and outpaced the Dow."), "comparison")
    assert (beat.instrument.symbol, [b.symbol for b in beat.benchmarks]) == ("^IXIC", ["^DJI"])


def test_a_midcap_index_is_not_the_sp500(nlp) -> None:  # noqa: ANN001
    found = of_kind(claims_in(nlp, "The S&P 500 gained 13 percent in the year, while the S&P MidCap added almost 9 "
                                   "percent."), "index_move")
    assert [(c.instrument.symbol, c.change_pct) for c in found] == [("^GSPC", 13.0)]


def test_records_set_over_a_year_are_no_record_of_the_session(nlp) -> None:  # noqa: ANN001
    assert of_kind(claims_in(nlp, "The Dow, which reached all-time highs this year, gained 16 percent in 2006."),
                   "record") == []
    assert of_kind(claims_in(nlp, "Blue chips set record highs in 2006, while small caps gained more."),
                   "record") == []
    # control: a record close of the session
    [record] = of_kind(claims_in(nlp, "The Dow rose 1 percent to a record high on Friday."), "record")
    assert record.instrument.symbol == "^DJI"


def test_a_superlative_of_a_named_month_is_a_months(nlp, market) -> None:  # noqa: ANN001
    rows = [r for r in checked(nlp, market, "The Nasdaq added 5 percent during October, making it the index's "
                                            "best October since 2003.", "2006-10-31T18:00:00")
            if r.claim.kind == "comparison"]
    assert [(r.claim.instrument.symbol, r.claim.unit, r.verdict.verdict) for r in rows] == \
        [("^IXIC", "month", "unverifiable")]
    # control: a day's superlative stays the day's
    [day] = of_kind(claims_in(nlp, "The Nasdaq added 1 percent on Tuesday, its best day since October 2003."),
                    "comparison")
    assert day.unit == "day"
