"""Rate-policy claims in the phrasings the train split showed we missed, on sentences we wrote, through the real
spaCy pipeline; each family with a control that must stay claim-free."""

from __future__ import annotations

from datetime import datetime

from analyzer.extract import extract_claims
from analyzer.records import Article, Claim

PUBLISHED = datetime.fromisoformat("2024-03-14T18:30:00-04:00")  # a Thursday evening


def rate_claims(nlp, text: str) -> list[Claim]:  # noqa: ANN001
    found = extract_claims([Article(id="t", text=text, published=PUBLISHED)], nlp)
    return [c for c in found if c.kind == "rate_policy"]


def test_projected_moves_are_the_banks_forecast(nlp) -> None:  # noqa: ANN001
    # the second sentence names no bank: projections and penciled-in moves are the bank named before
    first, projected = rate_claims(nlp, "The Federal Reserve cut rates by a quarter point on Wednesday. Officials "
                                        "penciled in two more reductions before the end of the year.")
    assert (first.action, first.modality) == ("cut", "reported")
    assert (projected.bank, projected.action, projected.modality) == ("Fed", "cut", "forecast")
    assert (projected.horizon.start, projected.horizon.end) == ("2024-03-14", "2024-12-31")
    [_, dots] = rate_claims(nlp, "On Wednesday the Fed left rates unchanged. Its projections point to only one "
                                 "cut in 2026.")
    assert (dots.bank, dots.action, dots.modality) == ("Fed", "cut", "forecast")
    assert (dots.horizon.start, dots.horizon.end) == ("2026-01-01", "2026-12-31")
    [_, signaled] = rate_claims(nlp, "The Fed held rates steady on Wednesday and signaled three quarter-point "
                                     "cuts in 2025.")
    assert (signaled.action, signaled.bp, signaled.modality) == ("cut", 25.0, "forecast")
    # control: a company's projected price cuts are no rate claim
    assert len(rate_claims(nlp, "The Fed cut rates on Wednesday. Acme Corp signaled two price cuts in 2025.")) == 1


def test_priced_odds_of_a_move_are_the_markets_expectation(nlp) -> None:  # noqa: ANN001
    [_, odds] = rate_claims(nlp, "The Fed cut rates on Wednesday. Traders now see a 70% chance of another cut at "
                                 "the December meeting.")
    assert (odds.bank, odds.action, odds.modality) == ("Fed", "cut", "expected")
    assert (odds.horizon.start, odds.horizon.end) == ("2024-12-01", "2024-12-31")
    [watch] = rate_claims(nlp, "CME FedWatch shows a 90% chance of the Fed making a 25 basis-point cut in March.")
    assert (watch.bank, watch.action, watch.bp, watch.modality) == ("Fed", "cut", 25.0, "expected")
    # controls: a chance with no figure is a scenario; odds of an oil producers' cut are no rate claim
    assert len(rate_claims(nlp, "The Fed cut rates on Wednesday. Some analysts fear the chance of another cut "
                                "is gone.")) == 1
    assert rate_claims(nlp, "OPEC is expected to keep output steady. Traders see a 40% chance of a production "
                            "cut in June.") == []


def test_other_central_banks_and_levels_written_without_a_space(nlp, market_dir) -> None:  # noqa: ANN001
    from analyzer.check import check_claims
    from analyzer.market import MarketData

    # "at 2.75%" (no space before the sign) is a hold's level as much as "at 2.75 percent"
    [held] = rate_claims(nlp, "The Bank of Canada left its key rate at 2.75% on Wednesday.")
    assert (held.bank, held.action, held.modality, held.session) == ("BoC", "hold", "reported", "2024-03-13")
    # the moving bank named on the noun: "cuts from the Bank of England"
    [boe] = rate_claims(nlp, "Investors expect two more cuts from the Bank of England this year.")
    assert (boe.bank, boe.action, boe.modality) == ("BoE", "cut", "expected")
    assert (boe.horizon.start, boe.horizon.end) == ("2024-03-14", "2024-12-31")
    # the market data keeps only the Fed's target: these are unverifiable, with the reason, never contradicted
    market = MarketData.open(market_dir)
    for result in check_claims([held, boe], market):
        assert result.verdict.verdict == "unverifiable"
        assert "no policy-rate history" in result.verdict.explanation
    # controls: a company's price cuts, and a hold without its level
    assert rate_claims(nlp, "Retailers expect two more price cuts from Acme Corp this year.") == []
    assert rate_claims(nlp, "The Bank of Canada left its branch network in place on Wednesday.") == []


def test_a_stance_that_rates_stay_put_is_a_hold_opinion(nlp) -> None:  # noqa: ANN001
    # "no hurry", "take its time", "firmly on hold", a pledge to keep rates low for long: the bank's view of a hold
    for text in ("Fed Chair Jerome Powell said there was no hurry to cut interest rates any further.",
                 "Fed officials see no rate-cut rush.",
                 "Powell said the Fed can take its time.",
                 "The Federal Reserve is firmly on hold.",
                 'The Fed restated its pledge to keep rates very low for "an extended period" of time.',
                 "The Fed will need to keep rates restrictive while inflation stays above target."):
        [claim] = rate_claims(nlp, text)
        assert (claim.bank, claim.action, claim.modality) == ("Fed", "hold", "opinion"), text
    # the same view held by markets is their expectation
    [market] = rate_claims(nlp, "Stocks rose on expectations that the Fed would keep rates low for a long time.")
    assert (market.action, market.modality) == ("hold", "expected")
    # a chair named alone speaks for the bank
    [chair] = rate_claims(nlp, "Lagarde said there was no rush to lower borrowing costs.")
    assert (chair.bank, chair.action) == ("ECB", "hold")
    # controls: a company in no hurry, and a rush that is no stance on rates
    assert rate_claims(nlp, "Acme Corp is in no hurry to sell its paints unit.") == []
    assert rate_claims(nlp, "Investors rushed into bonds after the Fed meeting.") == []


def test_expectations_for_a_move_need_no_horizon(nlp) -> None:  # noqa: ANN001
    [crimped] = rate_claims(nlp, "Hot inflation readings crimped expectations for more rate cuts from the "
                                 "Federal Reserve.")
    assert (crimped.bank, crimped.action, crimped.modality, crimped.horizon) == ("Fed", "cut", "expected", None)
    [hopes] = rate_claims(nlp, "Stocks rallied on hopes of another big rate cut from the Federal Reserve.")
    assert (hopes.action, hopes.modality) == ("cut", "expected")
    # controls: a view told in a clause, and a move noun with neither a time nor a prospect
    assert rate_claims(nlp, "The dissent dampened expectations that further reductions in "
                            "borrowing costs are in store at the Fed.") == []
    assert rate_claims(nlp, "Bank stocks fell on the Fed's smaller-than-expected rate cut.") == []
    assert rate_claims(nlp, "Analysts will watch the data to judge the prospect of more rate cuts from the "
                            "Federal Reserve.") == []


def test_a_decision_told_in_a_since_clause_is_dated_by_its_own_words(nlp) -> None:  # noqa: ANN001
    [told] = rate_claims(nlp, "Poole said inflation expectations stayed anchored since the Fed cut interest rates on "
                              "September 18 by half a percentage point.")
    assert (told.action, told.bp, told.session, told.modality) == ("cut", 50.0, "2023-09-18", "reported")
    # control: 'since' opening a period still marks a run of moves, no single decision: a cut over the span to date
    [run] = rate_claims(nlp, "The Fed has cut rates by a full point since mid-September.")
    assert (run.session, run.bp, run.horizon.start, run.stated["cumulative_bp"]) == (None, None, "2023-09-01", "100")


def test_basis_points_of_moves_priced_or_implied(nlp) -> None:  # noqa: ANN001
    [priced] = rate_claims(nlp, "Markets are pricing in about 40 basis points of easing from the Fed this year.")
    assert (priced.bank, priced.action, priced.bp, priced.modality) == ("Fed", "cut", 40.0, "expected")
    assert (priced.horizon.start, priced.horizon.end) == ("2024-03-14", "2024-12-31")
    [implied] = rate_claims(nlp, "Fed funds futures imply about 37 basis points of hikes by December.")
    assert (implied.action, implied.bp, implied.modality) == ("hike", 37.0, "expected")
    # control: points of moves already made are a run of past moves, no claim
    assert rate_claims(nlp, "The Fed has delivered 100 basis points of cuts since September.") == []


def test_priced_odds_of_a_decision_told_as_a_clause(nlp) -> None:  # noqa: ANN001
    [odds] = rate_claims(nlp, "The CME FedWatch tool shows a 95% probability that the Fed will hold rates steady "
                              "at its March meeting.")
    assert (odds.bank, odds.action) == ("Fed", "hold") and odds.modality in ("expected", "forecast")
    # control: an aim is still no claim
    assert rate_claims(nlp, "Lawmakers criticized the Fed's effort to lower borrowing costs.") == []


def test_a_hold_seen_until_a_time_and_rates_staying_low(nlp) -> None:  # noqa: ANN001
    [seen] = rate_claims(nlp, "Traders see the Fed on hold until at least June.")
    assert (seen.action, seen.modality) == ("hold", "expected")
    [stay] = rate_claims(nlp, "Stocks rose on expectations that the Fed's rates will stay low for a long time to come.")
    assert (stay.action, stay.modality) == ("hold", "expected")
    # controls: plans on hold, and investors in no rush to buy stocks, are no stance on rates
    assert rate_claims(nlp, "The Fed put its plans on hold until March.") == []
    assert rate_claims(nlp, "Analysts at the Fed said mortgage rates will stay low for a long time to come.") == []
    assert rate_claims(nlp, "Investors did not rush to buy stocks after the Fed decision.") == []


def test_us_interest_rates_are_the_feds_in_a_story_about_another_bank(nlp) -> None:  # noqa: ANN001
    claims = rate_claims(nlp, "The Bank of Japan left rates unchanged on Tuesday. Hot inflation data brought receding "
                              "trader expectations of early U.S. rate reductions, which lifted the dollar.")
    assert [(c.bank, c.action, c.modality) for c in claims] == [("BoJ", "hold", "reported"), ("Fed", "cut", "expected")]
    # control: the story's own bank is still the one a bare 'the central bank' refers to
    [_, again] = rate_claims(nlp, "The Bank of Japan left rates unchanged on Tuesday. The central bank is expected "
                                  "to raise rates again in July.")
    assert (again.bank, again.action) == ("BoJ", "hike")
