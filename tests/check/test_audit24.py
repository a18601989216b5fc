"""The classes of false alarms in the development study `corpora/audit/dev_stories_2007_seed2407` (issue 12), through
the real pipeline and real prices, on sentences we wrote. Each fix has its control: words outside the class, or a
figure no reading gives, stay `contradicted`.

Facts used (from ../shared/data at run time): the NYSE was shut from 2001-09-11 to 2001-09-14; the Dow fell 684.81
points on 2001-09-17, the first session after, and 416.02 points on 2007-02-27, its largest point drop since; it closed
at 12,354.35 on 2007-03-30, 3.4% under its record close then (12,786.64 on 2007-02-20), and the S&P 500 at 1,515.73
on 2007-05-25, under its record close of 2000 (1,527.46); Apple's closes in the data are split-adjusted (3.07 -> 3.19,
+3.9%, on 2007-02-21, when the stock traded near $86-$89).
"""

from __future__ import annotations

from datetime import datetime

from analyzer.records import Article, CheckedClaim


def claims(engine, text: str, published: str, symbol: str, kinds: tuple[str, ...]) -> list[CheckedClaim]:  # type: ignore[no-untyped-def]
    article = Article(id=f"written-{abs(hash((text, published)))}", text=text,
                      published=datetime.fromisoformat(published))
    found = [c for c in engine.analyze([article]) if c.claim.instrument and c.claim.instrument.symbol == symbol
             and c.claim.kind in kinds]
    assert found, f"no {kinds} claim on {symbol} in {text!r}"
    return found


# ---- 'since' a day the market was shut: met at the first session after it ----------------------------------------

CRASH_EVENING = "2007-02-27T18:56:00-05:00"


def test_worst_since_a_day_the_market_was_shut(engine) -> None:  # type: ignore[no-untyped-def]
    # the last bigger point drop was 2001-09-17, the first session after the attacks
    text = ("The Dow Jones industrial average fell 416.02 points on Tuesday, its biggest one-day point decline since "
            "the September 11, 2001, attacks.")
    found = claims(engine, text, CRASH_EVENING, "^DJI", ("comparison",))
    assert all(c.verdict.verdict != "contradicted" for c in found), [c.verdict.explanation for c in found]


def test_worst_since_a_trading_day_before_it_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    # control: 2001-09-06 was a session, and bigger drops followed it (2001-09-17): the named day is not the last
    text = ("The Dow Jones industrial average fell 416.02 points on Tuesday, its biggest one-day point decline since "
            "September 6, 2001.")
    found = claims(engine, text, CRASH_EVENING, "^DJI", ("comparison",))
    assert any(c.verdict.verdict == "contradicted" for c in found), [c.verdict.explanation for c in found]


# ---- a level near its record, not at it ---------------------------------------------------------------------------

FRIDAY_EVENING = "2007-03-30T17:20:00-04:00"
MAY_FRIDAY_EVENING = "2007-05-25T17:05:00-04:00"


def test_near_record_highs_are_no_record(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Strong bank earnings helped propel the Dow Jones industrial average to near-record highs on Friday."
    found = claims(engine, text, FRIDAY_EVENING, "^DJI", ("record",))
    assert all(c.verdict.verdict == "unverifiable" for c in found), [c.verdict.explanation for c in found]
    assert "near its record" in found[0].verdict.explanation


def test_a_record_resisted_is_no_record(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("Stocks struggled this week as the Standard & Poor's 500 index .SPX battled a resistance level of its "
            "record closing high.")
    found = claims(engine, text, MAY_FRIDAY_EVENING, "^GSPC", ("record",))
    assert all(c.verdict.verdict != "contradicted" for c in found), [c.verdict.explanation for c in found]


def test_record_highs_set_stay_accused(engine) -> None:  # type: ignore[no-untyped-def]
    # control: the same words without 'near' claim a record the Dow was 3.4% short of
    text = "Strong bank earnings helped propel the Dow Jones industrial average to record highs on Friday."
    found = claims(engine, text, FRIDAY_EVENING, "^DJI", ("record",))
    assert any(c.verdict.verdict == "contradicted" for c in found), [c.verdict.explanation for c in found]


# ---- a dollar change against split-adjusted closes ----------------------------------------------------------------

WEDNESDAY_EVENING = "2007-02-21T19:07:00-05:00"


def test_a_dollar_change_is_not_read_on_split_adjusted_closes(engine) -> None:  # type: ignore[no-untyped-def]
    # $3.30 on a price near $86 is +3.8%; the data's split-adjusted closes moved 0.12
    text = ("The Nasdaq ended higher on Wednesday, helped by technology bellwethers including Apple, up 3.8 percent, "
            "or $3.30, at $89.20.")
    found = claims(engine, text, WEDNESDAY_EVENING, "AAPL", ("stock_move",))
    assert any(c.claim.change_points == 3.3 for c in found), [c.claim for c in found]
    assert all(c.verdict.verdict == "supported" for c in found), [c.verdict.explanation for c in found]


def test_a_wrong_percentage_beside_a_dollar_change_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    # control: the percentage is still read (8.8% against +3.9%)
    text = ("The Nasdaq ended higher on Wednesday, helped by technology bellwethers including Apple, up 8.8 percent, "
            "or $7.20, at $89.20.")
    found = claims(engine, text, WEDNESDAY_EVENING, "AAPL", ("stock_move",))
    assert any(c.verdict.verdict == "contradicted" for c in found), [c.verdict.explanation for c in found]
