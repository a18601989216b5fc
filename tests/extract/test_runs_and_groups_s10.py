"""Runs told without 'straight' and records of the main indexes named together (issue 13, session 10), on
sentences we wrote, through the real spaCy pipeline. Each test holds one class of writing and a control."""

from __future__ import annotations

from datetime import datetime

from analyzer.extract import extract_claims
from analyzer.records import Article, Claim

AFTER_CLOSE = datetime.fromisoformat("2025-08-26T20:00:00-04:00")  # a Tuesday evening
MOVE_KINDS = ("index_move", "stock_move", "comparison", "record", "streak")


def claims_in(nlp, text: str) -> list[Claim]:  # noqa: ANN001
    found = extract_claims([Article(id="t", text=text, published=AFTER_CLOSE)], nlp)
    return [c for c in found if c.kind in MOVE_KINDS]


def runs(nlp, text: str) -> list[tuple[str | None, str | None, int | None, str | None, str | None]]:  # noqa: ANN001
    return [(c.instrument.symbol if c.instrument else None, c.direction, c.length, c.unit, c.what)
            for c in claims_in(nlp, text) if c.kind == "streak"]


def test_the_first_move_in_a_span_ends_a_run_the_other_way(nlp) -> None:  # noqa: ANN001
    # four sessions with this one: three the other way before it
    assert runs(nlp, "The S&P 500 rose for the first time in four sessions.") == \
        [("^GSPC", "down", 3, "day", "ended_streak")]
    assert runs(nlp, "The Nasdaq fell for the first time in six days.") == [("^IXIC", "up", 5, "day", "ended_streak")]
    assert runs(nlp, "The Dow posted its first gain in five sessions.") == [("^DJI", "down", 4, "day", "ended_streak")]
    assert runs(nlp, "The S&P 500 rose 1.1% on Tuesday, its first advance in four sessions.") == \
        [("^GSPC", "down", 3, "day", "ended_streak")]
    assert runs(nlp, "Apple shares posted their first weekly loss in three weeks.") == \
        [("AAPL", "up", 2, "week", "ended_streak")]


def test_first_time_in_a_span_controls(nlp) -> None:  # noqa: ANN001
    # a level crossed, not a run ended; a span of months or years; no move; no instrument
    assert runs(nlp, "The Dow closed above 45,000 for the first time in five weeks.") == []
    assert runs(nlp, "The Nasdaq rose for the first time in three months.") == []
    assert runs(nlp, "The Dow traded for the first time in four sessions without a circuit breaker.") == []
    assert runs(nlp, "Retail sales rose for the first time in four months.") == []


def test_back_to_back_moves_and_a_run_told_in_a_row(nlp) -> None:  # noqa: ANN001
    assert runs(nlp, "The Dow posted back-to-back gains for the first time since July.") == \
        [("^DJI", "up", 2, "day", None)]
    assert runs(nlp, "The Nasdaq suffered back-to-back weekly losses.") == [("^IXIC", "down", 2, "week", None)]
    assert runs(nlp, "The S&P 500 rose 0.5%, its seventh gain in a row.") == [("^GSPC", "up", 7, "day", None)]
    assert runs(nlp, "The Dow fell 1.2%, its fourth weekly decline in a row.") == [("^DJI", "down", 4, "week", None)]


def test_back_to_back_controls(nlp) -> None:  # noqa: ANN001
    # business figures, not price moves
    assert runs(nlp, "Apple posted back-to-back quarterly gains in revenue.") == []
    assert claims_in(nlp, "The company reported its seventh gain in a row in same-store sales.") == []


def test_a_record_set_again_for_an_ordinal_day(nlp) -> None:  # noqa: ANN001
    found = [c for c in claims_in(nlp, "The Nasdaq notched a record close for a second day.") if c.kind == "record"]
    assert [(c.instrument.symbol, c.what) for c in found] == [("^IXIC", "record_close_high")]
    # control: a record phrase measured over a span is no record
    assert [c for c in claims_in(nlp, "The Nasdaq posted a record high in two weeks of trading.")
            if c.kind == "record"] == []


def test_the_main_indexes_named_together(nlp) -> None:  # noqa: ANN001
    text = ("The dollar's drop hurt demand, causing the three major U.S. stock indexes to register their worst day in "
            "months on Monday.")
    worst = [c for c in claims_in(nlp, text) if c.kind == "comparison"]
    assert sorted(c.instrument.symbol for c in worst) == ["^DJI", "^GSPC", "^IXIC"]
    assert {(c.relation, c.direction, c.session) for c in worst} == {("worst_since", "down", "2025-08-25")}
    assert sorted(runs(nlp, "The three major U.S. stock indexes rose for a third straight session.")) == \
        [(symbol, "up", 3, "day", None) for symbol in ("^DJI", "^GSPC", "^IXIC")]


def test_the_main_indexes_controls(nlp) -> None:  # noqa: ANN001
    # other countries' indexes; a group that is not the record's subject
    assert claims_in(nlp, "Major European indexes posted their worst day in months.") == []
    found = claims_in(nlp, "The Dow closed at a record high while the three major U.S. indexes rose.")
    assert [(c.kind, c.instrument.symbol) for c in found if c.kind == "record"] == [("record", "^DJI")]
