"""Issue 12, the wire audit's classes of false `contradicted` left after the first wire pass (wrong period,
over-reading), found again on sentences of ours: a verbless appositive's figure given to the main verb, a
trailing month read only as the calendar month, a close's own direction lost to the verb before it, and a
company's sales figure under a reporting-period heading read as its price over the quarter to date.

Every class has its control: a true price move in the same writing stays a claim, and one with a wrong figure stays
`contradicted`. Facts used (from ../shared/data at run time),
Wednesday 2025-02-12 against the close before:
Nvidia -1.25% (132.80 -> 131.14), +81.51% over the past 12 months; Exxon Mobil -3.87%, +4.05% over the past 12
months; Apple +1.83%; JPMorgan Chase +3.05% month to date, +14.83% since the close of 2025-01-13 (the past
month); Pfizer -4.00% since the close of 2024-12-31 (the quarter to date).
"""

from __future__ import annotations

from written import analyzed

from analyzer.records import CheckedClaim

WEDNESDAY_EVENING = "2025-02-12T18:00:00-05:00"


def moves(engine, text: str) -> list[CheckedClaim]:  # type: ignore[no-untyped-def]
    return [c for c in analyzed(engine, text, WEDNESDAY_EVENING) if c.claim.kind in ("stock_move", "index_move")]


def the_move(engine, text: str) -> CheckedClaim:  # type: ignore[no-untyped-def]
    found = moves(engine, text)
    assert len(found) == 1, (text, [(c.claim.direction, c.claim.change_pct, c.claim.period) for c in found])
    return found[0]


# ---- 1. a verbless appositive's figure is its own move ----------------------------------------------------------

def test_an_appositives_figure_keeps_its_own_direction_and_period(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Nvidia shares, up about 82 percent over the past 12 months, were down $1.66 at $131.14 on Wednesday."
    found = moves(engine, text)
    year = [c for c in found if c.claim.change_pct == 82.0]
    assert len(year) == 1 and year[0].claim.direction == "up" and year[0].claim.period == "year"
    assert year[0].verdict.verdict == "supported", year[0].verdict.explanation
    day = [c for c in found if c.claim.direction == "down"]
    assert len(day) == 1 and day[0].claim.period == "day" and day[0].claim.change_pct is None
    assert day[0].verdict.verdict == "supported", day[0].verdict.explanation
    # controls: a wrong appositive figure and a wrong day figure stay accusations
    wrong = moves(engine, text.replace("82 percent", "40 percent"))
    assert [c.verdict.verdict for c in wrong if c.claim.change_pct == 40.0] == ["contradicted"]
    text = "Exxon Mobil shares, up 4 percent over the past year, fell 3.9 percent on Wednesday."
    for figure, verdict in (("3.9", "supported"), ("1.9", "contradicted")):
        found = moves(engine, text.replace("3.9", figure))
        day = [c for c in found if c.claim.direction == "down"]
        assert len(day) == 1 and day[0].claim.change_pct == float(figure) and day[0].claim.period == "day"
        assert day[0].verdict.verdict == verdict, day[0].verdict.explanation
        year = [c for c in found if c.claim.direction == "up"]
        assert len(year) == 1 and year[0].claim.change_pct == 4.0 and year[0].verdict.verdict == "supported"
    # two names, each with its appositive figure (the parse hangs the second on the first name): each its own
    found = moves(engine, "Shares of Nvidia, down 1.3 percent, and Exxon Mobil, down nearly 4 percent, were among "
                          "the biggest losers.")
    assert sorted((c.claim.instrument.symbol, c.claim.change_pct, c.verdict.verdict) for c in found) == \
        [("NVDA", 1.3, "supported"), ("XOM", 4.0, "supported")]


# ---- 2. 'over the past month' is also the trailing month ----------------------------------------------------------

def test_a_past_months_figure_is_tried_over_the_trailing_month(engine) -> None:  # type: ignore[no-untyped-def]
    for words in ("over the past month", "during the past month", "in the past month"):
        item = the_move(engine, f"JPMorgan Chase shares have soared 15 percent {words}.")
        assert item.claim.period == "month", words
        assert item.verdict.verdict == "supported", (words, item.verdict.explanation)
        # control: a figure no reading holds stays contradicted, with the trailing month among the readings tried
        item = the_move(engine, f"JPMorgan Chase shares have soared 25 percent {words}.")
        assert item.verdict.verdict == "contradicted" and "the past month" in item.verdict.explanation
    # control: the calendar month's words keep the calendar month alone
    assert the_move(engine, "JPMorgan Chase shares have gained 3 percent this month.").verdict.verdict == "supported"
    assert the_move(engine, "JPMorgan Chase shares have gained 15 percent this month.").verdict.verdict == \
        "contradicted"


# ---- 3. the close's own direction word and figure win over the verb before it ------------------------------------

def test_the_closing_figure_and_its_direction_win(engine) -> None:  # type: ignore[no-untyped-def]
    for text, direction, figure in (
            ("Exxon Mobil shares rebounded to close down 3.9 percent on Wednesday.", "down", 3.9),
            ("Apple shares rose to close up 1.8 percent on Wednesday.", "up", 1.8)):
        item = the_move(engine, text)
        assert (item.claim.direction, item.claim.change_pct) == (direction, figure), text
        assert item.verdict.verdict == "supported", item.verdict.explanation
        # control: a wrong closing figure is an accusation (it was read as the verb's direction alone before)
        wrong = the_move(engine, text.replace(str(figure), str(figure + 3)))
        assert wrong.claim.change_pct == figure + 3 and wrong.verdict.verdict == "contradicted"
    found = moves(engine, "Nvidia shares fell as much as 4 percent but rebounded to close down 1.3 percent.")
    assert sorted((c.claim.direction, c.claim.change_pct) for c in found) == [("down", 1.3), ("down", 4.0)]
    assert all(c.verdict.verdict == "supported" for c in found)
    # control: a level after the close stays the first verb's, with its own figure
    item = the_move(engine, "Apple shares rose 1.8 percent to close at $236.87 on Wednesday.")
    assert (item.claim.direction, item.claim.change_pct, item.claim.level) == ("up", 1.8, 236.87)


# ---- 4. a reporting period's figure of a company named with its ticker is no price claim -------------------------

def test_a_reporting_periods_figure_after_a_ticker_is_no_price_claim(engine) -> None:  # type: ignore[no-untyped-def]
    for text in ("In the latest quarter, Pfizer (PFE) increased 6%, Apple (AAPL) fell 2%.",
                 "In the fourth quarter, Pfizer (NYSE: PFE) increased 6%."):
        assert moves(engine, text) == [], text
    # controls: a price word keeps the claim, right or wrong; a results word after the move does not drop it
    assert the_move(engine, "In the latest quarter, Pfizer (PFE) shares fell 4%.").verdict.verdict == "supported"
    assert the_move(engine, "In the latest quarter, Pfizer (PFE) shares fell 9%.").verdict.verdict == "contradicted"
    item = the_move(engine, "Pfizer (PFE) fell 3% on Wednesday, a day after it reported fourth-quarter results.")
    assert item.claim.period == "day" and item.verdict.verdict == "contradicted"
    assert the_move(engine, "For the quarter, Pfizer fell 9%.").verdict.verdict == "contradicted"
