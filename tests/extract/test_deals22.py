"""Deals: classes of writing found on a twelfth fresh file (`corpora/train/deals22.jsonl`, issue 13) and session 21's
leftovers, on sentences we wrote, through the real spaCy pipeline: a person quoted as the subject before 'it', a
group that names its members, deals that came to nothing (a failed bid, an attempt, a plan given up), partners that
team up to buy, a bid made 'with' a sum, a deal whose approval is only possible, a purchase that helped a result.
Each test holds a control the class must not reach."""

from __future__ import annotations

from written import deals_in, roles


def test_it_after_a_titled_person_is_the_company_named_before(nlp) -> None:  # noqa: ANN001
    [told] = deals_in(nlp, "Walgreen Co reported higher quarterly profit on Tuesday. Chief Executive John Marsh said "
                           "it would buy Pine Foods for $2 billion.")
    assert roles(told) == {("Walgreen", "acquirer"), ("Pine Foods", "target")}
    # with no company before, the person is still no acquirer
    [alone] = deals_in(nlp, "Chief Executive John Marsh said it would buy Pine Foods for $2 billion.")
    assert roles(alone) == {("Pine Foods", "target")}
    # control: a company subject before 'it' is its antecedent, as before
    [company] = deals_in(nlp, "Harbor Ales Chief Executive John Marsh said the company would buy Pine Foods for $2 "
                              "billion.")
    assert ("Harbor Ales", "acquirer") in roles(company)


def test_a_group_that_names_its_members_is_its_members(nlp) -> None:  # noqa: ANN001
    [offer] = deals_in(nlp, "Pine Foods said it accepted a $4 billion bid from a consortium that included Oakline "
                            "Capital and Redwood Partners.")
    assert roles(offer) == {("Oakline Capital", "acquirer"), ("Redwood Partners", "acquirer"),
                            ("Pine Foods", "target")}
    [made_up] = deals_in(nlp, "A consortium made up of Oakline Capital and Redwood Partners agreed to buy Pine Foods "
                              "for $4 billion.")
    assert roles(made_up) == {("Oakline Capital", "acquirer"), ("Redwood Partners", "acquirer"),
                              ("Pine Foods", "target")}
    # control: a group with no members named stays unnamed
    [unnamed] = deals_in(nlp, "Pine Foods said it accepted a $4 billion bid from a clutch of buyout firms.")
    assert roles(unnamed) == {("Pine Foods", "target")}


def test_a_deal_that_came_to_nothing_is_no_claim(nlp) -> None:  # noqa: ANN001
    assert deals_in(nlp, "The move follows a failed bid for Pine Foods by Redwood Capital two weeks ago.") == []
    assert deals_in(nlp, "Gulf Crest tried to buy Pine Foods last year.") == []
    assert deals_in(nlp, "Harbor Ales had planned to buy Pine Savings but would now receive cash from the sale "
                         "instead.") == []
    # controls: a plan agreed in the past perfect, and a bid that is still on, stay deals
    [agreed] = deals_in(nlp, "Harbor Motors had agreed in June to sell its Pine Gear unit for $5.6 billion to Oakline "
                             "Capital.")
    assert ("Oakline Capital", "buyer") in roles(agreed)
    [open_bid] = deals_in(nlp, "Redwood Capital made a $3 billion bid for Pine Foods two weeks ago.")
    assert ("Pine Foods", "target") in roles(open_bid)


def test_partners_that_team_up_to_buy_are_buyers_not_a_partnership(nlp) -> None:  # noqa: ANN001
    found = deals_in(nlp, "Harbor Leisure has teamed up with Redwood Capital to buy Pine Casinos for $1.2 billion.")
    assert [c.deal_type for c in found] == ["acquisition"]
    assert roles(found[0]) == {("Harbor Leisure", "acquirer"), ("Redwood Capital", "acquirer"),
                               ("Pine Casinos", "target")}
    # control: partners teaming up to make something are a partnership, as before
    [venture] = deals_in(nlp, "Harbor Motors teamed up with Redwood Energy to build a $2 billion battery plant.")
    assert venture.deal_type == "partnership"


def test_a_bid_made_with_a_sum_names_its_bidder(nlp) -> None:  # noqa: ANN001
    [approach] = deals_in(nlp, "Harbor Mining approached Pine Metals with an all-share takeover offer worth $40 "
                               "billion.")
    assert roles(approach) == {("Harbor Mining", "acquirer"), ("Pine Metals", "target")}
    assert approach.value.amount == 40e9
    [won] = deals_in(nlp, "Redwood Capital defeated rival Oakline Partners with a $2 billion bid for Pine Foods.")
    assert ("Redwood Capital", "acquirer") in roles(won)
    # control: a bid with no sum is not read this way
    assert deals_in(nlp, "Redwood Capital surprised investors with a bid.") == []


def test_a_deal_whose_approval_is_possible_is_told(nlp) -> None:  # noqa: ANN001
    [cleared] = deals_in(nlp, "Regulators signaled they could clear Harbor Ales' $7 billion takeover of Pine Foods.")
    assert roles(cleared) == {("Harbor Ales", "acquirer"), ("Pine Foods", "target")}
    # control: a purchase that could happen is a scenario, no claim
    assert deals_in(nlp, "Harbor Ales could buy Pine Foods for $7 billion.") == []


def test_a_purchase_that_helped_a_result_was_its_companys(nlp) -> None:  # noqa: ANN001
    [helped] = deals_in(nlp, "Harbor Ales' profit rose 12 percent, helped by the acquisition of Pine Foods.")
    assert roles(helped) == {("Harbor Ales", "acquirer"), ("Pine Foods", "target")}
    # control: a result of no named company names no buyer, and gives no claim
    assert deals_in(nlp, "Sales rose 4 percent, helped by the acquisition of Pine Foods.") == []


def test_the_holder_of_a_stake_bought_is_its_seller(nlp) -> None:  # noqa: ANN001
    [held] = deals_in(nlp, "Harbor Ales agreed to buy the 40 percent stake in Pine Foods held by Redwood Partners for "
                           "$900 million.")
    assert roles(held) == {("Harbor Ales", "acquirer"), ("Pine Foods", "target"), ("Redwood Partners", "seller")}
    # control: a stake with no holder named gives no seller
    [plain] = deals_in(nlp, "Harbor Ales agreed to buy a 40 percent stake in Pine Foods for $900 million.")
    assert not any(role == "seller" for _, role in roles(plain))
