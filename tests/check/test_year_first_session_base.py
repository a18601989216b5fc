"""A calendar year's figure counted from the close of the year's first session (issue 12), through the real
pipeline and real prices, on sentences we wrote.

A chart set to a year starts at its first bar, so a writer who reads a year's gain off one counts it from the close
of the year's first session, not from the last close of the year before. Where the sentence names the year, that
base is the same period read the other way a writer may use: a figure that holds there is not an error, and a
figure that holds from neither base stays `contradicted`.

Facts used (from ../shared/data at run time): Nvidia closed at 49.52 on 2023-12-29, at 48.17 on 2024-01-02 and at
134.29 on 2024-12-31: +171.18% over calendar 2024, +178.78% from the close of 2024-01-02.
"""

from __future__ import annotations

from datetime import datetime

from analyzer.records import Article, CheckedClaim

SUNDAY_MORNING = "2025-02-09T08:00:00-05:00"
TEXT = ("Nvidia ( NVDA ) stock climbed {} percent in 2024, more than any other member of the Dow, and chip makers "
        "are expected to keep leading this year.")


def nvidia(engine, figure: str) -> CheckedClaim:  # type: ignore[no-untyped-def]
    article = Article(id=f"written-year-base-{figure}", text=TEXT.format(figure),
                      published=datetime.fromisoformat(SUNDAY_MORNING))
    found = [c for c in engine.analyze([article]) if c.claim.kind == "stock_move" and c.claim.instrument
             and c.claim.instrument.symbol == "NVDA"]
    assert found, f"no Nvidia move in {TEXT.format(figure)!r}"
    return found[0]


def test_a_years_figure_from_its_first_sessions_close_is_no_error(engine) -> None:  # type: ignore[no-untyped-def]
    checked = nvidia(engine, "179")
    assert checked.verdict.verdict == "supported", checked.verdict.explanation
    assert "from its first session's close (2024-01-02)" in checked.verdict.explanation


def test_the_usual_base_still_holds(engine) -> None:  # type: ignore[no-untyped-def]
    assert nvidia(engine, "171").verdict.verdict == "supported"


def test_a_figure_no_base_gives_stays_contradicted(engine) -> None:  # type: ignore[no-untyped-def]
    for figure in ("150", "190"):
        checked = nvidia(engine, figure)
        assert checked.verdict.verdict == "contradicted", checked.verdict.explanation
        assert "first session's close" in checked.verdict.explanation  # the reading was tried and named
