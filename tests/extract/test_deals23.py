"""Deals: classes of writing found on the train files' misses and field errors (session 23, issue 13), on sentences we
wrote, through the real spaCy pipeline: 'the' before a party's name is left off; a bid in the phrase that explains a
stock's move ('Beta shares rose on a takeover bid by Acme') is a bid for the mover's company. Each test holds a
control the class must not reach."""

from __future__ import annotations

from written import deals_in, roles


def test_the_article_before_a_party_is_no_part_of_its_name(nlp) -> None:  # noqa: ANN001
    [sale] = deals_in(nlp, "Investors sold shares in the London Stock Exchange to Redwood Partners for $40 million.")
    assert ("London Stock Exchange", "target") in roles(sale)


def test_a_bid_that_explains_a_stock_move_is_for_the_movers_company(nlp) -> None:  # noqa: ANN001
    [bid] = deals_in(nlp, "Shares of Pine Mills rose 15 percent on a takeover bid by rival Harbor Foods Inc.")
    assert roles(bid) == {("Harbor Foods", "acquirer"), ("Pine Mills", "target")}
    [offer] = deals_in(nlp, "Pine Mills shares shot up 12 percent after a $2 billion offer from Harbor Foods.")
    assert roles(offer) == {("Harbor Foods", "acquirer"), ("Pine Mills", "target")}
    assert offer.value is not None and offer.value.amount == 2e9
    # controls: a bid for a named company keeps its target; a move explained by something else gives no deal
    [named] = deals_in(nlp, "Shares of Pine Mills rose 15 percent on strong results, while Harbor Foods gained after "
                            "its bid for Oakline Group.")
    assert roles(named) == {("Harbor Foods", "acquirer"), ("Oakline Group", "target")}
    assert deals_in(nlp, "Shares of Pine Mills rose 15 percent on strong quarterly results from Harbor Foods.") == []
