"""Issue 12, the wire audit's wrong-period and in-session classes, found again on development wire items (Reuters,
MT Newswires, 2025-02) and written here as sentences of ours: a second move's own day or month after an earlier
move's ('rose 3.2% on Thursday after falling 1.3% on Wednesday'), 'the last session' in a piece written during a
session, a weekly wrap's movers told without time words, and a run or a best/worst told before the close of the
session then trading.

Every class has its control: a wrong figure in the same writing stays `contradicted`. Facts used (from ../shared/data
at run time): Nvidia Wednesday 2025-02-12 -1.25%, Thursday 2025-02-13 +3.16%, January 2025 -10.59%, February to
2025-02-14 +15.64%; S&P 500 Wednesday -0.27%, Thursday +1.04%, Friday 2025-02-07 -0.95%, the week to 2025-02-07
-0.24%; Philip Morris International Friday 2025-02-07 -0.63%, the week to 2025-02-07 +10.91% (+10.95% on Thursday);
Tesla five down days to Tuesday 2025-02-11; Apple Monday 2025-02-03 -3.39% at the close, low 225.70 from 236.00
(-4.36%), no day as bad as -4.3% since 2024-08-05 (-4.82%), -4.04% on 2025-01-16.
"""

from __future__ import annotations

from written import analyzed

from analyzer.records import CheckedClaim

THURSDAY_EVENING = "2025-02-13T17:30:00"
FRIDAY_EVENING = "2025-02-14T16:30:00"


def claims(engine, text: str, published: str, kinds=("stock_move", "index_move")) -> list[CheckedClaim]:  # type: ignore[no-untyped-def]
    return [c for c in analyzed(engine, text, published) if c.claim.kind in kinds]


def by_figure(found: list[CheckedClaim]) -> dict[float | None, tuple[str | None, str | None, str]]:
    return {c.claim.change_pct: (c.claim.period, c.claim.session, c.verdict.verdict) for c in found}


# ---- 1. a second move's own time words after an earlier move's ----------------------------------------------------

def test_a_second_moves_own_day_after_the_first_moves_day(engine) -> None:  # type: ignore[no-untyped-def]
    found = by_figure(claims(engine, "Nvidia shares rose 3.2% on Thursday after falling 1.3% on Wednesday.",
                             THURSDAY_EVENING))
    assert found == {3.2: ("day", "2025-02-13", "supported"), 1.3: ("day", "2025-02-12", "supported")}
    found = by_figure(claims(engine, "The S&P 500 gained 1% on Thursday, after slipping 0.3% on Wednesday, when hot "
                                     "inflation data rattled investors.", THURSDAY_EVENING))
    assert found == {1.0: ("day", "2025-02-13", "supported"), 0.3: ("day", "2025-02-12", "supported")}
    # control: a wrong figure for Wednesday is still an accusation, now about Wednesday
    found = by_figure(claims(engine, "Nvidia shares rose 3.2% on Thursday after falling 3.5% on Wednesday.",
                             THURSDAY_EVENING))
    assert found[3.5] == ("day", "2025-02-12", "contradicted")
    # control: two moves on two days each told with its own day word, unchanged
    found = by_figure(claims(engine, "The Dow, which fell 0.5% on Wednesday, rose 0.8% on Thursday.", THURSDAY_EVENING))
    assert found == {0.5: ("day", "2025-02-12", "supported"), 0.8: ("day", "2025-02-13", "supported")}


def test_a_second_moves_own_month_after_the_first_moves_month(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Nvidia shares are up about 16% in February, after falling 10.6% in January."
    found = by_figure(claims(engine, text, FRIDAY_EVENING))
    assert found == {16.0: ("month", "2025-02-14", "supported"), 10.6: ("month", "2025-01-31", "supported")}
    found = by_figure(claims(engine, text.replace("10.6%", "5%"), FRIDAY_EVENING))
    assert found[5.0] == ("month", "2025-01-31", "contradicted")


# ---- 2. 'the last session' in a piece written during a session -----------------------------------------------------

def test_the_last_session_written_during_a_session_is_the_one_before(engine) -> None:  # type: ignore[no-untyped-def]
    monday_morning = "2025-02-10T10:10:00"
    found = by_figure(claims(engine, "The S&P 500 had dropped about 1% in the last session.", monday_morning))
    assert found == {1.0: ("day", "2025-02-07", "supported")}
    found = by_figure(claims(engine, "The S&P 500 had dropped about 3% in the last session.", monday_morning))
    assert found == {3.0: ("day", "2025-02-07", "contradicted")}
    # before the open the last session closed is the piece's own already; after the close, the one before
    found = by_figure(claims(engine, "The S&P 500 rose 1% in the prior session.", "2025-02-14T07:00:00"))
    assert found == {1.0: ("day", "2025-02-13", "supported")}
    found = by_figure(claims(engine, "Nvidia rose 3.2% on Thursday. The stock had fallen 1.3% in the previous "
                                     "session.", THURSDAY_EVENING))
    assert found == {3.2: ("day", "2025-02-13", "supported"), 1.3: ("day", "2025-02-12", "supported")}


# ---- 3. a weekly wrap's movers without time words ------------------------------------------------------------------

WEEKLY_LEAD = ("The S&P 500 opened February with a weekly loss of 0.2%, as hiring fell short of forecasts.\n\n"
               "Among consumer staples, shares of Philip Morris International jumped {figure}% after the company's "
               "results beat expectations.")
DAILY_LEAD = ("The S&P 500 fell 0.95% on Friday as hiring fell short of forecasts.\n\n"
              "Among consumer staples, shares of Philip Morris International jumped {figure}% after the company's "
              "results beat expectations.")
FRIDAY_AFTER_THE_CLOSE = "2025-02-07T17:43:00"


def test_a_weekly_wraps_mover_without_time_words_is_read_over_the_week(engine) -> None:  # type: ignore[no-untyped-def]
    found = [c for c in claims(engine, WEEKLY_LEAD.format(figure="11"), FRIDAY_AFTER_THE_CLOSE)
             if c.claim.instrument.symbol == "PM"]
    assert len(found) == 1 and found[0].verdict.verdict == "supported", found[0].verdict.explanation
    assert "wrap of the week" in found[0].verdict.explanation
    # controls: a figure the week does not give either; the same mover in a wrap of the day; a Thursday piece
    found = [c for c in claims(engine, WEEKLY_LEAD.format(figure="4"), FRIDAY_AFTER_THE_CLOSE)
             if c.claim.instrument.symbol == "PM"]
    assert [c.verdict.verdict for c in found] == ["contradicted"]
    found = [c for c in claims(engine, DAILY_LEAD.format(figure="11"), FRIDAY_AFTER_THE_CLOSE)
             if c.claim.instrument.symbol == "PM"]
    assert [c.verdict.verdict for c in found] == ["contradicted"]
    found = [c for c in claims(engine, WEEKLY_LEAD.format(figure="3"), "2025-02-06T17:43:00")
             if c.claim.instrument.symbol == "PM"]
    assert [c.verdict.verdict for c in found] == ["contradicted"]


# ---- 4. a run or a best/worst told before the close of the session then trading ------------------------------------

def test_a_run_counted_with_the_session_in_progress(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Tesla looked set for a sixth straight day of losses, with its shares 1.1% lower ahead of the open."
    found = claims(engine, text, "2025-02-12T07:19:00", kinds=("streak",))
    assert [c.verdict.verdict for c in found] == ["unverifiable"]
    assert "then in progress" in found[0].verdict.explanation
    # controls: a count the last close does not come within one of; the same count after the close
    found = claims(engine, text.replace("sixth", "eighth"), "2025-02-12T07:19:00", kinds=("streak",))
    assert [c.verdict.verdict for c in found] == ["contradicted"]
    found = claims(engine, "Tesla fell for a sixth straight day on Tuesday.", "2025-02-11T17:00:00", kinds=("streak",))
    assert [c.verdict.verdict for c in found] == ["contradicted"]


def test_a_best_or_worst_told_during_the_session(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Apple shares fell 4.3%, their biggest one-day drop since August."
    found = claims(engine, text, "2025-02-03T11:00:00", kinds=("comparison",))
    assert [c.verdict.verdict for c in found] == ["unverifiable"]
    assert "in progress" in found[0].verdict.explanation
    # controls: a figure outside the session's range; a time named that the stated figure does not make true
    # either (a fall as bad as 4.3% on 2024-08-05, none in October); the same words after the close
    found = claims(engine, text.replace("4.3%", "9%"), "2025-02-03T11:00:00", kinds=("comparison",))
    assert [c.verdict.verdict for c in found] == ["contradicted"]
    found = claims(engine, text.replace("August", "October"), "2025-02-03T11:00:00", kinds=("comparison",))
    assert [c.verdict.verdict for c in found] == ["contradicted"]
    found = claims(engine, text, "2025-02-03T17:00:00", kinds=("comparison",))
    assert [c.verdict.verdict for c in found] == ["contradicted"]


# ---- 5. a move on company news told the evening of results after the bell -----------------------------------------

def test_an_evening_move_on_news_that_the_next_session_carries(engine) -> None:  # type: ignore[no-untyped-def]
    # Alphabet Tuesday 2025-02-04 +2.56% at the close (results after the bell), Wednesday -7.29% (low -8.9%)
    evening = "2025-02-04T16:45:00"
    found = claims(engine, "Alphabet shares fell 7% after the company's cloud revenue missed estimates.", evening)
    assert [(c.claim.period, c.verdict.verdict) for c in found] == [("day", "unverifiable")]
    assert "after-hours" in found[0].verdict.explanation
    # 'this year' is the spending's, not the move's period (the 8% itself is no close: still an accusation)
    found = claims(engine, "Alphabet shares slid 8% as cloud revenue missed estimates and the company said it would "
                           "spend $75 billion this year.", evening)
    assert [c.claim.period for c in found] == ["day"]
    # controls: a figure neither the next close nor its range gives; the same words with no news; a day's piece
    # written in the session
    found = claims(engine, "Alphabet shares fell 15% after the company's cloud revenue missed estimates.", evening)
    assert [c.verdict.verdict for c in found] == ["contradicted"]
    found = claims(engine, "Alphabet shares fell 7% in a broad sell-off.", evening)
    assert [c.verdict.verdict for c in found] == ["contradicted"]
    found = claims(engine, "Alphabet shares fell 7% after the company's cloud revenue missed estimates.",
                   "2025-02-04T14:00:00")
    assert [c.verdict.verdict for c in found] == ["contradicted"]


# ---- 6. a high or low for the year is the year's extreme, not a record ---------------------------------------------

def test_a_high_for_the_year_is_the_years_extreme(engine) -> None:  # type: ignore[no-untyped-def]
    # Dow 10,548.51 on 2009-12-30, 2009's highest close before it 10,547.08; all-time high 14,164.53 (2007)
    found = claims(engine, "Even so, the Dow and the Nasdaq both managed new highs for the year.",
                   "2009-12-30T18:15:00", kinds=("record",))
    assert sorted((c.claim.instrument.symbol, c.verdict.verdict) for c in found) == \
        [("^DJI", "supported"), ("^IXIC", "supported")]
    # control: S&P 500 6,114.63 on 2025-02-14, below 2025's 6,118.71 (2025-01-23) and no intraday high either
    found = claims(engine, "The S&P 500 hit a new high for the year.", "2025-02-14T16:30:00", kinds=("record",))
    assert [c.verdict.verdict for c in found] == ["contradicted"]


def test_a_high_for_the_year_reached_during_the_session_needs_the_ranges(engine) -> None:  # type: ignore[no-untyped-def]
    # AMD 2007: closes only in the data; 14.07 on 2007-06-08 against 2007's highest close 20.18 before it
    found = claims(engine, "Advanced Micro Devices shares hit a new high for the year.", "2007-06-08T17:00:00",
                   kinds=("record",))
    assert [c.verdict.verdict for c in found] == ["unverifiable"]
    assert "daily closes cannot settle" in found[0].verdict.explanation
    # control: the words say close (since session 23 a stock's record never accuses: check.standing)
    found = claims(engine, "Advanced Micro Devices shares closed at a new high for the year.", "2007-06-08T17:00:00",
                   kinds=("record",))
    assert [c.verdict.verdict for c in found] == ["unverifiable"]
    assert "could not be ruled out" in found[0].verdict.explanation


# ---- 7. a named calendar quarter that has ended is that quarter, not the quarter to date --------------------------

def test_a_named_past_quarter_is_that_calendar_quarter(engine) -> None:  # type: ignore[no-untyped-def]
    # S&P 500 Q4 2024 +2.07% (5,762.48 -> 5,881.63), Nvidia +10.58%; Q1 2009 S&P 500 -11.67%
    text = "The S&P 500 rose 2.1% in the fourth quarter, while Nvidia shares gained 10.5% in the fourth quarter."
    found = by_figure(claims(engine, text, "2025-02-12T16:30:00"))
    assert found == {2.1: ("other", "2024-12-31", "supported"), 10.5: ("other", "2024-12-31", "supported")}
    found = by_figure(claims(engine, "The Standard & Poor's 500 index shed 11.7 percent over the first quarter.",
                             "2009-05-08T18:49:00"))
    assert found == {11.7: ("other", "2009-03-31", "supported")}
    # controls: a wrong figure for the quarter; the quarter in progress stays the quarter to date
    found = by_figure(claims(engine, text.replace("2.1%", "5.1%"), "2025-02-12T16:30:00"))
    assert found[5.1] == ("other", "2024-12-31", "contradicted")
    found = by_figure(claims(engine, "The S&P 500 has gained 2.9% in the first quarter.", "2025-02-12T16:30:00"))
    assert found == {2.9: ("other", "2025-02-12", "supported")}


# ---- 8. 'last week' in a Monday piece: the week just ended, for records too ----------------------------------------

def test_a_record_of_last_week_in_a_monday_piece(engine) -> None:  # type: ignore[no-untyped-def]
    # Dow 12,510.57 on Wednesday 2006-12-27, its first close above 12,500; 12,463.15 on Friday 2006-12-29
    text = "Last week, the Dow finished above 12,500 for the first time."
    found = claims(engine, text, "2007-01-01T08:05:00", kinds=("record",))
    assert [c.verdict.verdict for c in found] == ["unverifiable"]
    assert "2006-12-27" in found[0].verdict.explanation
    # control: a level no session of that week closed above
    found = claims(engine, text.replace("12,500", "13,500"), "2007-01-01T08:05:00", kinds=("record",))
    assert [c.verdict.verdict for c in found] == ["contradicted"]
