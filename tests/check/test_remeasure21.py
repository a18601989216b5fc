"""False alarms still live on the studied audits at 7feb38b (issue 12, session 21's re-measure), through the real
pipeline and real prices, on sentences we wrote. Each rule has its control: the same words where no reading holds
stay `contradicted`.

Facts used (from ../shared/data at run time): the Dow closed 1.54% lower on 2005-06-30 than on 2004-06-30, and
5.79% higher on 2005-07-21 than on 2004-07-21; Johnson & Johnson (dividend-adjusted closes only) gained 3.46% in
the 12 months to 2007-11-20 (about 1% as traded: the adjusted closes add a yield near 2.5%), 9.88% in the 12 months
to 2008-03-20 and lost 3.26% in those to 2008-02-08.
"""

from __future__ import annotations

from datetime import datetime

from analyzer.records import Article, CheckedClaim


def claim_on(engine, text: str, published: str, symbol: str) -> CheckedClaim:  # type: ignore[no-untyped-def]
    """The move claim on ``symbol``."""
    article = Article(id=f"written-{abs(hash((text, published)))}", text=text,
                      published=datetime.fromisoformat(published))
    found = [c for c in engine.analyze([article]) if c.claim.instrument and c.claim.instrument.symbol == symbol
             and c.claim.kind in ("index_move", "stock_move")]
    assert found, f"no move on {symbol} in {text!r}"
    return found[0]


# ---- 'flat' over a year: a tolerance that grows with the span ---------------------------------------------------


FLAT_YEAR = "The Dow Jones industrial average has been flat over the past 12 months, while bond prices rallied."


def test_flat_over_a_year_allows_a_years_wander(engine) -> None:  # type: ignore[no-untyped-def]
    right = claim_on(engine, FLAT_YEAR, "2005-06-30T17:30:00-04:00", "^DJI")  # -1.54%
    assert right.verdict.verdict == "supported", right.verdict.explanation


def test_flat_over_a_year_is_no_six_percent_gain(engine) -> None:  # type: ignore[no-untyped-def]
    wrong = claim_on(engine, FLAT_YEAR, "2005-07-21T17:30:00-04:00", "^DJI")  # +5.79%
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_flat_for_a_day_keeps_a_days_tolerance(engine) -> None:  # type: ignore[no-untyped-def]
    # the same day's -0.96% is no flat session
    wrong = claim_on(engine, "The Dow Jones industrial average ended flat on Thursday.", "2005-06-30T17:30:00-04:00",
                     "^DJI")
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


FLAT_STOCK = "Johnson & Johnson's stock has been flat over the past year, as investors fretted about drug patents."


def test_flat_on_adjusted_closes_leaves_room_for_dividends(engine) -> None:  # type: ignore[no-untyped-def]
    # +3.46% in dividend-adjusted closes is about +1% as traded
    right = claim_on(engine, FLAT_STOCK, "2007-11-20T17:30:00-05:00", "JNJ")
    assert right.verdict.verdict == "supported", right.verdict.explanation


def test_dividends_do_not_excuse_a_fall_or_a_large_gain(engine) -> None:  # type: ignore[no-untyped-def]
    # dividends put the traded price below the adjusted closes, never above: a -3.26% stays a fall; +9.88% a gain
    for published in ("2008-02-08T17:30:00-05:00", "2008-03-20T17:30:00-04:00"):
        wrong = claim_on(engine, FLAT_STOCK, published, "JNJ")
        assert wrong.verdict.verdict == "contradicted", (published, wrong.verdict.explanation)
