"""Readings a careful reader tries before calling a move wrong (issue 12): sentences we wrote, through the real
pipeline and real prices. Each class has its control: the same words with a figure that no reading gives stay
`contradicted`.

Facts used (from ../shared/data at run time): Exxon Mobil fell 0.96% on Thursday 2007-03-01 (adjusted closes) and
4.73% on Tuesday 2007-02-27. The Nasdaq Composite closed at 2,404.21 on 2007-03-01 (previous close 2,416.15, range
2,359.44-2,419.15). The S&P 500 closed at 1,387.17 on 2007-03-02 (previous 1,403.17, range 1,386.87-1,403.40) and
on 2007-02-27 traded 1,389.42-1,449.25 below its previous close of 1,449.37; it lost 4.41% in the week to
2007-03-02. The Dow lost 145.99 points (1.16%) on 2008-05-23 and 205.99 points on 2008-06-11, and 5.32% in November
2008 (9,325.01 -> 8,829.04). The S&P 500's intraday low of 741.02 on 2008-11-21 is 17.9% below its close of 873.59
on 2008-12-11 and 18.7% below 879.73 on 2008-12-12. The Nasdaq closed at 2,091.88 on 2008-09-30 (previous close
1,983.73, range 2,015.93-2,094.31) and at 2,292.98 on 2008-06-30. Oracle rose 2.07% on 2007-03-01; the data has no
intraday range for it.
"""

from __future__ import annotations

from datetime import datetime

from analyzer.records import Article, CheckedClaim

THURSDAY_EVENING = "2007-03-01T17:05:00-05:00"


def moves(engine, text: str, published: str, symbol: str) -> list[CheckedClaim]:  # type: ignore[no-untyped-def]
    article = Article(id=f"written-{abs(hash((text, published)))}", text=text,
                      published=datetime.fromisoformat(published))
    found = [c for c in engine.analyze([article]) if c.claim.instrument and c.claim.instrument.symbol == symbol
             and c.claim.kind in ("index_move", "stock_move")]
    assert found, f"no move claim on {symbol} in {text!r}"
    return found


def with_figure(engine, text: str, published: str, symbol: str) -> CheckedClaim:  # type: ignore[no-untyped-def]
    found = [c for c in moves(engine, text, published, symbol)
             if c.claim.change_pct is not None or c.claim.change_points is not None]
    assert found, f"no move with a figure on {symbol} in {text!r}"
    return found[0]


# ---- the day or the period was inferred from words outside the claim's own clause ------------------------


def test_a_day_word_in_another_clause_leaves_the_publication_session(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Shares of Exxon Mobil, whose dividend rise on Tuesday pleased investors, fell {} percent."
    item = with_figure(engine, text.format("0.96"), THURSDAY_EVENING, "XOM")
    assert item.verdict.verdict == "supported", item.verdict.explanation
    # the relative clause's day is its own (moves._relative_clauses_before): the move is read at the session of
    # publication, either as extracted or by the checker's second look
    assert item.claim.session == "2007-03-01" or "session of publication (2007-03-01" in item.verdict.explanation
    wrong = with_figure(engine, text.format("3.5"), THURSDAY_EVENING, "XOM")
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_a_month_named_for_a_futures_contract_is_not_the_stocks_period(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Crude oil for April delivery settled lower, hurting shares of Exxon Mobil, down {} percent."
    item = with_figure(engine, text.format("0.96"), THURSDAY_EVENING, "XOM")
    assert item.verdict.verdict == "supported", item.verdict.explanation
    wrong = with_figure(engine, text.format("3.5"), THURSDAY_EVENING, "XOM")
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_a_named_month_is_a_reading_of_its_own(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("The Dow Jones industrial average is up 2 percent today after it lost {} percent in November and "
            "34.7% year-to-date.")
    evening = "2008-12-30T18:00:00-05:00"
    november = [c for c in moves(engine, text.format("5.3"), evening, "^DJI") if c.claim.change_pct == 5.3]
    assert november and november[0].verdict.verdict == "supported", [c.verdict.explanation for c in november]
    assert "November 2008" in november[0].verdict.explanation
    wrong = [c for c in moves(engine, text.format("9.3"), evening, "^DJI") if c.claim.change_pct == 9.3]
    assert wrong and wrong[0].verdict.verdict == "contradicted"


def test_last_week_on_a_weekday_evening_is_the_week_before(engine) -> None:  # type: ignore[no-untyped-def]
    monday_evening = "2007-03-05T17:00:00-05:00"
    item = with_figure(engine, "Last week, the S&P 500 lost a total of 4.4 percent.", monday_evening, "^GSPC")
    # the week that ended on Friday is what 'last week' names on a Monday: the claim is read over it and holds
    assert item.verdict.verdict == "supported" and "2007-03-02" in item.verdict.explanation
    wrong = with_figure(engine, "Last week, the S&P 500 lost a total of 1.4 percent.", monday_evening, "^GSPC")
    assert wrong.verdict.verdict == "contradicted"


# ---- a base the writer measures from: a session's low, a leading 'after' clause -----------------------------


def test_a_move_since_a_low_may_run_from_the_sessions_low(engine) -> None:  # type: ignore[no-untyped-def]
    text = "The S&P 500 has climbed nearly {} percent since hitting its lowest level in 11 years in late November."
    evening = "2008-12-11T17:30:00-05:00"
    assert with_figure(engine, text.format("18"), evening, "^GSPC").verdict.verdict != "contradicted"
    assert with_figure(engine, text.format("25"), evening, "^GSPC").verdict.verdict == "contradicted"


def test_a_leading_after_clause_dates_the_base_not_the_move(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("After the S&P 500 sank on November 21 to its lowest level in 11 years, the index has gained almost "
            "{} percent.")
    evening = "2008-12-12T19:00:00-05:00"
    item = with_figure(engine, text.format("19"), evening, "^GSPC")
    assert item.verdict.verdict == "unverifiable" and "earlier base" in item.verdict.explanation
    assert with_figure(engine, text.format("25"), evening, "^GSPC").verdict.verdict == "contradicted"


# ---- first prints of the close and states during the session -------------------------------------------


def test_a_first_print_whose_figures_agree_with_one_another(engine) -> None:  # type: ignore[no-untyped-def]
    # 2,416.15 - 17.94 = 2,398.21 (0.74%): one consistent print, inside the range, 0.25% from the final close
    text = "The Nasdaq Composite Index fell 17.94 points, or {} percent, to 2,398.21."
    item = with_figure(engine, text.format("0.74"), THURSDAY_EVENING, "^IXIC")
    assert item.verdict.verdict == "unverifiable" and "first printed" in item.verdict.explanation
    # figures that do not agree with one another are errors at every moment of the session
    assert with_figure(engine, text.format("0.94"), THURSDAY_EVENING, "^IXIC").verdict.verdict == "contradicted"
    # a version stamped hours later: told as the close it is an error; with no word of the close, a consistent
    # figure inside the session's range may be one kept from a version written while the market was open
    closed = text.replace("fell", "closed down")
    late = with_figure(engine, closed.format("0.74"), "2007-03-01T19:30:00-05:00", "^IXIC")
    assert late.verdict.verdict == "contradicted", late.verdict.explanation
    kept = with_figure(engine, text.format("0.74"), "2007-03-01T19:30:00-05:00", "^IXIC")
    assert kept.verdict.verdict == "unverifiable" and "no word of the close" in str(kept.verdict.readings)


def test_a_periods_figure_runs_to_the_articles_own_close(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("The Nasdaq Composite Index ended the day at 2,082.33, up 4.97 percent, or 98.60 points.\n\n"
            "Over the third quarter the Nasdaq Composite lost {} percent.")
    evening = "2008-09-30T17:04:00-04:00"
    quarter = [c for c in moves(engine, text.format("9.2"), evening, "^IXIC") if c.claim.change_pct == 9.2]
    assert quarter and quarter[0].verdict.verdict == "unverifiable", [c.verdict.explanation for c in quarter]
    assert "the article itself gives" in quarter[0].verdict.explanation
    wrong = [c for c in moves(engine, text.format("12.2"), evening, "^IXIC") if c.claim.change_pct == 12.2]
    assert wrong and wrong[0].verdict.verdict == "contradicted"


def test_little_changed_as_a_state_during_the_session(engine) -> None:  # type: ignore[no-untyped-def]
    text = "The S&P 500 was little changed, as was the Dow Jones industrial average."
    during = moves(engine, text, "2007-03-02T17:05:00-05:00", "^GSPC")[0]
    assert during.verdict.verdict == "unverifiable" and "during the session" in during.verdict.explanation
    # on 2007-02-27 the S&P 500 never came back to its previous close: 'little changed' is wrong at any moment
    assert moves(engine, text, "2007-02-27T17:05:00-05:00", "^GSPC")[0].verdict.verdict == "contradicted"


def test_a_moment_word_anywhere_in_a_sentence_without_a_close(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Oracle {} 5 percent, while IBM gained 1 percent in afternoon trading."
    item = with_figure(engine, text.format("rose"), THURSDAY_EVENING, "ORCL")
    assert item.verdict.verdict == "unverifiable" and "afternoon trading" in item.verdict.explanation
    assert with_figure(engine, text.format("closed up"), THURSDAY_EVENING, "ORCL").verdict.verdict == "contradicted"


# ---- how figures are written ------------------------------------------------------------------------


def test_percentage_points_are_not_a_price_move(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Shares of Oracle jumped 3 {} in the final hour of trading to end up 2.1 percent."
    points = [c for c in moves(engine, text.format("percentage points"), THURSDAY_EVENING, "ORCL")
              if c.claim.change_pct == 3.0]
    assert points and points[0].verdict.verdict == "unverifiable", [c.verdict.explanation for c in points]
    assert "percentage points" in points[0].verdict.explanation
    control = with_figure(engine, "Shares of Oracle closed 3 percent higher.", THURSDAY_EVENING, "ORCL")
    assert control.verdict.verdict == "contradicted"


def test_a_qualifier_belongs_to_the_figure_it_stands_before(engine) -> None:  # type: ignore[no-untyped-def]
    text = "On Friday the Dow Jones industrial average lost nearly 146 points, or {} percent."
    evening = "2008-05-23T17:30:00-04:00"
    assert with_figure(engine, text.format("1.1"), evening, "^DJI").verdict.verdict == "supported"
    assert with_figure(engine, text.format("1.3"), evening, "^DJI").verdict.verdict == "contradicted"


def test_a_round_figure_in_hundreds_of_points(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Worries about oil prices pushed the Dow Jones industrial average down {} points on Wednesday."
    evening = "2008-06-12T17:30:00-04:00"
    assert with_figure(engine, text.format("200"), evening, "^DJI").verdict.verdict == "supported"
    assert with_figure(engine, text.format("300"), evening, "^DJI").verdict.verdict == "contradicted"


def test_a_stock_move_after_the_bell_carried_into_the_next_session(engine) -> None:  # type: ignore[no-untyped-def]
    # IBM: -0.72% on 2007-03-01, -1.49% on 2007-03-02; the piece is stamped at 8 p.m. on 2007-03-01
    text = "Shares of IBM fell {} percent after the company said late on Thursday it would buy back more stock."
    night = "2007-03-01T20:00:00-05:00"
    item = with_figure(engine, text.format("1.5"), night, "IBM")
    assert item.verdict.verdict == "supported" and "extended-hours" in item.verdict.explanation
    assert any("carried to the close of 2007-03-02" in r for r in item.verdict.readings), item.verdict.readings
    # a piece that tells of nothing after the session (news 'on Thursday') reads the session: -0.72%, not 1.5
    plain = text.replace("late on Thursday", "on Thursday").format("1.5")
    assert with_figure(engine, plain, night, "IBM").verdict.verdict == "contradicted"
    # 8 percent lies far beyond the closes around 2007-03-02: no extended-hours quote the next session came near
    assert with_figure(engine, text.format("8"), night, "IBM").verdict.verdict == "contradicted"
    # in a wrap whose index figures are the closes, the stock's figure is a close as well
    wrap = ("The Dow Jones industrial average ended at 12,234.34, down 0.28 percent, or 34.29 points.\n\n"
            + text.format("1.5"))
    assert with_figure(engine, wrap, night, "IBM").verdict.verdict == "contradicted"


def test_a_number_that_cannot_be_a_level_is_not_compared_as_one(engine) -> None:  # type: ignore[no-untyped-def]
    # 'at one point' read as a level of 1: on 2008-01-23 the Nasdaq traded 2,202.54-2,320.13 around a previous close
    # of 2,292.27, so it was down 3.9% at its low and never 5%
    evening = "2008-01-23T17:30:00-05:00"
    text = "The Nasdaq Composite was down more than {} percent at one point before it recovered."
    assert with_figure(engine, text.format("3"), evening, "^IXIC").verdict.verdict == "supported"
    assert with_figure(engine, text.format("5"), evening, "^IXIC").verdict.verdict == "contradicted"
