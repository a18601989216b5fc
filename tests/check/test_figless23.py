"""Moves told by their direction alone (issue 13, session 23, helper `figless23`): a careful reader does not call
such a claim wrong where the price barely moved, nor where its day is only the one its publication time falls in
and the price stood on the stated side at some moment of that session. Through the real pipeline and real prices, on
sentences we wrote; each excuse has its control, which stays `contradicted`.

Facts used (from ../shared/data at run time): the Dow closed 12,532.60 on Tuesday 2008-03-25 (-0.13%), 12,099.66 on
Wednesday 2008-03-19 (-2.36%, after trading as high as 12,461.53 over its previous close 12,392.66) and 12,325.42 on
Friday 2008-04-11 (-2.04%, its high 12,580.27 under its previous close 12,581.98); GE's adjusted close fell 12.79% on
2008-04-11, and the data holds no high or low for it.
"""

from __future__ import annotations

from tests.written import checked


def _verdict(nlp, market, text: str, published: str, symbol: str):  # type: ignore[no-untyped-def]  # noqa: ANN001
    [item] = [c for c in checked(nlp, market, text, published)
              if c.claim.instrument and c.claim.instrument.symbol == symbol and c.claim.kind.endswith("_move")]
    assert item.claim.change_pct is None and item.claim.change_points is None and item.claim.level is None
    return item.verdict


def test_a_direction_alone_on_a_day_the_price_barely_moved(nlp, market) -> None:  # noqa: ANN001
    text = "The Dow rose on {} as investors bet on a quick rescue for the banks."
    small = _verdict(nlp, market, text.format("Tuesday"), "2008-03-25T18:00:00", "^DJI")
    assert small.verdict == "unverifiable", small.explanation
    assert "direction alone" in small.explanation
    # control: a fall of 2.4% on the day the sentence names is no rise
    large = _verdict(nlp, market, text.format("Wednesday"), "2008-03-19T18:00:00", "^DJI")
    assert large.verdict == "contradicted", large.explanation


def test_a_direction_alone_whose_day_is_only_the_publication_day(nlp, market) -> None:  # noqa: ANN001
    text = "The Dow rose as investors bet on a quick rescue for the banks."
    # the Dow stood above its previous close during the session: the piece may tell where it stood then
    crossed = _verdict(nlp, market, text, "2008-03-19T18:00:00", "^DJI")
    assert crossed.verdict == "unverifiable", crossed.explanation
    # control: the whole session under its previous close, so no moment of it saw a rise
    never = _verdict(nlp, market, text, "2008-04-11T18:00:00", "^DJI")
    assert never.verdict == "contradicted", never.explanation


def test_a_stock_ranked_among_gainers_without_a_named_day(nlp, market) -> None:  # noqa: ANN001
    text = "General Electric was among the biggest gainers on the Dow{} after the conglomerate said orders held up."
    # no high or low in the data: where the stock stood during the session cannot be told
    inferred = _verdict(nlp, market, text.format(""), "2008-04-11T18:00:00", "GE")
    assert inferred.verdict == "unverifiable", inferred.explanation
    # control: the day named, and a fall of 12.8% on it
    named = _verdict(nlp, market, text.format(" on Friday"), "2008-04-11T18:00:00", "GE")
    assert named.verdict == "contradicted", named.explanation
