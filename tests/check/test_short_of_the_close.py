"""A stock's day move short of the close's move, in its direction, with no close word and no day named: a level the
stock passed during the session, where the data has no high-low range for it (2008 stocks: adjusted closes only).
Our own sentences, the real pipeline and real prices: AT&T closed down 2.59% on 2008-09-04."""

from __future__ import annotations

from written import checked

from analyzer.market import MarketData

THURSDAY_EVENING = "2008-09-04T20:00"


def _stock_verdict(nlp, market: MarketData, text: str):  # noqa: ANN001, ANN202
    [row] = [r for r in checked(nlp, market, text, THURSDAY_EVENING) if r.claim.kind == "stock_move"]
    return row.verdict


def test_a_figure_short_of_the_close_is_a_level_of_the_session(nlp, market: MarketData) -> None:  # noqa: ANN001
    verdict = _stock_verdict(nlp, market, "Shares of AT&T Inc ( T.N ) fell 2.25 percent.")
    assert verdict.verdict == "unverifiable", verdict.explanation
    assert "a level the stock passed during the session" in verdict.explanation
    assert "a level passed during the session" in verdict.readings


def test_controls_beyond_the_close_the_other_way_or_said_to_close(nlp, market: MarketData) -> None:  # noqa: ANN001
    beyond = _stock_verdict(nlp, market, "Shares of AT&T Inc ( T.N ) fell 3.5 percent.")
    assert beyond.verdict == "contradicted", beyond.explanation
    other_way = _stock_verdict(nlp, market, "Shares of AT&T Inc ( T.N ) rose 2.25 percent.")
    assert other_way.verdict == "contradicted", other_way.explanation
    closed = _stock_verdict(nlp, market, "Shares of AT&T Inc ( T.N ) closed down 2.25 percent.")
    assert closed.verdict == "contradicted", closed.explanation
    # well short of the close (under 0.4 of its -2.59%): a quote before a gap or another figure, still checked
    small = _stock_verdict(nlp, market, "Shares of AT&T Inc ( T.N ) fell 0.8 percent.")
    assert small.verdict == "contradicted", small.explanation
