"""Rate claims in classes of writing the train files missed (issue 13, session 32): one decision of a bank on two
rates it names is two claims (the corpus' convention: 'cut the fed funds rate ... and the discount rate ...'), the
second with its own size and level, and a Fed discount-rate claim is never checked against the funds target.
Sentences we wrote, through the real spaCy pipeline and the FOMC history; each shape with controls."""

from __future__ import annotations

from datetime import datetime

from spacy.language import Language
from written import rate_claims_in, rate_rows

from analyzer.market import MarketData

SEPT_20_2007 = datetime.fromisoformat("2007-09-20T15:00:00-04:00")  # two days after the FOMC's half-point cut


def _read(nlp: Language, text: str) -> list[tuple[str | None, str | None, float | None, float | None, str | None]]:
    return [(c.bank, c.action, c.bp, c.level, c.session) for c in rate_claims_in(nlp, text, SEPT_20_2007)]


def test_two_rates_under_one_verb_are_two_decisions(nlp: Language) -> None:
    text = ("The Fed cut the federal funds rate on Tuesday by half a point to 4.75 percent and the discount rate "
            "by the same half point to 5.25 percent.")
    assert _read(nlp, text) == [("Fed", "cut", 50.0, 4.75, "2007-09-18"), ("Fed", "cut", 50.0, 5.25, "2007-09-18")]
    text = ("The Fed on Tuesday slashed its key federal funds rate and its discount rate for banks by half a "
            "percentage point.")
    assert [r[:3] for r in _read(nlp, text)] == [("Fed", "cut", 50.0), ("Fed", "cut", 50.0)]


def test_two_rates_under_two_verbs_of_one_decision(nlp: Language) -> None:
    text = ("On Tuesday the Fed cut the fed funds rate, its main tool, by 0.50 percentage point to 4.75 percent and "
            "lowered its discount rate for banks by 0.50 percentage point to 5.25 percent.")
    assert _read(nlp, text) == [("Fed", "cut", 50.0, 4.75, "2007-09-18"), ("Fed", "cut", 50.0, 5.25, "2007-09-18")]
    text = ("The ECB also kept its deposit rate for overnight money at 2.75 percent on Thursday, and left its marginal "
            "lending rate at 4.75 percent.")
    assert [(b, a, lvl) for b, a, _, lvl, _ in _read(nlp, text)] == [("ECB", "hold", 2.75), ("ECB", "hold", 4.75)]


def test_controls_one_rate_another_rate_and_another_day(nlp: Language) -> None:
    # one rate named once: one claim
    assert len(_read(nlp, "The Fed held the federal funds rate at 5.25 percent on Tuesday.")) == 1
    # a second rate that is no bank's ('banks lowered their prime lending rates') or of something else
    assert len(_read(nlp, "The Fed cut its key rate by half a point on Tuesday and banks lowered their prime "
                          "lending rates.")) == 1
    assert _read(nlp, "The bank cut the mortgage rate and the savings rate on Tuesday.") == []
    # a second rate moved on a day of its own is not given the first one's day
    claims = _read(nlp, "In the end the Fed first cut its discount rate, on August 17, and then its key federal funds "
                        "rate about a month later.")
    assert all(session != "2007-09-18" or bp is None for _, _, bp, _, session in claims)
    assert sum(session == "2007-08-17" for *_, session in claims) == 1


def test_a_discount_rate_claim_is_not_checked_against_the_funds_target(nlp: Language, market: MarketData) -> None:
    # December 2008: the funds target went to a range of 0 to 0.25 percent, the discount rate down 75 basis points
    rows = rate_rows(nlp, market, "The Fed cut the federal funds rate on Tuesday to a band of zero to 0.25 percent and "
                                  "its discount rate by a full 75 basis points to 0.5 percent.",
                     "2008-12-17T15:00:00-05:00")
    assert [r.verdict.verdict for r in rows if r.claim.stated.get("rate") == "discount rate"] == ["unverifiable"]
    assert all(r.verdict.verdict != "contradicted" for r in rows)


def test_a_contracted_no_hurry_is_a_hold_view(nlp: Language) -> None:
    text = ("Stocks were mixed after Federal Reserve Chair Jerome Powell said again that he and his colleagues don't "
            "need to rush to adjust their interest rates.")
    claims = rate_claims_in(nlp, text, datetime.fromisoformat("2025-02-12T15:00:00-05:00"))
    assert [(c.bank, c.action, c.modality, c.session) for c in claims] == [("Fed", "hold", "opinion", None)]
    # controls: a rush that is no policy move, by traders or into shares
    for text in ("Investors didn't rush into bank shares after the Fed decision.",
                 "Traders don't need to rush to sell, the strategist said."):
        assert rate_claims_in(nlp, text, datetime.fromisoformat("2025-02-12T15:00:00-05:00")) == []
