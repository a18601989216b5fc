"""Deals: classes of writing found on the train files' misses and field errors (session 23, issue 13), on sentences we
wrote, through the real spaCy pipeline: a party named by the first words of a company named before ('BHP' after 'BHP
Billiton') or by a person's surname, spelled out as the corpus names it; 'the' before a name left off; a stake bought
with no seller named is the buyer's investment; a bid in the phrase that explains a stock's move ('Beta shares rose
on a takeover bid by Acme') is a bid for the mover's company. Each test holds a control the class must not reach."""

from __future__ import annotations

from written import deals_in, roles


def test_a_short_name_is_the_company_or_person_named_in_full_before(nlp) -> None:  # noqa: ANN001
    [_, bought] = deals_in(nlp, "Harbor Chemical Co said on Thursday it would sell its plastics unit for $2 billion. "
                                "Harbor also agreed to buy Pine Resins for $1 billion.")
    assert roles(bought) == {("Harbor Chemical", "acquirer"), ("Pine Resins", "target")}
    *_, sold = deals_in(nlp, "Activist investor Carl Icahn bought shares of Pine Foods last year. Icahn sold his Pine "
                             "Foods stake to Redwood Partners for $300 million.")
    assert ("Carl Icahn", "seller") in roles(sold)
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


def test_a_stake_bought_with_no_seller_is_an_investment(nlp) -> None:  # noqa: ANN001
    [bought] = deals_in(nlp, "Redwood Partners bought a 51 percent stake in Harbor Bancorp in a deal that closed last "
                             "year.")
    assert bought.deal_type == "investment"
    assert roles(bought) == {("Redwood Partners", "investor"), ("Harbor Bancorp", "target")}
    [paid] = deals_in(nlp, "Harbor Bancorp agreed in June to pay $3 billion for a 9 percent stake in Pine Savings.")
    assert paid.deal_type == "investment"
    assert roles(paid) == {("Harbor Bancorp", "investor"), ("Pine Savings", "target")}
    [percent] = deals_in(nlp, "Redwood Partners buys 4.99 percent of Harbor Exchange Ltd.")
    assert percent.deal_type == "investment"
    # controls: a stake bought from a named seller, the rest of a company and the whole of it stay acquisitions
    [from_seller] = deals_in(nlp, "Redwood Partners is buying an 80 percent stake in Harbor Motors from Pine "
                                  "Industries AG.")
    assert from_seller.deal_type == "acquisition"
    assert ("Pine Industries", "seller") in roles(from_seller)
    [rest] = deals_in(nlp, "Redwood Partners agreed to buy the remaining 40 percent stake in Harbor Motors for $5 "
                           "million.")
    assert rest.deal_type == "acquisition"
    [whole] = deals_in(nlp, "Redwood Partners agreed to buy 100 percent of Harbor Motors for $90 million.")
    assert whole.deal_type == "acquisition"


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
