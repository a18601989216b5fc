"""Comparisons, records and runs in wordings found on a fresh file of wraps, price stories and wire bullets (issue 13,
session 29, `corpora/train/cmp29.jsonl`), on sentences we wrote, through the real spaCy pipeline and, where a verdict
is at stake, real closes. Each test holds one class of writing and a control."""

from __future__ import annotations

from datetime import datetime

from analyzer.extract import extract_claims
from analyzer.records import Article
from tests.written import checked, of_kind
from tests.written import move_claims_in as claims_in

ASX_MORNING = datetime.fromisoformat("2025-02-12T10:20:00+08:00")  # an ASX session under way


def _bullets(nlp, text: str):  # noqa: ANN001, ANN202
    return extract_claims([Article(id="t", text=text, title="Acme Mining shares move", published=ASX_MORNING)], nlp)


def test_a_superlative_told_as_what_the_session_is_heading_for(nlp) -> None:  # noqa: ANN001
    # "set for" / "on track for ..., if gains hold": the day is not over, so the superlative is hypothetical (the
    # article may be missing: wire bullets write "set for biggest intraday pct drop since")
    text = "\\*\\* Shares of Acme Mining fall 3.1% to A$4.20; set for biggest intraday pct drop since January 6"
    [found] = of_kind(_bullets(nlp, text), "comparison")
    assert (found.relation, found.modality, found.instrument.name) == ("worst_since", "hypothetical", "Acme Mining")
    text = "\\*\\* Shares of Acme Mining rise 2% to A$3.30\n" \
           "\\*\\* Stock on track for best week since July 19, if gains hold"
    [found] = of_kind(_bullets(nlp, text), "comparison")
    assert (found.relation, found.modality, found.instrument.name) == ("best_since", "hypothetical", "Acme Mining")
    text = "\\*\\* Shares of Acme Mining rise 6% to A$3.30\n" \
           "\\*\\* The shares are heading for their best day in 12 months, if gains hold"
    [found] = of_kind(_bullets(nlp, text), "comparison")
    assert (found.relation, found.modality) == ("best_since", "hypothetical")
    # controls: a superlative told as done stays reported; a bare superlative of a thing no instrument names is none
    text = "\\*\\* Shares of Acme Mining fall 3.1% to A$4.20, their biggest intraday pct drop since January 6"
    [found] = of_kind(_bullets(nlp, text), "comparison")
    assert found.modality == "reported"
    text = "\\*\\* Shares of Acme Mining rise 6% to A$3.30\n" \
           "\\*\\* Stock posts biggest intraday pct gain since December 2022"
    [found] = of_kind(_bullets(nlp, text), "comparison")
    assert (found.relation, found.modality) == ("best_since", "reported")
    assert of_kind(claims_in(nlp, "Gold prices were set for biggest weekly gain since March."), "comparison") == []


def test_a_record_the_index_is_on_course_to_set(nlp) -> None:  # noqa: ANN001
    [record] = of_kind(claims_in(nlp, "The Dow Jones industrial average looked on course to end at yet another "
                                      "record high."), "record")
    assert record.modality == "hypothetical"
    # control: a record set
    [record] = of_kind(claims_in(nlp, "The Dow Jones industrial average closed at another record high."), "record")
    assert record.modality == "reported"


def test_a_run_ended_told_by_the_clauses_own_verb(nlp, market) -> None:  # noqa: ANN001
    # 19 June 2009: the three main indexes fell on the week after four weekly gains (the day itself was up for two)
    text = "The Nasdaq and the S&P 500 edged up on Friday on upbeat broker notes, though the major averages lost " \
           "ground on the week, for the first time in 5 weeks."
    rows = [(r.claim.instrument.symbol, r.claim.direction, r.claim.length, r.claim.unit, r.verdict.verdict)
            for r in checked(nlp, market, text, "2009-06-19T17:00:00") if r.claim.kind == "streak"]
    assert sorted(rows) == [(s, "up", 4, "week", "supported") for s in ("^DJI", "^GSPC", "^IXIC")]
    # control: the move that ends the run is the holder's own
    [streak] = of_kind(claims_in(nlp, "The Nasdaq Composite index fell 1 percent for the first time in six "
                                      "sessions."), "streak")
    assert (streak.direction, streak.length, streak.what) == ("up", 5, "ended_streak")


def test_a_record_reached_as_much_as_a_figure_is_the_sessions_high(nlp) -> None:  # noqa: ANN001
    [record] = of_kind(claims_in(nlp, "Among individual stocks, Acme Resources jumped as much as 8.2% to its record "
                                      "high after results beat estimates."), "record")
    assert (record.what, record.period) == ("record_intraday_high", "intraday")
    # control: a record the move closed at
    [record] = of_kind(claims_in(nlp, "Among individual stocks, Acme Resources jumped 8.2% to its record high after "
                                      "results beat estimates."), "record")
    assert record.what == "record_close_high"
