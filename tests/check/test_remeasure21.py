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


# ---- a record the words place earlier in the session ------------------------------------------------------------
# Bank of America (adjusted closes only, no high/low) closed on 2009-02-05 above its 2009-02-04 close: its close was
# no low since 1984, whatever the session's low was.


def record_on(engine, text: str, published: str, symbol: str) -> CheckedClaim:  # type: ignore[no-untyped-def]
    article = Article(id=f"written-{abs(hash((text, published)))}", text=text,
                      published=datetime.fromisoformat(published))
    found = [c for c in engine.analyze([article]) if c.claim.kind == "record" and c.claim.instrument
             and c.claim.instrument.symbol == symbol]
    assert found, f"no record on {symbol} in {text!r}"
    return found[0]


EVENING = "2009-02-05T18:30:00-05:00"


def test_a_low_reached_early_in_the_session_is_no_close(engine) -> None:  # type: ignore[no-untyped-def]
    for text in ("Bank of America shares slid early to their lowest level since 1984 on worries about loan losses, "
                 "but later bounced back as financial stocks rallied.",
                 "Shares of Citigroup rose 4 percent, while Bank of America, which earlier had dropped more than 10 "
                 "percent to its lowest level since 1984, ended up 3 percent."):
        record = record_on(engine, text, EVENING, "BAC")
        assert record.verdict.verdict == "unverifiable", (text, record.verdict.explanation)


def test_a_low_the_words_put_at_the_close_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    # a close word between the early words and the record ties the record to the close; since session 23 a stock's
    # record is never an accusation (check.standing: in the studied audits none was a real error), so the close
    # reading is no longer withdrawn by this look but by the kind of claim, with its own reason
    for text in ("Bank of America shares ended at their lowest level since 1984 on worries about loan losses.",
                 "Bank of America shares slid early, and they ended at their lowest level since 1984."):
        record = record_on(engine, text, EVENING, "BAC")
        assert record.verdict.verdict == "unverifiable", (text, record.verdict.explanation)
        assert "could not be ruled out" in record.verdict.explanation


def test_a_flat_day_is_not_excused_by_a_years_reading(engine) -> None:  # type: ignore[no-untyped-def]
    # the span readings a second look tries for a day's claim keep the day's tolerance for 'flat'
    wrong = claim_on(engine, "The Dow Jones industrial average ended flat on Thursday.", "2005-06-30T17:30:00-04:00",
                     "^DJI")
    assert "past 12 months" not in wrong.verdict.explanation.split("Readings tried")[0], wrong.verdict.explanation
