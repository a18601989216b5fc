"""Deals in classes of writing of press releases and wire items (issue 13, session 9), on sentences we wrote, through
the real spaCy pipeline; each class with a claim-free look-alike that must stay claim-free."""

from __future__ import annotations

from written import deals_in, roles


def test_an_agreement_with_a_client_to_supply_is_an_order(nlp) -> None:  # noqa: ANN001
    # the supplier signs with its client; the contract's value told in the next sentence goes with it
    [order, worth] = deals_in(nlp, "Norvik Systems signed a three-year agreement with Equinor to supply subsea "
                                   "sensors. The total contract value is NOK 85 million.")
    assert order.deal_type == worth.deal_type == "order"
    assert roles(order) == roles(worth) == {("Norvik Systems", "seller"), ("Equinor", "buyer")}
    assert (worth.value.amount, worth.value.currency) == (85_000_000, "NOK")
    # the purpose hung on the verb by the parse (read on a whole-text parse: one name after the first word is
    # below what the gate keeps for a deal without a figure)
    [framework] = deals_in(nlp, "Afry secured a framework agreement with Statkraft to provide engineering services "
                                "for hydropower plants.", gated=False)
    assert roles(framework) == {("Afry", "seller"), ("Statkraft", "buyer")}
    # controls: a lease, a settlement, a concession from a government are no orders
    for text in ("Savor Group signed a lease agreement with Cooper Holdings for a new restaurant site in Auckland.",
                 "Tallis Software entered into a settlement agreement with Brightwave Systems to end their patent "
                 "dispute.",
                 "Kestrel Mining entered into an agreement with the government of Peru to develop a copper mine."):
        assert deals_in(nlp, text, gated=False) == [], text


def test_two_companies_entering_an_agreement_to_develop_are_partners(nlp) -> None:  # noqa: ANN001
    [deal] = deals_in(nlp, "Orion Labs and Vega Bio entered into a collaboration agreement to develop gene "
                           "therapies.")
    assert deal.deal_type == "partnership"
    assert roles(deal) == {("Orion Labs", "partner"), ("Vega Bio", "partner")}


def test_an_exclusive_licence_granted_is_rights_sold(nlp) -> None:  # noqa: ANN001
    [licence] = deals_in(nlp, "Pellam Therapeutics granted Norwood Pharma an exclusive license to develop its lead "
                              "drug in China for $40 million upfront.")
    assert licence.deal_type == "sale"
    assert roles(licence) == {("Pellam Therapeutics", "seller"), ("Norwood Pharma", "buyer")}
    assert licence.value.amount == 40_000_000
    # control: a regulator's licence to operate is a permit
    assert deals_in(nlp, "The FCC granted Acme Wireless a licence to operate in the 3.5 GHz band.", gated=False) == []


def test_a_warrants_terms_are_no_purchase(nlp) -> None:  # noqa: ANN001
    for text in ("Each warrant entitles its holder to purchase a common share for $0.10 over the next 24 months.",
                 "Each warrant will entitle its holder to acquire a further common share of the company for "
                 "C$0.05 until 2027."):
        assert deals_in(nlp, text) == [], text
    # control: all the shares of a named company are a takeover
    [deal] = deals_in(nlp, "Calder Mining agreed to acquire all of the common shares of Bluewater Metals for "
                           "C$45 million.")
    assert ("Calder Mining", "acquirer") in roles(deal)


def test_a_value_told_under_the_terms(nlp) -> None:  # noqa: ANN001
    [merger, valued] = deals_in(nlp, "Vantor Inc. entered into a merger agreement with Quill Systems. Under the "
                                     "terms, Quill shareholders will receive $18 per share, valuing the company at "
                                     "about $900 million.")
    assert roles(merger) == roles(valued) == {("Vantor", "partner"), ("Quill Systems", "partner")}
    assert (merger.value, valued.value.amount) == (None, 900_000_000)
    # control: the terms of a loan are no deal's
    assert deals_in(nlp, "Helix Corp said the terms of its $200 million term loan were amended. Under the terms, "
                         "the interest rate falls by 25 basis points.") == []


def test_an_order_split_by_supplier_with_its_goods_named_twice(nlp) -> None:  # noqa: ANN001
    first, second = deals_in(nlp, "Airline group Norvik ordered 30 A320neo jets from Airbus and 20 737 MAX jets "
                                  "from Boeing.")
    assert roles(first) == {("Norvik", "buyer"), ("Airbus", "seller")}
    assert roles(second) == {("Norvik", "buyer"), ("Boeing", "seller")}
    assert (first.quantity, second.quantity, second.item) == (30, 20, "737 MAX jets")
    # control: two kinds of goods from one supplier are one order
    [one] = deals_in(nlp, "Norvik ordered 30 jets and 20 helicopters from Airbus.")
    assert roles(one) == {("Norvik", "buyer"), ("Airbus", "seller")}


def test_the_owner_of_a_reuters_tag_and_a_unit_named_after_it(nlp) -> None:  # noqa: ANN001
    # "X Ltd.'s ( TAG ) planned takeover of Y": the tag stands for the owner before its possessive
    [tagged] = deals_in(nlp, "Analysts cited Harbor Industries Ltd.'s ( HBR.BO ) planned takeover of Meridian Inc.")
    assert roles(tagged) == {("Harbor Industries", "acquirer"), ("Meridian", "target")}
    # a unit bought from its owner, named after a comma, is the target
    [unit] = deals_in(nlp, "Harbor Logistics agreed to buy Meridian Group's trucking unit, Meridian Freight Inc.")
    assert roles(unit) == {("Harbor Logistics", "acquirer"), ("Meridian Group", "seller"),
                           ("Meridian Freight", "target")}
    # control: a speaker after the comma is no unit's name
    [spoken] = deals_in(nlp, "Harbor Logistics agreed to buy Meridian Group's trucking unit, Meridian said.")
    assert ("Meridian", "target") not in roles(spoken)


def test_shares_of_a_company_bought_and_money_paid_for_no_company(nlp) -> None:  # noqa: ANN001
    [tender] = deals_in(nlp, "Beta Capital agreed to buy all outstanding shares of Acme Corp for $12 a share.")
    assert roles(tender) == {("Beta Capital", "acquirer"), ("Acme", "target")}
    # controls: securities issued to pay for coverage, and shares of no company named, are no deal
    assert deals_in(nlp, "Citigroup issued the Treasury a further $7 billion of securities to pay for that "
                         "coverage.") == []
    assert deals_in(nlp, "The fund bought 2 million shares at $10 each.") == []


def test_a_title_case_headline_purchase_or_sale(nlp) -> None:  # noqa: ANN001
    # the tagger reads the capitalised verbs as names ('Buy Hess' was the target, the buyer lost)
    [buy] = deals_in(nlp, "Harbor Logistics to Buy Meridian Freight for $1.2 Billion in Stock")
    assert (buy.deal_type, buy.value.amount) == ("acquisition", 1_200_000_000)
    assert roles(buy) == {("Harbor Logistics", "acquirer"), ("Meridian Freight", "target")}
    [sale] = deals_in(nlp, "Brightline Tools Agrees to Sell Industrial Unit to Kaito America for $210 Million")
    assert roles(sale) == {("Brightline Tools", "seller"), ("Kaito America", "buyer")}
    assert sale.item == "Industrial Unit"
    # controls: a view of a possible deal, and a headline in sentence case, keep their own readings
    assert deals_in(nlp, "Analysts Say Harbor Logistics Could Buy Meridian Freight") == []
    [plain] = deals_in(nlp, "Harbor Logistics to acquire Meridian Freight for $1.2 billion")
    assert roles(plain) == {("Harbor Logistics", "acquirer"), ("Meridian Freight", "target")}
