"""Deals in classes of writing that a second fresh annotation of unseen deal stories (train/deals17.jsonl: Reuters
2006, 2007 and 2009 deal stories, 2025-02 Reuters and MT Newswires items) showed missed or misread (issue 13, session
17), on sentences we wrote, through the real spaCy pipeline; each class with a control that must not change or must
stay claim-free."""

from __future__ import annotations

from written import deals_in, roles


def test_a_holding_or_an_equity_interest_is_a_stake_in_a_company(nlp) -> None:  # noqa: ANN001
    # 'holding', 'equity interest', 'working interest' name a part held, like 'stake': the company is the target
    [holding] = deals_in(nlp, "Marlow Group acquired a 25 percent holding in Fennec Telecom in 2004 for 3 billion "
                              "francs.")
    assert roles(holding) == {("Marlow Group", "investor"), ("Fennec Telecom", "target")}  # no seller: session 24
    assert holding.item is None and (holding.value.amount, holding.value.currency) == (3e9, "CHF")
    [equity] = deals_in(nlp, "Solano Power has closed its acquisition of a 30% equity interest in Tamsin Electrical, "
                             "a filing showed.")
    assert roles(equity) == {("Solano Power", "investor"), ("Tamsin Electrical", "target")}
    # a regulator that approves the purchase of a stake is no party to it
    [approved] = deals_in(nlp, "The European Commission approved Oriel Exchange's acquisition of a stake in Vault "
                               "Custody Services.")
    assert roles(approved) == {("Oriel Exchange", "investor"), ("Vault Custody Services", "target")}
    # controls: an interest held, or an interest in buying, is no stake bought
    assert deals_in(nlp, "Marlow Group has a controlling interest in Fennec Telecom.") == []


def test_a_stake_repurchased_from_another_company_is_a_purchase(nlp) -> None:  # noqa: ANN001
    [back] = deals_in(nlp, "Marlow Group will repurchase a 25 percent stake in Fennec Telecom from Delmar for 2.1 "
                           "billion francs.")
    assert roles(back) == {("Marlow Group", "acquirer"), ("Fennec Telecom", "target"), ("Delmar", "seller")}
    assert (back.value.amount, back.value.currency) == (2.1e9, "CHF")
    # controls: a company buying back its own shares makes a buyback, no deal
    assert deals_in(nlp, "Marlow Group will repurchase as much as $400 million worth of its own shares by 2027.") == []
    assert deals_in(nlp, "Marlow Group said it would repurchase 10 million shares.") == []


def test_a_buyer_named_after_to_partner_or_to_rival(nlp) -> None:  # noqa: ANN001
    # the tagger reads 'to partner Vesta Networks' as an infinitive: the relation word stands for the 'to' phrase
    [sale] = deals_in(nlp, "Delmar sold its 30 percent stake in Ortega Telecom to partner Vesta Networks for 900 "
                           "million euros.")
    assert roles(sale) == {("Delmar", "seller"), ("Ortega Telecom", "target"), ("Vesta Networks", "buyer")}
    # control: a buyer after a plain 'to' is read as before
    [plain] = deals_in(nlp, "Delmar sold its 30 percent stake in Ortega Telecom to Vesta Networks for 900 million "
                            "euros.")
    assert ("Vesta Networks", "buyer") in roles(plain)


def test_a_size_a_result_a_gain_or_a_guess_in_its_own_clause_is_no_price(nlp) -> None:  # noqa: ANN001
    # 'whose market value is', a profit that doubled to, a gain booked on the sale, analysts' expectations, advance
    # payments: none is what is paid for the deal
    for text in ("Kestrel Airlines agreed to buy Orion Cargo from its founders; Orion's market value is $1.2 billion.",
                 "Net profit more than doubled to 310 million euros, helped by the navy's decision to order six "
                 "frigates from Norden Yards.",
                 "Halvard Shipping sold its tanker unit to Brenner Marine and expects a gain on the sale of "
                 "approximately 90 million pounds.",
                 "Marlow Group agreed to buy Fennec Telecom, paying more than analyst expectations of around 2.5 to "
                 "2.75 billion francs, Marlow said."):
        assert [c.value for c in deals_in(nlp, text)] == [None], text
    # control: the price itself is still read, and so is a value said after a result
    [paid] = deals_in(nlp, "Kestrel Airlines agreed to buy Orion Cargo for $1.2 billion.")
    assert (paid.value.amount, paid.value.currency) == (1.2e9, "USD")


def test_a_value_past_another_deal_word_is_that_deals(nlp) -> None:  # noqa: ANN001
    # 'Marlow, which is buying Fennec, sold its assets ... for $2.5 billion': the sum is the sale's, not the purchase's
    found = deals_in(nlp, "Marlow Group, which is buying Fennec Telecom, sold its publishing assets to Quay Partners "
                          "for $2.5 billion in March.")
    values = {c.deal_type: c.value.amount if c.value else None for c in found}
    assert values == {"sale": 2.5e9, "acquisition": None}
    # control: a value before the deal word is still the deal's ('a $2 billion purchase of')
    [before] = deals_in(nlp, "Marlow Group completed a $2 billion purchase of Fennec Telecom on Monday.")
    assert before.value.amount == 2e9


def test_orders_landed_by_their_worth(nlp) -> None:  # noqa: ANN001
    # '$9 billion in orders from Gulf Skyways': the orders are landed, so the subject sells and 'from' buys; the order
    # included in them is a second order, also the subject's to fill
    found = deals_in(nlp, "Northwind landed $9 billion in orders from Gulf Skyways on Monday, including an order for "
                          "ten freighters.")
    assert {frozenset(roles(c)) for c in found} == {
        frozenset({("Northwind", "seller"), ("Gulf Skyways", "buyer")}), frozenset({("Northwind", "seller")})}
    assert sorted(c.quantity or 0 for c in found) == [0, 10]
    # control: an order placed by the subject stays the subject's purchase
    [placed] = deals_in(nlp, "Gulf Skyways topped that up with an order for ten Northwind freighters in May.")
    assert ("Gulf Skyways", "buyer") in roles(placed)


def test_commands_advisers_and_rights_are_no_deals(nlp) -> None:  # noqa: ANN001
    # a court's order, an adviser hired for a sale still to be found, a right to buy more
    # (the sale the court is asked to approve stays a sale; the court's order is no order)
    court = deals_in(nlp, "The receiver plans to ask for an order from the Ontario High Court Of Justice approving the "
                          "sale of the Halcyon Tools plant to Brack Holdings.")
    assert [c.deal_type for c in court if c.deal_type == "order"] == []
    assert any("Brack Holdings" in {p.name for p in c.parties} for c in court)
    assert deals_in(nlp, "Kestrel hired Morgan Stanley last year to help sell its generic drugs unit.") == []
    assert deals_in(nlp, "For a year Nordvik will also hold the right to buy a further 5% interest in Tamsin "
                         "Electrical.") == []
    assert deals_in(nlp, 'Kora Capital ("Kora", the "Company") granted its bookrunner a one-month option to buy '
                         "as many as 2,000,000 extra units at the offering price.") == []
    # a combination that would have been: it did not happen
    assert deals_in(nlp, "A combination of Kestrel Air and Orion Cargo would have created Europe's largest freight "
                         "carrier, worth some $40 billion on the stock market.") == []
    # controls: an order won, a unit put up for sale by its owner, a stake bought, a merger that would make something
    [won] = deals_in(nlp, "Yarrow Thermal obtained a contract worth $40 million from Brenner Motors.")
    assert roles(won) == {("Yarrow Thermal", "seller"), ("Brenner Motors", "buyer")}
    [own] = deals_in(nlp, "Kestrel plans to sell its generic drugs unit this year.")
    assert roles(own) == {("Kestrel", "seller")}
    [bought] = deals_in(nlp, "Nordvik agreed to buy a 5% interest in Tamsin Electrical for $40 million.")
    assert ("Tamsin Electrical", "target") in roles(bought)
    [merger] = deals_in(nlp, "Kestrel Air agreed to merge with Orion Cargo in a $4 billion deal that would create "
                             "Europe's largest freight carrier.")
    assert {p.name for p in merger.parties} == {"Kestrel Air", "Orion Cargo"}


def test_a_name_run_across_to_is_cut(nlp) -> None:  # noqa: ANN001
    # the tagger ran the asset's name and the buyer's into one entity across 'to'
    [sale] = deals_in(nlp, "Pallas Energy said on Tuesday it will sell a 35% operating working interest in the "
                           "Kora-7 Block to Societe Petroliere Atlas for US$150 million.")
    names = {p.name for p in sale.parties}
    assert "Pallas Energy" in names and not any(" to " in n for n in names)
    assert ("Societe Petroliere Atlas", "buyer") in roles(sale)


def test_a_press_releases_defined_company_and_a_bidder_after_the_approving_verb(nlp) -> None:  # noqa: ANN001
    # 'the "Company"' defined in the release's first sentence is its issuer; the bidder's 'by' hung on 'approved'
    [approved] = deals_in(nlp, 'Retail Growth Partners Inc. ("RGP" or the "Company") said its shareholders backed '
                               "the cash acquisition of the Company by Harbor Real Estate Fund IV.")
    assert roles(approved) == {("Harbor Real Estate Fund IV", "acquirer"), ("Retail Growth Partners", "target")}
    # controls: a release's own figures stay no deal; an acquisition named by its bidder keeps it
    assert deals_in(nlp, 'Retail Growth Partners (RGP, the "Company") said the Company\'s sales rose 5% to $2 '
                         "billion.") == []
    [own] = deals_in(nlp, "Harbor Real Estate Fund IV said its acquisition of Retail Growth Partners was approved.")
    assert roles(own) == {("Harbor Real Estate Fund IV", "acquirer"), ("Retail Growth Partners", "target")}
