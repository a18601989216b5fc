"""Rate-policy claims in the classes of writing a fresh, untuned annotation (corpora/train/rates22.jsonl) showed we
misread or missed, on sentences we wrote, through the real spaCy pipeline (and the real FOMC history where a verdict
is at stake); each class with a control."""

from __future__ import annotations

from datetime import datetime

from spacy.language import Language
from written import rate_rows

from analyzer.extract import extract_claims
from analyzer.market import MarketData
from analyzer.records import Article, Claim


def rate_claims(nlp: Language, text: str, published: str) -> list[Claim]:
    found = extract_claims([Article(id="t", text=text, published=datetime.fromisoformat(published + "-05:00"))], nlp)
    return [c for c in found if c.kind == "rate_policy"]


def test_a_move_the_bank_is_open_to_is_no_decision(nlp: Language, market: MarketData) -> None:
    # 2007-11-30 is no decision day (the Fed cut on 2007-10-31 and 2007-12-11): read as the day's cut, the first and
    # the third sentence were contradicted
    for text in ("Both senior Fed officials told a conference in Boston that they stay open to trimming interest "
                 "rates.",
                 "The vice chairman signaled openness to further Fed rate cuts as credit markets seized up.",
                 "Fiscal stimulus carries more weight at the moment than if the Fed were still in a good position to "
                 "cut interest rates."):
        rows = rate_rows(nlp, market, text, "2007-11-30T19:00")
        assert all(r.claim.modality != "reported" and r.verdict.verdict != "contradicted" for r in rows), text
    # control: a decision told on that day is still read, and still accused
    [dated] = rate_rows(nlp, market, "The Fed lowered interest rates on Friday.", "2007-11-30T19:00")
    assert (dated.claim.action, dated.claim.modality) == ("cut", "reported")
    assert dated.verdict.verdict == "contradicted", dated.verdict.explanation


def test_the_longest_since_dates_no_decision(nlp: Language, market: MarketData) -> None:
    # the Fed's latest move before 2009-05-23 is the 2008-12-16 cut to 0-0.25%: the undated cut is that one
    [undated] = rate_rows(nlp, market, "The Fed has lowered interest rates to almost zero to pull the economy out of "
                                       "its longest recession since the 1930s.", "2009-05-23T19:00")
    assert undated.verdict.verdict == "supported", undated.verdict.explanation
    # control: a cut dated on a day without a decision still accuses
    [dated] = rate_rows(nlp, market, "The Fed cut interest rates on Friday to end the longest recession since the "
                                     "1930s.", "2009-05-23T19:00")
    assert dated.verdict.verdict == "contradicted", dated.verdict.explanation


def test_a_decision_counted_in_a_run_is_the_days(nlp: Language, market: MarketData) -> None:
    # 2007-12-11 (a Tuesday): the Fed's third cut of 2007, after September and October
    [third] = rate_rows(nlp, market, "The Fed lowered interest rates on Tuesday for the third time this year.",
                        "2007-12-11T19:00")
    assert (third.claim.action, third.claim.session) == ("cut", "2007-12-11")
    assert third.verdict.verdict == "supported", third.verdict.explanation
    for count in ("the second time", "second time"):  # wires drop the article
        [beijing] = rate_claims(nlp, f"The People's Bank of China on Friday raised interest rates for {count} this "
                                     "year.", "2007-07-20T19:00")
        assert (beijing.bank, beijing.action, beijing.session) == ("PBoC", "hike", "2007-07-20"), count
    # control: a run counted without a day of its own is no day's decision
    assert all(c.session is None for c in rate_claims(nlp, "The Fed has lowered interest rates three times this "
                                                           "year.", "2007-12-11T19:00"))


def test_a_move_denied_by_its_determiner_is_no_move(nlp: Language) -> None:
    for text in ("Four Fed policymakers penciled in no rate cuts at all for this year.",
                 "The jobs report convinced traders there would be no Fed rate cut this year."):
        assert all(c.action != "cut" for c in rate_claims(nlp, text, "2024-06-12T16:00")), text
    # control: the projected cuts themselves
    [two] = rate_claims(nlp, "Fed policymakers penciled in two rate cuts for this year.", "2024-06-12T16:00")
    assert (two.bank, two.action, two.modality) == ("Fed", "cut", "forecast")
