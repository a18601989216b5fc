"""The classes of false alarms in the development study `corpora/audit/dev_stories_mix_seed2121` (issue 12), through
the real pipeline and real prices, on sentences we wrote. Each fix has its control: words outside the class, with a
figure no reading gives, stay `contradicted`.

Facts used (from ../shared/data at run time): the S&P 500 closed at 1,424.55 on 2007-04-02 and 1,515.88 on
2007-10-24 (+6.4%) and traded between 1,500.46 and 1,523.24 on 2007-10-25; it closed at 676.53 on 2009-03-09 and
834.38 on 2009-04-02 (+23.3%; +2.87% that day); it closed at 1,455.27 on 2007-07-31, 1,465.81 on 2007-08-01 and
1,406.70 on 2007-08-15 (-3.34% from the July close), 1,466.79 on 2007-08-27; the Nasdaq fell 1.73% on 2009-11-27 and
stood 35.60% above its 2008 close; Goldman Sachs (adjusted closes) fell 1.24% on 2006-12-12, up 57.9% in the year.
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


# ---- 'in that time': the span a sentence before names, not the session -------------------------------------------

THURSDAY_NOON = "2007-10-25T13:30:00-04:00"


def test_in_that_time_is_the_span_told_before(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("The broker said the bank's shares had lost a quarter of their value since it put them on its buy list "
            "in early April. The broader S&P 500 index added {} percent in that time.")
    right, wrong = both(engine, text, THURSDAY_NOON, "^GSPC", "6.4", "12.4")
    assert right.verdict.verdict != "contradicted", right.verdict.explanation
    assert wrong.verdict.verdict != "contradicted", wrong.verdict.explanation  # no start to read the span from


def test_the_same_figure_told_of_the_session_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    text = "The broader S&P 500 index added {} percent in midday trading on Thursday."
    wrong = move(engine, text.format("6.4"), THURSDAY_NOON, "^GSPC")
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


# ---- 'in less than a month': a run from a start the words leave open ---------------------------------------------

THURSDAY_EVENING = "2009-04-02T18:50:00-04:00"


def test_a_run_in_less_than_a_month_is_not_the_day(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Banks climbed again in a broad advance that has lifted the S&P 500 by {} percent in less than a month."
    right = move(engine, text.format("23"), THURSDAY_EVENING, "^GSPC")
    assert right.verdict.verdict != "contradicted", right.verdict.explanation
    text = "Stocks have soared since the March lows, and the S&P 500 has jumped {} percent in just four weeks."
    right = move(engine, text.format("23"), THURSDAY_EVENING, "^GSPC")
    assert right.verdict.verdict != "contradicted", right.verdict.explanation


def test_the_best_day_in_more_than_a_month_stays_the_day(engine) -> None:  # type: ignore[no-untyped-def]
    # 'in more than a month' sizes a superlative, not the move: the day's figure is still checked
    text = "The S&P 500 jumped {} percent on Thursday, its best day in more than a month."
    right, wrong = both(engine, text, THURSDAY_EVENING, "^GSPC", "2.9", "23")
    assert right.verdict.verdict == "supported", right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


# ---- 'From August 1-15': a closed span of days, not a move to the piece's day ----------------------------------

MONDAY_AFTERNOON = "2007-08-27T13:15:00-04:00"


def test_a_closed_span_of_days_is_not_read_to_the_pieces_day(engine) -> None:  # type: ignore[no-untyped-def]
    for text in ("The S&P 500 fell {} percent from August 1-15, the weeks the pollsters were in the field.",
                 "Between Aug. 1 and Aug. 15, while the pollsters were at work, the S&P 500 shed {} percent."):
        right = move(engine, text.format("3.3"), MONDAY_AFTERNOON, "^GSPC")
        assert right.verdict.verdict != "contradicted", right.verdict.explanation


def test_a_move_since_a_day_still_runs_to_the_pieces_day(engine) -> None:  # type: ignore[no-untyped-def]
    # no end day: 'since August 1' is read from that close to the piece's session (+0.07%)
    text = "Since August 1, when the pollsters went into the field, the S&P 500 has lost {} percent."
    wrong = move(engine, text.format("3.3"), MONDAY_AFTERNOON, "^GSPC")
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


# ---- 'to 1.091.49': a level with a full stop for the thousands comma is no level ---------------------------------

FRIDAY_EVENING = "2009-11-27T17:30:00-05:00"


def test_a_level_written_with_two_full_stops_is_no_level(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("Stocks slid on Friday, the Nasdaq .IXIC losing {} percent and the S&P 500 shedding 19.14 points, or {} "
            "percent to 1.091.49.")
    right = move(engine, text.format("1.73", "1.72"), FRIDAY_EVENING, "^GSPC")
    wrong = move(engine, text.format("1.73", "3.72"), FRIDAY_EVENING, "^GSPC")
    assert right.claim.level is None
    assert right.verdict.verdict == "supported", right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_a_wrong_level_written_with_a_comma_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("Stocks slid on Friday, the Nasdaq .IXIC losing {} percent and the S&P 500 shedding 19.14 points, or {} "
            "percent to {}.")
    wrong = move(engine, text.format("1.73", "1.72", "1,191.49"), FRIDAY_EVENING, "^GSPC")
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


# ---- 'the stock, up 57 percent this year, slipped 1.2 percent': the aside is another move ------------------------


def test_an_aside_with_its_own_direction_is_not_the_verbs_figure(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("Goldman Sachs ( GS.N ) posted record earnings for its fiscal year on Tuesday. Even so the stock, up 57 "
            "percent so far this year, slipped {} percent as traders fretted about a peak.")
    right, wrong = both(engine, text, "2006-12-12T17:55:00-05:00", "GS", "1.2", "4.2")
    assert (right.claim.change_pct, right.claim.period) == (1.2, "day")
    assert right.verdict.verdict == "supported", right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_an_index_aside_leaves_the_days_fall_checked(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("Technology shares led the retreat on the Nasdaq Composite index ( .IXIC ) on Friday. The index, up 35.6 "
            "percent so far this year, fell {} percent as buyers stood aside.")
    right, wrong = both(engine, text, "2009-11-27T17:30:00-05:00", "^IXIC", "1.7", "4.7")
    assert right.verdict.verdict == "supported", right.verdict.explanation
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation
