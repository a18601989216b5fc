"""Stock moves told through a leading verb (issue 13, session 24, helper `stocks24`): 'Acme led the Dow higher',
'banks fell, led by Acme', 'banks were led lower by Acme'. On sentences we wrote, through the real spaCy pipeline;
each test holds one class of writing and its controls."""

from __future__ import annotations

from tests.written import move_claims_in as claims_in
from tests.written import of_kind


def _moves(found: list) -> list[tuple]:  # type: ignore[type-arg]
    return sorted((c.instrument.symbol, c.direction, c.change_pct) for c in of_kind(found, "stock_move"))


def test_a_stock_that_led_a_group_or_an_index_higher_or_lower(nlp) -> None:  # noqa: ANN001
    # the direction word after the object ('led retailers higher') or on the verb ('led the Dow higher')
    assert _moves(claims_in(nlp, "Target led retailers higher on Friday.")) == [("TGT", "up", None)]
    assert _moves(claims_in(nlp, "Procter & Gamble also led the Dow higher after it raised its dividend.")) == \
        [("PG", "up", None)]
    found = claims_in(nlp, "Shares of Caterpillar and IBM helped lead the Dow higher.")
    assert _moves(found) == [("CAT", "up", None), ("IBM", "up", None)]
    assert of_kind(found, "index_move") == []  # the index led says nothing of its own figure


def test_a_stock_named_after_led_by(nlp) -> None:  # noqa: ANN001
    assert _moves(claims_in(nlp, "Banks were led lower by Citigroup after the downgrade.")) == [("C", "down", None)]
    assert _moves(claims_in(nlp, "Technology shares rose, led by Apple Inc.")) == [("AAPL", "up", None)]
    assert _moves(claims_in(nlp, "Chip stocks posted broad gains, led by Nvidia.")) == [("NVDA", "up", None)]
    assert _moves(claims_in(nlp, "The rally was led by Microsoft and Oracle.")) == \
        [("MSFT", "up", None), ("ORCL", "up", None)]


def test_leading_without_a_move_or_not_done(nlp) -> None:  # noqa: ANN001
    # controls: a group led by a company (a deal's bidder, no move), a denied or a hypothetical lead, an index
    # leading (an index's move without a figure is no claim of ours)
    assert _moves(claims_in(nlp, "A consortium led by Blackstone agreed to buy the company.")) == []
    assert _moves(claims_in(nlp, "Boeing did not lead the Dow higher on Monday.")) == []
    assert _moves(claims_in(nlp, "Apple could lead the Nasdaq higher if its sales hold up.")) == []
    assert claims_in(nlp, "The Dow led the market higher.") == []
    # a lead that carries its figure is read once, with the figure
    assert _moves(claims_in(nlp, "Exxon Mobil led the S&P 500 lower with a 3 percent drop.")) == \
        [("XOM", "down", 3.0)]


def _article_moves(nlp, text: str) -> list[tuple]:  # type: ignore[type-arg]  # noqa: ANN001
    from datetime import datetime

    from analyzer.extract import extract_claims
    from analyzer.records import Article

    published = datetime.fromisoformat("2025-02-12T11:00:00-05:00")
    found = extract_claims([Article(id="b", text=text, published=published)], nlp)
    return sorted((c.instrument.symbol, c.direction, c.change_pct, c.period) for c in of_kind(found, "stock_move"))


def test_a_bare_stock_opening_a_briefings_bullet(nlp) -> None:  # noqa: ANN001
    # the escaped bullet mark the parser takes for a subject is no other subject: 'Stock' is the item's company
    text = ("BUZZ-Intel slides after weak forecast\n\n\\*\\* Shares of Intel fall 8.2% to $20.10\n\n"
            "\\*\\* Stock fell 16.6% in 2024")
    assert _article_moves(nlp, text) == [("INTC", "down", 8.2, "intraday"), ("INTC", "down", 16.6, "year")]
    # the singular 'stock' alone opening a sentence, as 'shares' alone does
    text = "Intel Corp said on Tuesday its quarterly revenue fell.\n\nStock fell 16.6% in 2024."
    assert _article_moves(nlp, text) == [("INTC", "down", 16.6, "year")]


def test_bare_shares_after_an_index_item_stay_unread(nlp) -> None:  # noqa: ANN001
    # control: after a bullet about the indexes, bare 'shares' are stocks at large, no company's
    text = "US STOCKS-Wall St slips as yields climb\n\n\\*\\* The Dow fell 0.5% and the S&P 500 lost 0.3%\n\n" \
        "\\*\\* Shares rose 2% in Europe"
    assert _article_moves(nlp, text) == []
