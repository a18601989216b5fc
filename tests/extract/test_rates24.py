"""Rate-policy claims in the classes of writing that session 24 found missed on the training files (a decision told in
a relative clause on the bank, a stance on the path told beside the sentence's decision), on sentences we wrote,
through the real spaCy pipeline (and the real FOMC history where a verdict is at stake); each class with controls."""

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


def test_a_decision_told_in_a_relative_clause_on_the_bank(nlp: Language, market: MarketData) -> None:
    [held] = rate_claims(nlp, "The ECB, which also left interest rates unchanged on Thursday, said inflation was "
                              "easing.", "2025-02-14T10:00")
    assert (held.bank, held.action, held.modality, held.session) == ("ECB", "hold", "reported", "2025-02-13")
    [cut] = rate_claims(nlp, "The Bank of Canada, which cut rates by 25 basis points on Wednesday, said tariffs were "
                             "a risk.", "2025-02-14T10:00")
    assert (cut.bank, cut.action, cut.modality, cut.bp, cut.session) == ("BoC", "cut", "reported", 25, "2025-02-12")
    # the Fed's half-point cut of 2007-09-18, told in a clause on the day: that day's decision, supported
    [fed] = rate_rows(nlp, market, "The Fed, which cut rates by half a point on Tuesday, said credit markets had "
                                   "tightened.", "2007-09-18T19:00")
    assert (fed.claim.action, fed.claim.modality, fed.claim.session) == ("cut", "reported", "2007-09-18")
    assert fed.verdict.verdict == "supported", fed.verdict.explanation
    # an aside with no time of its own is background: left undated, read as the bank's latest move (the hold of
    # 2007-06-28 before the hold of 2007-08-07), never as a decision on the story's day
    [aside] = rate_rows(nlp, market, "The Fed, which left interest rates unchanged, said inflation remained its main "
                                     "worry.", "2007-08-03T12:00")
    assert (aside.claim.action, aside.claim.modality, aside.claim.session) == ("hold", "reported", None)
    assert aside.verdict.verdict != "contradicted", aside.verdict.explanation
    # controls: a lender's rate in the clause, and a clause whose subject is the market, tell no bank's decision
    assert rate_claims(nlp, "The bank, which cut its prime rate on Monday, reported higher profit.",
                       "2025-02-14T10:00") == []
    [view] = rate_claims(nlp, "Investors, who expect the Fed to cut rates in June, bought bonds.", "2025-02-14T10:00")
    assert (view.action, view.modality, view.session) == ("cut", "expected", None)


def test_a_stance_told_beside_the_decision_is_a_claim_of_its_own(nlp: Language, market: MarketData) -> None:
    claims = rate_claims(nlp, "The central bank trimmed rates to near zero in December and has promised to keep them "
                              "low for an extended period.", "2025-02-14T10:00")
    assert sorted((c.action, c.modality) for c in claims) == [("cut", "reported"), ("hold", "opinion")]
    # the Fed's hold of 2025-01-29 and its view of the path: the decision keeps its day and its verdict, the view
    # is no decision to check
    rows = rate_rows(nlp, market, "The Fed held rates steady on Wednesday and signaled it was in no hurry to cut "
                                  "them.", "2025-01-30T10:00")
    assert sorted((r.claim.action, r.claim.modality, r.claim.session) for r in rows) == [
        ("hold", "opinion", None), ("hold", "reported", "2025-01-29")]
    verdicts = {r.claim.modality: r.verdict.verdict for r in rows}
    assert verdicts["reported"] == "supported" and verdicts["opinion"] != "contradicted", verdicts
    # controls: the stance alone is one claim; a decision alone is one claim
    assert [(c.action, c.modality) for c in rate_claims(nlp, "Powell said the Fed was in no hurry to cut rates.",
                                                        "2025-02-14T10:00")] == [("hold", "opinion")]
    assert [(c.action, c.modality) for c in rate_claims(nlp, "The Fed held rates steady on Wednesday.",
                                                        "2025-01-30T10:00")] == [("hold", "reported")]


def test_a_view_of_the_path_is_a_view_never_a_decision(nlp: Language, market: MarketData) -> None:
    [where] = rate_claims(nlp, "Economists said the data suggest the Fed will continue to leave interest rates where "
                               "they are.", "2025-02-14T10:00")
    assert (where.bank, where.action, where.modality, where.session) == ("Fed", "hold", "forecast", None)
    [until] = rate_rows(nlp, market, "A Fed governor said the central bank should stay on hold until inflation "
                                     "cools.", "2025-02-14T10:00")
    assert (until.claim.action, until.claim.modality, until.claim.session) == ("hold", "opinion", None)
    assert until.verdict.verdict != "contradicted", until.verdict.explanation
    [needed] = rate_claims(nlp, "The Bank of England signaled that further rate cuts may be needed this year.",
                           "2025-02-14T10:00")
    assert (needed.bank, needed.action, needed.modality, needed.session) == ("BoE", "cut", "opinion", None)
    # controls: the same words as a decision with its day are that decision; a need denied, an analyst's need and
    # prices staying where they are tell no view of the bank
    [left] = rate_claims(nlp, "The Fed left rates where they were on Wednesday.", "2025-02-14T10:00")
    assert (left.action, left.modality, left.session) == ("hold", "reported", "2025-02-12")
    for text in ("The Bank of England said that no further rate cuts were needed.",
                 "Analysts said further rate cuts may be needed.",
                 "Home prices will stay where they are, the Fed chair said."):
        assert rate_claims(nlp, text, "2025-02-14T10:00") == [], text


def test_a_second_sized_and_dated_move_of_one_verb(nlp: Language, market: MarketData) -> None:
    # the Fed's half-point cut of 2007-09-18 and its quarter-point cut of 2007-10-31, in one sentence: two decisions,
    # each with its own day and size, each supported
    rows = rate_rows(nlp, market, "The Fed cut its key rate by half a point on September 18 and by a further quarter "
                                  "point on October 31.", "2007-11-28T12:00")
    assert sorted((r.claim.action, r.claim.bp, r.claim.session) for r in rows) == [
        ("cut", 25, "2007-10-31"), ("cut", 50, "2007-09-18")]
    assert all(r.verdict.verdict == "supported" for r in rows), [r.verdict.explanation for r in rows]
    # controls: a run to date in the second 'by' is no second decision of its own day
    claims = rate_claims(nlp, "The Fed cut rates by half a point on Tuesday and by 100 basis points since September.",
                         "2025-02-14T10:00")
    assert all(c.session is None for c in claims), claims
