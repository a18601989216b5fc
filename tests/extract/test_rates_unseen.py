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
    [_, dots] = rate_claims(nlp, "The Fed left rates unchanged on Wednesday. Its projections point to only one "
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
    [watch] = rate_claims(nlp, "CME FedWatch shows a 90% chance of a 25 basis-point cut by the Fed in March.")
    assert (watch.bank, watch.action, watch.bp, watch.modality) == ("Fed", "cut", 25.0, "expected")
    # controls: a chance with no figure is a scenario; odds of an oil producers' cut are no rate claim
    assert len(rate_claims(nlp, "The Fed cut rates on Wednesday. Some analysts fear the chance of another cut "
                                "is gone.")) == 1
    assert rate_claims(nlp, "OPEC is expected to keep output steady. Traders see a 40% chance of a production "
                            "cut in June.") == []
