"""Deals: classes of writing found on the train files' misses and field errors (session 23, issue 13), on sentences we
wrote, through the real spaCy pipeline: a party named by one word that begins a company's name told before ('Rio'
after 'Rio Tinto') is spelled out as the corpus names it; 'the' before a name is left off; a bid in the phrase that
explains a stock's move ('Beta shares rose on a takeover bid by Acme') is a bid for the mover's company. Each test
holds a control the class must not reach."""

from __future__ import annotations

from written import deals_in, roles


def test_a_short_name_is_the_company_named_in_full_before(nlp) -> None:  # noqa: ANN001
    [_, bought] = deals_in(nlp, "Harbor Chemical Co said on Thursday it would sell its plastics unit for $2 billion. "
                                "Harbor also agreed to buy Pine Resins for $1 billion.")
    assert roles(bought) == {("Harbor Chemical", "acquirer"), ("Pine Resins", "target")}
    # a person's surname stays as written
    *_, sold = deals_in(nlp, "Activist investor Carl Icahn bought shares of Pine Foods last year. Icahn sold his Pine "
                             "Foods stake to Redwood Partners for $300 million.")
    assert ("Icahn", "seller") in roles(sold)
    # controls: a short name the story used first as a company of its own, or one that begins two longer names
    # (a sentence the gate leaves out is not seen: the short name must be written alone in a kept one)
    [_, own] = deals_in(nlp, "Harbor Motors LLC said it agreed to sell its truck unit for $1 billion. Harbor Motors "
                             "Finance said it would cut jobs. Redwood Partners bought Harbor Motors for $7 billion.")
    assert ("Harbor Motors", "target") in roles(own)
    [_, two] = deals_in(nlp, "Harbor Chemical Co and Harbor Shipping Corp agreed on Thursday to sell their joint "
                             "plastics unit for $2 billion. Harbor also agreed to buy Pine Resins for $1 billion.")
    assert ("Harbor", "acquirer") in roles(two)


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
