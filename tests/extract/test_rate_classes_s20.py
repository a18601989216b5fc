"""Rate-policy claims in the classes of writing a fresh, untuned annotation (corpora/train/rates20.jsonl) showed we
missed or misread, on sentences we wrote, through the real spaCy pipeline (and the real FOMC history where a verdict
is at stake); each class with a control."""

from __future__ import annotations

from datetime import datetime

from spacy.language import Language
from written import rate_rows

from analyzer.extract import extract_claims
from analyzer.market import MarketData
from analyzer.records import Article, Claim

PUBLISHED = datetime.fromisoformat("2025-02-12T13:44:00-05:00")  # a Wednesday afternoon


def rate_claims(nlp: Language, text: str, published: datetime = PUBLISHED) -> list[Claim]:
    found = extract_claims([Article(id="t", text=text, published=published)], nlp)
    return [c for c in found if c.kind == "rate_policy"]


def test_a_superlative_since_names_no_time_for_the_decision(nlp: Language, market: MarketData) -> None:
    # 2009-10-09 is no decision day; the Fed's latest move (2008-12-16) took its target to 0-0.25%. The 'since' dates
    # the downturn, not the cut: the sentence names no time, so the latest move is the reading (it was contradicted)
    [undated] = rate_rows(nlp, market, "The central bank has slashed interest rates to near zero to fight the "
                                       "deepest downturn since the 1930s, the Fed chairman said.", "2009-10-09T19:00")
    assert undated.verdict.verdict == "supported", undated.verdict.explanation
    # control: a decision dated on that day still accuses
    [dated] = rate_rows(nlp, market, "The Fed cut interest rates on Friday to fight the deepest downturn since the "
                                     "1930s.", "2009-10-09T19:00")
    assert dated.verdict.verdict == "contradicted", dated.verdict.explanation


def test_the_tools_or_scope_to_move_are_no_decision(nlp: Language, market: MarketData) -> None:
    for text in ("Bond buyers liked hearing the Fed keeps enough tools to raise rates once recovery sets in.",
                 "Cooler pay growth gave the Bank of England more scope to lower rates should demand falter."):
        rows = rate_rows(nlp, market, text, "2009-10-09T19:00")
        assert all(r.claim.modality != "reported" and r.verdict.verdict != "contradicted" for r in rows), text
    # controls: a decision, and a 'means' that is a verb
    [raised] = rate_claims(nlp, "The Fed raised interest rates by a quarter point on Wednesday.")
    assert (raised.bank, raised.action, raised.modality) == ("Fed", "hike", "reported")
    [means] = rate_claims(nlp, "Strategists said the jobs data means the Fed will cut rates in June.")
    assert (means.bank, means.action) == ("Fed", "cut")


def test_a_move_denied_for_the_near_term_is_a_hold(nlp: Language) -> None:
    [worry] = rate_claims(nlp, "Sticky prices stoked worries that the Federal Reserve would not lower interest rates "
                               "anytime soon.")
    assert (worry.bank, worry.action, worry.modality) == ("Fed", "hold", "expected")
    [resume] = rate_claims(nlp, "The ECB repeated its message that it will not resume rate hikes.")
    assert (resume.bank, resume.action, resume.modality) == ("ECB", "hold", "opinion")
    # controls: another price denied for the near term; a move that is coming soon
    assert rate_claims(nlp, "The retailer said it would not cut prices anytime soon.") == []
    [soon] = rate_claims(nlp, "Traders expect the Fed to cut rates soon.")
    assert (soon.action, soon.modality) == ("cut", "expected")


def test_a_market_moving_on_prospects_of_a_move(nlp: Language) -> None:
    [prospect] = rate_claims(nlp, "The yen weakened on prospects of another Bank of Japan rate hike.")
    assert (prospect.bank, prospect.action, prospect.modality) == ("BoJ", "hike", "expected")
    # controls: another rate's prospects; prospects talked about, not moved on
    assert rate_claims(nlp, "Homebuilder shares rose on prospects of lower mortgage rates.") == []
    assert rate_claims(nlp, "A panel at the conference debated the prospects of a Fed rate cut.") == []


def test_odds_above_one_half_in_words(nlp: Language) -> None:
    [odds] = rate_claims(nlp, "Futures priced better than even odds of a Fed cut in June.")
    assert (odds.bank, odds.action, odds.modality) == ("Fed", "cut", "expected")
    assert (odds.horizon.start, odds.horizon.end) == ("2025-06-01", "2025-06-30")
    # control: even odds are no expectation of the move
    assert rate_claims(nlp, "Futures priced an even chance of a Fed cut in June.") == []


def test_going_to_is_a_move_to_come(nlp: Language) -> None:
    [going] = rate_claims(nlp, "A strategist said the Federal Reserve is going to keep rates unchanged until inflation "
                               "cools.")
    assert (going.bank, going.action, going.modality, going.session) == ("Fed", "hold", "forecast", None)
    # control: a hold that happened
    [held] = rate_claims(nlp, "The Federal Reserve kept rates unchanged on Wednesday.")
    assert (held.action, held.modality, held.session) == ("hold", "reported", "2025-02-12")


def test_a_countrys_rate_move_by_its_adjective_is_its_banks(nlp: Language) -> None:
    [uk] = rate_claims(nlp, "Sterling fell as bets on another UK interest rate cut grew.")
    assert (uk.bank, uk.action) == ("BoE", "cut")
    [japan] = rate_claims(nlp, "The yen firmed on talk of a Japanese rate hike in March.")
    assert (japan.bank, japan.action) == ("BoJ", "hike")
    # control: another UK rate
    assert rate_claims(nlp, "UK mortgage rates rose for a third month.") == []


def test_the_manner_of_a_move_is_no_decision(nlp: Language, market: MarketData) -> None:
    # in May 2006 the Fed was raising rates: a cut 'approached' or 'timed' is talk of a cut, never the day's
    # decision (each of these was read as a cut reported that day and contradicted)
    for text in ("Investors weighed the Federal Reserve's approach to cutting interest rates.",
                 "Traders bet on the timing of the next Federal Reserve move to lower interest rates."):
        rows = rate_rows(nlp, market, text, "2006-05-01T17:00")
        assert all(r.verdict.verdict != "contradicted" for r in rows), text
        assert all(r.claim.modality != "reported" for r in rows), text
    # control: a decision told as a decision still accuses on a day the Fed did not cut
    [told] = rate_rows(nlp, market, "On Monday the Federal Reserve lowered its main interest rate by a quarter point.",
                       "2006-05-01T17:00")
    assert told.verdict.verdict == "contradicted"
