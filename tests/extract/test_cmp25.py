"""Comparisons, records and streaks, session 25 (issue 13): monthly runs and highs and lows named by the year.
Sentences we wrote, through the real spaCy pipeline, each class with claim-free controls."""

from __future__ import annotations

from spacy.language import Language

from analyzer.market import MarketData
from analyzer.records import Claim
from tests.written import checked, of_kind
from tests.written import move_claims_in as claims_in


def runs(claims: list[Claim]) -> list[tuple[str | None, str | None, int | None, str | None]]:
    return [(c.instrument.symbol if c.instrument else None, c.direction, c.length, c.unit)
            for c in of_kind(claims, "streak")]


def test_a_run_of_months(nlp: Language) -> None:
    assert runs(claims_in(nlp, "The blue-chip Dow notched its sixth straight monthly gain.")) == \
        [("^DJI", "up", 6, "month")]
    assert runs(claims_in(nlp, "For the Nasdaq, November was the third-straight month of losses.")) == \
        [("^IXIC", "down", 3, "month")]
    assert runs(claims_in(nlp, "On Friday the S&P 500 added 0.4%, rounding off a fourth consecutive monthly "
                               "advance.")) == [("^GSPC", "up", 4, "month")]
    assert runs(claims_in(nlp, "The S&P 500 has put together seven straight months of gains.")) == \
        [("^GSPC", "up", 7, "month")]


def test_a_run_of_months_controls(nlp: Language) -> None:
    # a run of an economic figure, no instrument's
    assert runs(claims_in(nlp, "Factory orders climbed for a fourth straight month, a government report showed.")) == []
    # a run of days stays a run of days
    assert runs(claims_in(nlp, "The Nasdaq slipped for a third straight session on Monday.")) == \
        [("^IXIC", "down", 3, "day")]


def test_a_run_of_months_is_never_accused(nlp: Language, market: MarketData) -> None:
    # the checker counts runs of days and weeks: a monthly run is left unverifiable, never called wrong
    rows = checked(nlp, market, "The Dow climbed on Monday, capping its ninth straight monthly gain.",
                   "2009-11-30T17:00:00")
    monthly = [r for r in rows if r.claim.kind == "streak"]
    assert [r.claim.unit for r in monthly] == ["month"]
    assert all(r.verdict.verdict != "contradicted" for r in rows)


def records(claims: list[Claim]) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.instrument.symbol if c.instrument else None, c.what, c.period) for c in of_kind(claims, "record")]


def test_a_high_or_low_named_by_the_year(nlp: Language) -> None:
    # the written tests are published in 2025: a 2025 high is the highest close of the year so far
    joined = records(claims_in(nlp, "After a quiet Monday session the small-cap Russell 2000 and the Nasdaq "
                                    "Composite notched new 2025 closing highs."))
    assert sorted(joined) == [("^IXIC", "highest_since", "day"), ("^RUT", "highest_since", "day")]
    assert records(claims_in(nlp, "The Nasdaq touched a fresh 2025 intraday high, then gave back its gains.")) == \
        [("^IXIC", "highest_since", "intraday")]
    low = of_kind(claims_in(nlp, "The Russell 2000 ended at a 2025 low of 1,950.40."), "record")
    assert [(c.what, c.level) for c in low] == [("lowest_since", 1950.40)]


def test_a_year_named_level_measured_from_is_no_record(nlp: Language) -> None:
    assert records(claims_in(nlp, "The S&P 500 stands some 25 percent above its 2025 low.")) == []
    assert records(claims_in(nlp, "The Nasdaq has rallied 30 percent from its April 2025 low.")) == []
    # an earlier year's high is a reference level, not a high set now
    assert records(claims_in(nlp, "The Dow closed higher but remains 4 percent short of a 2024 high.")) == []


def test_a_year_named_high_is_never_accused(nlp: Language, market: MarketData) -> None:
    rows = checked(nlp, market, "The Dow and the S&P 500 gained on Thursday, reaching 2009 closing highs.",
                   "2009-10-15T17:00:00")
    assert sorted(r.claim.instrument.symbol for r in rows if r.claim.kind == "record") == ["^DJI", "^GSPC"]
    assert all(r.verdict.verdict != "contradicted" for r in rows)


def test_a_bare_run_of_months_is_left_to_economic_data(nlp: Language) -> None:
    # "for the third straight month" with no move of its own is how economic figures are told
    assert runs(claims_in(nlp, "A private group said its leading economic index climbed during May, a fourth "
                               "straight month.")) == []
