"""The accusation weigher's s30 features (issue 12): how far off a day's figure is in units of the instrument's
typical daily move, the stated move against the largest of the past five sessions, whether the data has the
session's high-low range, and the piece as a market wrap or a company story.

Articles we wrote, through the real pipeline and real prices (../shared/data at run time); every expected figure is
computed here from the closes themselves, as the checker measures them.
"""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pytest

from analyzer.check import weighed
from analyzer.market import MarketData
from analyzer.records import Article

THURSDAY_EVENING = "2007-03-01T17:05:00-05:00"
# Oracle rose about 2% that Thursday; the sentence says 6 (a figure that is wrong, written after the close)
WRONG_STOCK = "Oracle Corp shares rose 6 percent on Thursday."
# the Dow did not fall 9 percent that Thursday; the second sentence is a company's move
WRONG_WRAP = "The Dow Jones industrial average fell 9 percent on Thursday. Oracle Corp shares rose 6 percent."


def written(text: str) -> Article:
    return Article(id=f"weigh30-{abs(hash(text))}", text=text, published=datetime.fromisoformat(THURSDAY_EVENING))


def accused_values(engine, market_dir, text: str, symbol: str):  # type: ignore[no-untyped-def]
    article = written(text)
    items = list(engine.analyze([article]))
    found = [c for c in items if c.claim.instrument and c.claim.instrument.symbol == symbol]
    assert found and found[0].verdict.verdict == "contradicted", [c.claim.sentence for c in items]
    item = found[0]
    context = weighed.Context([c.claim for c in items], [c.verdict for c in items], article)
    return item, weighed.features(item.claim, item.verdict, context, MarketData.open(market_dir))


def expected(market_dir, symbol: str, stated: float) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    track = MarketData.open(market_dir).price_track(symbol, "price", end=date(2007, 3, 1))
    end = track.position(date(2007, 3, 1))
    values = track.values[end - 20 - 1:end + 1]
    moves = np.diff(values) / np.abs(values[:-1]) * 100.0
    return abs(stated - moves[-1]) / np.std(moves[:-1]), abs(stated) / np.max(np.abs(moves[-5:]))


def test_a_wrong_stock_figure_is_measured_against_the_stocks_typical_move(engine, market_dir) -> None:  # type: ignore[no-untyped-def]
    item, values = accused_values(engine, market_dir, WRONG_STOCK, "ORCL")
    symbol = next(e.symbol for e in item.verdict.evidence if e.symbol)
    sigmas, against_max = expected(market_dir, symbol, 6.0)
    assert values["off_in_sigmas"] == pytest.approx(sigmas, abs=1e-3) and values["off_in_sigmas"] > 1.0
    assert values["stated_vs_max5"] == pytest.approx(against_max, abs=1e-3)
    assert values["has_range"] in (0.0, 1.0)
    assert values["wrap_share"] == 0.0  # a company story: its one move is a stock's


def test_a_wrap_s_index_figure_has_its_range_and_its_share_of_index_moves(engine, market_dir) -> None:  # type: ignore[no-untyped-def]
    item, values = accused_values(engine, market_dir, WRONG_WRAP, "^DJI")
    sigmas, against_max = expected(market_dir, "^DJI", -9.0)
    assert values["off_in_sigmas"] == pytest.approx(sigmas, abs=1e-3)
    assert values["stated_vs_max5"] == pytest.approx(against_max, abs=1e-3)
    assert values["has_range"] == 1.0  # the Dow's daily bars carry a high and a low
    assert values["wrap_share"] == 0.5  # one index move and one stock move


def test_a_claim_without_data_evidence_has_no_move_features(market_dir) -> None:  # type: ignore[no-untyped-def]
    from analyzer.records import Claim, Verdict

    claim = Claim(article_id="a", kind="index_move", sentence="The Dow rose for a week.", char_start=0, char_end=24,
                  direction="up", period="week", session="2007-03-01")
    values = weighed.move_features(claim, Verdict("contradicted", "", []), MarketData.open(market_dir))
    assert values == {"off_in_sigmas": -1.0, "stated_vs_max5": -1.0, "has_range": -1.0}  # no data symbol at all
