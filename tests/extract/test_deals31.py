"""Deals: classes of writing found while sorting the train split's deal sentences that gave no claim, and two classes
of false deals on claim-free sentences (session 31, issue 13), on sentences we wrote, through the real spaCy pipeline.
Each test holds controls the class must not reach."""

from __future__ import annotations

from written import deals_in, roles


def test_a_stake_sized_in_an_of_phrase_is_in_the_company_after_it(nlp) -> None:  # noqa: ANN001
    [taken] = deals_in(nlp, "Harbor Ales acquired a stake of just 2 percent in Pine Foods last week.")
    assert taken.deal_type == "investment"
    assert roles(taken) == {("Harbor Ales", "investor"), ("Pine Foods", "target")}
    [sold] = deals_in(nlp, "Delta Metals sold its entire stake of 12 percent in Oakline Labs to Pine Foods.")
    assert sold.deal_type == "sale"
    assert ("Oakline Labs", "target") in roles(sold)
    # control: a holding told as it stands is no deal, whatever the size phrase
    assert deals_in(nlp, "Harbor Ales holds a stake of roughly 7 percent in Pine Foods today.") == []


def test_a_headline_doer_the_tagger_took_for_a_common_noun_or_hid_behind_the_label(nlp) -> None:  # noqa: ANN001
    [bought] = deals_in(nlp, "Crocs to acquire Bite Footwear for $1.75 mln")
    assert roles(bought) == {("Crocs", "acquirer"), ("Bite Footwear", "target")}
    [labelled] = deals_in(nlp, "UPDATE 1-Canada's Magellan Minerals to buy Chapleau Resources")
    assert roles(labelled) == {("Magellan Minerals", "acquirer"), ("Chapleau Resources", "target")}
    # controls: a deal's own word opening the headline names no buyer; a sentence is no headline
    assert deals_in(nlp, "Plans to sell Harbor Ales") == []
    assert deals_in(nlp, "Shareholders to sell Harbor Ales stake") == []


def test_a_deal_named_again_with_the_company_it_values_is_a_purchase_of_it(nlp) -> None:  # noqa: ANN001
    [valued] = deals_in(nlp, "The deal values Pine Foods at about $800 million.")
    assert valued.deal_type == "acquisition"
    assert roles(valued) == {("Pine Foods", "target")}
    assert valued.value is not None and valued.value.amount == 800_000_000
    # controls: what is valued is no company; a valuation in a scenario
    assert deals_in(nlp, "The offer values the oil reserves at roughly $3 a barrel.") == []
    assert deals_in(nlp, "The deal may value Pine Foods at about $800 million.") == []


def test_a_named_deal_as_the_subject_of_its_effects_is_told_whatever_their_mood(nlp) -> None:  # noqa: ANN001
    [effect] = deals_in(nlp, "We think Harbor Ales' acquisition of Pine Foods could stir anger among advertisers.")
    assert roles(effect) == {("Harbor Ales", "acquirer"), ("Pine Foods", "target")}
    [probed] = deals_in(nlp, "Prosecutors probed whether Harbor Ales' 2003 purchase of Pine Foods was illegal.")
    assert roles(probed) == {("Harbor Ales", "acquirer"), ("Pine Foods", "target")}
    # controls: a condition on the deal itself; a deal without its buyer in a scenario; a deal verb's own modal
    assert deals_in(nlp, "If Harbor Ales' acquisition of Pine Foods goes through, the family's stake would be "
                         "diluted.") == []
    assert deals_in(nlp, "A purchase of Pine Foods could lift Harbor Ales' margins.") == []
    assert deals_in(nlp, "Harbor Ales' acquisition of Pine Foods would have given it a bigger share of the "
                         "market.") == []
    assert deals_in(nlp, "Harbor Ales could buy Pine Foods.") == []


def test_a_union_agreement_and_an_order_to_do_a_task_are_no_deals(nlp) -> None:  # noqa: ANN001
    assert deals_in(nlp, "The UAW said it had reached an agreement with Harbor Motors late on Sunday.") == []
    assert deals_in(nlp, "The United Auto Workers said it had reached a tentative agreement with Harbor Motors and "
                         "the US Treasury.") == []
    assert deals_in(nlp, "Britain's union Unite said it had signed an agreement with Harbor Motors after long "
                         "talks.") == []
    assert deals_in(nlp, "Beta Bank received an order from the Federal Reserve in May to draw up a capital "
                         "plan.") == []
    # controls: an agreement of two companies; an order to supply or build goods
    [partners] = deals_in(nlp, "Harbor Motors reached an agreement with Pine Foods on a joint venture.")
    assert roles(partners) == {("Harbor Motors", "partner"), ("Pine Foods", "partner")}
    [supply] = deals_in(nlp, "Delta Aero won an order from Pine Air to supply nine engines.")
    assert supply.deal_type == "order"
    assert roles(supply) == {("Delta Aero", "seller"), ("Pine Air", "buyer")}
