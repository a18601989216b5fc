"""Classes of false alarms found in the fresh development audits of session 26
(`corpora/audit/dev_stories_2007_seed7607`, `dev_stories_2006_seed7606`, `dev_stories_2009_seed7609`) and met
again in the studied audits (issue 12), through the real pipeline and real prices, on sentences we wrote. Each fix
has a control that stays `contradicted`.

Facts used (from ../shared/data at run time): the federal funds target stayed at 5.25% from 2006-06-29 to 2007-09-18
(no change in August 2006, a hold; none on 2007-04-11, 2007-08-17 or 2007-09-07); Citigroup closed -7.25% on
2009-12-17 and +2.18% on 2008-11-25 in the data, which has no high-low range for the stock.
"""

from __future__ import annotations

from datetime import datetime

from analyzer.records import Article, CheckedClaim


def checked(engine, text: str, published: str, kind: str) -> list[CheckedClaim]:  # type: ignore[no-untyped-def]
    article = Article(id=f"written-{abs(hash((text, published)))}", text=text,
                      published=datetime.fromisoformat(published))
    found = [c for c in engine.analyze([article]) if c.claim.kind == kind]
    assert found, f"no {kind} claim in {text!r}"
    return found


def verdicts(found: list[CheckedClaim]) -> list[str]:
    return [c.verdict.verdict for c in found]


# ---- the discount rate: named before the funds rate, or named by the piece when the sentence names no rate --------

AUGUST_FRIDAY = "2007-08-17T18:30:00-04:00"
AUGUST_SUNDAY = "2007-08-19T19:00:00-04:00"


def test_discount_rate_named_before_the_funds_rate(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("The Federal Reserve lowered its discount rate by half a point on Friday and said it stood ready to cut "
            "the funds rate should markets worsen.")
    found = checked(engine, text, AUGUST_FRIDAY, "rate_policy")
    assert "contradicted" not in verdicts(found), [c.verdict.explanation for c in found]


def test_funds_rate_cut_named_first_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("The Federal Reserve lowered the federal funds rate by half a point on Friday and also cut its discount "
            "rate.")
    found = checked(engine, text, AUGUST_FRIDAY, "rate_policy")
    assert "contradicted" in verdicts(found), [c.verdict.explanation for c in found]


def test_unnamed_rate_in_a_piece_about_the_discount_rate(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("The Fed on Friday reduced the discount rate it charges banks by half a point, leaving its main target at "
            "5.25 percent. Tokyo index futures clawed back part of their losses once the Fed lowered a key interest "
            "rate on Friday.")
    found = checked(engine, text, AUGUST_SUNDAY, "rate_policy")
    assert "contradicted" not in verdicts(found), [c.verdict.explanation for c in found]
    assert any("discount rate" in c.verdict.explanation for c in found)


def test_unnamed_rate_in_a_piece_without_the_discount_rate_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Tokyo index futures clawed back part of their losses once the Fed lowered a key interest rate on Friday."
    found = checked(engine, text, AUGUST_SUNDAY, "rate_policy")
    assert "contradicted" in verdicts(found), [c.verdict.explanation for c in found]


# ---- a move the sentence weighs as a possibility ('might ... cutting') ----------------------------------------------

APRIL_EVENING = "2007-04-11T16:30:00-04:00"
SEPTEMBER_FRIDAY = "2007-09-07T18:00:00-04:00"


def test_a_cut_someone_thinks_might_come_is_no_decision(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Bonds gained as dealers, sensing the Fed might be inching closer to cutting interest rates, bought notes."
    found = checked(engine, text, APRIL_EVENING, "rate_policy")
    assert verdicts(found) == ["unverifiable"] * len(found), [c.verdict.explanation for c in found]
    text = ("Some dealers wondered whether the Fed might feel compelled to take the unusual measure of reducing the "
            "federal funds rate, which has sat at 5.25 percent for over a year, before the meeting.")
    found = checked(engine, text, SEPTEMBER_FRIDAY, "rate_policy")
    assert "contradicted" not in verdicts(found), [c.verdict.explanation for c in found]


def test_a_cut_reported_with_a_modal_after_it_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    # the modal weighs the cut's effect, not the cut
    text = "The central bank cut the federal funds rate on Friday, a step that could calm markets."
    found = checked(engine, text, SEPTEMBER_FRIDAY, "rate_policy")
    assert "contradicted" in verdicts(found), [c.verdict.explanation for c in found]


# ---- a run of hikes the sentence says has ended: the latest decision is a hold -------------------------------------

NOVEMBER_2006 = "2006-11-15T15:00:00-05:00"


def test_hikes_before_pausing_are_read_as_the_pause(engine) -> None:  # type: ignore[no-untyped-def]
    for text in ("The Fed lifted rates at 17 meetings in a row before pausing in August, and has kept them on hold "
                 "since.",
                 "In August the Fed ended a two-year campaign of raising borrowing costs and has kept its target at "
                 "5.25 percent since."):
        found = checked(engine, text, NOVEMBER_2006, "rate_policy")
        assert "contradicted" not in verdicts(found), [c.verdict.explanation for c in found]


def test_a_hike_in_august_2006_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, "The Fed lifted rates in August.", NOVEMBER_2006, "rate_policy")
    assert "contradicted" in verdicts(found), [c.verdict.explanation for c in found]


# ---- a price touched ('fell as low as'), not the close --------------------------------------------------------------

DECEMBER_EVENING = "2009-12-17T18:30:00-05:00"
JANUARY_NOON = "2009-01-12T12:00:00-05:00"


def test_fell_as_low_as_without_a_range_is_not_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, "Shares of Citigroup fell as low as $3.15 on Thursday, down 8.7 percent.",
                    DECEMBER_EVENING, "stock_move")
    assert verdicts(found) == ["unverifiable"], [c.verdict.explanation for c in found]
    assert "furthest the price went" in found[0].verdict.explanation


def test_a_close_with_the_same_figure_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, "Shares of Citigroup fell 8.7 percent to close at $3.15 on Thursday.",
                    DECEMBER_EVENING, "stock_move")
    assert verdicts(found) == ["contradicted"], [c.verdict.explanation for c in found]


def test_a_low_touched_on_a_past_day_gives_no_direction(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, "Citigroup shares dipped as low as $5.70 on November 25.", JANUARY_NOON, "stock_move")
    assert verdicts(found) == ["unverifiable"], [c.verdict.explanation for c in found]


def test_a_fall_on_a_past_day_that_rose_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    found = checked(engine, "Citigroup shares dipped on November 25.", JANUARY_NOON, "stock_move")
    assert verdicts(found) == ["contradicted"], [c.verdict.explanation for c in found]



def test_a_high_touched_then_the_close_keeps_the_close(engine) -> None:  # type: ignore[no-untyped-def]
    # the figure after 'closed' is the close's: 'as high as' earlier in the span does not make it a touched price
    text = ("The news lifted Citigroup shares as high as $3.40 on Thursday before they closed at $3.15, down 8.7 "
            "percent.")
    found = checked(engine, text, DECEMBER_EVENING, "stock_move")
    assert "contradicted" in verdicts(found), [c.verdict.explanation for c in found]
