"""Deals in classes of writing that a third fresh annotation of unseen deal text (train/deals20.jsonl: Reuters 2007
and 2009 stories whose title names no deal but whose body tells several, market wraps, 2025-02 Reuters and MT
Newswires items and M&A lists) showed missed or misread (issue 13, session 20), on sentences we wrote, through the
real spaCy pipeline; each class with a control that must not change or must stay claim-free."""

from __future__ import annotations

from written import deals_in, roles


def test_a_bid_its_bidder_dropped_is_no_deal(nlp) -> None:  # noqa: ANN001
    # the object of 'dropped', 'pulled' or 'ended' is a deal called off
    for text in ("Weighing on the sector was news that Harbor Ales Ltd dropped a $3.2 billion bid for Coastal Drinks "
                 "Ltd after the two sides failed to agree.",
                 "Northwind Capital dropped its plan of a bid for the Spanish railcar maker Ferrovia once the "
                 "ministry objected."):
        assert deals_in(nlp, text) == [], text
    # control: a deal in a clause that explains a move 'dropped' is still told
    [told] = deals_in(nlp, "Shares of Coastal Drinks dropped 4 percent after Harbor Ales agreed to buy Pine Foods for "
                           "$1.2 billion.")
    assert roles(told) == {("Harbor Ales", "acquirer"), ("Pine Foods", "target")}


def test_a_stake_held_as_it_stands_or_a_funds_size_is_no_deal(nlp) -> None:  # noqa: ANN001
    assert deals_in(nlp, "Meridian Holdings currently holds a 41% stake in Stellar Services.") == []
    assert deals_in(nlp, '"The numbers were strong," said Jane Roe, a partner at Oakline Capital Advisors Inc. in '
                         "Boston, which invests $2.4 billion.") == []
    # controls: a stake disclosed as reached, and money put into a named company, stay deals
    [disclosed] = deals_in(nlp, "Northwind Partners disclosed on Monday that it holds a 6 percent stake in Stellar "
                                "Services.")
    assert roles(disclosed) == {("Northwind Partners", "investor"), ("Stellar Services", "target")}
    [invested] = deals_in(nlp, "Gulf Wealth Authority will invest $2 billion in Stellar Services.")
    assert roles(invested) == {("Gulf Wealth Authority", "investor"), ("Stellar Services", "target")}


def test_securities_a_central_bank_has_chosen_to_buy_are_no_deal(nlp) -> None:  # noqa: ANN001
    # the relative pronoun bought stands for the securities its clause hangs on
    assert deals_in(nlp, "The Reserve Bank said on Monday it would double its bond purchases. The RBI will buy "
                         "government securities worth 300 billion rupees, compared with 150 billion rupees announced "
                         "before, without changing the securities that it has selected to buy.") == []
    # control: a company bought in a relative clause keeps its buyer and price
    [bought] = deals_in(nlp, "Harbor Bank said it is on schedule in absorbing Pine Savings, which it bought for $3.1 "
                             "billion on March 1.")
    assert roles(bought) == {("Harbor Bank", "acquirer"), ("Pine Savings", "target")}


def test_each_item_of_a_deals_list_names_its_own_parties(nlp) -> None:  # noqa: ANN001
    text = ("Deals reported by midday on Tuesday, in brief:\n\n"
            "\\*\\* Insurance startup Kestrel, fresh from a Series C raise, agreed to buy the broker Lumen "
            "Cover.\n\n"
            "\\*\\* Bag designer Harlow Goods <HRLW.O> said it would buy British leather brand Tamsin Rowe in an "
            "all-cash deal valued at 210 million pounds ($261.5 million), adding to its overseas business.\n\n"
            "\\*\\* Recycling group Ecoloop <ECL.L> and Canada's Brookmoor <BKM.TO> have settled terms for a bid "
            "that would buy the UK company for about 540 million pounds ($672.4 million), the companies said.")
    found = deals_in(nlp, text)
    # 'it' and 'the UK company' are no company of the item before
    assert ("Kestrel", "acquirer") not in {r for c in found[1:] for r in roles(c)}
    assert not any(("Kestrel", "target") in roles(c) for c in found)
    harlow = next(c for c in found if ("Tamsin Rowe", "target") in roles(c))
    assert (harlow.value.amount, harlow.value.currency) == (210e6, "GBP")
    # control: the first item is read as before
    assert roles(found[0]) == {("Kestrel", "acquirer"), ("Lumen Cover", "target")}


def test_a_chronologys_date_is_no_part_of_a_name(nlp) -> None:  # noqa: ANN001
    [stake] = deals_in(nlp, "March 9 - Baltic Exchange buys a 6 percent stake in Riga Bourse for $31.2 million.")
    assert ("Baltic Exchange", "investor") in roles(stake)  # a stake with no seller (session 24)
    assert stake.value.amount == 31.2e6


def test_an_offer_by_a_bidder_to_buy_a_company(nlp) -> None:  # noqa: ANN001
    [offer] = deals_in(nlp, "The founding families will agree next week to accept an offer by Rhein Motors ( RHMG.DE ) "
                            "to buy their racing car business Falke AG for about 6 billion euros, a magazine reported.")
    assert roles(offer) == {("Rhein Motors", "acquirer"), ("Falke", "target")}
    assert (offer.value.amount, offer.value.currency) == (6e9, "EUR")


def test_the_consideration_named_in_the_next_sentence_is_the_deals_value(nlp) -> None:  # noqa: ANN001
    told, value = deals_in(nlp, "Acme Metals will sell its 35% stake in Delta Wire through an auction, according to a "
                                "filing on Tuesday. The minimum consideration is set at 42.5 million yuan, the filing "
                                "said.")
    assert roles(told) == roles(value) == {("Acme Metals", "seller"), ("Delta Wire", "target")}
    assert told.value is None and (value.value.amount, value.value.currency) == (42.5e6, "CNY")


def test_the_bank_or_it_stands_for_a_company_not_the_person_quoted(nlp) -> None:  # noqa: ANN001
    [bought] = deals_in(nlp, 'Harbor Bank said quarterly profit rose 20 percent. "We are pleased," Chief Executive '
                             'John Marsh told analysts. The bank said it is "on schedule" in absorbing Pine Savings, '
                             "which it bought for $3.1 billion on March 1.")
    assert roles(bought) == {("Harbor Bank", "acquirer"), ("Pine Savings", "target")}


def test_a_governments_sale_of_a_stake_and_shares_sold_in_a_company(nlp) -> None:  # noqa: ANN001
    [stake] = deals_in(nlp, "LONDON (Reuters) - Goldman Sachs joined the Danish government's sale of a $3.4 billion "
                            "stake in its biggest lender Nordbank on Tuesday, earning fees of about $30 million.")
    assert roles(stake) == {("Danish government", "seller"), ("Nordbank", "target")}
    [shares] = deals_in(nlp, "Last year Gulf Crest Holdings sold shares in Britain's Harbor Bank Plc worth 2.1 "
                             "billion pounds ($2.6 billion).")
    assert roles(shares) == {("Gulf Crest Holdings", "seller"), ("Harbor Bank", "target")}
    # controls: investors selling a stock in the market, and an officer's counted trade, make no deal
    assert deals_in(nlp, "Investors sold shares in Harbor Bank on Monday after the lender cut its dividend.") == []
    assert deals_in(nlp, "Mary Pell, Director, on February 04, 2025, sold 12,500 shares in Harbor Bank for "
                         "$702,310.") == []


def test_an_asset_sized_by_its_sum_bought_from_a_seller(nlp) -> None:  # noqa: ANN001
    [loans] = deals_in(nlp, "Harbor Bank has agreed to buy a $6 billion portfolio of residential mortgage loans from "
                            "Pine Financial.")
    assert roles(loans) == {("Harbor Bank", "buyer"), ("Pine Financial", "seller")}
    assert loans.deal_type == "sale" and loans.value.amount == 6e9
    # control: a sum of securities bought is still no deal
    assert deals_in(nlp, "The central bank will buy $40 billion of Treasury securities next month.") == []
