"""`analyzer.to_dataframe` and the plain-language wording: flat typed columns, figures as a reader expects."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pandas as pd
import pytest

import analyzer
from analyzer.records import Article, CheckedClaim, Claim, DateRange, Evidence, Instrument, Verdict
from analyzer.report import plain


def test_dataframe_columns_are_flat_and_typed(seed_batch) -> None:
    checked, articles = seed_batch
    frame = analyzer.to_dataframe(checked, articles)
    assert len(frame) == len(checked)
    assert isinstance(frame["published"].dtype, pd.DatetimeTZDtype)
    # 20:00 EDT on the 26th is midnight UTC on the 27th; the session stays the exchange's day
    assert frame["published"].iloc[0] == pd.Timestamp("2025-08-27T00:00:00Z")
    assert frame["session"].iloc[0] == pd.Timestamp("2025-08-26", tz="America/New_York")
    for column in ("kind", "verdict", "modality", "direction"):
        assert isinstance(frame[column].dtype, pd.CategoricalDtype), column
    assert "contradicted" in frame["verdict"].cat.categories and "rate_policy" in frame["kind"].cat.categories
    for column in ("stated_change_pct", "actual_change_pct", "actual_close", "bp", "quantity"):
        assert frame[column].dtype == "float64", column
    # nothing nested: every cell is a scalar
    assert not any(isinstance(v, dict | list) for column in frame.columns for v in frame[column].dropna())
    spxew = frame[frame["instrument_symbol"] == "^SPXEW"].iloc[0]
    assert (spxew["stated"], spxew["actual"]) == ("up 2%", "+0.07%")
    assert spxew["diagnosis_session"] == pd.Timestamp("2025-08-22", tz="America/New_York")
    assert spxew["proxy_for"] == "^SPXEW" and spxew["title"].startswith("Small caps") and spxew["outlet"] == "seed"
    deal = frame[frame["kind"] == "deal"].iloc[0]
    assert deal["quantity"] == 103.0 and deal["parties"] == "Boeing (seller);Korean Air Lines (buyer)"
    fed = frame[frame["kind"] == "rate_policy"].iloc[0]
    assert (fed["bank"], fed["action"], fed["actual_change_bp"]) == ("Fed", "cut", -25.0)


def test_dataframe_without_articles_and_with_odd_values() -> None:
    claim = Claim(article_id="a1", sentence="The Fed will cut by a quarter point.", char_start=0, char_end=36,
                  kind="rate_policy", bank="Fed", action="cut", bp=25, modality="forecast",
                  horizon=DateRange("2025-09-01", "2025-12-31"))
    odd = CheckedClaim(replace(claim, kind="brand_new_kind"), Verdict("pending", "not yet"))
    frame = analyzer.to_dataframe([CheckedClaim(claim, Verdict("pending", "the horizon has not passed")), odd])
    assert frame["published"].isna().all() and frame["url"].isna().all()
    assert frame["horizon_end"].iloc[0] == pd.Timestamp("2025-12-31", tz="America/New_York")
    assert list(frame["kind"]) == ["rate_policy", "brand_new_kind"]  # an unknown kind is kept, not lost
    naive = Article(id="a1", text="x", published=datetime(2025, 8, 26, 20, 0))
    assert analyzer.to_dataframe([odd], [naive])["published"].iloc[0] == pd.Timestamp("2025-08-26T20:00Z")
    assert analyzer.to_dataframe([]).columns.tolist()[:6] == ["claim_id", "article_id", "url", "title", "outlet",
                                                              "published"]


@pytest.mark.parametrize(("fields", "stated"), [
    ({"kind": "comparison", "relation": "best_since", "unit": "day", "time_text": "since March", "direction": "up"},
     "best day since March"),
    ({"kind": "record", "what": "record_close_high", "level": 6500.0, "stated": {"level": "6,500"}},
     "record closing high at 6,500"),
    ({"kind": "record", "what": "first_close_above", "level": 9000.0, "stated": {"level": "9,000"},
      "time_text": "since May"}, "first close above 9,000 since May"),
    ({"kind": "index_move", "direction": "down", "change_points": 742.0, "stated": {"change_points": "742"}},
     "down 742 points"),
])
def test_enum_values_never_reach_the_prose(fields: dict, stated: str) -> None:
    claim = Claim(article_id="a", sentence="s", char_start=0, char_end=1, instrument=Instrument("Dow", "^DJI"),
                  **fields)
    assert plain.stated_text(claim) == stated
    assert "_" not in plain.stated_text(claim)


def test_evidence_reads_as_a_sentence() -> None:
    evidence = Evidence("RSP", "adj_close", "daily/RSP.csv.gz", "2025-08-26",
                        {"prev_session": "2025-08-25", "prev_close": 184.9721, "close": 185.1, "change_pct": 0.0691,
                         "change_points": 0.1279}, proxy_for="^SPXEW")
    assert plain.evidence_sentence(evidence) == (
        "RSP adjusted close (standing in for ^SPXEW) on Tue 2025-08-26: 184.97 → 185.10 (+0.07%, +0.13 points), "
        "against Mon 2025-08-25")


def test_short_quote_keeps_the_figure() -> None:
    sentence = ("The S&P Equal-Weighted Index, which gives each company the same weight instead of letting "
                "megacaps dominate, surged 2% on the day.")
    claim = Claim(article_id="a", sentence=sentence, char_start=0, char_end=len(sentence), kind="index_move",
                  change_pct=2.0, stated={"change_pct": "2"}, verb="surged", span_start=4,
                  span_end=sentence.index(" on the day"))
    for limit in (20, 30, 45, 60):
        short = plain.short_quote(claim, limit)
        assert short.endswith("surged 2%") and len(short) <= limit + 2, short
        assert short.startswith("S&P")


def test_a_fed_decision_reads_without_its_table_key() -> None:
    evidence = Evidence("FEDFUNDS_TARGET", "fomc_decisions", "fomc/fomc_decisions.csv", "2025-09-17",
                        {"change_bp": -25, "target_low": 4.0, "target_high": 4.25, "announced": "2025-09-17"})
    assert plain.evidence_sentence(evidence) == "Fed decisions: cut of 25 bp to 4.00-4.25%, announced Wed 2025-09-17"
