"""Rate-policy claims in the classes of writing that session 25 found missed on the training files (priced odds told
in other shapes, a hold told as 'stood pat', the weekday of a move to come), on sentences we wrote, through the real
spaCy pipeline (and the real FOMC history where a verdict is at stake); each class with controls."""

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


def _read(claims: list[Claim]) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(c.bank, c.action, c.modality, c.horizon.start if c.horizon else None) for c in claims]


def test_priced_odds_in_other_shapes(nlp: Language) -> None:
    # a move the tagger hung on the bank's name after an article ('a Federal Reserve cut')
    assert _read(rate_claims(nlp, "Rate futures put chances of a Federal Reserve cut by April above 70 percent.",
                             "2024-02-20T10:00")) == [("Fed", "cut", "expected", "2024-02-20")]
    # a move gerund with no object that the odds are of, the bank named before or none
    assert _read(rate_claims(nlp, "By late morning, futures priced better than even odds of easing in September.",
                             "2025-02-20T10:00")) == [("Fed", "cut", "expected", "2025-09-01")]
    # the bank itself on hold in the clause of the odds
    assert _read(rate_claims(nlp, "Swaps traders gave a 70% likelihood that the Fed will be on hold in June.",
                             "2025-02-20T10:00")) == [("Fed", "hold", "expected", "2025-06-01")]
    # controls: odds below one half state no expectation; a figure's easing is no bank's move; the bank told as on
    # hold in the past is no decision
    assert rate_claims(nlp, "Futures priced a 30% chance of easing in September.", "2025-02-20T10:00") == []
    assert rate_claims(nlp, "The chance of easing in supply strains rose to 70 percent, the survey said.",
                       "2025-02-20T10:00") == []
    assert rate_claims(nlp, "Swaps traders gave a 30% likelihood that the Fed will be on hold in June.",
                       "2025-02-20T10:00") == []
    assert rate_claims(nlp, "The Fed was on hold through the summer.", "2025-02-20T10:00") == []


def test_a_bank_standing_pat_is_a_hold(nlp: Language, market: MarketData) -> None:
    # the Fed's hold of 2025-01-29, told the day after: that day's decision, supported
    [held] = rate_rows(nlp, market, "The Federal Reserve stood pat on interest rates on Wednesday.", "2025-01-30T10:00")
    assert (held.claim.action, held.claim.modality, held.claim.session) == ("hold", "reported", "2025-01-29")
    assert held.verdict.verdict == "supported", held.verdict.explanation
    # to come, the market's expectation
    assert _read(rate_claims(nlp, "The ECB is widely expected to sit tight in April.", "2025-03-10T10:00")) == [
        ("ECB", "hold", "expected", "2025-04-01")]
    # controls: investors or a company standing pat take no rate decision
    assert rate_claims(nlp, "Bond investors stood pat ahead of the Fed's statement.", "2025-01-29T10:00") == []
    assert rate_claims(nlp, "The retailer stood pat on its prices for the holiday season.", "2025-01-29T10:00") == []


def test_the_weekday_of_a_move_to_come(nlp: Language, market: MarketData) -> None:
    # a Monday story: "on Thursday" is that week's Thursday
    [ecb] = rate_claims(nlp, "The ECB is expected to lower its deposit rate by a quarter point on Thursday.",
                        "2025-01-27T10:00")
    assert (ecb.action, ecb.modality, ecb.bp) == ("cut", "expected", 25)
    assert (ecb.horizon.start, ecb.horizon.end) == ("2025-01-30", "2025-01-30")
    # the Fed's quarter-point cut of 2024-12-18, expected in a Monday story: borne out
    [fed] = rate_rows(nlp, market, "The Fed is broadly expected to trim its key rate by a quarter point on Wednesday.",
                      "2024-12-16T10:00")
    assert (fed.claim.horizon.start, fed.claim.horizon.end) == ("2024-12-18", "2024-12-18")
    assert fed.verdict.verdict == "supported", fed.verdict.explanation
    # controls: the day it was said, hung on the verb of saying, is no horizon; a decision told on its day keeps its
    # session
    [said] = rate_claims(nlp, "The ECB is expected to lower rates again, economists said on Thursday.",
                         "2025-01-27T10:00")
    assert said.horizon is None or said.horizon.start != "2025-01-30"
    [done] = rate_claims(nlp, "The ECB lowered its deposit rate by a quarter point on Thursday.", "2025-01-31T10:00")
    assert (done.modality, done.session, done.horizon) == ("reported", "2025-01-30", None)


def test_a_dated_meeting_to_come_is_this_years(nlp: Language, market: MarketData) -> None:
    # the Fed's quarter-point cut of 2007-12-11, expected in a story of December 1: a date with no year written is
    # this year's meeting, not last year's
    [fed] = rate_rows(nlp, market, "Traders expect the Fed to lower rates by a quarter point on December 11.",
                      "2007-12-01T10:00")
    assert (fed.claim.action, fed.claim.modality) == ("cut", "expected")
    assert (fed.claim.horizon.start, fed.claim.horizon.end) == ("2007-12-11", "2007-12-11")
    assert fed.verdict.verdict == "supported", fed.verdict.explanation
    # controls: a date already past is no horizon; a weekday on the verb that raised the hopes dates the hopes
    [past] = rate_claims(nlp, "Traders expect the Fed to cut rates again, as it did on October 31.", "2007-12-01T10:00")
    assert past.horizon is None or past.horizon.start != "2007-10-31"
    [hopes] = rate_claims(nlp, "The Fed chairman bolstered hopes for deeper rate cuts on Thursday, citing weak "
                               "housing.", "2007-11-30T10:00")
    assert hopes.modality == "expected" and (hopes.horizon is None or hopes.horizon.start != "2007-12-06")
