"""Classes of writing from text the rules were never tuned on (issue 13), on sentences we wrote, through the real
spaCy pipeline. Each test holds one class and a control that must still give its claim."""

from __future__ import annotations

from datetime import datetime

from analyzer.extract import extract_claims
from analyzer.records import Article, Claim

AFTER_CLOSE = datetime.fromisoformat("2025-08-26T20:00:00-04:00")  # a Tuesday evening
BEFORE_OPEN = datetime.fromisoformat("2025-08-27T07:30:00-04:00")
MOVE_KINDS = ("index_move", "stock_move", "comparison", "record", "streak")


def claims_in(nlp, text: str, published: datetime = AFTER_CLOSE) -> list[Claim]:  # noqa: ANN001
    found = extract_claims([Article(id="t", text=text, published=published)], nlp)
    return [c for c in found if c.kind in MOVE_KINDS]


def symbols(claims: list[Claim]) -> list[tuple[str, str | None]]:
    return [(c.kind, c.instrument.symbol if c.instrument else None) for c in claims]


def test_commodities_and_sector_indexes_are_no_index_moves(nlp) -> None:  # noqa: ANN001
    text = ("The S&P 500 rose 0.4% to 6,465.94. West Texas Intermediate crude gained 1.8% to $64.80 a barrel, "
            "while Brent added 1.6%. The Philadelphia semiconductor index fell 1.1%, and the S&P energy "
            "index climbed 2.3%. The KBW Bank Index slipped 0.5%.")
    assert symbols(claims_in(nlp, text)) == [("index_move", "^GSPC")]


def test_futures_header_is_not_the_indexes(nlp) -> None:  # noqa: ANN001
    futures = "* Futures up: Dow 0.31%, S&P 500 0.22%, Nasdaq 0.15%"
    assert claims_in(nlp, futures, BEFORE_OPEN) == []
    indexes = "* Indexes up: Dow 0.31%, S&P 500 0.22%, Nasdaq 0.15%"
    assert [s for _, s in symbols(claims_in(nlp, indexes))] == ["^DJI", "^GSPC", "^IXIC"]
