"""Runs told without 'straight' and records of the main indexes named together (issue 13, session 10), on
sentences we wrote, through the real spaCy pipeline. Each test holds one class of writing and a control."""

from __future__ import annotations

from tests.written import checked
from tests.written import move_claims_in as claims_in


def runs(nlp, text: str) -> list[tuple[str | None, str | None, int | None, str | None, str | None]]:  # noqa: ANN001
    return [(c.instrument.symbol if c.instrument else None, c.direction, c.length, c.unit, c.what)
            for c in claims_in(nlp, text) if c.kind == "streak"]


def test_the_first_move_in_a_span_ends_a_run_the_other_way(nlp) -> None:  # noqa: ANN001
    # four sessions with this one: three the other way before it
    assert runs(nlp, "The S&P 500 index edged higher for the first time in four sessions.") == \
        [("^GSPC", "down", 3, "day", "ended_streak")]
    assert runs(nlp, "The Nasdaq fell for the first time in six days.") == [("^IXIC", "up", 5, "day", "ended_streak")]
    assert runs(nlp, "The Dow posted its first gain in five sessions.") == [("^DJI", "down", 4, "day", "ended_streak")]
    assert runs(nlp, "The S&P 500 firmed 1.1% on Tuesday, its first advance in four sessions.") == \
        [("^GSPC", "down", 3, "day", "ended_streak")]
    assert runs(nlp, "Apple shares posted their first weekly loss in three weeks.") == \
        [("AAPL", "up", 2, "week", "ended_streak")]


def test_first_time_in_a_span_controls(nlp) -> None:  # noqa: ANN001
    # a level crossed, not a run ended; a span of months or years; no move; no instrument
    assert runs(nlp, "The Dow closed above the 45,000 line for the first time in five weeks on Friday.") == []
    assert runs(nlp, "The Nasdaq edged up for the first time in three months on Friday.") == []
    assert runs(nlp, "The Dow traded for the first time in four sessions without a circuit breaker.") == []
    assert runs(nlp, "Retail sales edged up for the first time in four months.") == []


def test_back_to_back_moves_and_a_run_told_in_a_row(nlp) -> None:  # noqa: ANN001
    assert runs(nlp, "The Dow posted back-to-back gains for the first time since July.") == \
        [("^DJI", "up", 2, "day", None)]
    assert runs(nlp, "The Nasdaq suffered back-to-back weekly losses.") == [("^IXIC", "down", 2, "week", None)]
    assert runs(nlp, "The S&P 500 firmed 0.5%, its seventh gain in a row.") == [("^GSPC", "up", 7, "day", None)]
    assert runs(nlp, "The Dow fell 1.2%, its fourth weekly decline in a row.") == [("^DJI", "down", 4, "week", None)]


def test_back_to_back_controls(nlp) -> None:  # noqa: ANN001
    # business figures, not price moves
    assert runs(nlp, "Apple posted back-to-back quarterly gains in revenue.") == []
    assert claims_in(nlp, "The company reported its seventh gain in a row in same-store sales.") == []


def test_a_record_set_again_for_an_ordinal_day(nlp) -> None:  # noqa: ANN001
    found = [c for c in claims_in(nlp, "The Nasdaq notched a record close for a second day.") if c.kind == "record"]
    assert [(c.instrument.symbol, c.what) for c in found] == [("^IXIC", "record_close_high")]
    # control: a record phrase measured over a span is no record
    assert [c for c in claims_in(nlp, "The Nasdaq posted a record high in two weeks of trading.")
            if c.kind == "record"] == []


def test_the_main_indexes_named_together(nlp) -> None:  # noqa: ANN001
    text = ("On Monday, a slide in the dollar hurt demand, causing the three big Wall Street averages to register "
            "their worst day in months.")
    worst = [c for c in claims_in(nlp, text) if c.kind == "comparison"]
    assert sorted(c.instrument.symbol for c in worst) == ["^DJI", "^GSPC", "^IXIC"]
    assert {(c.relation, c.direction, c.session) for c in worst} == {("worst_since", "down", "2025-08-25")}
    assert sorted(runs(nlp, "The three big Wall Street indexes rose for a third straight session.")) == \
        [(symbol, "up", 3, "day", None) for symbol in ("^DJI", "^GSPC", "^IXIC")]


def test_the_main_indexes_controls(nlp) -> None:  # noqa: ANN001
    # other countries' indexes; a group that is not the record's subject
    assert claims_in(nlp, "Major European indexes posted their worst day in months.") == []
    found = claims_in(nlp, "The Dow closed at a record high while the three big U.S. indexes rose.")
    assert [(c.kind, c.instrument.symbol) for c in found if c.kind == "record"] == [("record", "^DJI")]


def comparisons(nlp, text: str) -> list[tuple[str | None, str | None, list[str | None]]]:  # noqa: ANN001
    return [(c.instrument.symbol if c.instrument else None, c.relation, [b.symbol for b in c.benchmarks])
            for c in claims_in(nlp, text) if c.kind == "comparison"]


def test_outpacing_a_fall_is_falling_faster(nlp) -> None:  # noqa: ANN001
    assert comparisons(nlp, "The Nasdaq fell 2%, outpacing the Dow's 1% decline.") == \
        [("^IXIC", "underperformed", ["^DJI"])]
    assert comparisons(nlp, "The Nasdaq's decline outpaced the S&P 500's.") == [("^IXIC", "underperformed", ["^GSPC"])]
    assert comparisons(nlp, "Apple shares fell 5%, outpacing the broader market's decline.") == \
        [("AAPL", "underperformed", ["^GSPC"])]
    # controls: outpacing a rise; beating (a verb of performance, not of speed) while falling
    assert comparisons(nlp, "The Nasdaq rose 1.2%, outpacing the S&P 500.") == [("^IXIC", "outperformed", ["^GSPC"])]
    assert comparisons(nlp, "The Nasdaq's gain outstripped the Dow's.") == [("^IXIC", "outperformed", ["^DJI"])]
    assert comparisons(nlp, "The Nasdaq fell 0.2%, beating the Dow, which fell 1%.") == \
        [("^IXIC", "outperformed", ["^DJI"])]


def test_fared_better_or_worse_than(nlp) -> None:  # noqa: ANN001
    assert comparisons(nlp, "The Nasdaq fared better than the Dow.") == [("^IXIC", "outperformed", ["^DJI"])]
    assert comparisons(nlp, "Falling 2%, the Nasdaq fared worse than the S&P 500.") == \
        [("^IXIC", "underperformed", ["^GSPC"])]
    # controls: better than expected or feared is no instrument's comparison
    assert claims_in(nlp, "The economy fared better than expected.") == []
    assert comparisons(nlp, "Apple fared better than analysts had feared.") == []


def test_a_streak_of_losses_and_a_first_close_beyond_the_level(nlp) -> None:  # noqa: ANN001
    assert runs(nlp, "On Tuesday, the Dow index snapped its three-day streak of losses.") == \
        [("^DJI", "down", 3, "day", "ended_streak")]
    assert runs(nlp, "The Nasdaq, on a five-day streak of gains, rose again.") == [("^IXIC", "up", 5, "day", None)]
    [first] = [c for c in claims_in(nlp, "The CBOE Volatility Index ended above the 30 mark for the first "
                                         "time since the middle of June.") if c.kind == "record"]
    assert (first.instrument.symbol, first.what, first.level) == ("^VIX", "first_close_above", 30.0)
    # controls: a streak of something else; a level the index stays above
    assert runs(nlp, "Apple extended its streak of dividend increases to a 12th year.") == []
    assert [c for c in claims_in(nlp, "The VIX stayed above the 30 level for a week.") if c.kind == "record"] == []


def test_the_broad_market_holds_the_s_and_p_500s_record_or_run(nlp) -> None:  # noqa: ANN001
    assert runs(nlp, "The broader U.S. market also gained for a second session.") == \
        [("^GSPC", "up", 2, "day", None)]
    text = ("The Dow closed above 13,000 Thursday for the first time ever while the broader stock market touched its "
            "highest level in over six years that day.")
    assert sorted((c.instrument.symbol, c.what) for c in claims_in(nlp, text) if c.kind == "record") == \
        [("^DJI", "first_close_above"), ("^GSPC", "highest_since")]
    # controls: the stock market (not said to be the broad one), another market, a story of no U.S. index
    assert claims_in(nlp, "The stock market hit a record high.") == []
    assert claims_in(nlp, "The broader bond market rallied for a third straight session.") == []
    assert claims_in(nlp, "European shares rose, and the broader market posted its best day since April.") == []


def test_an_ordinal_up_day_or_day_of_gains(nlp) -> None:  # noqa: ANN001
    assert runs(nlp, "The S&P 500 gave back 0.5%, its third day of losses.") == [("^GSPC", "down", 3, "day", None)]
    assert runs(nlp, "The Nasdaq firmed 0.3% to 2,458.69 on Friday, its fifth up day.") == \
        [("^IXIC", "up", 5, "day", None)]
    # controls: up days counted in a span; a day of something else
    assert runs(nlp, "The Nasdaq posted its fifth up day in six sessions.") == []
    assert runs(nlp, "The Dow closed higher on its third day of trading at the new exchange.") == []


def test_a_run_ended_is_checked_on_real_closes(nlp, market) -> None:  # noqa: ANN001
    # the S&P 500 fell on Oct 21, 22 and 23, 2024 and rose on Thursday Oct 24
    text = "On Thursday the S&P 500 index edged higher for the first time in four sessions."
    [row] = [r for r in checked(nlp, market, text, "2024-10-24T20:00:00-04:00") if r.claim.kind == "streak"]
    assert (row.claim.length, row.claim.direction, row.verdict.verdict) == (3, "down", "supported")
    # the same words with a span one too short: the run before was three sessions, not two
    text = "On Thursday the S&P 500 index edged higher for the first time in three sessions."
    [row] = [r for r in checked(nlp, market, text, "2024-10-24T20:00:00-04:00") if r.claim.kind == "streak"]
    assert row.verdict.verdict == "contradicted"


def test_a_superlative_for_the_whole_market_is_no_indexs(nlp) -> None:  # noqa: ANN001
    text = ("The S&P 500 has gained 21.1 percent this year, far better than the 38.5 percent plunge of last year, "
            "which made it the worst year for stocks since the 1930s.")
    assert [c for c in claims_in(nlp, text) if c.kind == "comparison"] == []
    # control: the 'for' phrase names the index
    found = claims_in(nlp, "It was the best day for the Nasdaq since March.")
    assert [(c.instrument.symbol, c.relation) for c in found if c.kind == "comparison"] == [("^IXIC", "best_since")]


def test_both_of_the_indexes_named_before(nlp) -> None:  # noqa: ANN001
    text = ("Over the week the Dow lost 0.7 percent while the S&P 500 lost a smaller 0.4 percent, which caused both "
            "to snap a six-week winning streak.")
    assert sorted(runs(nlp, text)) == [("^DJI", "up", 6, "week", "ended_streak"), ("^GSPC", "up", 6, "week",
                                                                                   "ended_streak")]
    text = "On Monday the S&P 500 and Nasdaq added 1%. Both indexes finished the quarter at record closing highs."
    assert sorted(c.instrument.symbol for c in claims_in(nlp, text) if c.kind == "record") == ["^GSPC", "^IXIC"]
    # controls: 'both' of something else; one index named before
    assert claims_in(nlp, "Both parties said the talks would resume.") == []
    found = claims_in(nlp, "The Nasdaq rose 1%. Both exchanges reported record volumes.")
    assert [c for c in found if c.kind == "record"] == []


def test_blue_chips_are_the_dow(nlp) -> None:  # noqa: ANN001
    assert runs(nlp, "Blue chips fell for a fourth consecutive session, with the Dow closing down 306 points.") == \
        [("^DJI", "down", 4, "day", None)]
    found = claims_in(nlp, "Blue-chip stocks posted their best week since March, while the Nasdaq lagged.")
    assert [(c.instrument.symbol, c.relation) for c in found if c.relation == "best_since"] == [("^DJI", "best_since")]
    # controls: another country's blue chips; a story with no U.S. index or word; stocks in general
    assert claims_in(nlp, "European blue chips fell for a third straight session.") == []
    assert claims_in(nlp, "Blue chips fell for a third straight session.") == []
    assert [c for c in claims_in(nlp, "Stocks posted their worst day since April, and the Dow fell 2%.")
            if c.kind == "comparison"] == []


def test_blue_chips_after_a_dateline(nlp) -> None:  # noqa: ANN001
    text = ("NEW YORK (Reuters) - American blue-chip shares slid for a fifth day on Thursday, the longest losing run "
            "for the Dow in over a year.")
    assert ("^DJI", "down", 5, "day", None) in runs(nlp, text)


def test_a_superlative_for_two_named_indexes_is_each_ones(nlp) -> None:  # noqa: ANN001
    text = "Monday marked the worst percentage drop for the blue-chip Dow and S&P 500 since August 9."
    found = [c for c in claims_in(nlp, text) if c.kind == "comparison"]
    assert sorted((c.instrument.symbol, c.relation) for c in found) == [("^DJI", "worst_since"),
                                                                        ("^GSPC", "worst_since")]
    # control: one index and something that is no instrument
    found = claims_in(nlp, "It was the worst day for the Nasdaq and bonds since March.")
    assert [c.instrument.symbol for c in found if c.kind == "comparison"] == ["^IXIC"]
