"""Rate-policy claims in the classes of writing that session 23 found missed on the training files (expectations told
in a clause of a speculation or a view, a move awaited or braced for, odds put at a figure), on sentences we wrote,
through the real spaCy pipeline (and the real FOMC history where a verdict is at stake); each class with a control."""

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


def test_a_move_in_the_clause_of_a_speculation_or_a_view_is_expected(nlp: Language) -> None:
    for text in ("Bank shares climbed amid speculation that a rate cut would be the Fed's next step.",
                 "Dealers stuck with their view that a Fed rate cut lies just ahead.",
                 "Stocks rose on hopes that a Fed rate cut is coming soon."):
        [claim] = rate_claims(nlp, text, "2025-03-10T10:00")
        assert (claim.bank, claim.action, claim.modality, claim.session) == ("Fed", "cut", "expected", None), text
    # controls: a move denied in the clause, a prospect dimmed, a prospect only weighed: no expected move
    assert all(c.action != "cut" for c in rate_claims(nlp, "Traders held to the view that a rate cut is not coming "
                                                           "soon.", "2025-03-10T10:00"))
    for dimmed in ("The dissent dampened expectations that further reductions in borrowing costs are in store at the "
                   "Fed.", "A hawkish speech by the Fed chair poured cold water on hopes that a rate cut is near."):
        assert rate_claims(nlp, dimmed, "2025-03-10T10:00") == [], dimmed
    assert rate_claims(nlp, "Analysts will watch the data to judge the prospect of more rate cuts from the Federal "
                            "Reserve.", "2025-03-10T10:00") == []


def test_a_move_awaited_or_braced_for_is_expected(nlp: Language, market: MarketData) -> None:
    [awaited] = rate_claims(nlp, "Utilities firmed ahead of an expected rate cut from the Fed.", "2025-03-10T10:00")
    assert (awaited.action, awaited.modality, awaited.session) == ("cut", "expected", None)
    [braced] = rate_claims(nlp, "Investors braced for an early rate hike by the Bank of Japan.", "2025-03-10T10:00")
    assert (braced.bank, braced.action, braced.modality) == ("BoJ", "hike", "expected")
    # controls: an expected move taken is a decision, and its day's (2007-09-18, the Fed's half-point cut)
    assert rate_claims(nlp, "Utilities firmed after an expected rate cut from the Fed.", "2025-03-10T10:00") == []
    [taken] = rate_rows(nlp, market, "The Fed delivered an expected half-point cut on Tuesday.", "2007-09-18T19:00")
    assert (taken.claim.action, taken.claim.modality, taken.claim.session) == ("cut", "reported", "2007-09-18")
    assert taken.verdict.verdict == "supported", taken.verdict.explanation


def test_odds_put_at_a_figure_are_priced(nlp: Language) -> None:
    [odds] = rate_claims(nlp, "Swaps put the odds of a Bank of Japan rate hike this week at about 75%.",
                         "2025-01-20T10:00")
    assert (odds.bank, odds.action, odds.modality) == ("BoJ", "hike", "expected")
    assert odds.horizon is not None and odds.horizon.start == "2025-01-20"
    # control: odds put below one half state no expectation of the move
    assert rate_claims(nlp, "Swaps put the odds of a Bank of Japan rate hike this week at about 30%.",
                       "2025-01-20T10:00") == []


def test_a_move_the_market_expects_now_is_its_view_of_the_path(nlp: Language) -> None:
    for text in ("Investors expect another cut when the Fed meets on March 18.",
                 "Most traders now expect a Fed rate cut."):
        [claim] = rate_claims(nlp, text, "2025-02-10T10:00")
        assert (claim.bank, claim.action, claim.modality, claim.session) == ("Fed", "cut", "expected", None), text
    # controls: a view moved past, and a company's hope for what a cut does, state no expected move
    assert rate_claims(nlp, "Investors expected a rate cut from the Fed.", "2025-02-10T10:00") == []
    assert rate_claims(nlp, "The company expects a Fed rate cut to help its sales.", "2025-02-10T10:00") == []
