"""Wrong period or day, after-hours moves and a record compound (issue 12), the classes of the development study
`corpora/audit/dev_stories_mix_seed2020`, through the real pipeline and real prices, on sentences we wrote. Each rule
has its control: the same words with a figure no reading gives stay `contradicted`.

Facts used (from ../shared/data at run time): the S&P 500 rose 7.08% on Monday 2009-03-23 and fell 2.04% on Tuesday
2009-03-24; the Dow fell 4.62% on 2009-02-10 and rose 0.64% on 2009-02-11; over the 12 months to 2007-06-15 the S&P
500 gained 22.03% (one session's move that day: +0.65%), and over the 12 months to 2009-02-18 it lost 41.60%; Cisco
(adjusted closes) gained 5.6% in the five sessions to 2007-05-08 and 1.6% in the calendar week; Amazon (adjusted
closes) rose 2.73% on 2007-02-01.
"""

from __future__ import annotations

from datetime import datetime

from analyzer.records import Article, CheckedClaim


def move(engine, text: str, published: str, symbol: str) -> CheckedClaim:  # type: ignore[no-untyped-def]
    """The move claim with a figure on ``symbol``."""
    article = Article(id=f"written-{abs(hash((text, published)))}", text=text,
                      published=datetime.fromisoformat(published))
    found = [c for c in engine.analyze([article]) if c.claim.instrument and c.claim.instrument.symbol == symbol
             and c.claim.kind in ("index_move", "stock_move") and c.claim.change_pct is not None]
    assert found, f"no move with a figure on {symbol} in {text!r}"
    return found[0]


def both(engine, text: str, published: str, symbol: str, right: str,  # type: ignore[no-untyped-def]
         wrong: str) -> tuple[CheckedClaim, CheckedClaim]:
    return move(engine, text.format(right), published, symbol), move(engine, text.format(wrong), published, symbol)


# ---- a move told as a named day's event: 'after Monday's rally, which lifted the index 7 percent' ------------------


def test_a_move_told_as_the_named_days_event_is_that_days(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("In Tuesday's session shares gave back some ground after Monday's rally, which lifted the benchmark "
            "S&P 500 index by {} percent.")
    right, wrong = both(engine, text, "2009-03-24T17:50:00-04:00", "^GSPC", "7.1", "4.1")
    assert right.verdict.verdict != "contradicted", right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


# ---- a close told while the next session trades -----------------------------------------------------------------


def test_a_close_told_during_the_next_session_is_the_last_close(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("The Dow Jones industrial average ended down {} percent, with lenders leading the slide, as investors "
            "doubted the rescue would work.")
    right, wrong = both(engine, text, "2009-02-11T11:40:00-05:00", "^DJI", "4.6", "2.6")
    assert right.verdict.verdict == "supported", right.verdict.explanation
    assert "2009-02-10" in right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


# ---- a figure set beside others of the period the sentence before names -----------------------------------------


def test_a_contrast_runs_over_the_period_of_the_sentence_before(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("Drug makers have lagged, their shares up about 9 percent over the past year. By contrast, the S&P 500 "
            "rose about {} percent.")
    right, wrong = both(engine, text, "2007-06-16T11:00:00-04:00", "^GSPC", "22", "32")
    assert right.verdict.verdict == "supported", right.verdict.explanation
    assert "past year" in right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_a_comparison_with_figures_to_the_last_close(engine) -> None:  # type: ignore[no-untyped-def]
    # a long span's figures prepared to the close before the piece
    text = ("The lender's stock has been punished over the past year. Its 70 percent plunge is far deeper than the {} "
            "percent decline of the S&P 500.")
    right, wrong = both(engine, text, "2009-02-19T16:20:00-05:00", "^GSPC", "41.6", "21.6")
    assert right.verdict.verdict == "supported", right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_no_comparison_takes_no_period_from_the_sentence_before(engine) -> None:  # type: ignore[no-untyped-def]
    # a plain day move after a sentence about the past year: nothing set beside it, the day stands
    text = "Drug makers have gained about 9 percent over the past year. The S&P 500 rose about {} percent."
    wrong = move(engine, text.format("22"), "2007-06-15T17:00:00-04:00", "^GSPC")
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


# ---- 'over the week through Tuesday': the five sessions to the day ---------------------------------------------


def test_the_week_to_a_named_day_is_the_five_sessions_to_it(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Cisco Systems stock had added roughly {} percent over the week through Tuesday."
    right, wrong = both(engine, text, "2007-05-08T20:50:00-04:00", "CSCO", "5.6", "9.6")
    assert right.verdict.verdict == "supported", right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


# ---- after-hours: 'its shares rose 6 percent as it beat expectations', stamped after the bell -------------------


def test_a_move_on_results_beaten_after_the_bell_is_not_accused(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("Amazon.com Inc's quarterly profit fell by half, but its shares rose {} percent in extended trading as "
            "it beat forecasts.")
    right = move(engine, text.format("6"), "2007-02-01T16:35:00-05:00", "AMZN")
    assert right.verdict.verdict != "contradicted", right.verdict.explanation


def test_the_same_move_told_as_the_close_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Amazon.com Inc's shares closed up {} percent on Thursday as it beat forecasts."
    wrong = move(engine, text.format("6"), "2007-02-01T16:35:00-05:00", "AMZN")
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


# ---- 'new high-end chips': a compound adjective is no record --------------------------------------------------------


def test_a_high_end_compound_is_no_record(engine) -> None:  # type: ignore[no-untyped-def]
    text = "The chipmaker said new high-end processors lifted the prices it gets for its chips."
    article = Article(id="written-high-end", text=text, published=datetime.fromisoformat("2007-01-16T17:30:00-05:00"))
    assert not [c for c in engine.analyze([article]) if c.claim.kind == "record"]


def test_a_new_high_is_still_a_record(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Shares of the chipmaker Intel Corp hit a new high on Tuesday."
    article = Article(id="written-new-high", text=text, published=datetime.fromisoformat("2007-01-16T17:30:00-05:00"))
    assert [c for c in engine.analyze([article]) if c.claim.kind == "record"]
