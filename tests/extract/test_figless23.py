"""Stock moves told by their direction alone (issue 13, session 23, helper `figless23`): a stock ranked among the
day's gainers or decliners, and the names of a move noun's 'in' phrase ('lifted by gains in Acme and Beta'). On
sentences we wrote, through the real spaCy pipeline. Each test holds one class of writing and its controls."""

from __future__ import annotations

from tests.written import move_claims_in as claims_in
from tests.written import of_kind


def _moves(found: list) -> list[tuple]:  # type: ignore[type-arg]
    return sorted((c.instrument.symbol, c.direction, c.change_pct) for c in of_kind(found, "stock_move"))


def test_a_stock_ranked_among_the_days_decliners_or_gainers(nlp) -> None:  # noqa: ANN001
    found = claims_in(nlp, "Exxon Mobil was among the heaviest decliners on the Dow after crude prices slid.")
    assert _moves(found) == [("XOM", "down", None)]
    found = claims_in(nlp, "Among the strongest gainers were Intel and Hewlett-Packard, on hopes for chip demand.")
    assert _moves(found) == [("HPQ", "up", None), ("INTC", "up", None)]
    found = claims_in(nlp, "Citigroup was the single heaviest drag on the S&P 500 as bank stocks sagged.")
    assert _moves(found) == [("C", "down", None)]
    assert of_kind(found, "index_move") == []  # the index named as where the stock ranks does not move


def test_a_stock_ranked_through_one_of_or_a_list(nlp) -> None:  # noqa: ANN001
    found = claims_in(nlp, "Exxon Mobil topped the list of the Dow's strongest advancers.")
    assert _moves(found) == [("XOM", "up", None)]
    found = claims_in(nlp, "Intel has been one of the weakest laggards this year among chip makers.")
    assert [(c.instrument.symbol, c.direction, c.period) for c in of_kind(found, "stock_move")] == \
        [("INTC", "down", "ytd")]


def test_a_ranking_that_is_denied_or_carries_its_figure(nlp) -> None:  # noqa: ANN001
    # control: a denied ranking says nothing of the direction
    assert _moves(claims_in(nlp, "Intel was not among the strongest gainers of the week.")) == []
    # control: a figure given with the ranking is read once, with its figure
    found = claims_in(nlp, "Intel shares were among the top five gainers in Nasdaq trading, up 12 percent.")
    assert _moves(found) == [("INTC", "up", 12.0)]


def test_the_names_of_a_move_nouns_in_phrase(nlp) -> None:  # noqa: ANN001
    found = claims_in(nlp, "The technology index was lifted by gains in Apple and Google as traders bought growth.")
    assert _moves(found) == [("AAPL", "up", None), ("GOOGL", "up", None)]
    found = claims_in(nlp, "Nasdaq stocks were held back by losses in shares of Intel and Cisco Systems.")
    assert _moves(found) == [("CSCO", "down", None), ("INTC", "down", None)]
    found = claims_in(nlp, "Gains in Exxon Mobil and Chevron helped the S&P 500 rise 1 percent by the close.")
    assert _moves(found) == [("CVX", "up", None), ("XOM", "up", None)]


def test_a_move_noun_that_is_no_move_of_the_stock(nlp) -> None:  # noqa: ANN001
    # controls: a view ('expect gains in'), a business figure ('a rise in quarterly profit'), a fund's own gains
    assert _moves(claims_in(nlp, "Analysts expect gains in Microsoft as the software maker ships its new product.")) \
        == []
    assert _moves(claims_in(nlp, "Microsoft reported a rise in quarterly profit on strong software sales.")) == []
    assert _moves(claims_in(nlp, "The fund posted gains in Apple during the last quarter.")) == []
    # an index in the phrase: where a stock helped, and an index's move without a figure is no claim of ours
    found = claims_in(nlp, "Intel was a big contributor to gains in the Nasdaq and the S&P 500 on chip demand.")
    assert of_kind(found, "index_move") == []
