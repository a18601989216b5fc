"""The classes of false alarms in the development study `corpora/audit/dev_stories_mix_seed2222` (issue 12), through
the real pipeline and real prices, on sentences we wrote. Each fix has its control: words outside the class, with a
figure no reading gives, stay `contradicted`.

Facts used (from ../shared/data at run time): the Dow closed at 7,062.93 on 2009-02-27, at its March low of 6,547.05
on 2009-03-09 and at 9,829.87 on 2009-09-22 (+50.1% from the March low, +39.2% from the February close); Hartford
(adjusted closes) 10.93 on 2009-06-01, 10.72-10.75 on 2009-06-03/05 and 19.80 on 2009-09-29 (+81.1% from June 1,
+84.2% to +84.8% from June 3-5); on 2006-12-29, the year's last session, the Nasdaq fell 0.42% (+9.52% in 2006) and the
Dow 0.31% (+16.29% in 2006); GE (adjusted closes) rose 5.15% on 2009-01-27.
"""

from __future__ import annotations

from datetime import datetime

from analyzer.records import Article, CheckedClaim


def move(engine, text: str, published: str, symbol: str) -> CheckedClaim:  # type: ignore[no-untyped-def]
    """The move claim on ``symbol`` (with a figure where the sentence gives one)."""
    article = Article(id=f"written-{abs(hash((text, published)))}", text=text,
                      published=datetime.fromisoformat(published))
    found = [c for c in engine.analyze([article]) if c.claim.instrument and c.claim.instrument.symbol == symbol
             and c.claim.kind in ("index_move", "stock_move")]
    found.sort(key=lambda c: c.claim.change_pct is None)
    assert found, f"no move on {symbol} in {text!r}"
    return found[0]


# ---- 'since March': a rally counted from the month's low ---------------------------------------------------------

WEDNESDAY_MORNING = "2009-09-23T08:16:00-04:00"


def test_since_a_month_is_read_from_its_low(engine) -> None:  # type: ignore[no-untyped-def]
    # no verb of state: the figure's 'since March' used to be cut off as a clause; +45.3% from the month's first
    # close, +50.1% from its lowest close
    text = ("Economies are healing and markets are rebounding, with the blue-chip Dow industrials .DJI up {} "
            "percent since March, yet regulators have done little.")
    right = move(engine, text.format("50"), WEDNESDAY_MORNING, "^DJI")
    assert right.verdict.verdict != "contradicted", right.verdict.explanation
    wrong = move(engine, text.format("70"), WEDNESDAY_MORNING, "^DJI")
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


# ---- 'since early June': a base in the month's first week ---------------------------------------------------------

TUESDAY_EVENING = "2009-09-29T19:10:00-04:00"


def test_since_early_in_a_month_is_read_from_its_first_week(engine) -> None:  # type: ignore[no-untyped-def]
    text = ("Hartford Financial Services Group Inc ( HIG.N ) shares have climbed {} percent since early June, the "
            "insurer said.")
    right = move(engine, text.format("84"), TUESDAY_EVENING, "HIG")
    assert right.verdict.verdict != "contradicted", right.verdict.explanation
    wrong = move(engine, text.format("120"), TUESDAY_EVENING, "HIG")
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


# ---- the year's figures on its last session, after a sentence that names the year -------------------------------

YEARS_LAST_SESSION = "2006-12-29T16:49:00-05:00"
YEAR_BEFORE = "Weak chip makers kept the Nasdaq from a double-digit rise for the year. "


def test_the_years_figures_on_its_last_session(engine) -> None:  # type: ignore[no-untyped-def]
    text = YEAR_BEFORE + "The Nasdaq finished up {} percent and the Dow industrials jumped 16.3 percent."
    right = move(engine, text.format("9.5"), YEARS_LAST_SESSION, "^IXIC")
    assert right.verdict.verdict != "contradicted", right.verdict.explanation
    dow = move(engine, text.format("9.5"), YEARS_LAST_SESSION, "^DJI")
    assert dow.verdict.verdict != "contradicted", dow.verdict.explanation
    wrong = move(engine, text.format("19.5"), YEARS_LAST_SESSION, "^IXIC")
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_the_days_own_words_on_the_years_last_session_stay_the_day(engine) -> None:  # type: ignore[no-untyped-def]
    # the sentence's own time words ('on the day') keep the session's move: the year's figure is wrong for it
    text = YEAR_BEFORE + "The Nasdaq finished up 9.5 percent on the day, while chip stocks slipped."
    wrong = move(engine, text, YEARS_LAST_SESSION, "^IXIC")
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_the_years_figures_need_the_year_named_before(engine) -> None:  # type: ignore[no-untyped-def]
    # the sentence before names no period: the same words on the year's last session are the day's
    text = ("Weak chip makers weighed on the Nasdaq. "
            "The Nasdaq finished up 9.5 percent and the Dow industrials jumped 16.3 percent.")
    wrong = move(engine, text, YEARS_LAST_SESSION, "^IXIC")
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


# ---- 'in post-market trading': a quote after the close ----------------------------------------------------------

TUESDAY_NIGHT = "2009-01-27T18:25:00-05:00"


def test_a_post_market_quote_is_not_the_session(engine) -> None:  # type: ignore[no-untyped-def]
    text = "General Electric ( GE.N ) stock was 4.6 percent lower at $12.46 in post-market trading, below its close."
    quote = move(engine, text, TUESDAY_NIGHT, "GE")
    assert quote.verdict.verdict != "contradicted", quote.verdict.explanation


def test_the_same_fall_told_of_the_session_stays_accused(engine) -> None:  # type: ignore[no-untyped-def]
    text = "General Electric ( GE.N ) stock was 4.6 percent lower at $12.46 on Tuesday, below Monday's close."
    wrong = move(engine, text, TUESDAY_NIGHT, "GE")
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation
