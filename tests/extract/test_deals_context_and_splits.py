"""Deal claims of classes of writing the train split showed we missed: a deal named again with its value in a later
sentence ('the deal, paid in cash, is valued at $32 billion'), an order split between suppliers ('250 jets from
Airbus and 220 from Boeing'), deals told by a bare 'deal' or 'agreement' ('sealed a deal with', 'reached an
agreement', 'a $N billion deal for X', 'an agreement to provide'), licences, offers that value or are rejected by
their target, units of another company bought, and a passive 'agreement to be acquired by'. Passages we wrote,
through the real spaCy pipeline; each class with claim-free lookalikes."""

from __future__ import annotations

from .test_deals_unseen import deals_in, roles  # the real pipeline over one written article, and its parties


def test_a_deal_named_again_with_its_value_takes_the_parties_told_before(nlp) -> None:  # noqa: ANN001
    told, valued = deals_in(nlp, "Orion Labs agreed on Tuesday to buy the data firm Vesta Analytics. Paid fully in "
                                  "cash, the deal is valued at US$3.2 billion, the largest in Orion's history.")
    assert roles(told) == roles(valued) == {("Orion Labs", "acquirer"), ("Vesta Analytics", "target")}
    assert told.value is None and (valued.value.amount, valued.deal_type, valued.status) == (
        3.2e9, "acquisition", "announced")
    # the value as the object of 'values', and a transaction's price, each a sentence after the deal
    [_, values] = deals_in(nlp, "Harlow Systems agreed to buy Pike Networks on Tuesday. The deal values Pike at "
                                "$2.7 billion, not counting its net cash.")
    assert values.value.amount == 2.7e9 and ("Pike Networks", "target") in roles(values)
    [_, price] = deals_in(nlp, "Auric Metals said it agreed to buy the Burbank plant from Lachlan Minerals. The "
                               "transaction carries a purchase price of $4.4 million.")
    assert price.value.amount == 4.4e6 and ("Auric Metals", "acquirer") in roles(price)
    # controls: no money of the deal's own (a multiple, a premium, a per-share price, the unit's sales), a scenario
    assert len(deals_in(nlp, "Orion Labs agreed to buy Vesta Analytics. The price values Vesta at about 11 times "
                             "its earnings. The price represents a 32% premium to Vesta's closing price. Vesta "
                             "shareholders will receive $41 a share in cash.")) == 1
    assert len(deals_in(nlp, "Kestrel Foods will sell its desserts business to Northway Partners. The unit had "
                             "sales of about $300 million last year.")) == 1
    assert len(deals_in(nlp, "Bluefin Therapeutics agreed to sell its antibody unit to Solara Pharma. The deal "
                             "could be worth $1.1 billion if milestones are met.")) == 1
    # a deal told too long before is not the one a later figure belongs to (sentences that hold claims between)
    far = ("Orion Labs agreed to buy Vesta Analytics. Orion shares rose 3% to $41.20. Vesta shares jumped 25% to $30. "
           "The S&P 500 lost a modest 0.5% on Tuesday. The Nasdaq slid 0.8%. The deal is valued at US$3.2 billion.")
    assert [c.value for c in deals_in(nlp, far)] == [None]


def test_an_order_split_between_suppliers_is_one_order_from_each(nlp) -> None:  # noqa: ANN001
    airbus, boeing = deals_in(nlp, "Air Meridian ordered 250 narrow-body jets from Airbus and 220 from Boeing on "
                                   "Tuesday.")
    assert roles(airbus) == {("Air Meridian", "buyer"), ("Airbus", "seller")} and airbus.quantity == 250
    assert roles(boeing) == {("Air Meridian", "buyer"), ("Boeing", "seller")} and boeing.quantity == 220
    first, second = deals_in(nlp, "Pacifica Airways placed a record order on Tuesday. It ordered 200 Airbus A321neos "
                                  "and 260 of Boeing's 737 MAX jets.")
    assert (second.quantity, second.item) == (260, "737 MAX jets")
    assert ("Boeing", "seller") in roles(second) and ("Pacifica Airways", "buyer") in roles(second)
    assert ("Airbus", "seller") in roles(first) and first.quantity == 200
    # control: one supplier and goods without a count make one order
    [one] = deals_in(nlp, "Air Meridian ordered 30 jets from Airbus and spare parts on Tuesday.")
    assert roles(one) == {("Air Meridian", "buyer"), ("Airbus", "seller")}


def test_a_deal_or_agreement_struck_names_its_partners_or_target(nlp) -> None:  # noqa: ANN001
    [sealed] = deals_in(nlp, "Fiat sealed a landmark deal with Chrysler on Thursday.")
    assert (sealed.deal_type, roles(sealed)) == ("partnership", {("Fiat", "partner"), ("Chrysler", "partner")})
    [reached] = deals_in(nlp, "Viacom and Comcast reached an agreement in principle late on Thursday, averting a "
                              "blackout.")
    assert roles(reached) == {("Viacom", "partner"), ("Comcast", "partner")}
    [merger] = deals_in(nlp, "Crestline Bancorp and Union Valley Financial agreed to an all-stock merger.")
    assert roles(merger) == {("Crestline Bancorp", "partner"), ("Union Valley Financial", "partner")}
    [provide] = deals_in(nlp, "Orbital Works today announced an agreement valued at US$650,000 to provide "
                              "satellite products to a firm based in the United States.")
    assert (provide.deal_type, roles(provide), provide.value.amount) == (
        "order", {("Orbital Works", "seller")}, 650000.0)
    # controls: a country's trade deal, a union's wage deal, a deal with creditors, an agreement to supply with no
    # figure and no client named
    assert deals_in(nlp, "The United States reached a trade deal with China on Thursday.") == []
    assert deals_in(nlp, "The union reached a deal with General Motors on wages.") == []
    assert deals_in(nlp, "Acme Lending reached a deal with its bondholders on $3 billion of emergency financing.") == []
    assert deals_in(nlp, "Orbital Works signed an agreement to provide satellite products.") == []


def test_licences_granted_or_won_are_sales_of_the_rights(nlp) -> None:  # noqa: ANN001
    [granted] = deals_in(nlp, "Bluefin Therapeutics Inc. (NASDAQ: BLFN) granted Solara Pharma an exclusive licence to "
                              "its lead antibody in Europe for an upfront payment of $85 million.")
    assert (granted.deal_type, roles(granted), granted.value.amount) == (
        "sale", {("Bluefin Therapeutics", "seller"), ("Solara Pharma", "buyer")}, 85e6)
    [licensed] = deals_in(nlp, "Acme Biotech licensed its gene-editing platform to Beta Pharma for $40 million.")
    assert roles(licensed) == {("Acme Biotech", "seller"), ("Beta Pharma", "buyer")}
    [won] = deals_in(nlp, "Solara Pharma won an exclusive license from Bluefin Therapeutics to sell its antibody.")
    assert roles(won) == {("Solara Pharma", "buyer"), ("Bluefin Therapeutics", "seller")}
    # controls: a permit to operate, a licence that expires, being licensed to sell
    assert deals_in(nlp, "The Federal Communications Commission granted Verizon a licence to operate in Ohio.") == []
    assert deals_in(nlp, "Acme's banking licence expires in 2027. Beta Corp is licensed to sell insurance.") == []


def test_an_offer_that_values_a_company_and_a_stake_in_the_major_named_before(nlp) -> None:  # noqa: ANN001
    [valued] = deals_in(nlp, "Express Scripts' offer of cash and stock, worth $61.37 a share, valued Caremark at "
                             "about $26.8 billion.")
    assert roles(valued) == {("Express Scripts", "acquirer"), ("Caremark", "target")}
    assert valued.value.amount == 26.8e9
    [stake] = deals_in(nlp, "BP jumped 6.4% after Elliott Management, the activist investor, had built a stake in the "
                            "energy major.")
    assert (stake.deal_type, roles(stake)) == ("investment", {("Elliott Management", "investor"), ("BP", "target")})
    # controls: an offer valued by analysts is no offer for a named company; a stake held is no deal told
    assert deals_in(nlp, "Analysts said the bid valued the company at a premium.") == []
    assert deals_in(nlp, "Elliott Management holds a small stake in the energy major.") == []


def test_agreed_to_be_acquired_and_the_value_of_the_agreement_named_again(nlp) -> None:  # noqa: ANN001
    [acquired] = deals_in(nlp, "Gamma Inc. said it struck an agreement to be acquired by Delta Partners in a cash "
                               "deal valued at about $3.4 billion.")
    assert roles(acquired) == {("Delta Partners", "acquirer"), ("Gamma", "target")}
    assert acquired.value.amount == 3.4e9
    merger, terms = deals_in(nlp, "Omega Corp. announced that it has entered into a definitive merger agreement with "
                                  "Sigma Inc. Under the terms of that agreement, Sigma shareholders will receive "
                                  "$25.00 per share in cash, giving a total equity value of roughly $1.1 billion.")
    assert roles(merger) == roles(terms) == {("Omega", "partner"), ("Sigma", "partner")}
    assert (merger.value, terms.value.amount) == (None, 1.1e9)
    # control: the terms give a price per share only
    assert len(deals_in(nlp, "Omega Corp. agreed to buy Sigma Inc. Under the terms of that agreement, Sigma "
                             "shareholders will receive $25.00 per share in cash.")) == 1


def test_a_unit_of_another_company_bought_is_a_sale_by_its_owner(nlp) -> None:  # noqa: ANN001
    [verb] = deals_in(nlp, "Acme Corp bought Beta Inc's paints unit for $300 million on Monday.")
    assert (verb.deal_type, roles(verb), verb.item) == (
        "sale", {("Acme", "buyer"), ("Beta", "seller")}, "paints unit")
    [noun] = deals_in(nlp, "Acme Corp completed the purchase of Beta Inc's European operations for 400 million "
                           "euros.")
    assert (noun.deal_type, roles(noun), noun.item) == (
        "sale", {("Acme", "buyer"), ("Beta", "seller")}, "European operations")
    # controls: a company bought whole stays the target; its shares make it no seller
    [whole] = deals_in(nlp, "Acme Corp bought Beta Inc for $300 million on Monday.")
    assert (whole.deal_type, roles(whole)) == ("acquisition", {("Acme", "acquirer"), ("Beta", "target")})
    assert all(("Beta", "seller") not in roles(c) for c in deals_in(
        nlp, "Acme Corp agreed to buy Beta Inc's shares from its founder for $50 million."))


def test_an_offer_owned_by_its_bidder_and_rejected_by_its_target(nlp) -> None:  # noqa: ANN001
    [board] = deals_in(nlp, "Yahoo's directors rejected Microsoft's roughly $44.6 billion offer, arguing it "
                            "undervalued the company.")
    assert roles(board) == {("Microsoft", "acquirer"), ("Yahoo", "target")} and board.value.amount == 44.6e9
    [bid] = deals_in(nlp, "Yahoo rejected Microsoft's unsolicited bid on Monday.")
    assert roles(bid) == {("Microsoft", "acquirer"), ("Yahoo", "target")}
    # controls: analysts welcoming a bid are no target, an offer of shares is no bid for a company
    [welcomed] = deals_in(nlp, "Analysts welcomed Microsoft's roughly $44.6 billion offer for Yahoo.")
    assert roles(welcomed) == {("Microsoft", "acquirer"), ("Yahoo", "target")}
    assert deals_in(nlp, "Investors rejected Acme's offer of new shares.") == []


def test_a_partner_the_parser_makes_the_subject_of_a_purpose_clause(nlp) -> None:  # noqa: ANN001
    [merger] = deals_in(nlp, "Acme Corp agreed to merge with Beta Inc to create the world's biggest widget maker.")
    assert (merger.deal_type, roles(merger)) == ("merger", {("Acme", "partner"), ("Beta", "partner")})
    # control: a purpose clause with no company after 'with' adds no partner
    assert deals_in(nlp, "Acme Corp agreed to merge with a rival to create the largest maker of widgets.") == []
