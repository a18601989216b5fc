"""Deals in classes of writing found among the train and dev misses (issue 13, session 11), on sentences we wrote,
through the real spaCy pipeline; each class with a control that must not change."""

from __future__ import annotations

from written import deals_in, roles


def test_a_deal_named_again_inside_a_said_clause_gives_its_figure(nlp) -> None:  # noqa: ANN001
    # 'The transaction ... will cost X $925 million, the company said': the clause said is the main one
    told = ("On Monday, Halden Pharma said it had agreed to acquire Brightmoor Bio for up to $2.4 billion depending on "
            "milestones. ")
    [deal, again] = deals_in(nlp, told + "The transaction, which should be completed by the end of June, will "
                                         "cost Halden $700 million upfront, the company said.")
    assert roles(again) == roles(deal) == {("Halden Pharma", "acquirer"), ("Brightmoor Bio", "target")}
    assert again.value.amount == 700_000_000
    # control: the same without the saying verb was read before and still is
    [_, plain] = deals_in(nlp, told + "The transaction will cost Halden $700 million upfront.")
    assert plain.value.amount == 700_000_000
    # control: a deal noun that is no subject of the said clause gives nothing of its own
    assert len(deals_in(nlp, told + "Analysts welcomed news of the transaction, the company said.")) == 1


def test_the_sum_said_to_be_the_total_is_the_value(nlp) -> None:  # noqa: ANN001
    [deal] = deals_in(nlp, "Corvane Networks offered $300 million in cash plus 8 million of its own shares for Tessel "
                           "Optics, a total deal value of $410 million.")
    assert deal.value.amount == 410_000_000
    # control: without a total, the first sum after the deal word stays the value
    [plain] = deals_in(nlp, "Corvane Networks agreed to buy Tessel Optics for $300 million in cash.")
    assert plain.value.amount == 300_000_000


def test_a_loss_or_an_award_is_no_deal_value(nlp) -> None:  # noqa: ANN001
    [deal] = deals_in(nlp, "Harlow Motors, which bought Kestrel Cars from Veltro in 2001, is struggling with a $3 "
                           "billion overall loss.")
    assert deal.value is None
    assert ("Kestrel Cars", "target") in roles(deal)
    # control: a sum that is the price stays the value
    [priced] = deals_in(nlp, "Harlow Motors bought Kestrel Cars from Veltro for $3 billion.")
    assert priced.value.amount == 3_000_000_000


def test_a_merger_with_a_buyout_firm_is_its_takeover(nlp) -> None:  # noqa: ANN001
    [deal] = deals_in(nlp, "Marlin Brands Inc. said stockholders had approved its merger with private equity firm "
                           "Castlerock Partners L.P.")
    assert deal.deal_type == "acquisition"
    assert roles(deal) == {("Castlerock Partners", "acquirer"), ("Marlin Brands", "target")}
    # control: a merger with a rival maker stays a merger of partners
    [merger] = deals_in(nlp, "Marlin Brands Inc. said stockholders had approved its merger with rival plumbing maker "
                             "Kessel Co.")
    assert merger.deal_type == "merger"
    assert {role for _, role in roles(merger)} == {"partner"}


def test_a_merger_between_two_names_the_tagger_joined(nlp) -> None:  # noqa: ANN001
    [deal] = deals_in(nlp, "Profit rose on accounting effects from the merger between Nordvik Forsikring and Eika "
                           "Forsikring.", gated=False)
    assert roles(deal) == {("Nordvik Forsikring", "partner"), ("Eika Forsikring", "partner")}
    # control: one company named 'and' in a merger with another keeps its whole name
    [other] = deals_in(nlp, "Barnes and Noble agreed to a merger with Kessel Books.", gated=False)
    assert ("Kessel Books", "partner") in roles(other)


def test_counted_companies_are_bought_not_ordered(nlp) -> None:  # noqa: ANN001
    [deal] = deals_in(nlp, "Valdor Energy agreed to buy rival 77 Petroleum III for about $600 million.")
    assert deal.deal_type == "acquisition"
    assert roles(deal) == {("Valdor Energy", "acquirer"), ("77 Petroleum III", "target")}
    assert deal.quantity is None
    [companies] = deals_in(nlp, "Halmstad Fastigheter is acquiring seven property companies from Norrvik for SEK "
                                "900 million.")
    assert companies.deal_type != "order" and companies.quantity is None
    # control: counted goods stay an order
    [order] = deals_in(nlp, "Orion Air agreed to buy 20 new cargo planes from Boeing for $2 billion.")
    assert order.deal_type == "order" and order.quantity == 20


def test_a_planemaker_is_named_without_its_model(nlp) -> None:  # noqa: ANN001
    [order] = deals_in(nlp, "Pacifica Airways said it would buy 12 Boeing 787 airplanes and 20 Boeing 737s.")
    assert roles(order) == {("Pacifica Airways", "buyer"), ("Boeing", "seller")}
    assert order.quantity == 32


def test_a_name_ending_in_and_company_keeps_no_ampersand(nlp) -> None:  # noqa: ANN001
    [deal] = deals_in(nlp, "Cerberus bought a stake in Orland Bank from Merrill Lynch & Co. for $2 billion.")
    assert all(not name.endswith("&") for name, _ in roles(deal))
    # control: an ampersand inside a name stays
    [other] = deals_in(nlp, "Procter & Gamble agreed to buy Kessel Brands for $1 billion.")
    assert ("Procter & Gamble", "acquirer") in roles(other)


def test_a_price_after_a_foreign_reuters_tag_that_opened_a_sentence(nlp) -> None:  # noqa: ANN001
    # 'Algoma Steel Inc. AGA.TO for C$1.85 billion': the tag after 'Inc.' opens a new sentence of the parse (kept: the
    # parse of the whole is worse), and the price after it is the deal's told just before
    [deal] = deals_in(nlp, "Dunmore Global agreed to acquire Canadian steelmaker Kestrel Steel Inc. KSL.TO for C$1.2 "
                           "billion (US$1.05 billion) in cash, it said on Sunday.")
    assert roles(deal) == {("Dunmore Global", "acquirer"), ("Kestrel Steel", "target")}
    assert (deal.value.amount, deal.value.currency) == (1_200_000_000, "CAD")
    # control: a sentence opened by a tag gives no price to a deal that has one
    [priced] = deals_in(nlp, "Dunmore Global agreed to acquire Kestrel Steel Inc. for C$1.2 billion. KSL.TO shares "
                             "rose 5 percent to C$1.3 billion in market value.")
    assert priced.value.amount == 1_200_000_000


def test_a_headline_name_without_its_descriptor(nlp) -> None:  # noqa: ANN001
    [deal, _] = deals_in(nlp, "Vantel Buys Ophthalmic Imaging Devices Maker Corvix\n\nVantel purchased Corvix "
                              "Imaging, a manufacturer of imaging devices.")
    assert roles(deal) == {("Vantel", "acquirer"), ("Corvix", "target")}
    [unit] = deals_in(nlp, "Hanfeng Department Store's Unit to Sell Property Assets\n\nThe unit plans to "
                           "sell part of its unused real estate.")
    assert roles(unit) == {("Hanfeng Department Store", "seller")}
    # control: a name with a company word inside stays whole
    [bank] = deals_in(nlp, "First Bank Group to Buy Coastal Savings for $300 Million")
    assert roles(bank) == {("First Bank Group", "acquirer"), ("Coastal Savings", "target")}


def test_a_deal_financed_by_loans_gives_no_value(nlp) -> None:  # noqa: ANN001
    told = "In June, Norcastle Motors agreed to sell its Vance Gearbox unit to Carlow Partners for $5.6 billion. "
    assert len(deals_in(nlp, told + "The deal will be financed by $3.5 billion of bank loans plus $1.1 billion of "
                                    "high-yield debt, the newspaper reported.")) == 1
    # control: the deal named again with its price still gives it
    [_, again] = deals_in(nlp, told + "The deal is valued at $5.9 billion including debt, the paper said.")
    assert again.value.amount == 5_900_000_000


def test_each_company_of_a_coordinated_subject_or_buyer_is_a_party(nlp) -> None:  # noqa: ANN001
    [deal] = deals_in(nlp, "Kestrel Partners and Vance Capital agreed to buy Orland Foods for $2 billion.")
    assert roles(deal) == {("Kestrel Partners", "acquirer"), ("Vance Capital", "acquirer"), ("Orland Foods", "target")}
    [sale] = deals_in(nlp, "Norcastle agreed to sell the Vance Gearbox unit for $5.6 billion in all to private equity "
                           "firms Carlow Group and Onslow Corp.")
    assert {("Carlow Group", "buyer"), ("Onslow", "buyer")} <= roles(sale)
    # control: a subject with a person beside the company adds no party
    [alone] = deals_in(nlp, "Kestrel Partners and its chief executive John Smith agreed to buy Orland Foods for $2 "
                            "billion.")
    assert roles(alone) == {("Kestrel Partners", "acquirer"), ("Orland Foods", "target")}


def test_an_acronym_tagged_as_a_common_noun_is_the_bidder(nlp) -> None:  # noqa: ANN001
    [deal] = deals_in(nlp, "Vellum welcomed a takeover offer from French fashion retailer PRQ that values the group "
                           "at roughly 5.3 billion euros.")
    assert roles(deal) == {("PRQ", "acquirer"), ("Vellum", "target")}


def test_a_title_case_headline_after_a_wire_label_with_its_seller(nlp) -> None:  # noqa: ANN001
    [deal] = deals_in(nlp, "Market Chatter: Halberd Acquires Fenwick Fire From Orrin Partners in $1.1 Billion Deal")
    assert roles(deal) == {("Halberd", "acquirer"), ("Fenwick Fire", "target"), ("Orrin Partners", "seller")}
    assert deal.value.amount == 1_100_000_000
    # control: the headline without a label or seller reads as before
    [plain] = deals_in(nlp, "Halberd to Buy Fenwick Fire for $1.1 Billion")
    assert roles(plain) == {("Halberd", "acquirer"), ("Fenwick Fire", "target")}


def test_a_party_named_by_its_initials_is_the_company_spelled_out_before(nlp) -> None:  # noqa: ANN001
    [deal] = deals_in(nlp, "Northern Motors is weighing its options. NM agreed in June to sell its Vance Gearbox unit "
                           "to Carlow Group for $5.6 billion.")
    assert ("Northern Motors", "seller") in roles(deal)
    # control: initials no company of the story spells stay as written
    [alone] = deals_in(nlp, "NM agreed in June to sell its Vance Gearbox unit to Carlow Group for $5.6 billion.")
    assert ("NM", "seller") in roles(alone)


def test_a_deal_with_a_named_partner_passes_the_gate_and_close_to_a_deal(nlp) -> None:  # noqa: ANN001
    # one name after the first word and no figure: the gate kept such a sentence only on a whole-text parse
    [sealed] = deals_in(nlp, "Fiat clinched a deal with Kestrel.")
    assert roles(sealed) == {("Fiat", "partner"), ("Kestrel", "partner")}
    [near] = deals_in(nlp, "Fiat is close to a deal with Kestrel Motors, a source said.")
    assert roles(near) == {("Fiat", "partner"), ("Kestrel Motors", "partner")}
    # controls: a deal with a country, and closeness that is no deal
    assert deals_in(nlp, "Fiat is close to a deal with China, a source said.") == []
    assert deals_in(nlp, "Fiat is close to its rival Kestrel Motors in size.") == []


def test_the_doer_under_a_passive_verb_above_the_deal_verb(nlp) -> None:  # noqa: ANN001
    [expected] = deals_in(nlp, "Kestrel Motors is expected to buy Orland Foods for $2 billion.")
    assert roles(expected) == {("Kestrel Motors", "acquirer"), ("Orland Foods", "target")}
    [forced] = deals_in(nlp, "Kestrel Motors was forced to sell its Orland Foods unit to Vance Capital for $2 billion.")
    assert {("Kestrel Motors", "seller"), ("Vance Capital", "buyer")} <= roles(forced)
    # control: the passive of the deal verb itself: the subject is what was bought
    [bought] = deals_in(nlp, "Orland Foods was bought by Kestrel Motors for $2 billion.")
    assert roles(bought) == {("Kestrel Motors", "acquirer"), ("Orland Foods", "target")}


def test_a_press_release_dateline_is_no_party(nlp) -> None:  # noqa: ANN001
    [deal] = deals_in(nlp, "SAN MATEO, Calif., March 4, 2025 (GLOBE NEWSWIRE) — Lexora, an online legal services "
                           "platform, is pleased to say it has acquired Formation Nest, a provider of services to "
                           "small businesses.")
    assert roles(deal) == {("Lexora", "acquirer"), ("Formation Nest", "target")}
    # control: a Reuters dateline as before
    [reuters] = deals_in(nlp, "OSLO, March 3 (Reuters) - Lexora said it has acquired Formation Nest for $40 million.")
    assert roles(reuters) == {("Lexora", "acquirer"), ("Formation Nest", "target")}


def test_a_deal_instead_of_which_something_else_is_done_is_none(nlp) -> None:  # noqa: ANN001
    assert deals_in(nlp, "Kestrel Motors will make a large investment in Orland Steel instead of acquiring it outright "
                         "for $14.9 billion, the president said.") == []
    assert deals_in(nlp, "Kestrel Motors will keep its unit rather than selling it to Vance Capital for $2 billion.") \
        == []
    # control: the deal itself
    [deal] = deals_in(nlp, "Kestrel Motors will sell its unit to Vance Capital for $2 billion.")
    assert ("Vance Capital", "buyer") in roles(deal)


def test_a_headline_unit_stands_for_its_parent(nlp) -> None:  # noqa: ANN001
    [deal] = deals_in(nlp, "Muntell to Sell Food Machinery Business to American Industrial Partners Unit")
    assert roles(deal) == {("Muntell", "seller"), ("American Industrial Partners", "buyer")}


def test_bought_by_a_group_led_by_firms(nlp) -> None:  # noqa: ANN001
    [deal] = deals_in(nlp, "Stocks opened higher after Orland Power agreed to be bought by a buyer group led by "
                           "private equity firms Kestrel Partners and Vance Capital Group for $31.8 billion.")
    assert roles(deal) == {("Orland Power", "target"), ("Kestrel Partners", "acquirer"),
                           ("Vance Capital Group", "acquirer")}
    # control: bought by a named company
    [plain] = deals_in(nlp, "Orland Power has agreed to be bought by Kestrel Partners for $31.8 billion.")
    assert roles(plain) == {("Orland Power", "target"), ("Kestrel Partners", "acquirer")}


def test_an_asset_sale_whose_buyer_the_parser_hung_inside_the_assets(nlp) -> None:  # noqa: ANN001
    [sale] = deals_in(nlp, "TOKYO (Reuters) - Kestrel Corp will sell its plants for producing the main chips used in "
                           "its video game console to Vance Corp, stepping back from the large investment required.")
    assert roles(sale) == {("Kestrel", "seller"), ("Vance", "buyer")}
    # controls: a company after 'to' in a clause of its own buys nothing
    assert deals_in(nlp, "Kestrel Motors sold 12 million shares, using the proceeds to repay debt owed to Vance "
                         "Capital.", gated=False) == []
    assert deals_in(nlp, "Kestrel Motors will sell its stake in a venture that supplies chips to Vance Capital.",
                    gated=False) == []
