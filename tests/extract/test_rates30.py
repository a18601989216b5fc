"""Rate-policy claims in the frames that made false reported decisions (and `contradicted` verdicts) on the fresh
train/rates30.jsonl (2006/2007/2009 Reuters central-bank stories, 2025-02 Reuters and MT Newswires items). Sentences
we wrote, through the real spaCy pipeline; each shape with controls that stay decisions."""

from __future__ import annotations

from datetime import datetime

from spacy.language import Language

from analyzer.extract import extract_claims
from analyzer.records import Article, Claim


def rate_claims(nlp: Language, text: str, published: str = "2009-09-17T15:00") -> list[Claim]:
    found = extract_claims([Article(id="t", text=text, published=datetime.fromisoformat(published + "-05:00"))], nlp)
    return [c for c in found if c.kind == "rate_policy"]


def _read(claims: list[Claim]) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.bank, c.action, c.modality) for c in claims]


def test_contracts_that_moved_are_no_decision(nlp: Language) -> None:
    # the futures' price moved; what they price stays the market's expectation
    assert rate_claims(nlp, "Short-dated U.S. interest rate futures slipped on Thursday after the jobs data.") == []
    assert rate_claims(nlp, "Nearby rates futures climbed for a third session as the dollar firmed.") == []
    text = "U.S. interest rate futures firmed but still priced in a quarter-point cut by the Fed next month."
    assert _read(rate_claims(nlp, text)) == [("Fed", "cut", "expected")]


def test_controls_a_bank_that_moved_stays_a_decision(nlp: Language) -> None:
    assert _read(rate_claims(nlp, "The Federal Reserve eased rates by a quarter point on Thursday.")) == [
        ("Fed", "cut", "reported")]
    text = "Futures rallied after the ECB raised interest rates on Thursday."
    assert _read(rate_claims(nlp, text)) == [("ECB", "hike", "reported")]


def test_not_rushing_to_cut_is_a_hold_view(nlp: Language) -> None:
    text = "Bailey told lawmakers the Bank of England isn't rushing to trim rates any further."
    assert _read(rate_claims(nlp, text, "2025-02-11T15:00")) == [("BoE", "hold", "opinion")]
    text = "The Fed is not hurrying to cut its policy rate, two officials said on Friday."
    assert _read(rate_claims(nlp, text, "2025-02-07T15:00")) == [("Fed", "hold", "opinion")]


def test_a_move_under_a_question_word_is_no_decision(nlp: Language) -> None:
    text = "A newsletter said Fed officials were split on when to start lifting interest rates."
    assert rate_claims(nlp, text) == []
    text = "The ECB's council is debating whether to trim its deposit rate in March."
    assert [c.modality for c in rate_claims(nlp, text)] in ([], ["hypothetical"])


def test_a_move_in_an_infinitive_under_a_judging_adjective_is_a_view(nlp: Language) -> None:
    text = ("It is crucial for the Fed to stay ahead of prices, even by raising rates before hiring recovers, "
            "Plosser said.")
    # a view (or nothing, where no official speaks): never the day's decision
    assert _read(rate_claims(nlp, text, "2009-03-31T15:00")) in ([], [("Fed", "hike", "opinion")])


def test_controls_judgement_and_question_words_beside_a_decision(nlp: Language) -> None:
    # a finite decision under 'important to note that', a decision that says when, a decision by a gerund
    text = "It is important to note that the Fed cut rates by half a point on Tuesday."
    assert _read(rate_claims(nlp, text, "2007-09-19T10:00")) == [("Fed", "cut", "reported")]
    text = "The Fed surprised investors by raising interest rates on Tuesday."
    assert _read(rate_claims(nlp, text, "2009-09-17T10:00")) == [("Fed", "hike", "reported")]
    text = "The ECB raised rates on Thursday, when markets had expected a pause."
    assert _read(rate_claims(nlp, text, "2007-06-08T10:00")) == [("ECB", "hike", "reported")]
