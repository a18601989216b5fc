"""Rate-policy claims in classes of writing new outlets use (issue 13, session 9), on sentences we wrote, through the
real spaCy pipeline; each class with a control that must not change (a claim-free look-alike, or a real decision)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from analyzer.check import check_claims
from analyzer.extract import extract_claims
from analyzer.market import MarketData
from analyzer.records import Article, Claim

PUBLISHED = datetime.fromisoformat("2024-03-14T18:30:00-04:00")  # a Thursday evening


def rate_claims(nlp, text: str, published: datetime = PUBLISHED) -> list[Claim]:  # noqa: ANN001
    found = extract_claims([Article(id="t", text=text, published=published)], nlp)
    return [c for c in found if c.kind == "rate_policy"]


def test_a_move_said_of_a_country_is_its_banks(nlp, market_dir: Path) -> None:  # noqa: ANN001
    # the story named the Fed first; "a rate hike in Japan" is the BoJ's, never checked against the Fed
    [fed, boj] = rate_claims(nlp, "The Fed held rates steady on Wednesday. Faster wage growth in Tokyo strengthened "
                                  "bets on another rate hike in Japan later this year.")
    assert (fed.bank, boj.bank, boj.action, boj.modality) == ("Fed", "BoJ", "hike", "expected")
    [result] = check_claims([boj], MarketData.open(market_dir))
    assert result.verdict.verdict == "unverifiable" and "no policy-rate history" in result.verdict.explanation
    # control: a move with no country stays the bank named before
    [_, again] = rate_claims(nlp, "The Fed held rates steady on Wednesday. Softer wage growth added to bets on "
                                  "another rate cut this year.")
    assert (again.bank, again.action) == ("Fed", "cut")


def test_the_central_bank_of_a_story_about_another_economy_is_not_the_fed(nlp) -> None:  # noqa: ANN001
    # the story names Chile and nothing American: its "central bank" is Chile's (no claim of the Fed)
    text = ("Chile's peso firmed 1.2% on Tuesday after copper prices rose. The central bank trimmed its key interest "
            "rate last week by 50 basis points, to 5.5%.")
    assert [c.bank for c in rate_claims(nlp, text)] in ([], ["Central Bank of Chile"])
    # control: a story about Wall Street keeps the Fed
    [fed] = rate_claims(nlp, "Wall Street rose 1.2% on Tuesday after copper prices rose. The central bank trimmed its "
                             "key interest rate last week by 25 basis points.")
    assert (fed.bank, fed.action, fed.bp) == ("Fed", "cut", 25.0)


def test_a_bank_verb_on_another_object_is_no_rate_move(nlp) -> None:  # noqa: ANN001
    # a broker bank lowering a price target, a lender's deposit-insurance rates, swap rates: no policy move
    for text in ("Maple Securities cut its price target on Acme to $40. The bank lowered the stock's price target "
                 "because of a higher discount rate.",
                 "Ridgeway Bank's expenses rose because of higher FDIC assessment rates.",
                 "The central bank's dollar sales pushed overnight swap rates higher."):
        assert rate_claims(nlp, text) == [], text
    # controls: a bank acting on its target, and on policy, are policy moves
    [target] = rate_claims(nlp, "The Fed lowered its target for the federal funds rate on Wednesday, by a quarter "
                                "point.")
    assert (target.action, target.bp, target.session) == ("cut", 25.0, "2024-03-13")
    [left] = rate_claims(nlp, "The Fed left its benchmark rate unchanged, at 5.25 percent, on Wednesday.")
    assert (left.action, left.level) == ("hold", 5.25)


def test_no_hurry_in_cutting(nlp) -> None:  # noqa: ANN001
    [view] = rate_claims(nlp, "Powell said the Fed need not be in a hurry in cutting rates.")
    assert (view.bank, view.action, view.modality) == ("Fed", "hold", "opinion")
    # control: a cut made is a decision
    [made] = rate_claims(nlp, "The Fed was in a hurry and cut rates by half a point on Wednesday.")
    assert (made.action, made.modality, made.session) == ("cut", "reported", "2024-03-13")


def test_priced_odds_of_a_decision_above_one_half(nlp) -> None:  # noqa: ANN001
    [odds] = rate_claims(nlp, "Fed funds futures imply a 70% likelihood that the Fed will raise rates in July.")
    assert (odds.bank, odds.action, odds.modality) == ("Fed", "hike", "expected")
    assert (odds.horizon.start, odds.horizon.end) == ("2024-07-01", "2024-07-31")
    # controls: odds below one half state no expectation (the corpus' convention), as a clause or on the noun
    assert rate_claims(nlp, "Fed funds futures imply a 30% likelihood that the Fed will raise rates in July.") == []
    assert rate_claims(nlp, "Traders see a 25% chance of a Fed cut in March.") == []


def test_points_of_easing_and_a_move_priced_in(nlp) -> None:  # noqa: ANN001
    [points] = rate_claims(nlp, "Money markets are pricing in about 60 basis points of Fed easing by December.")
    assert (points.action, points.bp, points.modality) == ("cut", 60.0, "expected")
    assert (points.horizon.start, points.horizon.end) == ("2024-03-14", "2024-12-31")
    [priced] = rate_claims(nlp, "A quarter-point cut by the Fed in June is now fully priced in.")
    assert (priced.action, priced.modality, priced.session) == ("cut", "expected", None)
    assert (priced.horizon.start, priced.horizon.end) == ("2024-06-01", "2024-06-30")
    # control: a move already made is no pricing
    [made] = rate_claims(nlp, "A quarter-point cut by the Fed on Wednesday lifted bank stocks.")
    assert (made.modality, made.session) == ("reported", "2024-03-13")


def test_a_decision_at_a_named_or_last_meeting(nlp, market_dir: Path) -> None:  # noqa: ANN001
    published = datetime.fromisoformat("2024-10-15T17:00:00-04:00")
    [sept] = rate_claims(nlp, "The Fed cut rates by half a point at its September meeting.", published)
    assert (sept.session, sept.horizon.start, sept.horizon.end) == (None, "2024-09-01", "2024-09-30")
    [held] = rate_claims(nlp, "The Fed left rates unchanged at the July meeting.", published)
    assert (held.session, held.horizon.start) == (None, "2024-07-01")
    [last] = rate_claims(nlp, "Fed policymakers cut rates by 50 basis points at their last meeting.", published)
    assert (last.session, last.horizon, last.bp) == (None, None, 50.0)
    market = MarketData.open(market_dir)
    articles = {"t": Article(id="t", text="", published=published)}  # the piece's day anchors an undated decision
    verdicts = [r.verdict.verdict for r in check_claims([sept, held, last], market, articles=articles)]
    assert verdicts == ["supported", "supported", "supported"]
    # controls: the wrong meeting, or the wrong size at the last one, is still caught
    [wrong] = rate_claims(nlp, "The Fed cut rates by half a point at its July meeting.", published)
    [small] = rate_claims(nlp, "Fed policymakers cut rates by a quarter point at their last meeting.", published)
    assert [r.verdict.verdict for r in check_claims([wrong, small], market, articles=articles)] == [
        "contradicted", "contradicted"]
    # an expectation for the next policy meeting runs from the story to that meeting
    [ahead] = rate_claims(nlp, "Analysts expect the Fed to cut rates a quarter point at its next policy meeting.",
                          published)
    assert (ahead.modality, ahead.horizon.start) == ("forecast", "2024-10-15")


def test_odds_of_a_decision_as_a_gerund_or_a_subject(nlp) -> None:  # noqa: ANN001
    [gerund] = rate_claims(nlp, "Traders see a 70% chance of the Fed cutting rates in June.")
    assert (gerund.action, gerund.modality, gerund.horizon.start) == ("cut", "expected", "2024-06-01")
    [boe] = rate_claims(nlp, "Markets see an 81% chance of the Bank of England keeping rates at 4.5% when it meets "
                             "on March 20.")
    assert (boe.bank, boe.action, boe.modality, boe.level) == ("BoE", "hold", "expected", 4.5)
    # the probability is the subject and its figure the predicate's; the range in the clause is the rate, not odds
    [held] = rate_claims(nlp, "The probability that the Fed sits tight and leaves its target range of 5.25%-5.50% "
                              "unchanged at its March 19-20 meeting is now about 95%.")
    assert (held.action, held.modality, held.session) == ("hold", "expected", None)
    assert (held.horizon.start, held.horizon.end) == ("2024-03-19", "2024-03-20")
    # control: low odds, however told, state no expectation
    assert rate_claims(nlp, "Traders see a 20% chance of the Fed cutting rates in June.") == []


def test_a_judged_or_forgone_move_is_no_decision(nlp) -> None:  # noqa: ANN001
    for text in ("He said the Fed was late in raising rates once the pandemic ended.",
                 "Critics said the Fed was too slow to cut rates in 2008.",
                 "The Fed may tighten financial conditions by shrinking its balance sheet rather than raising rates."):
        assert rate_claims(nlp, text) == [], text
    # control: the move made, beside the one forgone, stays a decision
    [made] = rate_claims(nlp, "The Fed raised rates instead of holding them steady on Wednesday.")
    assert (made.action, made.session) == ("hike", "2024-03-13")


def test_a_decision_told_in_a_when_clause_and_a_bank_tipped_to_move(nlp) -> None:  # noqa: ANN001
    [december] = rate_claims(nlp, "The Fed's last move came in December, when it trimmed the benchmark rate by a "
                                  "quarter point.")
    assert (december.action, december.session, december.horizon.start) == ("cut", None, "2023-12-01")
    [tipped] = rate_claims(nlp, "The Bank of England is tipped to leave rates at 5.25 percent next week.")
    assert (tipped.bank, tipped.action, tipped.modality) == ("BoE", "hold", "expected")
    # control: a decision told with its own day
    [own] = rate_claims(nlp, "The Fed trimmed rates by a quarter point on Wednesday, when markets were calm.")
    assert own.session == "2024-03-13"


def test_data_service_and_wire_wordings(nlp) -> None:  # noqa: ANN001
    # a bank's key lending rates kept, dated by their month; a decision during a named meeting
    [pboc] = rate_claims(nlp, "The People's Bank of China kept its key lending rates unchanged for the fourth straight "
                              "month in February, with the one-year loan prime rate still 3.1%.")
    assert (pboc.bank, pboc.action, pboc.horizon.start) == ("PBoC", "hold", "2024-02-01")
    [rbi] = rate_claims(nlp, "The Reserve Bank of India lowered its repo rate by 25 bps to 6.25% during its February "
                             "meeting.")
    assert (rbi.bp, rbi.level, rbi.session, rbi.horizon.start) == (25.0, 6.25, None, "2024-02-01")
    # 'bps' counts priced moves like 'basis points'
    [bps] = rate_claims(nlp, "Fed funds futures now price in 38 bps of easing by year-end.")
    assert (bps.action, bps.bp, bps.modality) == ("cut", 38.0, "expected")
    # odds that the bank 'holds rates'; a view that rates stay on hold 'for quite some time'
    [odds] = rate_claims(nlp, "The FedWatch tool shows traders see a 92% probability the Fed holds rates in March.")
    assert (odds.action, odds.modality) == ("hold", "expected")
    [view] = rate_claims(nlp, "Logan said the Fed may need to keep rates on hold for quite some time.")
    assert (view.action, view.modality) == ("hold", "opinion")
    # controls: a commercial lender's rates and a country's rates with no bank named stay claim-free
    assert rate_claims(nlp, "Wells Fargo kept its prime lending rate at 8.5% on Monday.") == []
    assert rate_claims(nlp, "China kept its benchmark lending rates unchanged on Monday.") == []
