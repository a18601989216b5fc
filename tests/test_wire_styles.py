"""Issue 12, the house styles of the held-out 2025-02 wire outlets (market data wires, stock blurbs, terse close
lines), written here as passages of ours with true figures and run through the real pipeline: every claim of them
is true or told for the moment or period its words give, so a `contradicted` on them is a false alarm. The classes
found that way and fixed:

1. a list under a period header ("On the month:") whose lines are read without a verb ("Nasdaq composite -4.0%");
2. a level written without thousands separators ("Down 1.59% to 5861.57") cut to its first three digits;
3. a figure from during the session over a longer span ("has gained 11.5% over the past three months" at noon),
   which ends at a moment of the session, not at its close;
4. a fund's ticker in parentheses after an index's name ("the Nasdaq 100 Index ($IUXX) (QQQ) closed down -1.21%"),
   which tags the index: the move is the index's;
5. a period word on a move noun with a figure of its own ("the Dow added 1.4% for a monthly decline of 1.6%");
6. the day of an event still to come ("Walmart is due to report on Thursday; its shares have gained 77% over the
   past year"), which is not the move's day;
7. a broker's target and the move it implies ("raised its S&P 500 target to 6,500, implying a gain of about 6%"),
   which is no move of the broker's shares;
8. the time words of another figure's move noun ("The Nasdaq is off 0.9%, after a 2.2% slide in the prior
   session"), which do not date the move;
9. the time of a base ("extending its losses from last week's record to 4.6%"), which is not the move's period;
10. an earlier part of the piece's own month ("its highest level since early February" in a late-February piece),
    which is this year's, not last year's;
11. two extremes of N units in one sentence ("a 3-month low ..., and the S&P 500 closed at a 6-week low"): each
    claim reads its own span;
12. a clock time without a.m./p.m. or with 'by' ("At 10:15 ET, ...", "By 2 p.m. it was down 1.5%", a market talk's
    "1035 ET - ..."), a moment of the session;
13. a headline kept from a version written during the session ("Dow Drops 600 Points as ...") over a body whose
    close of the Dow holds;
14. a day's figure before a period's in one clause, written during the session ("is down 0.5% on Thursday and down
    nearly 3% so far this month"): the first figure is the session's, not the month's;
15. a day named after a since-span that has its own object ("its highest since early February last Friday"): the
    day is the record's, not part of the span.

Every class has its control: a wrong figure in the same writing stays `contradicted`. Facts used (from
../shared/data at run time): February 2025 to the close of 2025-02-28: S&P 500 -1.42%, Nasdaq Composite -3.97%,
Dow -1.58%; Friday 2025-02-28: Dow +1.39%, Nasdaq +1.63%. S&P 500 Thursday 2025-02-27: -1.59% to 5,861.57. Walmart
Thursday 2025-02-20: range 96.68-100.12 (previous close 104.00), close 2024-11-20 87.18, close 2024-11-21 88.39;
Wednesday 2025-02-19 close 104.00, +77.4% from the close of 2024-02-20 (58.62). Nasdaq-100 Monday 2025-02-24
-1.21%, S&P 500 -0.50%, Dow +0.08%; Invesco QQQ Trust -1.18%. S&P 500 week to 2025-02-14 +1.47%. Goldman Sachs
Wednesday 2025-02-19 -0.60%. Nasdaq Composite Friday 2025-02-21 -2.20%, Monday 2025-02-24 range 19,275.46-19,644.23
(previous close 19,524.01). S&P 500 record close 6,144.15 on 2025-02-19, 5,861.57 on 2025-02-27 (-4.60%), its lowest
close since 2025-01-14; Nasdaq-100 20,550.95 on 2025-02-27, its lowest close since 2024-11-18. VIX 18.21 on
2025-02-21, its highest close since 2025-02-03. Friday 2025-02-21: S&P 500 -1.71%, range -1.78% to -0.04%
from the close before; Dow -748.63 points, low 827.32 points under the close before. Thursday 2025-02-27: S&P 500
range 5,858.78-5,993.69 (previous close 5,956.06), month to date -2.96% at the close.
"""

from __future__ import annotations

from written import analyzed

from analyzer.records import CheckedClaim


def moves(engine, text: str, published: str) -> list[CheckedClaim]:  # type: ignore[no-untyped-def]
    return [c for c in analyzed(engine, text, published) if c.claim.kind in ("stock_move", "index_move")]


def table(found: list[CheckedClaim]) -> dict[tuple[str | None, float | None], tuple[str | None, str]]:
    return {(c.claim.instrument.symbol if c.claim.instrument else None, c.claim.change_pct):
            (c.claim.period, c.verdict.verdict) for c in found}


# ---- 1. a list under a period header, read line by line -----------------------------------------------------------

MONTH_CLOSE = ("US equities close the month out with a bounce: S&P +1.6%, Nasdaq +1.6%.\n\n"
               "On the month:\nS&P 500 -1.4%\nNasdaq composite {nasdaq}%\nDJIA -1.6%")


def test_the_lines_of_a_list_under_a_period_header_are_the_periods(engine) -> None:  # type: ignore[no-untyped-def]
    found = table(moves(engine, MONTH_CLOSE.format(nasdaq="-4.0"), "2025-02-28T16:05:00"))
    assert found[("^IXIC", 4.0)] == ("month", "supported")
    assert found[("^DJI", 1.6)] == ("month", "supported")
    assert found[("^GSPC", 1.4)] == ("month", "supported")
    # control: the day's line above the blank line stays the day's
    assert found[("^IXIC", 1.6)] == ("day", "supported")
    # control: a wrong month is still an accusation, now about the month
    found = table(moves(engine, MONTH_CLOSE.format(nasdaq="-6.0"), "2025-02-28T16:05:00"))
    assert found[("^IXIC", 6.0)] == ("month", "contradicted")


# ---- 2. a level without thousands separators ---------------------------------------------------------------------

def test_a_level_without_thousands_separators_is_read_whole(engine) -> None:  # type: ignore[no-untyped-def]
    found = moves(engine, "Data Talk: S&P 500 Down 1.59% to 5861.57\n\nThe index is down for the month.",
                  "2025-02-27T16:20:00")
    heading = [c for c in found if c.claim.sentence.startswith("Data Talk")]
    assert len(heading) == 1 and heading[0].claim.level == 5861.57
    assert heading[0].verdict.verdict == "supported", heading[0].verdict.explanation
    # control: a level the session never traded stays an accusation
    found = moves(engine, "Data Talk: S&P 500 Down 1.59% to 5761.57\n\nThe index is down for the month.",
                  "2025-02-27T16:20:00")
    heading = [c for c in found if c.claim.sentence.startswith("Data Talk")]
    assert heading[0].claim.level == 5761.57 and heading[0].verdict.verdict == "contradicted"


# ---- 3. a figure from during the session over a longer span ------------------------------------------------------

BLURB = ("Walmart (WMT) shares dropped 6.5% after the retailer issued a cautious annual outlook. The stock has gained "
         "{figure}% over the past three months.")


def test_a_span_told_during_the_session_ends_at_a_moment_of_it(engine) -> None:  # type: ignore[no-untyped-def]
    found = table(moves(engine, BLURB.format(figure="11.5"), "2025-02-20T12:00:00"))
    assert found[("WMT", 6.5)] == ("intraday", "supported")
    assert found[("WMT", 11.5)][1] == "supported"
    # control: a span figure no moment of the session reaches stays an accusation
    found = table(moves(engine, BLURB.format(figure="25"), "2025-02-20T12:00:00"))
    assert found[("WMT", 25.0)][1] == "contradicted"


# ---- 4. a fund's ticker after an index's name ---------------------------------------------------------------------

BARCHART = ("The S&P 500 Index ($SPX) (SPY) Monday closed down -0.50%, the Dow Jones Industrials Index ($DOWI) (DIA) "
            "closed up +0.08%, and the Nasdaq 100 Index ($IUXX) (QQQ) closed down {figure}%.")


def test_a_funds_ticker_after_an_index_tags_the_index(engine) -> None:  # type: ignore[no-untyped-def]
    found = table(moves(engine, BARCHART.format(figure="-1.21"), "2025-02-24T16:30:00"))
    assert found == {("^GSPC", 0.5): ("day", "supported"), ("^DJI", 0.08): ("day", "supported"),
                     ("^NDX", 1.21): ("day", "supported")}
    # control: a wrong figure for the index stays an accusation, about the index
    found = table(moves(engine, BARCHART.format(figure="-2.21"), "2025-02-24T16:30:00"))
    assert found[("^NDX", 2.21)] == ("day", "contradicted")
    # control: a fund named as itself is the fund
    found = table(moves(engine, "The Invesco QQQ Trust (QQQ) fell 1.2% on Monday.", "2025-02-24T16:30:00"))
    assert found == {("QQQ", 1.2): ("day", "supported")}


# ---- 5. a period word on another figure's move noun --------------------------------------------------------------

def test_a_period_on_a_move_noun_with_its_own_figure(engine) -> None:  # type: ignore[no-untyped-def]
    text = "The Nasdaq jumped 1.6%, trimming its monthly loss to 4%, while the Dow added {figure}% for a monthly " \
           "decline of 1.6%."
    found = table(moves(engine, text.format(figure="1.4"), "2025-02-28T16:10:00"))
    assert found[("^DJI", 1.4)] == ("day", "supported")
    assert found[("^IXIC", 1.6)] == ("day", "supported")
    # control: a wrong day figure stays an accusation
    found = table(moves(engine, text.format(figure="3.4"), "2025-02-28T16:10:00"))
    assert found[("^DJI", 3.4)] == ("day", "contradicted")
    # control: a period noun whose figure is the move's own keeps the period
    found = table(moves(engine, "The S&P 500 posted a weekly gain of 1.5%.", "2025-02-14T16:10:00"))
    assert found == {("^GSPC", 1.5): ("week", "supported")}


# ---- 6. the day of an event still to come ------------------------------------------------------------------------

def test_the_day_of_an_event_to_come_is_not_the_moves(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Walmart is due to report on Thursday; its shares have gained about {figure}% over the past year."
    found = moves(engine, text.format(figure="77"), "2025-02-19T16:30:00")
    assert [(c.claim.session, c.claim.period, c.verdict.verdict) for c in found] == \
        [("2025-02-19", "year", "supported")]
    # control: a wrong figure stays an accusation
    found = moves(engine, text.format(figure="47"), "2025-02-19T16:30:00")
    assert [(c.claim.session, c.verdict.verdict) for c in found] == [("2025-02-19", "contradicted")]
    # control: a day of the move's own stays the move's
    found = moves(engine, "Walmart shares fell 6.5% on Thursday after the retailer gave a cautious outlook.",
                  "2025-02-21T16:30:00")
    assert [(c.claim.session, c.verdict.verdict) for c in found] == [("2025-02-20", "supported")]


# ---- 7. a broker's target and the move it implies ----------------------------------------------------------------

def test_a_move_a_target_implies_is_no_move_of_the_broker(engine) -> None:  # type: ignore[no-untyped-def]
    found = moves(engine, "Goldman Sachs raised its year-end S&P 500 target to 6,500, implying a gain of about 6% "
                          "from current levels.", "2025-02-19T16:30:00")
    assert found == []
    # controls: the broker's own share move stays a claim, right or wrong
    found = table(moves(engine, "Goldman Sachs shares fell 0.6% on Wednesday.", "2025-02-19T16:30:00"))
    assert found == {("GS", 0.6): ("day", "supported")}
    found = table(moves(engine, "Goldman Sachs shares posted a gain of about 6% on Wednesday.", "2025-02-19T16:30:00"))
    assert found == {("GS", 6.0): ("day", "contradicted")}


# ---- 8. the time words of another figure's move noun -------------------------------------------------------------

def test_the_time_of_another_figures_move_noun(engine) -> None:  # type: ignore[no-untyped-def]
    text = "The Nasdaq is off {figure}%, after a 2.2% slide in the prior session."
    found = moves(engine, text.format(figure="0.9"), "2025-02-24T12:30:00")
    assert [(c.claim.session, c.verdict.verdict) for c in found] == [("2025-02-24", "supported")]
    # control: a figure the session never traded stays an accusation
    found = moves(engine, text.format(figure="3.9"), "2025-02-24T12:30:00")
    assert [(c.claim.session, c.verdict.verdict) for c in found] == [("2025-02-24", "contradicted")]
    # control: the prior session of the move's own clause is its own
    found = moves(engine, "The Nasdaq fell 2.2% in the prior session.", "2025-02-24T12:30:00")
    assert [(c.claim.session, c.verdict.verdict) for c in found] == [("2025-02-21", "supported")]


# ---- 9. the time of a base ---------------------------------------------------------------------------------------

def test_the_time_of_a_base_is_not_the_moves_period(engine) -> None:  # type: ignore[no-untyped-def]
    text = "The S&P 500 fell 1.6%, extending its losses from last week's record to {figure}%."
    found = table(moves(engine, text.format(figure="4.6"), "2025-02-27T17:00:00"))
    assert found[("^GSPC", 4.6)][1] == "supported"
    assert found[("^GSPC", 1.6)] == ("day", "supported")
    # control: a wrong distance from the record stays an accusation
    found = table(moves(engine, text.format(figure="7.6"), "2025-02-27T17:00:00"))
    assert found[("^GSPC", 7.6)][1] == "contradicted"
    # control: 'last week' of the move's own is its week
    found = table(moves(engine, "The Dow lost 2.5% last week.", "2025-02-24T17:00:00"))
    assert found == {("^DJI", 2.5): ("week", "supported")}


# ---- 10 and 11. extremes: an earlier part of this month, two spans in one sentence -------------------------------

def extremes(engine, text: str, published: str) -> dict[str | None, str]:  # type: ignore[no-untyped-def]
    return {c.claim.instrument.symbol if c.claim.instrument else None: c.verdict.verdict
            for c in analyzed(engine, text, published) if c.claim.kind == "record"}


def test_since_an_earlier_part_of_the_pieces_own_month(engine) -> None:  # type: ignore[no-untyped-def]
    text = "The VIX closed at its highest level since early {month}."
    assert extremes(engine, text.format(month="February"), "2025-02-21T16:30:00") == {"^VIX": "supported"}
    # control: a month with a higher close after it stays an accusation
    assert extremes(engine, text.format(month="January"), "2025-02-21T16:30:00") == {"^VIX": "contradicted"}


def test_two_extremes_of_n_units_in_one_sentence(engine) -> None:  # type: ignore[no-untyped-def]
    text = "The Nasdaq 100 fell to a 3-month low on Thursday, and the S&P 500 closed at a 6-{unit} low."
    assert extremes(engine, text.format(unit="week"), "2025-02-27T16:30:00") == {"^NDX": "supported",
                                                                                 "^GSPC": "supported"}
    # control: a span the S&P 500's close does not reach stays an accusation, and the other claim keeps its own
    assert extremes(engine, text.format(unit="month"), "2025-02-27T16:30:00") == {"^NDX": "supported",
                                                                                  "^GSPC": "contradicted"}
    # control: a span with a fraction is read whole from the claim's start ("a 6 1/2-year high": 2000-09-14 was
    # the last close as high as 1,471.48 of 2007-04-17)
    assert extremes(engine, "The S&P 500 index reached a 6 1/2-year high, though the Nasdaq closed a little lower.",
                    "2007-04-17T18:04:00") == {"^GSPC": "supported"}


# ---- 12. a clock time of the session -----------------------------------------------------------------------------

def test_a_clock_time_is_a_moment_of_the_session(engine) -> None:  # type: ignore[no-untyped-def]
    text = "At 10:15 ET, the S&P 500 was down 0.1%. By 2 p.m. it was down {figure}%. It closed down 1.7%."
    found = [(c.claim.change_pct, c.verdict.verdict) for c in moves(engine, text.format(figure="1.5"),
                                                                    "2025-02-21T16:45:00")]
    assert found == [(0.1, "unverifiable"), (1.5, "unverifiable"), (1.7, "supported")]
    # control: a moment outside what the session traded stays an accusation
    found = table(moves(engine, text.format(figure="2.5"), "2025-02-21T16:45:00"))
    assert found[("^GSPC", 2.5)][1] == "contradicted"
    # control: a clock time of the close is the close
    found = table(moves(engine, "The S&P 500 closed down 1.5% at 4 p.m.", "2025-02-21T16:45:00"))
    assert found == {("^GSPC", 1.5): ("day", "contradicted")}


# ---- 13. a headline of an earlier version -----------------------------------------------------------------------

BODY = "\n\nStocks fell sharply on Friday. The Dow Jones Industrial Average ended down 749 points, or 1.7%."


def test_a_headline_kept_from_during_the_session(engine) -> None:  # type: ignore[no-untyped-def]
    def headline(text: str) -> str:
        found = [c for c in moves(engine, text + BODY, "2025-02-21T17:30:00") if c.claim.char_start == 0]
        assert len(found) == 1, [c.claim.sentence for c in found]
        return found[0].verdict.verdict

    assert headline("Dow Drops 600 Points as Consumer Sentiment Slumps") == "unverifiable"
    # controls: a figure the session never reached, or a headline that says it is the close, stays an accusation
    assert headline("Dow Drops 1,200 Points as Consumer Sentiment Slumps") == "contradicted"
    assert headline("Dow Closes Down 600 Points as Consumer Sentiment Slumps") == "contradicted"


# ---- 14. a day's figure before a period's, during the session ----------------------------------------------------

def test_a_days_figure_before_a_periods_in_one_clause(engine) -> None:  # type: ignore[no-untyped-def]
    text = "The S&P 500 is down {figure}% on Thursday and down nearly 3% so far this month."
    found = table(moves(engine, text.format(figure="0.5"), "2025-02-27T12:00:00"))
    assert found == {("^GSPC", 0.5): ("intraday", "supported")}
    # control: a figure the session never traded stays an accusation
    found = table(moves(engine, text.format(figure="2.5"), "2025-02-27T12:00:00"))
    assert found == {("^GSPC", 2.5): ("intraday", "contradicted")}
    # control: the month's own figure keeps its month
    found = table(moves(engine, "The S&P 500 is down nearly 3% so far this month.", "2025-02-27T12:00:00"))
    assert found[("^GSPC", 3.0)][0] == "month"


# ---- 15. a day after a since-span with its own object ------------------------------------------------------------

def test_a_day_after_a_since_span_is_the_records(engine) -> None:  # type: ignore[no-untyped-def]
    thursday = "2025-02-27T16:30:00"
    text = "The VIX closed at its highest since early {month} last Friday."
    assert extremes(engine, text.format(month="February"), thursday) == {"^VIX": "supported"}
    # control: a span the close of that Friday does not reach stays an accusation
    assert extremes(engine, text.format(month="January"), thursday) == {"^VIX": "contradicted"}
    # control: a record told of the piece's own day keeps its day
    found = [c for c in analyzed(engine, "The VIX closed at its highest since early February.", thursday)
             if c.claim.kind == "record"]
    assert [c.claim.session for c in found] == ["2025-02-27"]
