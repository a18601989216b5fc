"""The second reader before an accusation (issue 12): the claim tagger reads a `contradicted` claim's sentence
again, and a sentence it doubts states such a claim is `unverifiable`, not an error of the article.

Articles we wrote, through the real pipeline, real prices and the real model (models/claim-tagger). Facts used
(from ../shared/data at run time): on Thursday 2007-03-01 Oracle closed at 13.32 (adjusted), +2.07% from 13.05, and
the Dow industrials -0.28%; over January 2007 the Dow rose 1.27% (12,463.15 -> 12,621.69).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from analyzer.check import second_reader
from analyzer.records import Article, CheckedClaim

THURSDAY_EVENING = "2007-03-01T17:05:00-05:00"
# a company's price list read as a move of the index that shares its name (Dow Chemical, the Dow): over_reading
PRICE_RISE = "In January, Dow had announced price increases of 15 percent on all its plastics."
# controls: plain close-to-close moves that are wrong (Oracle rose 2.07%, the Dow fell 0.28%)
WRONG_MOVE = "Oracle Corp shares rose 6 percent on Thursday."
WRONG_INDEX_MOVE = "The Dow Jones industrial average rose 2 percent on Thursday."


def checked(engine, text: str) -> list[CheckedClaim]:  # type: ignore[no-untyped-def]
    article = Article(id=f"written-{abs(hash(text))}", text=text, published=datetime.fromisoformat(THURSDAY_EVENING))
    return list(engine.analyze([article]))


def move_of(items: list[CheckedClaim], symbol: str) -> CheckedClaim:
    found = [c for c in items if c.claim.kind in ("stock_move", "index_move") and c.claim.instrument
             and c.claim.instrument.symbol == symbol]
    assert found, [c.claim.sentence for c in items]
    return found[0]


def test_a_percentage_that_is_no_price_move_is_not_called_an_error(engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(second_reader.ENV, raising=False)
    verdict = move_of(checked(engine, PRICE_RISE), "^DJI").verdict
    assert verdict.verdict == "unverifiable", verdict.explanation
    assert "second reading of the sentence doubts that it states an index move" in verdict.explanation
    assert "stated 15% vs actual +1.27%" in verdict.explanation  # what the figures would have contradicted
    seen = verdict.diagnosis["second_reader"]
    assert seen["kind_probability"] < second_reader.DEFAULT_THRESHOLD and verdict.diagnosis["was"] == "contradicted"
    reading = [e for e in verdict.evidence if e.series == "second_reading"]
    assert reading and reading[0].figures["kind_probability"] == seen["kind_probability"]
    # the data's evidence is kept ahead of the reading
    assert verdict.evidence[0].symbol == "^DJI"


def test_a_clear_wrong_close_to_close_figure_stays_contradicted(engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(second_reader.ENV, raising=False)
    for text, symbol in ((WRONG_MOVE, "ORCL"), (WRONG_INDEX_MOVE, "^DJI")):
        verdict = move_of(checked(engine, text), symbol).verdict
        assert verdict.verdict == "contradicted", verdict.explanation
        seen = verdict.diagnosis["second_reader"]
        assert seen["kind_probability"] >= 0.5 and seen["figure_in_span"], seen


@pytest.mark.parametrize("setting", ["off", "0"])
def test_the_second_reader_can_be_turned_off(engine, monkeypatch, setting: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(second_reader.ENV, setting)
    verdict = move_of(checked(engine, PRICE_RISE), "^DJI").verdict
    assert verdict.verdict == "contradicted" and "second_reader" not in (verdict.diagnosis or {})


def test_threshold_setting(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(second_reader.ENV, raising=False)
    assert second_reader.threshold() == second_reader.DEFAULT_THRESHOLD
    monkeypatch.setenv(second_reader.ENV, "0.3")
    assert second_reader.threshold() == 0.3
    monkeypatch.setenv(second_reader.ENV, "off")
    assert second_reader.threshold() is None


def test_worker_processes_load_their_own_reader(market_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # nothing of the model is pickled: each worker process loads the tagger at its first contradiction
    from analyzer.engine.local import LocalEngine
    from analyzer.market import MarketData

    monkeypatch.delenv(second_reader.ENV, raising=False)
    published = datetime.fromisoformat(THURSDAY_EVENING)
    articles = [Article(id=f"w{i}", text=text, published=published)
                for i, text in enumerate([PRICE_RISE, WRONG_MOVE, WRONG_INDEX_MOVE] * 2)]
    with LocalEngine(MarketData.open(market_dir), 2, chunk_articles=3) as engine:
        verdicts = [c.verdict.verdict for c in engine.analyze(articles)
                    if c.claim.kind in ("index_move", "stock_move")]
    assert verdicts == ["unverifiable", "contradicted", "contradicted"] * 2
