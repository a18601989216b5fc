"""Rate-policy claims in the classes of writing that session 28 found missed on the fresh train/rates28.jsonl (2007
and 2009 Reuters central-bank stories, 2025-02 Reuters and MT Newswires items) and in other development text.
Sentences we wrote, through the real spaCy pipeline; each shape with controls."""

from __future__ import annotations

from datetime import datetime

from spacy.language import Language

from analyzer.extract import extract_claims
from analyzer.records import Article, Claim


def rate_claims(nlp: Language, text: str, published: str = "2025-02-20T10:00") -> list[Claim]:
    found = extract_claims([Article(id="t", text=text, published=datetime.fromisoformat(published + "-05:00"))], nlp)
    return [c for c in found if c.kind == "rate_policy"]


def _read(claims: list[Claim]) -> list[tuple[str | None, str | None, str | None, float | None]]:
    return [(c.bank, c.action, c.modality, c.bp) for c in claims]


def test_it_or_they_for_the_bank_the_sentence_before_names(nlp: Language) -> None:
    text = ("The Norwegian krone firmed after the Swiss National Bank spoke. It lowered its main rate by a quarter "
            "point to 0.25% in March.")
    assert _read(rate_claims(nlp, text)) == [("SNB", "cut", "reported", 25.0)]
    text = "The Fed meets on Wednesday. It is widely expected to lower the discount rate it charges banks."
    assert _read(rate_claims(nlp, text)) == [("Fed", "cut", "expected", None)]


def test_controls_a_pronoun_for_something_else(nlp: Language) -> None:
    # a lender after a sentence that names the Fed (its prime rate is no policy rate), a yield, another bank's name
    assert rate_claims(nlp, "Wells Fargo moved after the Fed. It cut its prime rate to 7.25 percent on Tuesday.") == []
    assert rate_claims(nlp, "Bonds rallied after the Fed spoke. It was last at 4.21%, down 3 basis points.") == []
    text = "The ECB left rates unchanged on Thursday. It also trimmed its growth forecast for 2025."
    assert _read(rate_claims(nlp, text)) == [("ECB", "hold", "reported", None)]
    # 'we' is a speaker's own institution, not the bank named before
    assert rate_claims(nlp, "The Fed held rates. \"We cut our own lending rate by a quarter point,\" the banker "
                            "said.") == []
