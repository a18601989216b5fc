"""A rate move told only to be denied: 'did not signal a rate cut this year', 'gave no sign of a hike in June',
'saw no need for a cut', 'did not rule out a cut in March'. An indefinite move under a denial states no move, so no
claim (session 27; before, such sentences gave a `reported` move that the checker could call `contradicted`).
A definite move ('did not react to the cut') is presupposed, a view denied ('do not see a cut') stays a hold
expected, a move put off to a time stays the move then. Sentences we wrote, through the real spaCy pipeline, checked
against the real policy-rate record."""

from __future__ import annotations

from datetime import datetime

from spacy.language import Language

from analyzer.check import check_claims
from analyzer.extract import extract_claims
from analyzer.market import MarketData
from analyzer.records import Article, Claim


def rate_claims(nlp: Language, text: str, published: str = "2024-12-05T18:00") -> list[Claim]:
    found = extract_claims([Article(id="t", text=text, published=datetime.fromisoformat(published + "-05:00"))], nlp)
    return [c for c in found if c.kind == "rate_policy"]


def test_a_move_under_a_denied_signal_states_none(nlp: Language) -> None:
    for text in ("Stocks slipped after policymakers did not signal an interest rate cut for this year.",
                 "The Federal Reserve did not indicate any further rate hikes at its meeting on Wednesday.",
                 "Fed officials offered no hint of a rate hike at the June meeting.",
                 "The central bank saw no need for a rate cut in March.",
                 "The Fed did not rule out a rate cut in March."):
        assert rate_claims(nlp, text) == [], text


def test_controls_a_signal_told_a_view_denied_a_move_put_off(nlp: Language) -> None:
    # the signal itself stands
    assert [(c.action, c.modality) for c in rate_claims(nlp, "The ECB signalled a rate cut in June.")] == [
        ("cut", "forecast")]
    # a denied view of a move to come is a hold expected (the corpus' convention), not nothing
    assert [(c.action, c.modality) for c in rate_claims(nlp, "Dealers do not see a Fed rate cut in March.")] == [
        ("hold", "expected")]
    # a decision told as a fact on a day is still read
    assert [(c.action, c.modality) for c in rate_claims(nlp, "The Fed cut interest rates on Wednesday.")] == [
        ("cut", "reported")]


def test_a_denied_signal_is_never_an_accusation(nlp: Language, market: MarketData) -> None:
    text = "Fed officials offered no hint of a rate hike at the June meeting, and bond yields eased."
    article = Article(id="t", text=text, published=datetime.fromisoformat("2024-12-05T18:00-05:00"))
    checked = check_claims(extract_claims([article], nlp), market, [article])
    assert [c.verdict.verdict for c in checked if c.claim.kind == "rate_policy"] == []
    # control: the same meeting told as a hike that did not happen is still an accusation
    told = Article(id="t", text="The Fed raised interest rates at its June meeting.",
                   published=datetime.fromisoformat("2024-12-05T18:00-05:00"))
    checked = check_claims(extract_claims([told], nlp), market, [told])
    assert [c.verdict.verdict for c in checked if c.claim.kind == "rate_policy"] == ["contradicted"]
