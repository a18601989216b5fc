"""Session 24 (helper `deals24`), issue 13: the lead's stake convention, on sentences we wrote, through the real
pipeline. A stake bought when no seller is named is an `investment` (its buyer the `investor`); a stake bought from a
named seller, a majority or controlling stake, or the rest of a company stays an `acquisition`."""

from __future__ import annotations

from tests.extract.test_deals import deals_in, roles


def test_a_minority_stake_bought_with_no_seller_is_an_investment(nlp) -> None:  # noqa: ANN001
    [takes] = deals_in(nlp, "Harbor Capital said on Monday it would buy a 12 percent stake in Crestline Foods for "
                            "$310 million.")
    assert takes.deal_type == "investment"
    assert roles(takes) == {("Harbor Capital", "investor"), ("Crestline Foods", "target")}
    assert takes.value.amount == 310e6
    [chrono] = deals_in(nlp, "March 9 - Baltic Exchange buys 4.99 percent of Riga Bourse for $31.2 million.")
    assert chrono.deal_type == "investment" and ("Baltic Exchange", "investor") in roles(chrono)
    [noun] = deals_in(nlp, "Solano Power has closed its acquisition of a 25% equity interest in Tamsin Electrical, "
                           "a filing showed.")
    assert noun.deal_type == "investment"
    assert roles(noun) == {("Solano Power", "investor"), ("Tamsin Electrical", "target")}
    [pay] = deals_in(nlp, "Orion Telecom will pay 1.2 billion euros for 30 percent of Vesta Mobile, the companies "
                          "said.")
    assert pay.deal_type == "investment" and ("Orion Telecom", "investor") in roles(pay)


def test_a_stake_from_a_named_seller_or_with_control_stays_an_acquisition(nlp) -> None:  # noqa: ANN001
    [seller] = deals_in(nlp, "Harbor Capital agreed to buy a 12 percent stake in Crestline Foods from Delmar Group "
                             "for $310 million.")
    assert seller.deal_type == "acquisition"
    assert roles(seller) == {("Harbor Capital", "acquirer"), ("Crestline Foods", "target"), ("Delmar Group", "seller")}
    [founder] = deals_in(nlp, "Harbor Capital will buy 30 percent of Crestline Foods from its founder John Smith.")
    assert founder.deal_type == "acquisition"  # a seller told, though a person the rules do not name
    [majority] = deals_in(nlp, "Harbor Capital agreed to buy a 60 percent stake in Crestline Foods for $900 million.")
    assert majority.deal_type == "acquisition" and ("Harbor Capital", "acquirer") in roles(majority)
    [control] = deals_in(nlp, "Harbor Capital agreed to buy a controlling stake in Crestline Foods for $900 million.")
    assert control.deal_type == "acquisition"
    [rest] = deals_in(nlp, "Lumen Retail said it completed the acquisition of the remaining 40% stake in Bondwell "
                           "Stores for $5.3 million.")
    assert rest.deal_type == "acquisition" and ("Lumen Retail", "acquirer") in roles(rest)
    [whole] = deals_in(nlp, "Acme Media said it closed the transaction to acquire 100% of Beta Games Ltd.")
    assert whole.deal_type == "acquisition"
    # a company bought outright is no stake
    [company] = deals_in(nlp, "Harbor Capital agreed to buy Crestline Foods for $900 million.")
    assert company.deal_type == "acquisition" and ("Harbor Capital", "acquirer") in roles(company)
