"""Deal claims in classes of writing the train split showed we missed (bids told by their verb, stakes and percentages
of a company, orders and contracts with one named party and their worth, partnerships without a forming verb, headline
partnerships, licensing deals, sales of a company's own assets sounded out, money written with codes), on sentences
we wrote, through the real spaCy pipeline; and claim-free look-alikes (a denied rumour, an analyst's valuation, a
market value, a fund's assets, a buyback, a conditional or failed deal) that must yield no deal."""

from __future__ import annotations

import pytest
from written import deals_in, roles


def test_a_bid_told_by_its_verb(nlp) -> None:  # noqa: ANN001
    [bid] = deals_in(nlp, "Acme Corp bid $4 billion for Beta Inc last month.")
    assert roles(bid) == {("Acme", "acquirer"), ("Beta", "target")} and bid.value.amount == 4e9
    [pence] = deals_in(nlp, "Acme Corp is offering 850 pence a share in cash for Beta Plc.")
    assert roles(pence) == {("Acme", "acquirer"), ("Beta", "target")}
    [stake] = deals_in(nlp, "Acme Group now offers 300 million euros, all of it cash, for a 50.1% stake in Beta "
                            "Motors, the company said.")
    assert roles(stake) == {("Acme Group", "acquirer"), ("Beta Motors", "target")}
    assert (stake.value.amount, stake.value.currency) == (300e6, "EUR")
    # the target named before: the bidder and its money make the claim
    [pay] = deals_in(nlp, "Acme Corp has offered to pay $2.3 billion, all of it cash, which works out at $41 per "
                          "share.")
    assert roles(pay) == {("Acme", "acquirer")} and pay.value.amount == 2.3e9
    # controls: what is offered is no money, or money for no company
    assert deals_in(nlp, "Acme Corp offered its support for Beta Inc's restructuring plan.") == []
    assert deals_in(nlp, "Acme Bank offers loans for small businesses in Texas worth up to $5 million.") == []
    assert deals_in(nlp, "Acme Corp is offering $500 million of notes due 2030.") == []


def test_an_offer_from_a_bidder_approved_by_its_target(nlp) -> None:  # noqa: ANN001
    [offer] = deals_in(nlp, "Delta Realty said its board had approved a takeover offer in cash and stock from office "
                            "landlord Gamma Realty Corp. worth $3.98 billion, or $45.69 a share.")
    assert ("Gamma Realty", "acquirer") in roles(offer) and offer.value.amount == 3.98e9


def test_stakes_and_percentages_of_a_company(nlp) -> None:  # noqa: ANN001
    [sold] = deals_in(nlp, "Acme Petroleum sold more than 11 percent of Beta Bank's shares on Tuesday.")
    assert roles(sold) == {("Acme Petroleum", "seller"), ("Beta Bank", "target")}
    [stake] = deals_in(nlp, "Acme Mining plans to sell its entire stake in Beta Trust, for NT$350.4 million, "
                             "before the year ends.")
    assert roles(stake) == {("Acme Mining", "seller"), ("Beta Trust", "target")}
    assert (stake.value.amount, stake.value.currency) == (350.4e6, "TWD")
    [whole] = deals_in(nlp, "Acme Media said it closed the transaction to acquire 100% of Beta Games Ltd., the maker "
                            "of a popular game.")
    assert roles(whole) == {("Acme Media", "acquirer"), ("Beta Games", "target")} and whole.quantity is None
    [up_to] = deals_in(nlp, "Sovereign fund Gulf Horizon is now acquiring up to a 35% stake in the struggling "
                            "carmaker Beta Motors.")
    assert roles(up_to) == {("Gulf Horizon", "investor"), ("Beta Motors", "target")}  # no seller (session 24)
    [back] = deals_in(nlp, "Acme Services bought back activist investor Icahn's stake in the company last year.")
    assert back.deal_type == "sale" and roles(back) == {("Acme Services", "buyer"), ("Icahn", "seller")}
    # controls: a buyback of shares, an issue of one's own shares, warrants on one's own stock
    assert deals_in(nlp, "Gamma Holdings said it bought back 1,250,400 shares on the Hong Kong exchange on Friday, "
                         "paying an average of HK$64.10 each.") == []
    assert deals_in(nlp, "Acme Holdings sold 10 percent of its shares to investors for $500 million.") == []
    assert deals_in(nlp, "Acme Therapeutics plans to issue 2,750,000 shares, plus warrants to purchase up to 2,750,000 "
                         "further shares of its common stock, for a combined price of $2.15 each.") == []
    # all of another company's shares are the company
    [all_shares] = deals_in(nlp, "Acme Steel said its subsidiary Acme Steel Holdings Limited would buy all Norvale "
                                 "shares outstanding, paying C$56.00 apiece.")
    assert ("Norvale", "target") in roles(all_shares)


def test_orders_and_contracts_with_their_worth(nlp) -> None:  # noqa: ANN001
    [contract] = deals_in(nlp, "Acme Builders said it won a 113 million Norwegian kroner contract from the "
                               "municipality of Lillestrom to build a school.")
    assert roles(contract) == {("Acme Builders", "seller"), ("Lillestrom", "buyer")}
    assert (contract.value.amount, contract.value.currency) == (113e6, "NOK")
    first, topped = deals_in(nlp, "Pacific Air ordered 50 jets from Airbus in 2023. It followed up in October with an "
                                  "order for a further 85 Airbus jets.")
    assert roles(topped) == {("Pacific Air", "buyer"), ("Airbus", "seller")} and topped.quantity == 85
    # controls: a command, 'in order to'
    assert deals_in(nlp, "A judge ordered Acme Corp to pay $5 million in damages to Beta Inc.") == []
    assert deals_in(nlp, "Acme Corp cut 500 jobs in order to trim its costs by $100 million annually.") == []


def test_partnerships_without_a_forming_verb(nlp) -> None:  # noqa: ANN001
    [unit] = deals_in(nlp, "Acme Corp shares climbed on news that the company is forming a joint venture with a unit "
                           "of Beta Petroleum.")
    assert roles(unit) == {("Acme", "partner"), ("Beta Petroleum", "partner")}
    [close] = deals_in(nlp, "Acme Motors is close to an alliance with Beta Motors.")
    assert roles(close) == {("Acme Motors", "partner"), ("Beta Motors", "partner")}
    [owned] = deals_in(nlp, "Acme Exchange said sales rose. Its 50-50 joint venture with Beta Exchange was launched "
                            "in March.")
    assert roles(owned) == {("Acme Exchange", "partner"), ("Beta Exchange", "partner")}
    # controls: a venture rejected, a partnership only proposed by someone else
    assert deals_in(nlp, "Travel agent Flight Centre, which rejected a joint venture with Delta Equity Partners in "
                         "July, said it was looking at acquisitions.") == []


@pytest.mark.parametrize(("headline", "partners", "status"), [
    ("Acme, Beta Systems to announce industrial cloud partnership", {"Acme", "Beta Systems"}, "expected"),
    ("Acme and Beta Packers team up on Wisconsin tech initiative", {"Acme", "Beta Packers"}, "announced"),
    ("Gamma and Delta Labs announce alliance bringing supercomputing to the cloud", {"Gamma", "Delta Labs"}, None),
])
def test_a_headline_partnership(nlp, headline: str, partners: set[str], status: str | None) -> None:  # noqa: ANN001
    [deal] = deals_in(nlp, headline)
    assert {p.name for p in deal.parties} == partners and status in (None, deal.status)


def test_headline_look_alikes_are_no_partnership(nlp) -> None:  # noqa: ANN001
    assert deals_in(nlp, "U.S., China sign trade deal") == []
    assert deals_in(nlp, "Acme and Beta announce record profits") == []


def test_a_licensing_deal_is_a_sale_of_rights(nlp) -> None:  # noqa: ANN001
    [licence] = deals_in(nlp, "Acme Power shares jumped 13% after it signed a licensing deal giving it exclusive "
                              "rights to use Beta Technologies' membrane technology.")
    assert licence.deal_type == "sale"
    assert roles(licence) == {("Acme Power", "buyer"), ("Beta Technologies", "seller")}


def test_a_sale_sounded_out(nlp) -> None:  # noqa: ANN001
    # the component reads them; the gate (gate.py) may leave out a sentence with a single name, so parse it whole
    [own] = deals_in(nlp, "Pinewood Media is exploring a sale of its radio stations, according to two people familiar "
                          "with its plans.", gated=False)
    assert roles(own) == {("Pinewood Media", "seller")} and own.item == "radio stations" and own.status == "rumored"
    [itself] = deals_in(nlp, "Having drawn takeover interest, Acme Services is exploring a sale, people familiar with "
                             "its thinking said.", gated=False)
    assert roles(itself) == {("Acme Services", "target")} and itself.status == "rumored"
    # controls: a sale without its seller's company, a store's sale
    assert deals_in(nlp, "Shoppers are exploring a sale of winter coats at the mall.", gated=False) == []


def test_a_sale_to_a_group_led_by_buyers(nlp) -> None:  # noqa: ANN001
    _, sale = deals_in(nlp, "Texas Power Corp agreed to be bought for $32 billion. Its shareholders will vote on "
                            "Sept. 7 on its proposed sale to an investor group led by buyout firms KKR and TPG.")
    assert ("Texas Power", "target") in roles(sale) and ("TPG", "acquirer") in roles(sale)


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("Acme Systems has signed an agreement to divest its food unit to Beta Partners for MEUR 97.5, free of cash and "
     "debt.", 97.5e6, "EUR"),
    ("Acme Systems agreed to sell its food unit to Beta Partners for SEK 1.1 billion.", 1.1e9, "SEK"),
    ("Acme Mining agreed to sell its plant to Beta Resources for AU$4.4 million.", 4.4e6, "AUD"),
])
def test_money_written_with_a_code(nlp, text: str, amount: float, currency: str) -> None:  # noqa: ANN001
    [deal] = deals_in(nlp, text)
    assert (deal.value.amount, deal.value.currency) == (amount, currency)


@pytest.mark.parametrize("text", [
    "Acme Corp denied a report that it plans to buy Beta Inc for $2 billion.",
    "Acme Corp denied it was in talks to buy Beta Inc.",
    "An analyst at Gamma Securities valued Beta Inc at $3 billion, or $40 a share.",
    "Beta Inc shares, which give the company a market value near $3 billion, rose 4% on Tuesday.",
    "Delta Partners, which manages about $8 billion in assets for Gamma Bank, said it was wary of stocks.",
    "Analysts said Acme Corp would likely sell its paints unit to Beta Inc if offers approached $2 billion.",
    "Acme Capital and Beta Technologies tried to buy Gamma Networks for $2.2 billion in 2008 but failed to get "
    "regulatory approval.",
])
def test_claim_free_look_alikes(nlp, text: str) -> None:  # noqa: ANN001
    assert deals_in(nlp, text) == []


def test_a_deal_and_its_value_in_a_headline_line(nlp) -> None:  # noqa: ANN001
    text = ("Corvus Logistics to buy Atlas Freight for $2.4 billion\n"
            "Corvus Logistics said on Thursday that it had agreed to acquire trucking company Atlas Freight.\n"
            "The price represents a 32% premium to Atlas's closing price on Wednesday.")
    headline, story = deals_in(nlp, text)
    assert headline.sentence.startswith("Corvus") and headline.sentence.rstrip().endswith("billion")
    assert roles(headline) == {("Corvus Logistics", "acquirer"), ("Atlas Freight", "target")}
    assert headline.value.amount == 2.4e9
    assert story.sentence.startswith("Corvus Logistics said") and story.value is None
    # the value in the sentence after a headline with the parties
    _, value = deals_in(nlp, "Norvale Mining buys plant from Acme Resources\n"
                             "The transaction values the plant at AU$4.4 million.")
    assert roles(value) == {("Norvale Mining", "buyer"), ("Acme Resources", "seller")}
    assert (value.value.amount, value.value.currency) == (4.4e6, "AUD")
    # a headline ending in a stop runs on as before; a second line is no headline
    [one] = deals_in(nlp, "Acme Corp agreed to buy Beta Inc for $2 billion on Thursday.\nThe deal is its largest.")
    assert roles(one) == {("Acme", "acquirer"), ("Beta", "target")}


def test_party_names_as_a_reader_writes_them(nlp) -> None:  # noqa: ANN001
    [lse] = deals_in(nlp, "Nasdaq said its hostile bid of $5.3 billion for the London Stock Exchange was fair.")
    assert ("London Stock Exchange", "target") in roles(lse)
    [llc] = deals_in(nlp, "MILAN (Reuters) - Acme sealed a deal with Detroit car maker Norvale Motors LLC on Thursday.")
    assert roles(llc) == {("Acme", "partner"), ("Norvale Motors", "partner")}
    [dateline] = deals_in(nlp, "DALLAS/DENVER (Reuters) - Hewlett-Packard struck a $3.1 billion cash deal for "
                               "network gear maker 3Com Corp on Wednesday.")
    assert roles(dateline) == {("Hewlett-Packard", "acquirer"), ("3Com", "target")}


def test_stakes_offers_and_investments_told_otherwise(nlp) -> None:  # noqa: ANN001
    [merger] = deals_in(nlp, "(Reuters) - Bathtub maker Jacuzzi Brands Inc. said on Tuesday its stockholders approved "
                             "its merger with buyout firm Apollo Management LP.")
    # a merger with a buyout firm is its takeover (the train annotation: Apollo the acquirer; session 11)
    assert roles(merger) == {("Jacuzzi Brands", "target"), ("Apollo Management", "acquirer")}
    [offer] = deals_in(nlp, "Acme's winning offer is $530 million in cash, with another $239 million of "
                            "convertible debt, one of the sources said.")
    assert roles(offer) == {("Acme", "acquirer")} and offer.value.amount == 530e6 and offer.status == "rumored"
    [inject] = deals_in(nlp, "Gulf Wealth Authority and Delta Capital are in talks to inject $3 billion into Norvale "
                             "Asset Management for a 12 percent stake, a newspaper said.")
    assert roles(inject) == {("Gulf Wealth Authority", "investor"), ("Delta Capital", "investor"),
                             ("Norvale Asset Management", "target")}
    [building] = deals_in(nlp, "Acme Publishing is near a deal to sell its ownership stake in its Manhattan head "
                               "office tower for up to $225 million.")
    assert roles(building) == {("Acme Publishing", "seller")} and building.value.amount == 225e6
    [reached] = deals_in(nlp, "After its offer closed, Norvale Pharma has reached an 87.7% ownership stake in "
                               "Abliva Biotech.")
    assert roles(reached) == {("Norvale Pharma", "investor"), ("Abliva Biotech", "target")}
    # controls: a stake in an asset with no figure; an offer with no money of its own
    assert deals_in(nlp, "Acme sold its stake in the building to residents last year.") == []
    assert deals_in(nlp, "Acme's offer of support came as Beta Inc's shares rose 3%.") == []


def test_an_offer_re_mentioned_with_a_premium_and_a_fee_is_no_claim(nlp) -> None:  # noqa: ANN001
    assert deals_in(nlp, "Acme said its offer represented a $2.75 premium over Beta Inc's price and that it would "
                         "also be prepared to pay the $90 million termination fee owed under the Beta deal.") == []


def test_an_order_named_again_with_its_goods(nlp) -> None:  # noqa: ANN001
    # parsed whole: the gate (gate.py) keeps a deal sentence with a figure in money or percent, not '100 tons'
    won, goods = deals_in(nlp, "Norvale Recycling has bagged an order worth $600,000 from Acme Trading, a Hong Kong "
                               "firm, a filing showed.\nThe contract covers the delivery of 100 tons of brass billets, "
                               "to be exported within 45 days.", gated=False)
    assert roles(goods) == roles(won) == {("Norvale Recycling", "seller"), ("Acme Trading", "buyer")}
    assert goods.quantity == 100 and goods.value is None
    # a sentence after it without goods or worth gives nothing
    assert len(deals_in(nlp, "Norvale Recycling has bagged an order worth $600,000 from Acme Trading, a Hong Kong "
                             "firm.\nThe contract is a boost for the company.", gated=False)) == 1


def test_parts_of_a_company_and_plural_bids(nlp) -> None:  # noqa: ANN001
    [part] = deals_in(nlp, "Acme, which wants to broaden its line of drinks, was in late-stage talks to buy all or "
                           "part of Glaceau Beverages, a newsletter reported late last month.")
    assert roles(part) == {("Acme", "acquirer"), ("Glaceau Beverages", "target")}
    [rest] = deals_in(nlp, "Acme Corp agreed to buy the rest of Beta Inc for $300 million.")
    assert roles(rest) == {("Acme", "acquirer"), ("Beta", "target")} and rest.value.amount == 300e6
    [bids] = deals_in(nlp, "Analysts said Gamma Mining and Delta Resources were preparing separate bids for Norvale "
                           "Metals each worth $40 billion.")
    assert ("Norvale Metals", "target") in roles(bids) and bids.value.amount == 40e9
    # controls: a part of one's own shares, mergers in the plural
    assert deals_in(nlp, "Acme Corp bought most of its shares back last year.") == []
    assert deals_in(nlp, "A spate of mergers in the mining industry, including deals worth $40 billion, lifted "
                         "the sector.") == []
